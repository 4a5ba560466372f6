"""The parse as recorded units (generator/parse/units.py): after an edit, the units it reaches run again and the others
are taken from the last parse's record, and the model is the one a whole parse of the edited spec gives."""

from __future__ import annotations

import pickle
import random
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.config import Target
from generator.errors import SpecError
from generator.load import edits
from generator.load.document import Document, load_spec
from generator.parse import parse_units
from generator.parse.units import Record

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))
import corpora  # tests/corpus/corpora.py

TARGET = Target(spec="spec.yaml", output="out", package="sdk")
BASE = """openapi: 3.0.3
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
  /owners:
    post:
      operationId: addOwner
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Owner'
      responses:
        "201":
          description: made
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Owner'
  /owners/{ownerId}:
    get:
      operationId: getOwner
      parameters:
        - {name: ownerId, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: the owner
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Owner'
components:
  schemas:
    Pet:
      type: object
      description: A pet.
      properties:
        id:
          type: integer
        kind:
          $ref: '#/components/schemas/Kind'
        size:
          type: string
          default: small
    Kind:
      type: string
      enum: [cat, dog]
    Owner:
      type: object
      properties:
        name:
          type: string
        pets:
          type: array
          items:
            $ref: '#/components/schemas/Pet'
"""


def _model(doc: Document, last: Record | None = None) -> tuple[Any, Any]:
    """The model (with its warnings and parts typed: not compared by ==) and the units of a parse of ``doc``."""
    api, units = parse_units(pipeline.parse(doc), TARGET, source="spec.yaml", raw=doc.data, last=last,
                             edited=doc.since.edited if doc.since is not None else ())
    return (api, api.warnings, api.typed_as_part), units


def _recorded(tmp_path: Path, old: str) -> tuple[Record, Any] | None:
    """The record of a parse of ``old`` (through pickle, as the cache keeps it) and its read kept for a reread; None
    when ``old`` is no spec to parse or is never reread."""
    path = tmp_path / "spec.yaml"
    path.write_text(old, encoding="utf-8")
    before = load_spec(path)
    parcel = edits.packed(before)
    try:
        _, units = _model(before)
    except SpecError:
        return None
    record = pickle.loads(pickle.dumps(units.record("old")))
    return (record, pickle.dumps(parcel)) if parcel is not None else None


def _reread(tmp_path: Path, kept: bytes, new: str) -> Document | None:
    """``new`` read again from the kept read; None when it is read whole."""
    path = tmp_path / "spec.yaml"
    path.write_text(new, encoding="utf-8")
    return edits.reread(path, new, pickle.loads(kept))


def _edited(tmp_path: Path, old: str, new: str) -> tuple[Record, Document] | None:
    recorded = _recorded(tmp_path, old)
    doc = _reread(tmp_path, recorded[1], new) if recorded is not None else None
    return (recorded[0], doc) if recorded is not None and doc is not None else None


def _replayed(record: Record, doc: Document) -> tuple[Any, Any, int] | None:
    """(the model a parse taking units from ``record`` gives, the one a whole parse gives, units taken); None when
    the edited text is no spec to parse."""
    try:
        whole, _ = _model(doc)
    except SpecError:
        return None
    replayed, units = _model(doc, record)
    return replayed, whole, units.taken


EDITS = {  # (before, after, units left to run again at most)
    "a description": ("      description: A pet.\n", "      description: A pet, described.\n", 4),
    "a property added": ("        id:\n", "        age:\n          type: integer\n        id:\n", 4),
    # getOwner's example of Owner (taken from the one addOwner built) holds a pet's id: it runs again too
    "a type changed": ("          type: integer\n", "          type: string\n", 4),
    "an enum grown": ("      enum: [cat, dog]\n", "      enum: [cat, dog, fish]\n", 5),
    "an enum now an object": ("      type: string\n      enum: [cat, dog]\n",
                              "      type: object\n      properties:\n        name: {type: string}\n", 8),
    # the unit that warns about the default first is not the record's: every later unit runs
    "a default that no longer fits": ("          default: small\n", "          default: 3\n", 6),
    "an operation's response": ("          description: made\n", "          description: made it\n", 2),
    "a $ref to another schema": ("          items:\n            $ref: '#/components/schemas/Pet'\n",
                                 "          items:\n            $ref: '#/components/schemas/Kind'\n", 8),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_an_edit_runs_the_units_it_reaches_and_gives_a_whole_parse(tmp_path: Path, name: str) -> None:
    before, after, most = EDITS[name]
    assert BASE.count(before) == 1, name
    found = _edited(tmp_path, BASE, BASE.replace(before, after))
    assert found is not None, "read again from the last read"
    result = _replayed(*found)
    assert result is not None
    replayed, whole, taken = result
    assert replayed == whole
    units = len(found[0].units)
    assert units - most <= taken < units, f"{taken} of {units} units taken"


def test_an_unchanged_text_takes_every_unit(tmp_path: Path) -> None:
    found = _edited(tmp_path, BASE, BASE)
    assert found is not None
    result = _replayed(*found)
    assert result is not None and result[0] == result[1] and result[2] == len(found[0].units)


def test_an_edit_the_units_do_not_see_takes_none(tmp_path: Path) -> None:
    """Security schemes feed every operation: an edit there runs every unit again."""
    spec = BASE + "  securitySchemes:\n    key:\n      type: apiKey\n      in: header\n      name: X-Key\n"
    found = _edited(tmp_path, spec, spec.replace("name: X-Key", "name: X-Other"))
    assert found is not None
    result = _replayed(*found)
    assert result is not None and result[0] == result[1] and result[2] == 0


_TYPE = re.compile(r"^(\s+type: )(string|integer|number|boolean|object|array)\s*$")
_REF = re.compile(r"^(\s+(?:- )?\$ref: ['\"]?#/components/schemas/)([^'\"\s]+)(['\"]?)\s*$")


def _schema_edit(lines: list[str], rnd: random.Random) -> str | None:
    """A random edit of what a schema says: a type changed, a `$ref` pointed at another component, a description
    extended, a property marked nullable. None when the spec has no line of the kind drawn."""
    lines = list(lines)
    kind = rnd.choice(["type", "ref", "description", "nullable"])
    if kind == "type":
        found = [i for i, line in enumerate(lines) if _TYPE.match(line)]
        if not found:
            return None
        at = rnd.choice(found)
        lines[at] = _TYPE.sub(lambda m: m[1] + rnd.choice(["string", "integer", "object", "array", "boolean"]),
                              lines[at])
    elif kind == "ref":
        found = [i for i, line in enumerate(lines) if _REF.match(line)]
        names = sorted({m[2] for line in lines if (m := _REF.match(line))})
        if not found or len(names) < 2:
            return None
        at = rnd.choice(found)
        lines[at] = _REF.sub(lambda m: m[1] + rnd.choice(names) + m[3], lines[at])
    else:
        key = "description:" if kind == "description" else "type:"
        found = [i for i, line in enumerate(lines) if line.lstrip().startswith(key) and not line.rstrip().endswith(
            ("|", ">", "|-", ">-"))]
        if not found:
            return None
        at = rnd.choice(found)
        indent = " " * (len(lines[at]) - len(lines[at].lstrip()))
        lines[at] = lines[at] + " (edited)" if kind == "description" else lines[at] + f"\n{indent}nullable: true"
    return "\n".join(lines)


def test_random_edits_of_real_specs_give_a_whole_parse(tmp_path: Path) -> None:
    """Seeded random edits of what the schemas of every YAML spec of the corpus say (types, `$ref`s, descriptions,
    nullability): the model built from the last parse's units and the edit is the one a whole parse gives; most
    edits take most units from the record."""
    compared = mostly_taken = 0
    for spec in corpora.yaml_specs():
        text = spec.read_text(encoding="utf-8")
        recorded = _recorded(tmp_path, text)
        if recorded is None:
            continue
        lines = text.split("\n")
        rnd = random.Random(spec.name)
        for _ in range(3):
            new = _schema_edit(lines, rnd)
            doc = _reread(tmp_path, recorded[1], new) if new is not None else None
            result = _replayed(recorded[0], doc) if doc is not None else None
            if result is None:
                continue
            replayed, whole, taken = result
            assert replayed == whole, f"{spec}: an edit gave another model"
            compared += 1
            mostly_taken += taken > len(recorded[0].units) // 2
    assert compared > 40
    assert mostly_taken > compared // 2, f"{mostly_taken} of {compared} edits took most units from the record"


@pytest.mark.parametrize("language", ["python", "typescript"])
def test_a_regeneration_takes_units_from_the_last_parse_and_writes_what_a_cold_one_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The units of a target's parse are recorded in the cache; the next generation of that target from an edited
    spec (another file, as a benchmark keeps it) takes the units the edit does not reach from there, the Python plan
    plans again only the models of the schemas that changed, and the files are those a cold generation of the edited
    spec writes."""
    from generator import workers
    from generator.cli import main
    from generator.parse.units import Units
    from generator.targets.python.models import ModelPlanner

    monkeypatch.setattr(workers, "LARGE", 0)  # the small spec counts as large: its read and parse are recorded
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    taken: list[int] = []
    finish = Units.finish
    monkeypatch.setattr(Units, "finish", lambda self: (taken.append(self.taken), finish(self))[1])
    models: list[int] = []  # models planned, per Python generation
    model = ModelPlanner.model
    monkeypatch.setattr(ModelPlanner, "model", lambda self, schema: (models.append(schema.id), model(self, schema))[1])
    planned: list[int] = []
    (tmp_path / "spec.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "edited.yaml").write_text(BASE.replace("A pet.", "A pet, described."), encoding="utf-8")
    args = ["--package-name", "pets", "--language", language, "-q"]
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("spec.yaml", "edited.yaml"):
        assert main(["generate", str(tmp_path / name), "-o", str(tmp_path / "out"), *args]) == 0
        planned.append(len(models))
        models.clear()
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cold-cache"))
    assert main(["generate", str(tmp_path / "edited.yaml"), "-o", str(tmp_path / "cold"), *args]) == 0
    assert taken == [0, 2, 0]  # of six units: the three operations that reach Pet, and Pet's own, run again
    if language == "python":  # the cold plan planned every model; the regeneration Pet's two (response, request)
        assert planned[1] == 2 < planned[0] == len(models)
    files = lambda folder: {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
                            if p.is_file() and p.name != "CHANGELOG.md"}
    assert files(tmp_path / "out") == files(tmp_path / "cold")
    assert b"A pet, described." in b"".join(files(tmp_path / "out").values())


@pytest.mark.parametrize("name", ["a property added", "a type changed", "an enum now an object", "a $ref to another schema"])
def test_a_regeneration_after_an_edit_writes_what_a_cold_one_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Edits that change names, kinds or what schemas refer to: the Python plan reuses only what they leave as it
    was (targets/python/plan.py), and the files are those a cold generation writes."""
    from generator import workers
    from generator.cli import main

    monkeypatch.setattr(workers, "LARGE", 0)
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    before, after, _most = EDITS[name]
    (tmp_path / "spec.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "edited.yaml").write_text(BASE.replace(before, after), encoding="utf-8")
    args = ["--package-name", "pets", "-q"]
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cache"))
    for spec in ("spec.yaml", "edited.yaml"):
        assert main(["generate", str(tmp_path / spec), "-o", str(tmp_path / "out"), *args]) == 0
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cold-cache"))
    assert main(["generate", str(tmp_path / "edited.yaml"), "-o", str(tmp_path / "cold"), *args]) == 0
    files = lambda folder: {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
                            if p.is_file() and p.name != "CHANGELOG.md"}
    assert files(tmp_path / "out") == files(tmp_path / "cold")
