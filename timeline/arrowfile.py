"""A file of named Arrow arrays and their description, written whole or not at all and read
memory-mapped: what timeline.store keeps of a version of the events file, and timeline.places of
the gazetteer.

The arrays are one row of list columns (each array whole, in one buffer); the description is
JSON in the schema's metadata, with its SHA-256 beside it and each array's length in it. After
them comes an empty batch whose own metadata holds the digest of every byte before it (XXH3 of
each megabyte, timeline.digest, as for the events file) and their number; then Arrow's footer,
which says where the batches are and repeats the schema. The footer is used only to find that
last batch: the schema and the arrays are decoded from the bytes the digest covers. A file cut
short, with a damaged description, written for another key, or with any byte changed since it
was written (by hand, a disk, a backup tool) is read as nothing (None), never trusted, nor as
other arrays: the caller makes it again. Checking the digest reads the whole file once when it
is mapped, through a mapping of its own let go of after: 0.04-0.09 s for the 693 MB of a
million rows when the system has them in its cache (a restart takes 0.10 s instead of 0.06;
from the disk, as long as reading 693 MB takes), and no more of the file stays mapped than the
process reads. `timeline add`, a process for each row, makes it once: it records the file's
identity (`verified`: inode, size, times), and the adds after it skip the digest while the file
is that one, unchanged by anything since (any write sets its change time, where the file
system keeps it finely: elsewhere, and on Windows, the digest is made each time); only a fault
of the disk itself under an unchanged file, or a program writing again to a page it already
changed through a writable mapping of the file, would go unseen there.

A file mapped is one nobody may write to while it is used: a program reading the mapped bytes
of a file cut short under it (`cp` or `rsync --inplace` of a backup over it, `truncate`) is
stopped by the system (SIGBUS), and a worker forked after it would be too. `changed()` says
whether any file this process mapped was written to since (its inode's size or time differ),
so that what was read from it is let go of and read again (timeline.app.data).
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from . import digest

KEY = b"timeline.store"  # the schema's metadata: what the file holds, as JSON
DIGEST = b"timeline.store.sha256"
BYTES = b"timeline.bytes"  # the last batch's metadata: the bytes before it, and their digest
BYTES_DIGEST = b"timeline.bytes.digest"


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
            # (Arrow's own file, not a Python one: the bytes go to the system without Python.
            # Unbuffered: the bytes written are in the file when the digest reads them.)
            with pa.OSFile(temporary, "wb") as file:
                with pa.ipc.new_file(file, schema) as writer:
                    writer.write_batch(batch)
                    said = _said(handle, file.tell())
                    nothing = [pa.array([], field.type) for field in schema]  # (a slice would hold the buffers)
                    writer.write_batch(pa.record_batch(nothing, schema=schema), custom_metadata=said)
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def read(target: Path, key: dict, known: list[int] | None = None) -> tuple[dict, dict[str, pa.Array]] | None:
    """What a file written by `write` describes and its arrays (views of the mapped file), if it
    is whole and its key (its description's "key") is `key`; else None. `known`: the file's
    identity when a process last found it whole (`verified`); if the file is still that one, its
    digest is not made again (0.07-0.09 s for the 693 MB of a million rows: `timeline add` saves
    it on each add after the first), the rest is checked as always."""
    try:
        source = pa.memory_map(str(target), "r")
        footer = pa.ipc.open_file(source)  # (only to find the last batch: its copy of the schema is not checked)
        if footer.num_record_batches != 2:
            return None
        started, before = time.time_ns(), identity(os.fstat(source.fileno()))
        size = _whole(source, footer.get_batch_with_custom_metadata(1)[1], known == before)
        if not size:
            return None
        if _recordable(before, started) and identity(os.fstat(source.fileno())) == before:
            with _mapped_lock:
                _verified[str(target)] = before
        source.seek(0)
        checked = source.read_buffer(size)  # (a view of the mapping, no copy)
        if checked.slice(0, len(MAGIC)).to_pybytes() != MAGIC:
            return None
        # The schema and the arrays decoded from the bytes checked, never from the footer's copy.
        stream = pa.ipc.open_stream(checked.slice(len(MAGIC)))
        about = _about(stream.schema.metadata or {})
        if about is None or about.get("key") != key:
            return None
        batch = stream.read_next_batch()
        batch.validate()
        arrays = {name: column.flatten() for name, column in zip(batch.schema.names, batch.columns)}
        if {name: len(array) for name, array in arrays.items()} != about["lengths"]:
            return None
        try:
            _watch(str(target), source)
        except OSError:  # (no descriptor left: read, not watched)
            pass
        return about, arrays
    except (OSError, pa.ArrowException, ValueError, KeyError, TypeError, IndexError, AttributeError, StopIteration):
        return None


MAGIC = b"ARROW1\0\0"  # (an Arrow file's first 8 bytes: its schema and batches follow, as a stream)


# path -> a descriptor of the file mapped there (its inode, whatever is renamed over the path
# since), and that inode's (size, time) when mapped. A forked worker has the master's.
_mapped: dict[str, tuple[int, tuple[int, int]]] = {}
_mapped_lock = threading.Lock()


def _stamp(stat: os.stat_result) -> tuple[int, int]:
    return (stat.st_size, stat.st_mtime_ns)


def _watch(path: str, source: pa.MemoryMappedFile) -> None:
    descriptor = os.dup(source.fileno())
    with _mapped_lock:
        if path in _mapped:  # (a newer file there: the one before cannot be opened by its name)
            os.close(_mapped.pop(path)[0])
        while len(_mapped) >= WATCHED:  # (the oldest: a process serves one file, a few mapped)
            os.close(_mapped.pop(next(iter(_mapped)))[0])
        _mapped[path] = (descriptor, _stamp(os.fstat(descriptor)))


WATCHED = 64  # files mapped that `changed` watches at most (a descriptor each)


def changed() -> list[str]:
    """The paths of the files this process mapped (`read`) that were written to in place since:
    that inode's size or time differ (each said once). A file renamed over the path (as `write`
    puts a new version in place) or deleted leaves the inode mapped as it was; once it is not
    the path's any more it cannot be opened to be written to, and is not watched after. An
    `fstat` (and a `stat`) a file mapped: cheap enough for every request."""
    with _mapped_lock:
        found = []
        for path, (descriptor, stamp) in list(_mapped.items()):
            try:
                mapped = os.fstat(descriptor)
            except OSError:  # (closed by some other code: said changed, to be safe; not closed here)
                del _mapped[path]
                found.append(path)
                continue
            try:
                named = os.stat(path).st_ino == mapped.st_ino
            except OSError:
                named = False
            if _stamp(mapped) != stamp:
                found.append(path)
            elif named:
                continue
            del _mapped[path]
            os.close(descriptor)
        return found


def _digest(descriptor: int, size: int) -> int:
    """The digest (timeline.digest) of the first `size` bytes of the open file, read through a
    mapping of its own (let go of after: the pages it read are not left mapped in this process,
    where they would count in its memory, only in the system's cache)."""
    with mmap.mmap(descriptor, size, access=mmap.ACCESS_READ) as mapped:
        view = np.frombuffer(mapped, np.uint8)
        try:
            return digest.of(view).value
        finally:
            del view  # (the mapping cannot be let go of while a view of it is held)


def _said(descriptor: int, size: int) -> dict[bytes, bytes]:
    """The metadata that says how many bytes the open file begins with and their digest."""
    return {BYTES: str(size).encode(), BYTES_DIGEST: str(_digest(descriptor, size)).encode()}


def _whole(source: pa.MemoryMappedFile, said, known: bool = False) -> int:
    """How many bytes before the last batch are those written (their number and digest, as the
    batch's metadata `said` them); 0 if they are not. `known`: the file is one found whole before
    (`verified`), its digest not made again."""
    try:
        size, value = int(said[BYTES]), int(said[BYTES_DIGEST])
    except (TypeError, KeyError, ValueError):
        return 0
    return size if 0 < size <= source.size() and (known or _digest(source.fileno(), size) == value) else 0


# path -> the identity of the file there when this process last found it whole (its digest made).
_verified: dict[str, list[int]] = {}

# A file changed less than this before it was read is not recorded as found whole: the system
# keeps a file's times to the tick of a coarse clock (1-10 ms), so a second write in the tick of
# the one before it would leave its identity as it was (git's "racily clean" files).
SETTLED_NS = 100_000_000


def _recordable(found: list[int], started: int) -> bool:
    """Whether an identity tells every write after `started` (when the file's read began): its
    change time is one the system sets on each write, to a fine clock (not on Windows, where
    Python's st_ctime is the file's creation time; not where a file system keeps times to the
    second or to 10 ms, as ext4 with small inodes, FAT and some network shares do: a time to
    the millisecond is one so kept but once in a million), and the file settled before."""
    change = found[-1]
    return os.name != "nt" and change % 1_000_000 != 0 and change < started - SETTLED_NS


def identity(stat: os.stat_result) -> list[int]:
    """What changes when anything writes to a file or puts another in its place: its device and
    inode, its size, and the times of its last write and last change (the latter set by the
    system on every write, rename or change of times, never to a time given by a program)."""
    return [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


def verified(target: Path) -> list[int] | None:
    """The identity of the file at `target`, if this process found it whole (`read` made its
    digest) and it is still that file, unchanged since; else None. For `timeline add`
    (timeline.context), which records it for the next add's `read(..., known=)`."""
    with _mapped_lock:
        found = _verified.get(str(target))
    try:
        return found if found is not None and identity(os.stat(target)) == found else None
    except OSError:
        return None


def _about(metadata: dict) -> dict | None:
    """The description of what the file holds, if its digest says it is whole."""
    text, sha = metadata.get(KEY), metadata.get(DIGEST)
    if text is None or sha is None or hashlib.sha256(text).hexdigest().encode() != sha:
        return None
    return json.loads(text)


def _one_row(array: pa.Array) -> pa.Array:
    return pa.LargeListArray.from_arrays(pa.array([0, len(array)], pa.int64()), array)
