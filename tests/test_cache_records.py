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
