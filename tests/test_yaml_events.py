"""The event reader gives exactly what `yaml.safe_load` gives, or hands the document back to pyyaml."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
import yaml

from generator.errors import SpecError
from generator.load import yaml_events
from generator.load.document import load_spec

ROOT = Path(__file__).resolve().parents[1]
FULL_SPEC = ROOT.parent / "shared" / "specs" / "openai-openapi.yaml"

SAME_AS_PYYAML = [
    "",
    "# only a comment\n",
    "---\n...\n",
    "plain\n",
    "a: 1\nb: [1, 2.5, true, null, ~, 2024-01-02, '3', \"x\", 0x1F, 010, .inf, -.Inf, 1e3, 1.0e+3]\n",
    "'yes': no\nON: off\n200: ok\n'': empty\nnull: nothing\n",
    "x: &a {k: v, l: [1, 2]}\ny: *a\nz: &s scalar\nw: *s\n",
    "- !!str 2\n- !!float 3\n- !!binary aGVsbG8=\n- 2001-12-14t21:59:43.10-05:00\n",
    "a: |\n  multi\n  line\nb: >-\n  folded\n  text\n",
    "a: b\na: c\n",  # duplicate key: the last wins, as in pyyaml
    "? a\n: b\n",
    "deep:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 40)) + "  " * 40 + "- leaf\n",
]


@pytest.mark.parametrize("text", SAME_AS_PYYAML)
def test_values_match_pyyaml(text: str) -> None:
    assert yaml_events.load(text, yaml.CSafeLoader) == yaml.load(text, Loader=yaml.CSafeLoader)


def test_aliases_share_the_container_like_pyyaml() -> None:
    data = yaml_events.load("x: &a {k: v}\ny: *a\n", yaml.CSafeLoader)
    assert data["x"] is data["y"]


def test_scalars_are_constructed_by_pyyaml() -> None:
    data = yaml_events.load("d: 2024-01-02\nb: !!binary aGVsbG8=\nf: 1_000.5\n", yaml.CSafeLoader)
    assert data == {"d": datetime.date(2024, 1, 2), "b": b"hello", "f": 1000.5}


@pytest.mark.parametrize(
    "text",
    [
        "<<: {a: 1}\nb: 2\n",  # merge key
        "a: !!set {x, y}\n",  # explicit collection tag
        "? [a]\n: b\n",  # complex key
        "---\na: 1\n---\nb: 2\n",  # two documents
        "a: *nowhere\n",  # undefined alias
    ],
)
def test_rare_features_are_left_to_pyyaml(text: str) -> None:
    with pytest.raises(yaml_events.Unsupported):
        yaml_events.load(text, yaml.CSafeLoader)


@pytest.mark.parametrize("text", ["<<: {a: 1}\nb: 2\n", "a: !!set {x, y}\n"])
def test_untracked_load_falls_back_to_pyyaml(tmp_path: Path, text: str) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.1.0\n" + text, encoding="utf-8")
    assert load_spec(path, track=False).data == yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("openapi: 3.1.0\na: *nowhere\n", "invalid YAML: found undefined alias"),
        ("openapi: 3.1.0\n? [a]\n: b\n", "invalid YAML"),
        ("openapi: 3.1.0\na: [\n", "invalid YAML"),
        ("openapi: 3.1.0\na: !custom x\n", "invalid YAML"),
    ],
)
def test_untracked_load_reports_errors_like_the_tracked_one(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    errors = []
    for track in (True, False):
        with pytest.raises(SpecError) as caught:
            load_spec(path, track=track)
        errors.append(str(caught.value))
    assert message in errors[0]
    assert errors[0] == errors[1]


def test_recursive_aliases_are_rejected_without_tracking(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.1.0\na: &x [1, *x]\n", encoding="utf-8")
    with pytest.raises(SpecError, match="recursive"):
        load_spec(path, track=False)


@pytest.mark.parametrize("spec", sorted((ROOT / "specs").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_specs_read_the_same(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    assert yaml_events.load(text, yaml.CSafeLoader) == yaml.load(text, Loader=yaml.CSafeLoader)


def test_the_full_openai_spec_reads_the_same() -> None:
    if not FULL_SPEC.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the full OpenAI spec is missing: {FULL_SPEC}")
        pytest.skip(f"the full OpenAI spec is not available at {FULL_SPEC}")
    text = FULL_SPEC.read_text(encoding="utf-8")
    assert yaml_events.load(text, yaml.CSafeLoader) == yaml.load(text, Loader=yaml.CSafeLoader)


POSITIONS_TEXT = """\
openapi: 3.1.0
a: &anchor
  k: v
  l: [1, {m: n}]
b: *anchor
200: numeric key
'200': string key
c:
  - x
  - *anchor
  - {d: e, d: f}
dup: 1
dup: 2
"""


def _pointers(obj: object, base: str = "") -> list[str]:
    found = [base]
    items = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else ()
    for key, value in items:
        found += _pointers(value, f"{base}/{key}")
    return found


def test_tracked_events_give_the_positions_pyyaml_nodes_give(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.load.positions import duplicate_keys, locate

    path = tmp_path / "spec.yaml"
    path.write_text(POSITIONS_TEXT, encoding="utf-8")
    from_events = load_spec(path)

    def unsupported(*args: object, **kwargs: object) -> None:
        raise yaml_events.Unsupported("use pyyaml's nodes")

    monkeypatch.setattr(yaml_events, "load", unsupported)
    from_nodes = load_spec(path)
    assert from_events.data == from_nodes.data
    for pointer in _pointers(from_nodes.data) + ["/a/missing", "/c/9"]:
        assert locate(from_events, pointer) == locate(from_nodes, pointer), pointer
    assert duplicate_keys(from_events) == duplicate_keys(from_nodes) != []


def test_timestamps_are_the_text_written() -> None:
    """An unquoted date or date-time (an example, a default) is the string the author wrote: OpenAPI values are JSON,
    and a Python date would reach messages as ``datetime.date(...)``."""
    text = "d: 2024-01-02\nt: 2024-01-02T10:00:00Z\nn: [2001-12-14 21:59:43.10 -5]\n"
    expected = {"d": "2024-01-02", "t": "2024-01-02T10:00:00Z", "n": ["2001-12-14 21:59:43.10 -5"]}
    assert yaml_events.load(text, yaml_events.SafeLoader) == expected
    assert yaml.load(text, Loader=yaml_events.SafeLoader) == expected  # the fallback reader (and positions)


POSITIONS_JSON = """\
{"openapi": "3.1.0",
 "a": {"k": "v", "l": [1, {"m": "n"}]},
 "c": [
   "x", {"d": "e", "d": "f"}],
 "paths": {"/p": {"get": {"responses": {"200": {"description": "ok"}}}}}}
"""


@pytest.mark.parametrize(("name", "text"), [("spec.json", POSITIONS_JSON), ("spec.yaml", POSITIONS_TEXT)])
def test_positions_read_again_are_those_of_composed_nodes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          name: str, text: str) -> None:
    """JSON, or YAML read without tracking: positions come from the event reader reading the text again, matched to
    the data the way pyyaml's composed nodes were (a member by its key's text, an item by its index)."""
    from generator.load import positions
    from generator.load.positions import duplicate_keys, locate

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    read_again, composed = load_spec(path, track=False), load_spec(path, track=False)
    repeated = duplicate_keys(read_again) if name.endswith(".json") else []  # JSON: its own read found one
    with monkeypatch.context() as patched:
        patched.setattr(positions, "spans_onto", lambda data, text: None)  # what pyyaml's composer gives
        assert (duplicate_keys(composed) if name.endswith(".json") else []) == repeated
        assert locate(composed, "/a") != (0, 0)
    for pointer in _pointers(composed.data) + ["/a/missing", "/c/9"]:
        assert locate(read_again, pointer) == locate(composed, pointer), pointer
    assert duplicate_keys(read_again) == duplicate_keys(composed) != []
    assert type(read_again.index.nodes) is not type(composed.index.nodes)


POSITIONS_PLAIN = """\
openapi: 3.1.0
a:
  k: v
  l: [1, {m: n}, [2, {o: p}]]
200: numeric key
'200': {q: r}
c:
  - x
  - {d: e, d: {f: g}}
  - y: {z: 1}
dup: {h: 1}
dup: {i: 2}
"""


@pytest.mark.parametrize("dups_first", [False, True])
def test_positions_read_again_walk_only_what_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        dups_first: bool) -> None:
    """A document without aliases read again matches a container to its place when a locate walks down to it, not
    all at once: the positions and duplicate keys are still those of composed nodes, whichever is asked first."""
    from generator.load import positions
    from generator.load.positions import duplicate_keys, locate

    path = tmp_path / "spec.yaml"
    path.write_text(POSITIONS_PLAIN, encoding="utf-8")
    read_again, composed = load_spec(path, track=False), load_spec(path, track=False)
    with monkeypatch.context() as patched:
        patched.setattr(positions, "spans_onto", lambda data, text: None)  # what pyyaml's composer gives
        assert locate(composed, "/a") != (0, 0)
    expected = duplicate_keys(composed)
    assert [where for where, *_ in expected] == ["/200", "/c/1/d", "/dup"]  # 200 and '200' too: their texts repeat
    if dups_first:
        assert locate(read_again, "/a/l/1") == locate(composed, "/a/l/1")
        assert duplicate_keys(read_again) == expected
    else:
        assert locate(read_again, "/c/1/d/f") == locate(composed, "/c/1/d/f")
        matched = read_again.index.nodes.tracker.starts  # the path's containers and their siblings only
        assert id(read_again.data["c"][1]["d"]) in matched and id(read_again.data["a"]["l"]) not in matched
    for pointer in _pointers(composed.data) + ["/a/missing", "/c/9", "/dup/h"]:
        assert locate(read_again, pointer) == locate(composed, pointer), pointer
    assert duplicate_keys(read_again) == expected
