"""Random valid specs (hypothesis): each generates an SDK whose files compile and import, and whose models accept
an example response built from each schema, or the generator stops with a SpecError. Anything else fails.

Seeded (``derandomize=True``) and bounded for CI: 15 examples per run. A nightly job raises it with
``SDKFORGE_HYPOTHESIS_EXAMPLES=500 pytest tests/hostile/test_property_specs.py``.
mypy is not run per example (too slow); the hostile corpus (test_corpus.py) covers mypy --strict.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import Target
from generator.errors import SpecError
from generator.pipeline import build_target
from generator.write.files import write

EXAMPLES = int(os.environ.get("SDKFORGE_HYPOTHESIS_EXAMPLES", "15"))
names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
idents = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,10}", fullmatch=True)
texts = st.text(max_size=20)


def prim() -> st.SearchStrategy[tuple[dict[str, Any], Any]]:
    return st.one_of(
        st.just(({"type": "string"}, "s")),
        st.just(({"type": "integer"}, 1)),
        st.just(({"type": "number"}, 1.5)),
        st.just(({"type": "boolean"}, True)),
        st.lists(texts, min_size=1, max_size=4, unique=True).map(lambda v: ({"type": "string", "enum": v}, v[0])),
    )


def field(refs: list[str]) -> st.SearchStrategy[tuple[dict[str, Any], Any]]:
    base = prim()
    if refs:
        base = st.one_of(base, st.sampled_from(refs).map(lambda r: ({"$ref": f"#/components/schemas/{r}"}, None)))
    return st.one_of(
        base,
        base.map(lambda p: ({"type": "array", "items": p[0]}, [] if p[1] is None else [p[1]])),
        base.map(lambda p: ({"anyOf": [p[0], {"type": "null"}]}, None)),
        st.tuples(prim(), prim()).map(lambda ps: ({"oneOf": [ps[0][0], ps[1][0]]}, ps[0][1])),
    )


@st.composite
def specs(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    schema_names = draw(st.lists(idents, min_size=1, max_size=4, unique_by=str.lower))
    schemas: dict[str, Any] = {}
    examples: dict[str, Any] = {}
    for i, name in enumerate(schema_names):
        props = draw(st.dictionaries(names, field(schema_names[:i]), max_size=5))
        schemas[name] = {"type": "object", "description": draw(texts), "properties": {k: v[0] for k, v in props.items()}}
        examples[name] = {k: v[1] for k, v in props.items() if v[1] is not None}
    paths: dict[str, Any] = {}
    for j, name in enumerate(schema_names):
        params = [
            {"name": draw(idents), "in": loc, "schema": draw(prim())[0], **({"required": True} if loc == "path" else {})}
            for loc in draw(st.lists(st.sampled_from(["query", "header", "path"]), max_size=3))
        ]
        seen, unique_params = set(), []
        for p in params:
            if (p["name"].lower(), p["in"]) not in seen:
                seen.add((p["name"].lower(), p["in"]))
                unique_params.append(p)
        path = f"/r{j}" + "".join("/{" + p["name"] + "}" for p in unique_params if p["in"] == "path")
        ref = {"$ref": f"#/components/schemas/{name}"}
        op: dict[str, Any] = {
            "operationId": f"op{j}",
            "summary": draw(texts),
            "parameters": unique_params,
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": ref}}}},
        }
        if draw(st.booleans()):
            op["requestBody"] = {"content": {"application/json": {"schema": ref}}}
        paths[path] = {draw(st.sampled_from(["get", "post", "put"])): op}
    spec = {"openapi": "3.1.0", "info": {"title": "P", "version": "1"}, "paths": paths, "components": {"schemas": schemas}}
    return spec, examples


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(specs())
def test_random_spec(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    spec, examples = case
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
        target = Target(spec="spec.json", output="out", package="prop_pkg")
        try:
            generated = build_target(target, root)
        except SpecError as exc:
            assert str(exc)
            return
        write(generated.out, generated.files)
        for path in (root / "out").rglob("*.py"):
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        from generator.targets.python import naming

        classes = {name: naming.class_name(name) for name in examples}  # component names are unique up to case
        checks = [(classes[name], example) for name, example in examples.items() if name in classes]
        script = (
            "import importlib, json, pkgutil, sys, prop_pkg, prop_pkg.types as t\n"
            "for m in pkgutil.walk_packages(prop_pkg.__path__, 'prop_pkg.'): importlib.import_module(m.name)\n"
            "for cls, example in json.loads(sys.argv[1]):\n"
            "    model_cls = getattr(t, cls, None)\n"
            "    if not hasattr(model_cls, 'model_validate'): continue  # renamed (e.g. a reserved name): not guessed\n"
            "    model = model_cls.model_validate(example)\n"
            "    assert model_cls.model_validate(model.model_dump(by_alias=True, exclude_unset=True)) == model\n"
        )
        proc = subprocess.run([sys.executable, "-c", script, json.dumps(checks)], check=False, capture_output=True, text=True, cwd=root / "out")
        assert proc.returncode == 0, proc.stderr[-3000:] + "\n" + json.dumps(spec)[:2000]
