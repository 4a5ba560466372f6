"""sdkforge's caches: where they live (never in the repo) and the cache of whole generated outputs.

The folder is $SDKFORGE_CACHE_DIR, else ~/.cache/sdkforge/black-<black version>. A whole output is stored under a key
of everything it depends on (see pipeline._output_key), as all its files or, when it was made from the last output of
the same target, as the files that differ from that output's whole record (a one-schema change stores a few files,
not the SDK again); any problem reading or writing it just means no cache.
"""

from __future__ import annotations

import io
import operator
import os
import pickle
import zlib
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from generator import collector, workers

Output = tuple[dict[str, str], tuple[str, ...], int]  # files, warnings, operations


@lru_cache(maxsize=1)
def black_version() -> str:
    """The installed black's version, from the name of its dist-info folder next to it (importlib.metadata costs more
    to import than a cached regeneration takes)."""
    spec = find_spec("black")
    if spec is not None and spec.origin:
        found = sorted(Path(spec.origin).parent.parent.glob("black-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len("black-"):-len(".dist-info")]
    from importlib.metadata import version

    return version("black")


def cache_dir() -> Path | None:
    root = os.environ.get("SDKFORGE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "sdkforge", "black-" + black_version()
    )
    try:
        Path(root).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Path(root)


def _output_path(key: str | None) -> Path | None:
    folder = cache_dir() if key else None
    return folder / f"output-{key}.pickle.zlib" if folder is not None else None


def _read_output(key: str | None) -> Any:
    """A stored output record (plain data, pickled and compressed: read back at twice JSON's speed), or None."""
    path = _output_path(key)
    if path is not None:
        workers.settle(path.name)  # a write of it this process left for later or to a child: done first
    if path is None or not path.is_file():
        return None
    try:
        return _Records(io.BytesIO(zlib.decompress(path.read_bytes()))).load()
    except Exception:  # noqa: BLE001 - missing, partial, from another Python, or refused: no record
        return None


def _files_of(key: str, data: Any) -> tuple[dict[str, str], tuple[str, dict[str, str]]]:
    """The files of a record, and the whole record (key, files) they are stored against: a record made from the
    last output holds only the files that differ from a whole one (its ``base``, never a record of the same kind)."""
    files = dict(data["files"])
    if not data.get("base"):
        return files, (key, files)
    base = _read_output(data["base"])
    if not isinstance(base, dict) or base.get("base"):
        raise KeyError("base")
    whole = dict(base["files"])
    return {path: files[path] if path in files else whole[path] for path in data["paths"]}, (data["base"], whole)


def _output(key: str | None) -> tuple[dict[str, str], tuple[str, ...], int, dict[str, str], tuple[str, dict[str, str]]] | None:
    data = _read_output(key)
    if key is None or data is None:
        return None
    try:
        files, whole = _files_of(key, data)
        return files, tuple(data["warnings"]), int(data.get("operations", 0)), dict(data.get("keys", {})), whole
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def get_output(key: str | None) -> Output | None:
    """The output stored under ``key`` (files, warnings, operations), or None."""
    found = _output(key)
    return found[:3] if found is not None else None


def put_output(
    key: str | None, files: dict[str, str], warnings: tuple[str, ...], operations: int = 0,
    keys: dict[str, str] | None = None, whole: tuple[str, dict[str, str]] | None = None,
) -> None:
    """Store an output under ``key`` (written to a temporary file and renamed: readers never see half of it), with
    the key of each file's inputs (see Reuse). Given a whole record (key, files), as the last output of the same
    target has, only the files that differ from it are stored, unless that is most of them. Written later
    (workers.later: in the background when a second CPU is there for it): nothing waits for a cache write."""
    path = _output_path(key)
    if path is None:
        return
    workers.later(lambda: _put_output(path, key, files, warnings, operations, keys, whole), path.name,
                  sum(map(len, files.values())))


def _put_output(
    path: Path, key: str | None, files: dict[str, str], warnings: tuple[str, ...], operations: int,
    keys: dict[str, str] | None, whole: tuple[str, dict[str, str]] | None,
) -> None:
    record: dict[str, Any] = {"files": files, "warnings": list(warnings), "operations": operations,
                              "keys": keys or {}}
    if whole is not None and whole[0] != key:
        changed = {name: text for name, text in files.items() if whole[1].get(name) != text}
        if len(changed) * 2 < len(files):
            record.update(files=changed, base=whole[0], paths=list(files))
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(zlib.compress(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL), 1))
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        pass


def get_record(kind: str, key: str, folder: Path | None = None) -> Any:
    """A value ``put_record`` stored under (kind, key) (in ``folder``, else the cache folder), or None (pickled: the
    cache is this machine's own)."""
    folder = folder or cache_dir()
    if folder is None:
        return None
    workers.settle(f"{kind}-{key}.pickle")  # a write of it this process left for later or to a child: done first
    try:
        # unpickling makes many objects at once: the cyclic GC would walk them again and again
        with open(folder / f"{kind}-{key}.pickle", "rb") as fh, collector.paused():
            return _Records(fh).load()
    except Exception:  # noqa: BLE001 - missing, partial, from another Python, or refused: no record
        return None


_CHUNK = 64  # parts pickled together (fewer, larger pickles load faster; one changed part re-pickles its chunk)
# the chunks of parts ``get_parts`` last loaded of each record, by the id of a chunk's first part, with the bytes it
# was loaded from: a chunk of the very same parts is written again as those bytes (the parts are kept alive with
# them: their ids name them; one record's worth per (kind, key), however many runs a `--watch` makes)
_loaded_chunks: dict[tuple[str, str], dict[int, tuple[tuple[Any, ...], bytes]]] = {}


def get_parts(kind: str, key: str) -> tuple[Any, list[Any]] | None:
    """What ``put_parts`` stored under (kind, key): its head and its parts, or None."""
    found = get_record(kind, key)
    if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], tuple)):
        return None
    head, blobs = found
    try:
        with collector.paused():
            chunks = [loads_record(blob) for blob in blobs]
    except Exception:  # noqa: BLE001 - refused or broken: no record
        return None
    if not all(isinstance(chunk, tuple) and chunk for chunk in chunks):
        return None
    _loaded_chunks[(kind, key)] = {id(chunk[0]): (chunk, blob) for chunk, blob in zip(chunks, blobs)}
    return head, [part for chunk in chunks for part in chunk]


def put_parts(kind: str, key: str, head: Any, parts: Callable[[], list[Any]], *, size: int) -> None:
    """Store a record of many parts (what ``parts`` returns, when written) under (kind, key), pickled in chunks: a
    chunk of the very parts ``get_parts`` loaded is written as the bytes it came from, so that a record mostly as it
    was is written in proportion to what changed. Written later (see put_record)."""
    def made() -> tuple[Any, tuple[bytes, ...]]:
        every, loaded = parts(), _loaded_chunks.get((kind, key), {})
        blobs = []
        for start in range(0, len(every), _CHUNK):
            chunk = tuple(every[start:start + _CHUNK])
            known = loaded.get(id(chunk[0]))
            if known is not None and len(known[0]) == len(chunk) and all(map(operator.is_, known[0], chunk)):
                blobs.append(known[1])
            else:
                blobs.append(pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL))
        return head, tuple(blobs)

    put_record(kind, key, made, lazy=True, size=size)


def loads_record(data: bytes) -> Any:
    """A value pickled inside a record (a piece of a recorded model), refused as ``get_record`` refuses one."""
    return _Records(io.BytesIO(data)).load()


class _Records(pickle.Unpickler):
    """Loads only what records hold: the neutral model's, the parse's units' and the Python plan's dataclasses, plain
    values and dates. A cache folder may be shared (a CI cache restored for another branch): a pickle naming any
    other class is refused, never run."""

    _DATES = frozenset({"date", "datetime", "time", "timedelta", "timezone"})
    _RECORDED = frozenset({"generator.parse.units", "generator.targets.python.shapes",
                           "generator.targets.python.expressions", "generator.targets.python.names"})

    def find_class(self, module: str, name: str) -> Any:
        if module == "generator.model" or module.startswith("generator.model.") or module in self._RECORDED:
            return super().find_class(module, name)
        if module == "datetime" and name in self._DATES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a record's class: {module}.{name}")


def put_record(kind: str, key: str, value: Any, *, size: int = 0, lazy: bool = False, folder: Path | None = None
               ) -> None:
    """Store ``value`` (``lazy``: what the callable ``value`` returns, made only when written) under (kind, key),
    written to a temporary file and renamed; given its ``size`` (about how many characters it holds), later
    (workers.later: its pickling is not waited for); in ``folder``, else the cache folder."""
    folder = folder or cache_dir()
    if folder is None:
        return
    path = folder / f"{kind}-{key}.pickle"
    made = value if lazy else lambda: value
    if size:
        workers.later(lambda: _put_record(path, made), path.name, size)
    else:
        _put_record(path, made)


def _put_record(path: Path, made: Callable[[], Any]) -> None:
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(made(), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        pass


class Reuse:
    """The last run's files of one target with the keys of their inputs, and this run's keys as a target gives them:
    a file whose key is unchanged is the last run's text, neither rendered nor formatted again."""

    def __init__(self, base: str, previous: dict[str, tuple[str, str]],
                 whole: tuple[str, dict[str, str]] | None = None) -> None:
        self.base = base  # what every key starts from: the generator's source and black's version
        self.previous = previous  # path -> (key, text)
        self.whole = whole  # the whole record the last output is stored against: what this one is stored against
        self.keys: dict[str, str] = {}

    def text(self, path: str, key: str) -> str | None:
        """The last run's text of ``path`` if its key was ``key`` (and ``key`` noted for the next run)."""
        self.keys[path] = key
        found = self.previous.get(path)
        return found[1] if found is not None and found[0] == key else None


def latest_output(target_key: str) -> tuple[str, dict[str, tuple[str, str]], tuple[str, dict[str, str]] | None]:
    """(output key, {path: (input key, text)}, the whole record it is stored against) of the last output stored for
    a target, or ("", {}, None)."""
    folder = cache_dir()
    if folder is None:
        return "", {}, None
    try:
        key = (folder / f"latest-{target_key}").read_text(encoding="ascii").strip()
    except OSError:
        return "", {}, None
    found = _output(key)
    if found is None or not found[3]:
        return "", {}, None
    files, keys = found[0], found[3]
    return key, {path: (keys[path], text) for path, text in files.items() if path in keys}, found[4]


def set_latest(target_key: str, key: str | None) -> None:
    """Name ``key`` as the last output stored for a target."""
    folder = cache_dir() if key else None
    if folder is None:
        return
    path = folder / f"latest-{target_key}"
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(str(key), encoding="ascii")
        os.replace(tmp, path)
    except OSError:
        pass
