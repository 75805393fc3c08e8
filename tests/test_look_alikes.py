"""Values that look the same and are not (issue: look-alike characters): a letter of another
script among Latin ones (`рrotest`, a Cyrillic р), an invisible character, a non-breaking hyphen.
schema.fold says how a value looks; the lanes, the outlets and the ids are told apart by it."""

from __future__ import annotations

import pytest

from timeline import schema

from .test_load import W, line, load_text, text, where

FOLDED = [
    # (value, as it looks (schema.fold), the look-alike letters it holds, its slug)
    ("\u0440rotest", "protest", ["\u0440"], "protest"),  # Cyrillic р
    ("\u0440rotest-1", "protest-1", ["\u0440"], "protest-1"),
    ("\u0410FP", "AFP", ["\u0410"], "afp"),  # Cyrillic А
    ("AFP\u200b", "AFP", [], "afp"),
    ("\u200eAFP", "AFP", [], "afp"),
    ("Agence France\u2011Presse", "Agence France-Presse", [], "agence-france-presse"),
    ("Agence France\u2010Presse", "Agence France-Presse", [], "agence-france-presse"),
    ("\u03bfpen", "open", ["\u03bf"], "open"),  # Greek ο
    ("\uff21\uff26\uff30", "AFP", [], "afp"),  # fullwidth: NFKC
    # A word mostly of another script: a Latin letter in it is the odd one (a Latin o in протест).
    ("\u043f\u0440o\u0442\u0435\u0441\u0442", "\u043f\u0440\u043e\u0442\u0435\u0441\u0442", ["o"], "protest"),
    ("T\u0410\u0421\u0421", "\u0422\u0410\u0421\u0421", ["T"], "tass"),
    # A word wholly of another script is its own: not read as Latin.
    ("\u041f\u0440\u043e\u0442\u0435\u0441\u0442", "\u041f\u0440\u043e\u0442\u0435\u0441\u0442", [], "protest"),
    ("\u0410\u0420 news", "\u0410\u0420 news", [], "ar-news"),
    ("Caf\u00e9", "Caf\u00e9", [], "cafe"),
    ("protest", "protest", [], "protest"),
]


@pytest.mark.parametrize("value, folded, letters, slug", FOLDED)
def test_fold_says_how_a_value_looks(value, folded, letters, slug):
    assert schema.fold(value) == folded
    assert schema.look_alikes(value) == letters
    assert schema.slug(value) == slug


UNLIKE = [
    ("\u0440rotest", "the Cyrillic letter \u0440 (U+0440), which looks like the Latin p"),
    ("\u03bfpen", "the Greek letter \u03bf (U+03BF), which looks like the Latin o"),
    ("AFP\u200b", "the invisible character U+200B zero width space"),
    ("\ufeffAFP\u200e", "the invisible characters U+FEFF zero width no-break space, U+200E left-to-right mark"),
    ("France\u2011Presse", "the character U+2011 non-breaking hyphen, which looks like a hyphen (-)"),
    ("civil\u00a0unrest", "the character U+00A0 no-break space, which looks like a space"),
    ("\u043f\u0440o\u0442\u0435\u0441\u0442", "the Latin letter o (U+006F), which looks like the Cyrillic \u043e"),
    ("\u03c0\u03bfp\u03bf\u03c2", "the Latin letter p (U+0070), which looks like the Greek \u03c1"),
    (
        "\u0410F\u200bP",
        "the Cyrillic letter \u0410 (U+0410), which looks like the Latin A and the invisible character U+200B "
        "zero width space",
    ),
    # (an accent typed as a mark of its own, as macOS and PDFs write é; a ligature; full-width letters)
    ("se\u0301curite\u0301", "the accent typed as a mark of its own, U+0301 combining acute accent"),
    ("\ufb01re", "the character U+FB01 latin small ligature fi, another form of 'fi'"),
    (
        "\uff30\uff32\uff2f\uff34\uff25\uff33\uff34",
        "6 characters of other forms (U+FF30 fullwidth latin capital letter p, U+FF32 fullwidth latin capital "
        "letter r, ...), which as usually typed read 'PROTEST'",
    ),
    # (Korean as macOS writes it, each syllable as its letters' parts)
    ("\u1109\u1175\u110b\u1171", "letters typed as their parts, as macOS writes them (one letter as two or three)"),
    ("AFP", ""),
]


@pytest.mark.parametrize("value, said", UNLIKE)
def test_what_tells_a_look_alike_apart_is_named(value, said):
    assert str(schema.unlike(value)) == said


IDS = [
    # (id, what the error says)
    (
        "\u0440rotest-1",
        "id '\u0440rotest-1' holds the Cyrillic letter \u0440 (U+0440), which looks like the Latin p; retype it: "
        "'protest-1'",
    ),
    ("a\u0435-2", "holds the Cyrillic letter \u0435 (U+0435), which looks like the Latin e; retype it: 'ae-2'"),
    ("a4\u200b", "id 'a4\\u200b' may hold only lowercase letters, digits and hyphens; write it as 'a4'"),
    ("Bad Id", "id 'Bad Id' may hold only lowercase letters, digits and hyphens; write it as 'bad-id'"),
]


@pytest.mark.parametrize("value, says", IDS)
def test_an_id_with_a_look_alike_letter_names_it_and_the_id_meant(value, says):
    dataset = load_text(text(line(id=value)))
    assert where(dataset) == [(2, "id", "error")]
    assert says in dataset.problems[0].message


CATEGORIES = [
    # (the common spelling, the rarer one, what the warning on the rarer one's first row says)
    (
        "protest",
        "\u0440rotest",
        "category '\u0440rotest' looks like 'protest' (2 rows) but is another value: '\u0440rotest' holds the "
        "Cyrillic letter \u0440 (U+0440), which looks like the Latin p; if they are one lane, retype it",
    ),
    (
        "\u0440rotest",
        "protest",
        "category 'protest' looks like '\u0440rotest' (2 rows) but is another value: '\u0440rotest' holds",
    ),
    ("protest", "protest\u200b", "holds the invisible character U+200B zero width space; if they are one lane"),
    ("sit-in", "sit\u2011in", "holds the character U+2011 non-breaking hyphen, which looks like a hyphen (-)"),
    (
        "civil unrest",
        "civil\u00a0unrest",
        "category 'civil\\xa0unrest' looks like 'civil unrest' (2 rows) but is another value: 'civil\\xa0unrest' holds "
        "the character U+00A0 no-break space, which looks like a space; if they are one lane, retype it",
    ),
    ("protest", "protests", "category 'protests' looks like 'protest' (2 rows); if they are one lane, spell them"),
    (
        "\u043f\u0440\u043e\u0442\u0435\u0441\u0442",
        "\u043f\u0440o\u0442\u0435\u0441\u0442",
        "category '\u043f\u0440o\u0442\u0435\u0441\u0442' looks like '\u043f\u0440\u043e\u0442\u0435\u0441\u0442' "
        "(2 rows) but is another value: '\u043f\u0440o\u0442\u0435\u0441\u0442' holds the Latin letter o (U+006F), "
        "which looks like the Cyrillic \u043e; if they are one lane, retype it",
    ),
    # (was "... but is another value: 'sécurité' holds ; if they are one lane": nothing said of why)
    ("s\u00e9curit\u00e9", "se\u0301curite\u0301", "holds the accent typed as a mark of its own, U+0301"),
    ("fire", "\ufb01re", "holds the character U+FB01 latin small ligature fi, another form of 'fi'; if they"),
    ("protest", "security", None),
]


@pytest.mark.parametrize("common, rare, says", CATEGORIES)
def test_a_category_that_looks_like_another_is_warned_about(common, rare, says):
    dataset = load_text(text(line(id="a", category=common), line(id="b", category=common), line(id="c", category=rare)))
    if says is None:
        assert dataset.problems == []
        return
    assert where(dataset) == [(4, "category", W)]
    assert says in dataset.problems[0].message


OUTLETS = [
    # (a source, what the warning on its row says; None: nothing said)
    (
        "\u0410FP",
        "source '\u0410FP' holds the Cyrillic letter \u0410 (U+0410), which looks like the Latin A: it is another "
        "outlet than 'AFP', listed and counted apart; if they are one, retype it",
    ),
    ("AFP\u200b", "source 'AFP\\u200b' holds the invisible character U+200B zero width space: it is another outlet"),
    ("\ufeffAFP", "holds the invisible character U+FEFF zero width no-break space: it is another outlet than 'AFP'"),
    ("Interfax\u2011Ukraine", "holds the character U+2011 non-breaking hyphen, which looks like a hyphen (-)"),
    ("Reuters \u0440ress", "holds the Cyrillic letter \u0440 (U+0440), which looks like the Latin p"),
    (
        "T\u0410\u0421\u0421",
        "source 'T\u0410\u0421\u0421' holds the Latin letter T (U+0054), which looks like the Cyrillic \u0422: it "
        "is another outlet than '\u0422\u0410\u0421\u0421'",
    ),
    # A name wholly of another script, or one whose invisible characters its script needs, is its own.
    ("\u0422\u0410\u0421\u0421", None),  # ТАСС
    ("\u0425\u0430\u0431\u0430\u0440 24", None),  # Хабар 24
    ("\u0647\u0645\u0634\u0647\u0631\u06cc\u200c\u0622\u0646\u0644\u0627\u06cc\u0646", None),  # a Persian outlet, ZWNJ
    ("\u200fBBC \u0639\u0631\u0628\u064a", None),  # a right-to-left mark
    ("Le Temps", None),
    ("Caf\u00e9 Babel", None),
]


@pytest.mark.parametrize("source, says", OUTLETS)
def test_an_outlet_that_looks_like_another_is_warned_about(source, says):
    """A source with a letter of another script among Latin ones, or an invisible character no
    script needs, is another outlet to the outlet filter and to each event's count of sources:
    a warning on its row, the account kept as written."""
    dataset = load_text(text(line(id="a", source="AFP"), line(id="b", source=source)))
    assert list(dataset.accounts["source"]) == ["AFP", source]
    if says is None:
        assert dataset.problems == []
        return
    assert where(dataset) == [(3, "source", W)]
    assert says in dataset.problems[0].message
