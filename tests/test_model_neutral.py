"""The neutral model holds no Python: on the full OpenAI spec, no string in model.Api is Python syntax.

Strings the spec itself holds (descriptions, examples with code samples) are exempt: they are the wire's words.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import model

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT.parent / "shared" / "specs" / "openai-openapi.yaml"

PYTHON_SYNTAX = (
    "Optional[", "List[", "Dict[", "Union[", "Literal[", "Tuple[", "Annotated[", "Required[", "FieldInfo", " import ",
    "NOT_GIVEN", "NotGiven", "lambda:", "cast(", "BaseModel", "TypedDict", "TypeAlias", "FileTypes", "fromisoformat(",
    "Stream[", "SyncCursorPage", '"""', "builtins.", "None]",
)


def strings(value: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Every string inside dataclasses, tuples, lists and dicts (keys too), recursively."""
    seen = set() if seen is None else seen
    if isinstance(value, str):
        yield value
    elif isinstance(value, (bytes, int, float, bool)) or value is None or id(value) in seen:
        return
    elif dataclasses.is_dataclass(value):
        seen.add(id(value))
        for f in dataclasses.fields(value):
            yield from strings(getattr(value, f.name), seen)
    elif isinstance(value, dict):
        seen.add(id(value))
        for k, v in value.items():
            yield from strings(k, seen)
            yield from strings(v, seen)
    elif isinstance(value, (tuple, list)):
        seen.add(id(value))
        for item in value:
            yield from strings(item, seen)


def python_in(api: model.Api, spec_text: str) -> list[str]:
    """The strings of ``api`` that hold Python syntax and do not occur verbatim in the spec."""
    found = []
    for text in set(strings(api)):
        if any(marker in text for marker in PYTHON_SYNTAX) and text not in spec_text:
            found.append(text)
    return sorted(found)


@pytest.fixture(scope="module")
def openai() -> tuple[model.Api, str]:
    if not SPEC.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{SPEC} is missing")
        pytest.skip(f"{SPEC} is missing")
    from generator.config import Target
    from generator.load.document import load_spec
    from generator.parse import parse_api
    from generator.pipeline import parse

    doc = load_spec(SPEC)
    api = parse_api(parse(doc), Target(spec=str(SPEC), output="o", package="openai_sdk"), source=str(SPEC), raw=doc.data)
    return api, doc.text


def test_no_python_in_the_neutral_model(openai: tuple[model.Api, str]) -> None:
    api, text = openai
    assert len(api.schemas) > 1000 and len(api.operations) > 200
    assert python_in(api, text) == []


def test_the_check_catches_planted_python(openai: tuple[model.Api, str]) -> None:
    api, text = openai
    planted = dataclasses.replace(api.schemas[0], description="Optional[str]")
    changed = dataclasses.replace(api, schemas=(planted, *api.schemas[1:]))
    assert python_in(changed, text) == ["Optional[str]"]
    param = model.Param("x", "query", model.Scalar("string"), False, example={"k": "NOT_GIVEN, yes"})
    assert python_in(dataclasses.replace(api, operations=(dataclasses.replace(api.operations[0], params=(param,)),)),
                     text) == ["NOT_GIVEN, yes"]


def test_type_expressions_are_neutral(openai: tuple[model.Api, str]) -> None:
    api, _ = openai
    kinds = set()
    for schema in api.schemas:
        for prop in schema.properties:
            for node in model.walk(prop.type):
                assert type(node).__module__ == "generator.model.types"
                if isinstance(node, model.Scalar):
                    kinds.add(node.kind)
    assert kinds <= {"string", "integer", "number", "boolean", "bytes", "date", "datetime"}


def _imports(folder: Path) -> set[str]:
    import ast

    names: set[str] = set()
    for path in (ROOT / "generator" / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
    return names


def test_model_and_parse_never_import_a_target() -> None:
    """Imports point back along the pipeline: the model needs nothing of ours but the decorator of its classes, parse
    nothing of a target."""
    ours = {m for m in _imports(Path("model")) if m.startswith("generator.") and not m.startswith("generator.model")}
    assert ours == {"generator.frozen"}
    assert {m for m in _imports(Path("parse")) if m.startswith("generator.targets")} == set()
