"""What `check` finds, in the editor's language (issue 16, item 5): every problem's message comes
from the "check" catalogue (timeline/locale/<lang>/LC_MESSAGES/check.po), is kept as its template
and values until it is shown, and is shown in French, Russian, Kazakh or Arabic
(i18n.CHECK_LANGUAGES) with `check --lang fr`, `--lang ru`, `--lang kk` or `--lang ar` or on a page
in that language; in English it is what the code writes."""

from __future__ import annotations

import dataclasses
import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from timeline import cli, i18n, lastgood, store
from timeline.load import load, load_bytes
from timeline.problems import ERROR, WARNING, Message, Problem, ProblemCode, from_json, say, say_n, to_json

from . import catalogues
from .catalogues import CHECK_KEYWORDS, ROOT, catalogue_ids, fields, forms
from .helpers import csv_bytes, row


def extracted() -> dict:
    """The messages the code marks for the check catalogue: singular -> the message."""
    return catalogues.extracted(CHECK_KEYWORDS)


# --- The catalogue holds every message check writes -----------------------------------------------


def test_the_check_template_holds_every_message_the_code_marks():
    """`make messages` was run after the last change of a message marked say(...)."""
    assert set(extracted()) == set(catalogue_ids(ROOT / "timeline/locale/check.pot"))


def test_the_languages_with_a_check_catalogue_are_those_whose_catalogue_is_there():
    """i18n.CHECK_LANGUAGES (what `check --lang` and the page say in full) is the check.po files."""
    shipped = {lang for lang in i18n.LANGUAGES if i18n.catalogue_path(lang, i18n.CHECK).exists()}
    assert set(i18n.CHECK_LANGUAGES) == shipped
    assert set(i18n.CHECK_LANGUAGES) <= set(i18n.COMPLETE) - {i18n.ENGLISH}


@pytest.mark.parametrize("lang", i18n.CHECK_LANGUAGES)
def test_each_check_catalogue_translates_every_message_and_holds_no_stale_one(lang):
    code = extracted()
    path = i18n.catalogue_path(lang, i18n.CHECK)
    found = catalogue_ids(path)
    missing = sorted(set(code) - {key for key, m in found.items() if all(forms(m)) and not m.fuzzy})
    assert not missing, f"{lang}/check.po misses {missing}"
    stale = sorted(set(found) - set(code))
    assert not stale, f"{lang}/check.po holds messages the code no longer writes: {stale}"
    with open(path, "rb") as file:
        plurals = read_po(file).num_plurals  # (its Plural-Forms: 2 in French, 3 in Russian)
    for key, message in found.items():
        plural = isinstance(message.id, (list, tuple))
        assert plural == isinstance(code[key], (list, tuple)), key
        assert len(forms(message)) == (plurals if plural else 1), key
        for form in forms(message):  # a translation names the same values as its English
            assert fields(form) == fields(message.id[1] if plural else message.id), (key, form)


def test_no_message_is_written_twice_in_the_code():
    """One definition per message: a sentence marked in two places would be two catalogue
    entries that drift apart."""
    seen = {}
    for file, line, message, _comments, _context in extract_from_dir(
        str(ROOT / "timeline"), method_map=[("**.py", "python")], keywords=CHECK_KEYWORDS
    ):
        key = message[0] if isinstance(message, (list, tuple)) else message
        assert key not in seen, f"{key!r} is marked in {seen[key]} and in {file}:{line}"
        seen[key] = f"{file}:{line}"


# --- French, Russian and Kazakh messages for a file of mistakes ----------------------------------

NNBSP = "\u202f"  # French digit groups (CLDR): 4 000; and the space before Russian "г.", Kazakh "ж."
NBSP = "\xa0"  # Russian and Kazakh digit groups (CLDR): 4 000

CASES = [
    (
        "a date read two ways",
        csv_bytes([row("a", "03/04/2022")]),
        2,
        "date",
        "date '03/04/2022' peut se lire de deux façons : 3 avril 2022 (le jour d'abord) ou 4 mars 2022 "
        "(le mois d'abord) ; écrivez 2022-04-03 ou 2022-03-04.",
        f"date '03/04/2022': дату можно прочитать двумя способами: 3 апреля 2022{NNBSP}г. (сначала день) "
        f"или 4 марта 2022{NNBSP}г. (сначала месяц); напишите 2022-04-03 или 2022-03-04.",
        f"date '03/04/2022': күнді екі түрлі оқуға болады: 2022{NNBSP}ж. 3 сәуір (алдымен күн) немесе "
        f"2022{NNBSP}ж. 4 наурыз (алдымен ай); 2022-04-03 немесе 2022-03-04 деп жазыңыз.",
    ),
    (
        "a missing id",
        csv_bytes([row("", "2022-01-07", title="T")]),
        2,
        "id",
        "id est vide ; chaque ligne a besoin de l'identifiant de son événement, un slug comme 'airport-seized'",
        "столбец id пуст; в каждой строке нужен id её события — слаг из латинских букв, цифр и дефисов, например "
        "'airport-seized'",
        "id бағаны бос; әр жолға өз оқиғасының id мәні керек — латын әріптерінен, цифрлардан және дефистерден "
        "тұратын слаг, мысалы, 'airport-seized'",
    ),
    (
        "a bad URL",
        csv_bytes([row("a", "2022-01-07", source_url="netblocks.org/x")]),
        2,
        "source_url",
        "source_url 'netblocks.org/x' ne commence pas par https:// ou http:// : le lien est écarté (le récit "
        "est conservé) ; écrivez l'adresse complète, telle que la montre la barre d'adresse du navigateur : "
        "'https://netblocks.org/x'",
        "source_url 'netblocks.org/x': в начале нет https:// или http://, поэтому ссылка не учтена (сообщение сохранено);"
        " напишите адрес целиком, как в адресной строке браузера: 'https://netblocks.org/x'",
        "source_url 'netblocks.org/x': басында https:// не http:// жоқ, сондықтан сілтеме есепке алынбады (хабар "
        "сақталды); мекенжайды толық, браузердің мекенжай жолындағыдай жазыңыз: 'https://netblocks.org/x'",
    ),
    (
        "a row cut short",
        csv_bytes([row("a", "2022-01-07")]) + b"b,2022-01-08,B\n",
        3,
        "",
        "cette ligne a 3 valeurs alors que l'en-tête a 20 colonnes : la ligne est écartée ; chaque ligne doit "
        "avoir une valeur (ou une place vide entre deux virgules) pour chaque colonne. La ligne commence par "
        "'b,2022-01-08,B'",
        "значений в этой строке: 3, а столбцов в строке заголовков: 20, поэтому строка пропущена; в каждой строке должно "
        "быть значение (или пустое место между запятыми) для каждого столбца. Начало строки: 'b,2022-01-08,B'",
        "бұл жолда 3 мән бар, ал баған атаулары жолында 20 баған бар, сондықтан жол өткізіп жіберілді; әр жолда "
        "әр баған үшін мән (не үтірлер арасындағы бос орын) болуы керек. Жолдың басы: 'b,2022-01-08,B'",
    ),
    (
        "a workbook saved with a .csv name",
        b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml" + b"\x00" * 100,
        0,
        "",
        "le fichier est un classeur Excel (.xlsx), et non du texte CSV : le tableau de bord ne sert que du CSV "
        "(`check` et `import` lisent la première feuille d'un classeur, le tableau de bord non) ; enregistrez-le "
        "en CSV : dans Excel, Fichier > Enregistrer sous « CSV UTF-8 (délimité par des virgules) » ; dans "
        "LibreOffice, Enregistrer sous « Texte CSV » avec « Éditer les paramètres du filtre » : Unicode (UTF-8), "
        "virgule ; dans Google Sheets, Fichier > Télécharger > « Valeurs séparées par des virgules (.csv) » ; "
        "dans Numbers, Fichier > Exporter vers > CSV, Unicode (UTF-8)",
        "файл — книга Excel (.xlsx), а не текст CSV: сайт показывает только CSV (`check` и `import` читают первый лист "
        "книги, сайт — нет); сохраните его как CSV: в Excel — Файл > Сохранить как > «CSV UTF-8 (разделитель — "
        "запятая)»; в LibreOffice — Файл > Сохранить как > «Текст CSV» с флажком «Изменить настройки фильтра»: Юникод "
        "(UTF-8), запятая; в Google Таблицах — Файл > Скачать > CSV; в Numbers — Файл > Экспортировать > CSV, Юникод "
        "(UTF-8)",
        "файл — Excel жұмыс кітабы (.xlsx), CSV мәтіні емес: сайт тек CSV көрсетеді (`check` пен `import` жұмыс "
        "кітабының бірінші парағын оқиды, сайт оқымайды); оны CSV ретінде сақтаңыз: Excel-де — Файл > Басқаша "
        "сақтау > 'CSV UTF-8 (Comma delimited)'; LibreOffice-те — Файл > 'Save As' > 'Text CSV', 'Edit filter "
        "settings' белгісімен: Unicode (UTF-8), үтір; Google Кестелерде — Файл > Жүктеп алу > CSV; Numbers-та — "
        "'File > Export To > CSV', Unicode (UTF-8)",
    ),
    (
        "a column named twice",
        b"id,date,title,category,source,date\na,2022-01-07,A,protest,AP,x\n",
        1,
        "date",
        "l'en-tête nomme 'date' deux fois (colonnes 2 et 6) ; seule la colonne 2 est lue. Supprimez ou "
        "renommez l'autre",
        "в строке заголовков 'date' встречается дважды (столбцы 2 и 6); читается только столбец 2. Удалите или "
        "переименуйте другой",
        "баған атаулары жолында 'date' екі рет кездеседі (2- және 6-бағандар); тек 2-баған оқылады. Екіншісін "
        "өшіріңіз не қайта атаңыз",
    ),
    (
        "a diagnosis: dates a spreadsheet rewrote",
        csv_bytes([row(f"e-{i}", f"{1 + i}/{2 + i}/22") for i in range(5)] + [row("f", "13/1/2022")]),
        0,
        "date",
        "6 des 6 dates de date sont écrites comme '1/2/22' (le jour d'abord, comme Excel et LibreOffice "
        "écrivent les dates avec les réglages britanniques et ceux de la plupart des pays européens) : un "
        "tableur les a très probablement réécrites en enregistrant le fichier, et 5 d'entre elles se lisent de "
        "deux façons ou pas du tout, si bien que leurs lignes sont écartées ; écrivez-les en commençant par "
        "l'année ('1/2/22' est sans doute 2022-02-01 ou 1922-02-01), ou reprenez-les de la copie enregistrée auparavant, et "
        "la prochaine fois, gardez les colonnes au format texte : dans Excel, Données > À partir d'un fichier "
        "texte/CSV (Mac : Fichier > Importer) avec les colonnes au format Texte ; dans LibreOffice, mettez-les "
        "au format Texte dans la boîte de dialogue d'import ; dans Google Sheets, Fichier > Importer sans "
        "« Convertir le texte en nombres, dates et formules » ; Numbers les convertit toujours",
        "в столбце date даты записаны как '1/2/22' (6 из 6; сначала день — так Excel и LibreOffice записывают даты с "
        "британскими настройками и настройками большинства стран Европы): скорее всего, их переписал табличный редактор, "
        "когда сохранял файл, и из них 5 можно прочитать двумя способами или нельзя прочитать вовсе, поэтому их строки "
        "пропущены; запишите их, начиная с года ('1/2/22' — вероятно, 2022-02-01 или 1922-02-01), или возьмите из ранее сохранённой "
        "копии, и в следующий раз импортируйте столбцы как текст: в Excel — Данные > Из текстового/CSV-файла (на Mac: Файл "
        "> Импорт), задав столбцам тип «Текст»; в LibreOffice — задайте им тип «Текст» в окне импорта; в Google Таблицах "
        "— Файл > Импортировать без флажка «Преобразовывать текст в числа, даты и формулы»; Numbers преобразует их всегда",
        "date бағанындағы күндер '1/2/22' түрінде жазылған (6 күннің 6 күні; алдымен күн — Excel мен LibreOffice "
        "күндерді Ұлыбритания мен Еуропа елдерінің көпшілігінің параметрлерімен осылай жазады): оларды файлды "
        "сақтаған кезде кестелік редактор қайта жазған болуы әбден мүмкін, және олардың 5 күнін екі түрлі оқуға "
        "болады не мүлде оқу мүмкін емес, сондықтан олардың жолдары өткізіп жіберілді; оларды жылдан бастап "
        "жазыңыз ('1/2/22' — шамасы, 2022-02-01 немесе 1922-02-01) немесе бұрын сақталған көшірмеден алыңыз, және келесі рет "
        "бағандарды мәтін ретінде импорттаңыз: Excel-де — Деректер > 'From Text/CSV' (Mac-та: 'File > Import'), "
        "бағандарға 'Text' түрін беріп; LibreOffice-те — импорт терезесінде оларға 'Text' түрін беріңіз; Google "
        "Кестелерде — Файл > Импорттау, 'Convert text to numbers, dates, and formulas' белгісін алып тастап; "
        "Numbers оларды әрқашан түрлендіреді",
    ),
    (
        "a count, written as French writes numbers",
        csv_bytes([row("a", "2022-01-07", title="x" * 4000)]),
        2,
        "title",
        f"title fait 4{NNBSP}000 caractères ; un titre se lit mieux en moins de 100 (la frise le raccourcit). "
        f"Déplacez le reste dans description",
        f"длина title — 4{NBSP}000 симв.; заголовок лучше читается, если он короче 100 симв. (на хронологии "
        "он сокращается). Перенесите остальное в description",
        f"title ұзындығы — 4{NBSP}000 таңба; тақырып 100 таңбадан қысқа болса, жақсырақ оқылады (хронологияда ол "
        "қысқартылады). Қалғанын description бағанына көшіріңіз",
    ),
    (
        "a plural: one more row (English said rows)",
        csv_bytes([row("a", "2022-01-07", location="Almaty"), row("a", "2022-01-07", location="Almaty")]),
        2,
        "location",
        "location 'Almaty' n'a ni latitude ni longitude (et 1 autre ligne) ; la carte la place approximativement, "
        "à la seule ville de ce nom, Almaty (KZ). Pour la placer exactement, ajoutez latitude 43.2525 et "
        "longitude 76.9115, ou les coordonnées du lieu lui-même",
        "location 'Almaty': не указаны latitude и longitude (и ещё в 1 строке); карта ставит место приблизительно — в "
        "единственный город с таким названием, Almaty (KZ). Чтобы поставить его точно, укажите latitude 43.2525 и "
        "longitude 76.9115 или координаты самого места",
        "location 'Almaty': latitude және longitude көрсетілмеген (және тағы 1 жолда); карта оны шамамен осы "
        "атаулы жалғыз қалаға қояды: Almaty (KZ). Дәл қою үшін latitude 43.2525 және longitude 76.9115 деп "
        "жазыңыз немесе орынның өз координаттарын көрсетіңіз",
    ),
]


@pytest.mark.parametrize("name, data, at_row, column, french, russian, kazakh", CASES, ids=[c[0] for c in CASES])
def test_a_problem_is_shown_in_french_in_russian_in_kazakh_and_in_english_as_before(
    tmp_path, name, data, at_row, column, french, russian, kazakh
):
    path = tmp_path / "events.csv"
    path.write_bytes(data)
    found = [p for p in load(path).problems if (p.row, p.column) == (at_row, column)]
    assert found, [(p.row, p.column, p.message) for p in load(path).problems]
    problem = found[0]
    english = problem.message  # (English is the language in force unless `using` sets another)
    with i18n.using("en"):
        assert problem.message == english == problem.text.english()
    with i18n.using("fr"):
        assert problem.message == french != english
    with i18n.using("ru"):
        assert problem.message == russian != english
    with i18n.using("kk"):
        assert problem.message == kazakh != english


# check's own message for rows not in UTF-8, as a file of two such rows gets it (its count is then
# set to each count a test asks for: counted below).
NOT_UTF8 = next(
    p.text
    for p in load_bytes(b"id,date,title,category,source\n" + b"a,2022-01-05,Caf\xe9,protest,AFP\n" * 2).problems
    if p.code == ProblemCode.DIAGNOSIS
)


def counted(message: Message, n: int) -> Message:
    """A counted message (NOT_UTF8...) with the count n instead of its own."""
    return Message(message.template, {**message.values, "n": n}, message.plural)


def test_a_plural_takes_the_form_its_count_asks_for():
    one, many = counted(NOT_UTF8, 1), counted(NOT_UTF8, 1200)
    assert str(one).startswith("1 row holds") and str(many).startswith("1,200 rows hold")
    with i18n.using("fr"):
        assert str(one).startswith("1 ligne contient") and "cette ligne est écartée" in str(one)
        assert str(many).startswith(f"1{NNBSP}200 lignes contiennent") and "ces lignes sont écartées" in str(many)


LOOKS_LIKE = say_n(
    "category {key!r} looks like {other!r} ({n} rows); if they are one lane, spell them the same",
    "category {key!r} looks like {other!r} ({n} rows); if they are one lane, spell them the same",
    1,
    key="Protest",
    other="protest",
)
MORE_ROWS = say_n(" (and {n:,} more rows)", " (and {n:,} more rows)", 1)


@pytest.mark.parametrize(
    "n, not_utf8, looks_like, more_rows",
    [
        (1, "в 1 строке текст", "(1 строка)", " (и ещё в 1 строке)"),
        (2, "в 2 строках текст", "(2 строки)", " (и ещё в 2 строках)"),
        (4, "в 4 строках текст", "(4 строки)", " (и ещё в 4 строках)"),
        (5, "в 5 строках текст", "(5 строк)", " (и ещё в 5 строках)"),
        (11, "в 11 строках текст", "(11 строк)", " (и ещё в 11 строках)"),
        (21, "в 21 строке текст", "(21 строка)", " (и ещё в 21 строке)"),
        (22, "в 22 строках текст", "(22 строки)", " (и ещё в 22 строках)"),
        (1200, f"в 1{NBSP}200 строках текст", "(1200 строк)", f" (и ещё в 1{NBSP}200 строках)"),
    ],
)
def test_a_russian_plural_takes_the_form_its_count_asks_for(n, not_utf8, looks_like, more_rows):
    """Russian has three forms: one (1, 21: строка), few (2-4, 22: строки), many (5-20, 11: строк)."""

    with i18n.using("ru"):
        assert str(counted(NOT_UTF8, n)).startswith(not_utf8 + " не в UTF-8")
        assert looks_like in str(counted(LOOKS_LIKE, n))
        assert str(counted(MORE_ROWS, n)) == more_rows


# --- Arabic ----------------------------------------------------------------------------------------

# The nine cases in Arabic (CASES' data): each message begins with an Arabic word, the column named
# after it, so that it reads right to left (the page's dir="auto", a reader); the values, column
# names and formats stay as written, the digits 0-9 as the page writes them.
ARABIC = {
    "a date read two ways": "القيمة '03/04/2022' في العمود date: يمكن قراءة التاريخ بطريقتين: 3 أبريل 2022 (اليوم "
    "أولًا) أو 4 مارس 2022 (الشهر أولًا)؛ اكتب 2022-04-03 أو 2022-03-04.",
    "a missing id": "العمود id فارغ؛ كل صف يحتاج إلى id حدثه، وهو اسم مختصر من حروف لاتينية وأرقام وشرطات، مثل "
    "'airport-seized'",
    "a bad URL": "القيمة 'netblocks.org/x' في العمود source_url لا تبدأ بـ https أو http، لذا يُحذف الرابط (وتبقى "
    "الرواية)؛ اكتب العنوان كاملًا، كما يعرضه شريط العنوان في المتصفح: 'https://netblocks.org/x'",
    "a row cut short": "عدد القيم في هذا الصف 3، لكن عدد الأعمدة في سطر العناوين 20، لذا يُستبعد الصف؛ كل صف يحتاج "
    "إلى قيمة (أو مكان فارغ بين فاصلتين) لكل عمود. يبدأ الصف بـ 'b,2022-01-08,B'",
    "a workbook saved with a .csv name": "الملف مصنف Excel (.xlsx)، لا نص CSV: لا يعرض الموقع إلا CSV (يقرأ `check` "
    "و`import` الورقة الأولى من المصنف، أما الموقع فلا)؛ احفظه بتنسيق CSV: في Excel: ملف > حفظ باسم > «CSV UTF-8 "
    "(Comma delimited)»؛ في LibreOffice: ملف > حفظ باسم > «Text CSV» مع «Edit filter settings»: «Unicode (UTF-8)» "
    "والفاصلة (,)؛ في جداول بيانات Google: ملف > تنزيل > CSV؛ في Numbers: ملف > تصدير إلى > CSV، «Unicode (UTF-8)»",
    "a column named twice": "يرد 'date' في سطر العناوين مرتين (العمودان 2 و6)؛ لا يُقرأ إلا العمود 2. احذف الآخر أو "
    "غيّر اسمه",
    "a diagnosis: dates a spreadsheet rewrote": "في العمود date، 6 من أصل 6 من التواريخ مكتوبة مثل '1/2/22' (اليوم "
    "أولًا، كما يكتب Excel وLibreOffice التواريخ بإعدادات المملكة المتحدة ومعظم الدول الأوروبية): على الأرجح أعاد "
    "برنامج جداول البيانات كتابتها حين حفظ الملف، و5 منها يمكن قراءتها بطريقتين أو لا يمكن قراءتها أصلًا، لذا تُستبعد "
    "صفوفها؛ اكتبها بالسنة أولًا ('1/2/22' هو على الأرجح 2022-02-01 أو 1922-02-01)، أو خذها من النسخة المحفوظة سابقًا، وفي المرة "
    "القادمة استورد الأعمدة نصًّا: في Excel: بيانات > «From Text/CSV» (على Mac: ملف > استيراد) مع ضبط تنسيق الأعمدة "
    "على «نص»؛ في LibreOffice: اضبطها على «نص» في نافذة الاستيراد؛ في جداول بيانات Google: ملف > استيراد دون «Convert "
    "text to numbers, dates, and formulas»؛ أما Numbers فيحوّلها دائمًا",
    "a count, written as French writes numbers": "عدد أحرف title: 4,000؛ يُقرأ العنوان أفضل حين يكون عدد أحرفه أقل "
    "من 100 (يختصره الخط الزمني). انقل الباقي إلى description",
    "a plural: one more row (English said rows)": "المكان 'Almaty' في العمود location ليس له latitude ولا longitude "
    "(وفي 1 صف آخر)؛ تضعه الخريطة تقريبيًّا في البلدة الوحيدة التي تحمل هذا الاسم، Almaty (KZ). لوضعه بدقة، أضف "
    "latitude 43.2525 وlongitude 76.9115، أو إحداثيات المكان نفسه",
}
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_STRONG = re.compile(r"[^\W\d_]")  # a letter: the first decides a paragraph's direction (dir="auto")


def test_the_arabic_cases_are_the_nine_cases():
    assert list(ARABIC) == [c[0] for c in CASES]


@pytest.mark.parametrize("name, data, at_row, column", [c[:4] for c in CASES], ids=[c[0] for c in CASES])
def test_a_problem_is_shown_in_arabic(tmp_path, name, data, at_row, column):
    path = tmp_path / "events.csv"
    path.write_bytes(data)
    [problem, *_] = [p for p in load(path).problems if (p.row, p.column) == (at_row, column)]
    english = problem.message
    with i18n.using("ar"):
        assert problem.message == ARABIC[name] != english
        assert _ARABIC_LETTER.match(_STRONG.search(problem.message).group())  # read right to left
    assert problem.message == english  # (and English again outside)


# A message that another holds (a list, two warnings joined, a value cut short, a date written
# YYYY-MM-DD): it may begin with its first value, as the English does; every other begins with an
# Arabic word.
PIECES = {
    "{listed} and {last}",
    "{listed} and {n:,} more",
    "{n:,} year",  # (the years between a date and the others: load.year_problems)
    "{first}; {second}",
    "{listed}, {value}",
    "{one} or {other}",
    "{problem}; the row is skipped",
    # (a header separated by semicolons, and its text not UTF-8 either: the one said, then the other)
    "{separated}. Its text is not UTF-8 either: it was saved in {script} ({encoding}); open it as {script} "
    "({encoding}), not as Western text, and save it with commas as CSV UTF-8",
    "{separated}. Its text is not UTF-8 either: it was saved as Windows-1252 or Latin-1 (letters such as é or ’ "
    "cannot be read); save it with commas as CSV UTF-8",
    "{text}... ({length:,} characters)",
    "{year:04d}-{month:02d}-{day:02d}",
    "{year:04d}-{month:02d}-{day:02d} and its time",
    "{year:04d}-{month:02d}-{day:02d} or {other:04d}-{month:02d}-{day:02d}",
    "{year:04d}-{month:02d}-{day:02d} or {other:04d}-{month:02d}-{day:02d}, and its time",
}


def test_every_arabic_message_begins_with_an_arabic_word():
    """A message that began with its column's name (date '03/04/2022' ...) would be laid out left
    to right by the page's dir="auto" and by a terminal that orders text: Arabic names the column
    after a word of its own (القيمة '03/04/2022' في العمود date ...)."""
    for key, message in catalogue_ids(i18n.catalogue_path("ar", i18n.CHECK)).items():
        for form in forms(message):
            if form.startswith(" ("):  # (a part within a sentence: " (وفي 3 صفوف أخرى)")
                continue
            if key in PIECES:
                assert form.startswith("{") and form[: form.index("}") + 1] in key, (key, form)
                continue
            assert not form.startswith("{") or form.startswith("{hour"), (key, form)
            letter = _STRONG.search(re.sub(r"\{[^}]*\}", "", form))
            assert letter and _ARABIC_LETTER.match(letter.group()), (key, form)


@pytest.mark.parametrize(
    "n, not_utf8, left_out, looks_like, more_rows",
    [
        (0, "في 0 صفوف نص", "وتُستبعد هذه الصفوف", "(0 صفوف)", " (وفي 0 صفوف أخرى)"),
        (1, "في 1 صف نص", "ويُستبعد هذا الصف", "(1 صف)", " (وفي 1 صف آخر)"),
        (2, "في 2 صفين نص", "ويُستبعد هذان الصفان", "(2 صفان)", " (وفي 2 صفين آخرين)"),
        (3, "في 3 صفوف نص", "وتُستبعد هذه الصفوف", "(3 صفوف)", " (وفي 3 صفوف أخرى)"),
        (11, "في 11 صفًّا نص", "وتُستبعد هذه الصفوف", "(11 صفًّا)", " (وفي 11 صفًّا آخر)"),
        (100, "في 100 صف نص", "وتُستبعد هذه الصفوف", "(100 صف)", " (وفي 100 صف آخر)"),
        (1200, "في 1,200 صف نص", "وتُستبعد هذه الصفوف", "(1200 صف)", " (وفي 1,200 صف آخر)"),
    ],
)
def test_an_arabic_plural_takes_the_form_its_count_asks_for(n, not_utf8, left_out, looks_like, more_rows):
    """Arabic has six forms (ar/timeline.po's Plural-Forms): zero (0: صفوف), one (1: صف), two (2:
    صفان, صفين), few (3-10: صفوف), many (11-99: صفًّا) and other (100-102, 1,200: صف); the
    digits are 0-9, grouped by a comma (CLDR's for ar)."""

    with i18n.using("ar"):
        said = str(counted(NOT_UTF8, n))
        assert said.startswith(not_utf8 + " ليس بترميز UTF-8") and f"{left_out}؛ احفظه" in said
        assert looks_like in str(counted(LOOKS_LIKE, n))
        assert str(counted(MORE_ROWS, n)) == more_rows


@pytest.mark.parametrize(
    "n, not_utf8, those_rows, looks_like, more_rows",
    [
        (1, "1 жолдағы мәтін", "ал ол жол өткізіп", "(1 жол)", " (және тағы 1 жолда)"),
        (2, "2 жолдағы мәтін", "ал ол жолдар өткізіп", "(2 жол)", " (және тағы 2 жолда)"),
        (5, "5 жолдағы мәтін", "ал ол жолдар өткізіп", "(5 жол)", " (және тағы 5 жолда)"),
        (11, "11 жолдағы мәтін", "ал ол жолдар өткізіп", "(11 жол)", " (және тағы 11 жолда)"),
        (21, "21 жолдағы мәтін", "ал ол жолдар өткізіп", "(21 жол)", " (және тағы 21 жолда)"),
        (0, "0 жолдағы мәтін", "ал ол жолдар өткізіп", "(0 жол)", " (және тағы 0 жолда)"),
        (1200, f"1{NBSP}200 жолдағы мәтін", "ал ол жолдар өткізіп", "(1200 жол)", f" (және тағы 1{NBSP}200 жолда)"),
    ],
)
def test_a_kazakh_plural_takes_the_form_its_count_asks_for(n, not_utf8, those_rows, looks_like, more_rows):
    """Kazakh has two forms, one (1) and other (0, 2, 5, 21...); a noun after a number stays
    singular in both (5 жол, not 5 жолдар), and only what points back at the rows, "ол жолдар"
    (those rows), takes the plural."""

    with i18n.using("kk"):
        said = str(counted(NOT_UTF8, n))
        assert said.startswith(not_utf8 + " UTF-8 кодтауында емес") and those_rows + " жіберілді" in said
        assert looks_like in str(counted(LOOKS_LIKE, n))
        assert str(counted(MORE_ROWS, n)) == more_rows


# --- check --lang fr, --lang ru, --lang kk -----------------------------------------------------------


def _messages(output: str) -> list[str]:
    """The messages of check's lines (path:row: column: level: message), values left out."""
    out = []
    for line in output.strip().splitlines()[:-1]:
        message = line.split(": ", 3)[3]
        out.append(re.sub(r"(?<![^\W\d_])'[^']*'(?![^\W\d_])", "", message))  # (not l'en-tête)
    return out


def test_check_lang_fr_writes_every_line_in_french(tmp_path, capsys, monkeypatch):
    """The README's ten mistakes: every message French (no English sentence left), the summary
    too; without --lang, English."""
    path = tmp_path / "mistakes.csv"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    path.write_text(
        re.search(r"saved as `mistakes.csv`\):\n\n```csv\n(.*?)```", readme, re.S).group(1), encoding="utf-8"
    )
    monkeypatch.setattr("sys.argv", ["timeline", "check", "--lang", "fr", str(path)])
    cli.main()
    french = capsys.readouterr().out
    assert french.strip().splitlines()[-1] == "1 événement, 1 récit, 11 erreurs, 1 avertissement"
    english_words = re.compile(r"\b(the|is|are|and|write|empty|row|rows|with|not|has|an)\b")
    for message in _messages(french):
        assert not english_words.search(message), message
    monkeypatch.setattr("sys.argv", ["timeline", "check", str(path)])
    cli.main()
    english = capsys.readouterr().out
    assert english.strip().splitlines()[-1] == "1 event, 1 account, 11 errors, 1 warning"
    assert ": date: error: date '03/04/2022' can be read two ways: 3 April 2022 (day first)" in english
    assert len(_messages(english)) == len(_messages(french))


def _readme_mistakes(tmp_path):
    """The README's file of ten mistakes, as `mistakes.csv`."""
    path = tmp_path / "mistakes.csv"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    path.write_text(
        re.search(r"saved as `mistakes.csv`\):\n\n```csv\n(.*?)```", readme, re.S).group(1), encoding="utf-8"
    )
    return path


# What is the editor's own in a Russian or Kazakh message, not the message's words: a value (quoted
# as Python quotes it), a command (`...`); in Kazakh also a menu left in English, quoted as the
# program shows it ('Text CSV'). Left after them: Russian or Kazakh, column names, formats (CSV
# UTF-8, 2022-04-03), names (Excel, Almaty (KZ)); never an English sentence's words.
_VALUES = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`[^`]*`")
_ENGLISH = re.compile(
    r"\b(the|a|an|is|are|was|be|and|or|of|to|in|on|at|by|for|from|with|as|its|it|this|that|not|no|has|have|"
    r"can|cannot|write|save|row|rows|column|columns|value|values|file|empty|each|every|more|than)\b",
    re.IGNORECASE,
)
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)  # (Russian's letters and Kazakh's)
LEVELS = {"ru": ("ошибка", "предупреждение"), "kk": ("қате", "ескерту")}

MISTAKES = ["README.md's mistakes.csv", "tests/data/hostile.csv"] + sorted(
    str(path.relative_to(ROOT)) for path in (ROOT / "tests/data/bad").glob("*.csv")
)


@pytest.mark.parametrize("file", MISTAKES)
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_check_lang_ru_or_kk_leaves_no_english_sentence(tmp_path, capsys, monkeypatch, lang, file):
    """Files full of mistakes, checked with `--lang ru` or `--lang kk`: each line's level and message
    are Russian (Kazakh), with no English words left but the values, column names and formats; the
    summary too."""
    path = _readme_mistakes(tmp_path) if file.startswith("README") else ROOT / file
    monkeypatch.setattr("sys.argv", ["timeline", "check", "--lang", lang, str(path)])
    cli.main()
    lines = capsys.readouterr().out.strip().splitlines()
    assert _CYRILLIC.search(lines[-1]) and not _ENGLISH.search(lines[-1]), lines[-1]  # the summary
    for line in lines[:-1]:
        _where, _column, level, message = line.split(": ", 3)
        assert level in LEVELS[lang], line
        words = _VALUES.sub("", message)
        assert _CYRILLIC.search(words), f"no {lang} in {line}"
        assert not _ENGLISH.search(words), f"English left in {line}: {_ENGLISH.findall(words)}"


@pytest.mark.parametrize(
    "lang, level, summary",
    [
        ("ru", "ошибка", "1 событие, 1 сообщение, 11 ошибок, 1 предупреждение"),
        ("kk", "қате", "1 оқиға, 1 хабар, 11 қате, 1 ескерту"),
    ],
)
def test_check_lang_ru_or_kk_writes_the_readme_s_mistakes_as_the_readme_says(
    tmp_path, capsys, monkeypatch, lang, level, summary
):
    """The README's Russian and Kazakh example lines and summaries are what `check --lang ru` and
    `--lang kk` write (a narrow no-break space before Russian "г." and Kazakh "ж."; the README, a
    space)."""
    path = _readme_mistakes(tmp_path)
    monkeypatch.setattr("sys.argv", ["timeline", "check", "--lang", lang, str(path)])
    cli.main()
    written = capsys.readouterr().out.replace(str(path), "mistakes.csv").replace(NNBSP, " ").splitlines()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [said] = re.findall(rf"^mistakes.csv:2: date: {level}: .*$", readme, re.M)
    assert said in written
    assert written[-1] == summary
    assert f'"{summary}"' in " ".join(readme.split())


# --- check --lang ar ---------------------------------------------------------------------------------

# A spreadsheet's label kept in English, in «» (where its Arabic name is not sure): the editor's
# menus, like a value.
_LATIN_LABELS = re.compile(r"«[^»\u0600-\u06ff]*»")


@pytest.mark.parametrize("file", MISTAKES)
def test_check_lang_ar_leaves_no_english_sentence(tmp_path, capsys, monkeypatch, file):
    """Files full of mistakes, checked with `--lang ar`: each line's level and message are Arabic,
    each message begins with an Arabic word (it reads right to left), with no English words left but
    the values, column names, formats and spreadsheets' labels; the summary too, its counts
    separated by the Arabic comma."""
    path = _readme_mistakes(tmp_path) if file.startswith("README") else ROOT / file
    monkeypatch.setattr("sys.argv", ["timeline", "check", "--lang", "ar", str(path)])
    cli.main()
    lines = capsys.readouterr().out.strip().splitlines()
    assert _ARABIC_LETTER.search(lines[-1]) and not _ENGLISH.search(lines[-1]), lines[-1]  # the summary
    assert "، " in lines[-1] and ", " not in lines[-1]
    for line in lines[:-1]:
        _where, _column, level, message = line.split(": ", 3)
        assert level in ("خطأ", "تحذير"), line
        assert _ARABIC_LETTER.match(_STRONG.search(message).group()), f"not right to left: {line}"
        words = _LATIN_LABELS.sub("", _VALUES.sub("", message))
        assert _ARABIC_LETTER.search(words), f"no Arabic in {line}"
        assert not _ENGLISH.search(words), f"English left in {line}: {_ENGLISH.findall(words)}"


def test_check_lang_ar_writes_the_readme_s_mistakes_as_the_readme_says(tmp_path, capsys, monkeypatch):
    """The README's Arabic example line and summary are what `check --lang ar` writes."""
    path = _readme_mistakes(tmp_path)
    monkeypatch.setattr("sys.argv", ["timeline", "check", "--lang", "ar", str(path)])
    cli.main()
    arabic = capsys.readouterr().out.replace(str(path), "mistakes.csv").splitlines()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [said] = re.findall(r"^mistakes.csv:2: date: خطأ: .*$", readme, re.M)
    assert said in arabic
    assert arabic[-1] == "1 حدث، 1 رواية، 11 خطأً، 1 تحذير"
    assert '("1 حدث، 1 رواية، 11 خطأً، 1 تحذير")' in readme


# --- Kept, compared, cached -----------------------------------------------------------------------


def test_a_problem_is_kept_as_found_and_written_only_when_shown(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("Bad Id", "2022-01-07"), row("b", "7 January")]))
    problems = load(path).problems
    assert problems and all(isinstance(p.text, Message) for p in problems)


def test_problems_are_equal_when_what_they_say_is():
    def problem(value, row_=2):
        return Problem(
            row_,
            "id",
            ERROR,
            say(
                "id {value} may hold only lowercase letters, digits and hyphens; write it as {slug!r}",
                value=repr(value),
                slug="x",
            ),
        )

    assert problem("X") == problem("X") and hash(problem("X")) == hash(problem("X"))
    assert problem("X") != problem("Y") and problem("X") != problem("X", 3)
    assert len({problem("X"), problem("X"), problem("Y")}) == 2
    assert dataclasses.replace(problem("X"), row=5) == problem("X", 5)
    # A message equals its English text (as a plain string problem is compared in tests).
    assert problem("X").text == "id 'X' may hold only lowercase letters, digits and hyphens; write it as 'x'"
    assert problem("X") == Problem(
        2, "id", ERROR, "id 'X' may hold only lowercase letters, digits and hyphens; write it as 'x'"
    )
    assert sorted([problem("Y"), problem("X", 3), problem("X")]) == [problem("X"), problem("Y"), problem("X", 3)]
    with i18n.using("fr"):  # equality does not depend on the language shown
        assert problem("X") == problem("X") and problem("X") != problem("Y")


def test_a_cached_problem_is_shown_in_french_after_being_written_in_english(tmp_path, monkeypatch):
    monkeypatch.delenv(lastgood.STATE_DIR, raising=False)
    path = tmp_path / "events.csv"
    path.write_bytes(
        csv_bytes(
            [
                row("a", "03/04/2022"),
                row("b", "2022-01-07", source_url="ftp://x.org/y"),
                row("c", "2022-01-07", title="x" * 200),
                row("d", "1 March 2022"),
            ]
        )
    )
    with i18n.using("en"):
        store.open_index(path)  # checked and written to the cache in English
    cached = store.read(path)
    assert cached is not None
    fresh = load(path)
    assert cached.dataset.problems == fresh.problems
    with i18n.using("fr"):
        assert [p.message for p in cached.dataset.problems] == [p.message for p in fresh.problems]
        shown = {p.row: p.message for p in cached.dataset.problems}
    assert shown[2].startswith("date '03/04/2022' peut se lire de deux façons : 3 avril 2022")
    assert "n'est pas un lien web" in shown[3]
    assert [p.message for p in cached.dataset.problems] == [p.message for p in fresh.problems]  # English


def test_a_problem_the_app_writes_in_plain_words_is_shown_as_it_is():
    plain = Problem(0, "filter", WARNING, "'event' 'X' is not an event id", ProblemCode.OTHER)
    with i18n.using("fr"):
        assert plain.message == "'event' 'X' is not an event id"
    kept = from_json(to_json([plain.text, say("the sheet is empty")]))
    assert kept == [plain.text, "the sheet is empty"] and type(kept[0]) is str and isinstance(kept[1], Message)


def test_many_categories_with_long_names_are_listed_not_a_crash(tmp_path):
    """The warning of too many categories quotes four of them, cut short when long: a cut value is
    a message of its own (its length in the reader's language), joined to the others lazily."""
    rows = ["id,date,title,category,source"] + [
        f"e{i},2022-01-{i % 28 + 1:02d},T{i},category number {i} with a very long name indeed,AP" for i in range(40)
    ]
    path = tmp_path / "events.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dataset = load(path)
    [problem] = [p for p in dataset.problems if p.code == ProblemCode.TOO_MANY_CATEGORIES]
    assert (
        "category holds 40 different values ('category number 0 with a very ... (46 characters)', "
        "'category number 1 with a very ... (46 characters)'" in problem.message
    )
    with i18n.using("fr"):
        assert "(46 caractères)', 'category number 1" in problem.message


@pytest.mark.parametrize(
    "lang, listed",
    [("en", "rows 3, 4 and 5 repeat"), ("fr", "3, 4 et 5"), ("ar", "3، 4 و5")],
)
def test_a_list_of_rows_is_joined_as_the_language_joins_one(tmp_path, lang, listed):
    """Rows listed in a message: their commas too are the language's (Arabic's ، where a Latin comma
    stood, "3, 4 و5")."""
    path = tmp_path / "events.csv"
    path.write_bytes(csv_bytes([row("a", f"2022-01-0{day}", title="Same") for day in range(1, 5)]))
    [problem] = [p for p in load(path).problems if p.column == "id"]
    with i18n.using(lang):
        assert listed in problem.message


def test_a_list_of_thousands_of_rows_is_said_and_kept():
    """A TimelineJS sheet whose every other row holds an embed lists 600 rows in one message: a
    list nested a message a word went past Python's recursion limit (import stopped with a
    traceback after it had written the file). The list, as shown and as kept in the cache."""
    from timeline.problems import and_list, from_json, to_json

    rows = [str(n) for n in range(2, 2002, 2)]
    said = and_list(rows)
    assert str(said) == ", ".join(rows[:-1]) + " and 2000"
    assert str(from_json(to_json([said]))[0]) == str(said)
    with i18n.using("ar"):
        assert str(said).endswith("1996، 1998 و2000")
