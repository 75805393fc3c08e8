"""The checked data of a file version, on disk: what `load` and `build_index` make of it, kept.

Reading a large events file, checking every value and building the index takes seconds (a
million rows), and each gunicorn worker did it, holding its own copy. Here that work is done
once per version of the file and written to an Arrow IPC file (Feather v2, uncompressed) in the
state folder (`.timeline/` beside the file, or $TIMELINE_STATE_DIR: see timeline.lastgood).
Every worker memory-maps it, so a restart with an unchanged file reads no CSV, and the columns
and index arrays are views of one copy in the page cache, shared by all the workers.

A cache is used only when it is this version's and this program's, whole:

- its key is the file's signature (mtime, size, inode) and a hash of the file's first and last
  bytes: an edit that keeps size and time still changes the key;
- it names its format (FORMAT) and the program that wrote it (PROGRAM: a digest of the data
  layers' source and the versions of pandas, pyarrow and numpy);
- it is written to a temporary file, flushed to disk and renamed into place, so a reader sees
  the old file or the new one, never half of one; a file cut short anyway (a crash without the
  flush) has no Arrow footer, the description of its contents is checked against its digest
  and against the arrays it holds, and every byte against the digest written after them
  (timeline.arrowfile: a byte changed by a disk error or by hand makes it another file).

Anything else (stale, torn, another program's, unreadable) is ignored and rebuilt, never
trusted. The file is only ever replaced, never changed in place (a process reading a mapped
file that is cut short under it is stopped by the system): do not edit it, delete it. A state folder that cannot be written costs only speed: the file is loaded as before.

The file holds one record batch of one row: each column a list holding one whole array (a
table's column, an index array), so arrays of different lengths share one file and one footer.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa

from . import arrowfile, lastgood
from .load import Dataset, Resume, edge_spans, load, signature
from .problems import Problem, ProblemCode, from_json, to_json
from .search import TextGrams, text_grams

if TYPE_CHECKING:  # (imported where an index is made: `timeline add` reads only the data)
    from .index import EventIndex

FORMAT = 3  # the layout of the file below; raise it when it changes
SUFFIX = ".checked.arrow"  # beside the last good version's files in the state folder
GRAMS_SUFFIX = ".search.arrow"  # the search's sequences of the same version (open_grams)
DATA_MODULES = (
    "csvfile",
    "dates",
    "diagnosis",
    "digest",
    "index",
    "links",
    "load",
    "media",
    "model",
    "places",
    "problems",
    "schema",
    "store",
    "workbook",
)

# EventIndex's arrays, stored as they are (positions are rebuilt from the events' ids).
INDEX_ARRAYS = (
    "start",
    "last",
    "is_span",
    "x",
    "lane",
    "disputed",
    "lat",
    "lon",
    "approximate",
    "place",
    "source_code",
    "account_event",
    "account_order",
    "account_bounds",
)


def _program() -> str:
    """What made the cache: the source of the data layers and the libraries that read it back."""
    digest = hashlib.sha256(f"{pd.__version__} {pa.__version__} {np.__version__}".encode())
    here = Path(__file__).resolve().parent
    for name in DATA_MODULES:
        digest.update((here / f"{name}.py").read_bytes())
    return digest.hexdigest()[:16]


PROGRAM = _program()


def cache_path(path: str | os.PathLike) -> Path:
    """Where the checked data of the file at `path` is kept (one file: the latest version)."""
    copy = lastgood.copy_path(path)  # (the state folder, and the file's name in it)
    return copy.with_name(copy.name.removesuffix(".last-good") + SUFFIX)


def open_index(path: str | os.PathLike) -> EventIndex:
    """The index of the file's current version: memory-mapped from the cache when it holds that
    version, else loaded, checked and indexed, then written to the cache for the next process.
    One process builds at a time; the others wait for it and then map what it wrote."""
    from .index import build_index

    path = Path(path)
    found = read(path)
    if found is not None:
        return found
    with _building(cache_path(path)):
        found = read(path)  # (another process may have written it meanwhile)
        if found is not None:
            return found
        dataset = load(path)
        index = build_index(dataset, grams=False)  # (open_grams makes those, later)
        if dataset.signature[1] is None or signature(path) != dataset.signature:
            return index  # (no file, or it changed while it was read: not worth keeping)
        try:
            write(path, index)
        except (OSError, TypeError, pa.ArrowException) as error:
            _warn_once(path, error)
            return index
        # The mapped copy from now on: this process then shares it with the others, and the
        # memory of the one just built is given back.
        return read(path) or index


def read(path: str | os.PathLike) -> EventIndex | None:
    """The cached index of the file's current version, or None when there is none that can be
    trusted (missing, stale, torn, another program's)."""
    return _mapped(Path(path), None, _index)


def write(path: str | os.PathLike, index: EventIndex) -> Path:
    """Write the index of the version just read; OSError when the state folder cannot be written."""
    path = Path(path)
    about: dict = {"key": _key(path, index.dataset.signature)}
    arrays: dict = {}
    about["events"] = _frame(index.events, "events/", arrays)
    about["accounts"] = _frame(index.dataset.accounts, "accounts/", arrays)
    problems = index.dataset.problems
    for name, values, kind in (
        ("row", [p.row for p in problems], pa.int64()),
        ("column", [p.column for p in problems], pa.large_string()),
        ("level", [p.level for p in problems], pa.large_string()),
        ("code", [str(p.code) for p in problems], pa.large_string()),
    ):
        arrays[f"problems/{name}"] = pa.array(values, kind)
    # The messages as their templates and values (shown in any language): one JSON document.
    arrays["problems/messages"] = pa.array([to_json([p.text for p in problems])], pa.large_string())
    for name in INDEX_ARRAYS:
        arrays[f"index/{name}"] = _plain(getattr(index, name))
    about["index"] = {name: str(getattr(index, name).dtype) for name in INDEX_ARRAYS}
    arrays["index/lanes"] = pa.array(index.lanes, pa.large_string())
    arrays["index/source_keys"] = pa.array(index.source_keys, pa.large_string())
    arrays["index/outlets"] = pa.array([name for name, _ in index.outlets], pa.large_string())
    arrays["index/outlet_counts"] = pa.array([count for _, count in index.outlets], pa.int64())
    for name, (codes, uniques) in index.distinct.items():
        arrays[f"distinct/{name}/codes"] = pa.array(codes)
        arrays[f"distinct/{name}/values"] = uniques
    about["distinct"] = list(index.distinct)
    about["resume"] = _described(index.dataset.resume)
    return arrowfile.write(cache_path(path), about, arrays)


def _described(resume: Resume | None) -> dict | None:
    """Where an append can be read on from (load.Resume), as JSON: so that a worker that mapped
    this version reads only the rows appended after it (timeline.appends)."""
    if resume is None:
        return None
    described = dataclasses.asdict(resume)
    described["header"] = resume.header.hex()
    described["categories"] = [[key, *value] for key, value in resume.categories.items()]
    described["places"] = [[key, *value] for key, value in resume.places.items()]
    described["years"] = [[year, count] for year, count in resume.years.items()]
    return described


def _resume(described: dict | None) -> Resume | None:
    if described is None:
        return None
    return Resume(
        **{
            **described,
            "header": bytes.fromhex(described["header"]),
            "categories": {key: (count, first) for key, count, first in described["categories"]},
            "places": {key: (count, first) for key, count, first in described["places"]},
            "years": {year: count for year, count in described["years"]},
        }
    )


def version_key(path: str | os.PathLike) -> dict:
    """The key of the file's current version: what a cache of it holds (see `read_dataset`)."""
    return _key(Path(path))


def read_dataset(path: str | os.PathLike, key: dict | None = None, known: list[int] | None = None) -> Dataset | None:
    """The checked data (events, accounts, problems and Resume, no index) of the version of the
    file whose key is `key` (default: its current version's), mapped from the cache; None when
    the cache does not hold that version whole. For `timeline add` (timeline.context), which reads
    on from it; a `key` other than the current version's is that of a version the file grew from.
    `known`: the cache file's identity when an add last found it whole (arrowfile.read)."""
    return _mapped(Path(path), key, _dataset, known)


def _mapped(path: Path, key: dict | None, make, known: list[int] | None = None):
    """`make(path, key, *what the cache holds)` for the version whose key is `key` (default: the
    file's current version's); None when the cache does not hold it whole or cannot be read."""
    key = _key(path) if key is None else key
    found = arrowfile.read(cache_path(path), key, known)
    if found is None:
        return None
    try:
        return make(path, key, *found)
    except (pa.ArrowException, ValueError, KeyError, TypeError, IndexError):
        return None


# --- The search's sequences ---------------------------------------------------------------------


def grams_path(path: str | os.PathLike) -> Path:
    """Where the search's sequences of the file's current version are kept, beside its data."""
    return cache_path(path).with_name(cache_path(path).name.removesuffix(SUFFIX) + GRAMS_SUFFIX)


def open_grams(path: str | os.PathLike, index: EventIndex) -> TextGrams:
    """The search's sequences of `index`, the file's current version (timeline.search.TextGrams:
    seconds to make at a million events, 128 bytes an account): mapped from the state folder when
    it holds this version's, else made and written there, so that every worker shares one copy."""
    path = Path(path)
    key = _key(path, index.dataset.signature)
    target = grams_path(path)
    found = _grams(target, key)
    if found is not None:
        return found
    with _building(target):
        found = _grams(target, key)
        if found is not None:
            return found
        grams = text_grams(index.dataset.accounts)
        try:
            arrowfile.write(
                target,
                {"key": key, "accounts": grams.accounts, "rows": grams.bits.shape[0]},
                {"bits": pa.array(grams.bits.reshape(-1)), "always": pa.array(grams.always)},
            )
        except (OSError, pa.ArrowException) as error:
            _warn_once(path, error)
            return grams
        return _grams(target, key) or grams


def _grams(target: Path, key: dict) -> TextGrams | None:
    found = arrowfile.read(target, key)
    if found is None:
        return None
    about, arrays = found
    try:
        bits = arrays["bits"].to_numpy(zero_copy_only=True).reshape(about["rows"], -1)
        return TextGrams(accounts=about["accounts"], bits=bits, always=arrays["always"].to_numpy(zero_copy_only=True))
    except (pa.ArrowException, ValueError, KeyError, TypeError):
        return None


# --- The key ------------------------------------------------------------------------------------


def _key(path: Path, stamp: tuple | None = None) -> dict:
    """What must match for a cache to be this version's and this program's."""
    stamp = signature(path) if stamp is None else stamp
    return {"format": FORMAT, "program": PROGRAM, "signature": list(stamp[1:]), "edges": _edges(path)}


def _edges(path: Path) -> str:
    """A hash of the file's first and last WINDOW bytes (load.edge_spans; "" when it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            for start, length in edge_spans(os.fstat(file.fileno()).st_size):
                file.seek(start)
                digest.update(file.read(length))
    except OSError:
        return ""
    return digest.hexdigest()


# --- Frames and arrays, to Arrow and back ---------------------------------------------------------


def _frame(frame: pd.DataFrame, prefix: str, arrays: dict) -> list:
    """Put a frame's columns in `arrays`; what each column was, to make it again (TypeError for a
    kind of column not kept here: then there is no cache, only a slower start)."""
    columns = []
    for name in frame.columns:
        series = frame[name]
        dtype = series.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            arrays[f"{prefix}{name}"] = pa.array(series.array.codes)
            arrays[f"{prefix}{name}:categories"] = pa.array(
                np.asarray(dtype.categories, dtype=object), pa.large_string()
            )
            columns.append([name, "category", dtype.ordered])
        elif isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow" and dtype == "str":
            chunked = series.array.__arrow_array__()  # (one chunk as it is: no copy of its text)
            arrays[f"{prefix}{name}"] = chunked.chunk(0) if chunked.num_chunks == 1 else chunked.combine_chunks()
            columns.append([name, "str", None])
        elif isinstance(dtype, np.dtype) and dtype.kind in "biufM":
            arrays[f"{prefix}{name}"] = _plain(series.to_numpy())
            columns.append([name, "numpy", dtype.str])
        else:
            raise TypeError(f"column {name!r} of type {dtype} is not kept in the cache")
    return columns


def _plain(values: np.ndarray) -> pa.Array:
    """A numpy array as Arrow bytes that numpy can view again (bool as bytes, dates as int64)."""
    values = np.ascontiguousarray(values)
    if values.dtype.kind == "b":
        values = values.view(np.uint8)
    elif values.dtype.kind == "M":
        values = values.view(np.int64)
    return pa.array(values)


def _view(array: pa.Array, dtype: str) -> np.ndarray:
    """The numpy array `_plain` stored, as a view of the mapped bytes (read-only, no copy)."""
    return array.to_numpy(zero_copy_only=True).view(np.dtype(dtype))


def _columns(columns: list, prefix: str, arrays: dict, length: int) -> pd.DataFrame:
    """A frame made again from `_frame`'s description, its columns views of the mapped arrays."""
    made = {}
    for name, kind, extra in columns:
        array = arrays[f"{prefix}{name}"]
        if kind == "category":
            categories = pd.Index(
                pd.arrays.ArrowStringArray(pa.chunked_array([arrays[f"{prefix}{name}:categories"]])), dtype="str"
            )
            dtype = pd.CategoricalDtype(categories, ordered=extra)
            made[name] = pd.Series(
                pd.Categorical.from_codes(array.to_numpy(zero_copy_only=True), dtype=dtype, validate=False)
            )
        elif kind == "str":
            made[name] = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([array])), dtype="str")
        else:
            made[name] = pd.Series(_view(array, extra), copy=False)
    return pd.DataFrame(made, index=pd.RangeIndex(length), copy=False)


def _dataset(path: Path, key: dict, about: dict, arrays: dict) -> Dataset:
    events = _columns(about["events"], "events/", arrays, about["lengths"]["index/start"])
    accounts = _columns(about["accounts"], "accounts/", arrays, about["lengths"]["index/source_code"])
    problems = [
        Problem(row, column, level, text, ProblemCode(code))
        for row, column, level, text, code in zip(
            *(arrays[f"problems/{name}"].to_pylist() for name in ("row", "column", "level")),
            from_json(arrays["problems/messages"][0].as_py()),
            arrays["problems/code"].to_pylist(),
            strict=True,
        )
    ]
    return Dataset(
        events, accounts, problems, str(path), (str(path), *key["signature"]), resume=_resume(about.get("resume"))
    )


def _index(path: Path, key: dict, about: dict, arrays: dict) -> EventIndex:
    from .index import EventIndex, known_from

    dataset = _dataset(path, key, about, arrays)
    events, accounts = dataset.events, dataset.accounts
    index_arrays: dict = {name: _view(arrays[f"index/{name}"], dtype) for name, dtype in about["index"].items()}
    # When each account became known (as of a date): made again, a tenth of a second at a million.
    known = known_from(
        accounts, index_arrays["account_order"], index_arrays["account_bounds"], events["disputed"].to_numpy(dtype=bool)
    )
    return EventIndex(
        dataset=dataset,
        events=events,
        lanes=arrays["index/lanes"].to_pylist(),
        source_keys=arrays["index/source_keys"].to_pylist(),
        positions=pd.Index(events["id"]),
        outlets=list(zip(arrays["index/outlets"].to_pylist(), arrays["index/outlet_counts"].to_pylist())),
        distinct={
            name: (arrays[f"distinct/{name}/codes"].to_numpy(zero_copy_only=True), arrays[f"distinct/{name}/values"])
            for name in about["distinct"]
        },
        known=known,
        **index_arrays,
    )


# --- Building once --------------------------------------------------------------------------------


def _building(cache: Path):
    """Hold the cache's lock while building it, so that workers started together build it once
    (the others wait, then read it). No lock where the folder cannot be written: each builds."""
    return lastgood.locked(cache)


_warned: set[str] = set()


def _warn_once(path: Path, error: Exception) -> None:
    if str(path) not in _warned:
        _warned.add(str(path))
        reason = getattr(error, "strerror", None) or error
        print(
            f"timeline: cannot keep the checked data of {path} in {cache_path(path).parent} "
            f"({reason}): each worker reads the file itself",
            file=sys.stderr,
        )
