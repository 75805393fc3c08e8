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
        np.testing.assert_array_equal(index.events["id"].to_numpy()[index.account_event],
                                      dataset.accounts["id"].to_numpy())
