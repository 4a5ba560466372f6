"""Records in the cache (recorded models, template reads) load only the classes a record holds."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from generator import cache
from generator.model import Property, Scalar


class _Runs:
    """Unpickled without restriction, this calls a builtin and becomes its result."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (str, ("code ran",))


def test_a_record_round_trips_and_a_foreign_class_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path))
    value = (Property(wire_name="id", type=Scalar("string"), required=True), {"a": [1, 2.5, None, b"x"]})
    cache.put_record("side", "k", value)
    assert cache.get_record("side", "k") == value
    (tmp_path / "side-bad.pickle").write_bytes(pickle.dumps(_Runs()))
    assert cache.get_record("side", "bad") is None
    assert cache.get_record("side", "missing") is None


def test_a_record_of_parts_writes_again_only_the_chunks_that_changed(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """put_parts pickles parts in chunks; the chunks of the very parts get_parts loaded are written as the bytes
    they came from (a regeneration's record costs what changed), and a foreign class inside a chunk is refused."""
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path))
    parts = [Property(wire_name=f"p{i}", type=Scalar("string"), required=i % 2 == 0) for i in range(200)]
    cache.put_parts("parse", "k", ("head", 1), lambda: parts, size=0)
    loaded = cache.get_parts("parse", "k")
    assert loaded is not None and loaded[0] == ("head", 1) and loaded[1] == parts
    again = list(loaded[1])
    again[70] = Property(wire_name="changed", type=Scalar("integer"), required=True)
    pickled: list[object] = []
    dumps = pickle.dumps
    monkeypatch.setattr(pickle, "dumps", lambda value, **kw: (pickled.append(value), dumps(value, **kw))[1])
    cache.put_parts("parse", "k", ("head", 2), lambda: again, size=0)
    monkeypatch.setattr(pickle, "dumps", dumps)
    assert [len(chunk) for chunk in pickled if isinstance(chunk, tuple) and chunk and chunk[0] in again] == [64]
    assert cache.get_parts("parse", "k") == (("head", 2), again)
    (tmp_path / "parse-bad.pickle").write_bytes(pickle.dumps(("head", (pickle.dumps((_Runs(),)),))))
    assert cache.get_parts("parse", "bad") is None
