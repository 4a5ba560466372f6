"""Reading a spec again after an edit (generator/load/edits.py, generator/reads.py): only the edited block is read,
and the Document is the one a whole read gives, data and positions alike; what the reread does not handle is read
whole; a regeneration from the recorded read writes what a cold generation of the edited spec writes."""

from __future__ import annotations

import pickle
import random
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import workers
from generator.cli import main
from generator.load import edits
from generator.load.document import Document, load_spec
from generator.load.positions import locate

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))
import corpora  # tests/corpus/corpora.py

BASE = """openapi: 3.1.0
info:
  title: Pets
  version: 1.0.0
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Pet'
components:
  schemas:
    Pet:
      type: object
      description: A pet.
      properties:
        id:
          type: integer
        tags:
          type: array
          items:
            type: string
    Owner:
      type: object
      properties:
        name: {type: string}
"""


def _state(doc: Document) -> tuple[Any, ...]:
    """Everything a read gives: the data, and the positions as the tracked read keeps them (starts by container)."""
    tracker = doc.index.nodes.tracker  # type: ignore[attr-defined]
    containers = edits._containers(doc.data)
    return (doc.text, doc.data, [tracker.starts[id(c)] for c in containers], tracker.marks, tracker.texts,
            tracker.ends, tracker.sequences, doc.index.dup_candidates)


def _reread(tmp_path: Path, old: str, new: str) -> tuple[Document | None, Document]:
    """The reread of ``new`` from a read of ``old`` (through pickle, as the cache keeps it), and a whole read."""
    path = tmp_path / "spec.yaml"
    path.write_text(old, encoding="utf-8")
    parcel = edits.packed(load_spec(path))
    assert parcel is not None
    path.write_text(new, encoding="utf-8")
    return edits.reread(path, new, pickle.loads(pickle.dumps(parcel))), load_spec(path)


EDITS = {
    "a description changed": ("      description: A pet.\n", "      description: A pet, described.\n"),
    "a property added": ("        id:\n", "        name:\n          type: string\n        id:\n"),
    "a line removed": ("      description: A pet.\n", ""),
    "a comment added": ("    Owner:\n", "    # owners next\n    Owner:\n"),
    "a flow mapping changed": ("{type: string}", "{type: integer, format: int64}"),
    "an item changed": ("            type: string\n", "            type: string\n            maxLength: 3\n"),
}


UNHANDLED = {
    "a tab in the block": ("      description: A pet.\n", "      description:\tA pet.\n"),
    "an alias": ("      description: A pet.\n", "      description: &d A pet.\n      title: *d\n"),
    "a key repeated": ("      description: A pet.\n", "      description: A pet.\n      description: Again.\n"),
    "lines out of their block": ("        tags:\n          type: array\n          items:\n            type: string\n",
                                 "    Tags:\n      type: array\n      items:\n        type: string\n"),
    "a carriage return": ("      description: A pet.\n", "      description: A pet.\r\n"),
    "a top-level value": ("openapi: 3.1.0\n", "openapi: \"3.1.0\"\n"),
}


@pytest.mark.parametrize("name", sorted(EDITS) + sorted(UNHANDLED))
def test_an_edit_is_read_as_a_whole_read_reads_it_or_left_to_one(tmp_path: Path, name: str) -> None:
    before, after = EDITS.get(name) or UNHANDLED[name]
    assert BASE.count(before) == 1
    got, whole = _reread(tmp_path, BASE, BASE.replace(before, after))
    if name in UNHANDLED:
        assert got is None
        assert whole.data["openapi"] == "3.1.0"  # a spec a whole read reads
        return
    assert got is not None, "read from the last read"
    assert _state(got) == _state(whole)
    for pointer in ("/components/schemas/Owner", "/components/schemas/Owner/properties/name/type", "/paths"):
        assert locate(got, pointer) == locate(whole, pointer)


def test_the_same_text_is_the_last_read(tmp_path: Path) -> None:
    got, whole = _reread(tmp_path, BASE, BASE)
    assert got is not None and _state(got) == _state(whole)


def _edit(lines: list[str], rnd: random.Random) -> str:
    lines = list(lines)
    at = rnd.randrange(len(lines))
    indent = " " * (len(lines[at]) - len(lines[at].lstrip(" ")))
    kind = rnd.choice(["append", "copy", "delete", "insert", "indent", "dedent"])
    if kind == "append":
        lines[at] += " x"
    elif kind == "copy":
        lines.insert(at, lines[at])
    elif kind == "delete":
        del lines[at]
    elif kind == "insert":
        lines.insert(at, f"{indent}added: 1")
    elif kind == "indent":
        lines[at] = "  " + lines[at]
    else:
        lines[at] = lines[at].removeprefix("  ")
    return "\n".join(lines)


def test_random_edits_of_real_specs_read_as_whole_reads_read_them(tmp_path: Path) -> None:
    """Seeded random line edits (a value extended, a line copied, removed, inserted, indented, dedented) of every
    YAML spec of the corpus: each reread is what a whole read gives, or left to one; most are reread."""
    handled = total = 0
    for spec in corpora.yaml_specs():
        text = spec.read_text(encoding="utf-8")
        path = tmp_path / "spec.yaml"
        path.write_text(text, encoding="utf-8")
        parcel = edits.packed(load_spec(path))
        if parcel is None:
            continue  # anchors or repeated keys: never reread
        kept = pickle.dumps(parcel)
        rnd = random.Random(spec.name)
        lines = text.split("\n")
        for _ in range(12):
            new = _edit(lines, rnd)
            path.write_text(new, encoding="utf-8")
            got = edits.reread(path, new, pickle.loads(kept))
            total += 1
            if got is None:
                continue
            handled += 1
            assert _state(got) == _state(load_spec(path)), f"{spec}: {new[:0]}"
    assert total > 200
    assert handled > total // 4, f"{handled} of {total} edits reread"


def _spec(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("language", ["python", "typescript"])
def test_a_regeneration_from_the_recorded_read_writes_what_a_cold_generation_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The read is recorded per target by a forked child; the next generation of that target from an edited spec
    (another file, as a benchmark keeps it) reads the edit only, and writes the files a cold generation writes."""
    monkeypatch.setattr(workers, "LARGE", 0)  # the small spec counts as large: recorded and reread
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    spec = _spec(tmp_path, "spec.yaml", BASE)
    edited = _spec(tmp_path, "edited.yaml", BASE.replace("      description: A pet.\n",
                                                         "      description: A pet, described.\n"
                                                         "      required: [id]\n"))
    reread: list[bool] = []
    real = edits.reread

    def spy(*args: Any) -> Any:
        found = real(*args)
        reread.append(found is not None)
        return found

    monkeypatch.setattr(edits, "reread", spy)
    args = ["--package-name", "pets", "--language", language, "-q"]
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["generate", str(spec), "-o", str(tmp_path / "out"), *args]) == 0
    assert main(["generate", str(edited), "-o", str(tmp_path / "out"), *args]) == 0
    assert reread == [True]
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cold-cache"))
    assert main(["generate", str(edited), "-o", str(tmp_path / "cold"), *args]) == 0
    files = lambda folder: {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
                            if p.is_file() and p.name != "CHANGELOG.md"}
    assert files(tmp_path / "out") == files(tmp_path / "cold")
    assert b"A pet, described." in b"".join(files(tmp_path / "out").values())
    assert yaml.safe_load(edited.read_text(encoding="utf-8"))["components"]["schemas"]["Pet"]["required"] == ["id"]


def test_a_json_spec_is_read_whole_and_not_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.setattr(workers, "LARGE", 0)
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cache"))
    spec = _spec(tmp_path, "spec.json", json.dumps(yaml.safe_load(BASE)))
    for _ in range(2):
        assert main(["generate", str(spec), "-o", str(tmp_path / "out"), "--package-name", "pets", "-q"]) == 0
    assert not list((tmp_path / "cache").glob("read-*"))
    assert list((tmp_path / "cache").glob("output-*"))  # the cache was written to
