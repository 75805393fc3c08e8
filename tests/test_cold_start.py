"""A cold start's shortcuts give what the long way gives: the index groups the accounts of a
loaded file as `load` grouped them, equal to looking each account's id up among the events."""

from __future__ import annotations

import dataclasses
import random

import numpy as np

import timeline
from timeline.index import build_index

from .helpers import csv_bytes
from .test_appends import random_bytes, same_index


def test_the_index_of_a_loaded_file_groups_accounts_as_looking_their_ids_up_does(tmp_path):
    for seed in range(12):
        rng = random.Random(seed)
        path = tmp_path / f"events-{seed}.csv"
        path.write_bytes(csv_bytes([]) + random_bytes(rng, rng.randint(1, 120)))
        dataset = timeline.load(path)
        assert dataset.account_event is not None and len(dataset.account_event) == len(dataset.accounts)
        looked_up = build_index(dataclasses.replace(dataset, account_event=None))
        index = build_index(dataset)
        same_index(index, looked_up)
        # Each account's event has the account's id.
        np.testing.assert_array_equal(
            index.events["id"].to_numpy()[index.account_event], dataset.accounts["id"].to_numpy()
        )


def test_the_outlets_are_read_once_and_give_what_each_column_s_own_pass_gives(tmp_path):
    import pandas as pd

    from timeline import model
    from timeline.search import distinct_values

    for seed in range(6):
        rng = random.Random(100 + seed)
        path = tmp_path / f"events-{seed}.csv"
        rows = random_bytes(rng, rng.randint(1, 80)).replace(b",Reuters", b",REUTERS", 3).replace(b",AP", b",Ap", 2)
        path.write_bytes(csv_bytes([]) + rows)
        index = build_index(timeline.load(path))
        sources = index.dataset.accounts["source"]
        codes, keys = pd.factorize(model.source_key(sources))
        np.testing.assert_array_equal(index.source_code, codes)
        assert index.source_keys == [str(k) for k in keys]
        # (the names one outlet goes by, AP and Ap, counted as one, named as first written)
        named = pd.DataFrame({"name": sources, "key": model.source_key(sources)}).dropna()
        counts = named.groupby("key", sort=False)["name"].agg(["first", "size"])
        assert index.outlets == sorted(
            ((str(k), int(v)) for k, v in zip(counts["first"], counts["size"])), key=lambda kv: (kv[0].lower(), kv[0])
        )
        assert dict(index.outlets) == {
            name: int((named["key"] == key).sum()) for key, name in zip(keys, index.source_names)
        }
        alone = distinct_values(index.dataset.accounts)
        for name, (codes, values) in alone.items():
            np.testing.assert_array_equal(index.distinct[name][0], codes)
            assert index.distinct[name][1].to_pylist() == values.to_pylist()


def test_the_gazetteer_s_other_names_find_the_towns_a_dict_of_them_finds():
    """places indexes 350,000 other names at once (sorted, binary search): the same towns, in the
    same order, as a dict filled name by name, whatever the names hold."""
    from timeline import places
    from timeline.places import Place

    towns = [Place(f"Town {i}", "KZ", i, i, i) for i in range(6)]
    others = [
        ["Almaty", "ALMATY", "Alma-Ata", "ALV", "town 0"],  # (its own name and a code: not kept)
        ["Alma-Ata", "Верный", "ВЕРНЫЙ", "Straße", "STRASSE"],
        [],
        ["Line\nbreak", "alma-ata", "Şehir"],
        ["Lone \ud800 surrogate", "Kelvin \u212a", "ǅungla"],
        ["İstanbul", "ISTANBUL", "x"],
    ]

    def by_dict(others):
        found = {}
        for place, names in zip(towns, others):
            for name in {n.casefold() for n in names}:
                if len(name) > 3 and name != place.name.casefold():
                    found.setdefault(name, []).append(place)
        return {name: tuple(places) for name, places in found.items()}

    clean = [[n for n in names if "\n" not in n and "\ud800" not in n] for names in others]
    for some in (others, clean):  # (a name with a line break: each casefolded on its own)
        indexed = places._index_other_names(towns, some)
        # (A name UTF-8 cannot write is never looked up: no location read from a file holds one.)
        expected = {name: found for name, found in by_dict(some).items() if "\ud800" not in name}
        assert len(indexed) == len(expected)
        for name, found in expected.items():
            assert name in indexed and indexed.get(name) == found, name
        assert "nowhere" not in indexed and indexed.get("nowhere") == ()
