"""A file of named Arrow arrays and their description, written whole or not at all and read
memory-mapped: what timeline.store keeps of a version of the events file, and timeline.places of
the gazetteer.

The arrays are one row of list columns (each array whole, in one buffer); the description is
JSON in the schema's metadata, with its SHA-256 beside it and each array's length in it, so a
file cut short, with a damaged description or written for another key is read as nothing
(None), never trusted. The arrays' bytes are not hashed: hashing them would read the whole file
at each start, which mapping it avoids (a million rows: 0.7 GB). A byte changed inside an array
by hand is read as written; the file is only ever replaced whole (timeline.store), so delete it
to have it made again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import pyarrow as pa

KEY = b"timeline.store"  # the schema's metadata: what the file holds, as JSON
DIGEST = b"timeline.store.sha256"


def write(target: Path, about: dict, arrays: dict[str, pa.Array]) -> Path:
    """Write `arrays` and their description to `target` whole or not at all (a temporary file,
    flushed to disk, renamed into place); OSError when the folder cannot be written."""
    about = {**about, "lengths": {name: len(array) for name, array in arrays.items()}}
    text = json.dumps(about, sort_keys=True).encode()
    schema = pa.schema(
        [pa.field(name, pa.large_list(array.type)) for name, array in arrays.items()],
        metadata={KEY: text, DIGEST: hashlib.sha256(text).hexdigest().encode()},
    )
    batch = pa.record_batch([_one_row(array) for array in arrays.values()], schema=schema)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        try:
            # (Arrow's own file, not a Python one: the bytes go to the system without Python.)
            with pa.OSFile(temporary, "wb") as file:
                with pa.ipc.new_file(file, schema) as writer:
                    writer.write_batch(batch)
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def read(target: Path, key: dict) -> tuple[dict, dict[str, pa.Array]] | None:
    """What a file written by `write` describes and its arrays (views of the mapped file), if it
    is whole and its key (its description's "key") is `key`; else None."""
    try:
        source = pa.memory_map(str(target), "r")
        reader = pa.ipc.open_file(source)
        about = _about(reader.schema.metadata or {})
        if about is None or about.get("key") != key:
            return None
        batch = reader.get_batch(0)
        batch.validate()
        arrays = {name: column.flatten() for name, column in zip(batch.schema.names, batch.columns)}
        if {name: len(array) for name, array in arrays.items()} != about["lengths"]:
            return None
        return about, arrays
    except (OSError, pa.ArrowException, ValueError, KeyError, TypeError, IndexError):
        return None


def _about(metadata: dict) -> dict | None:
    """The description of what the file holds, if its digest says it is whole."""
    text, digest = metadata.get(KEY), metadata.get(DIGEST)
    if text is None or digest is None or hashlib.sha256(text).hexdigest().encode() != digest:
        return None
    return json.loads(text)


def _one_row(array: pa.Array) -> pa.Array:
    return pa.LargeListArray.from_arrays(pa.array([0, len(array)], pa.int64()), array)
