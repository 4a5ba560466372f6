"""Names of extreme length, end to end (issue 13): schema, property, operation, parameter and enum names from 1 to
200 characters, aimed at the 88 and 120 column boundaries, generate through the CLI without a traceback into an SDK
that imports, round-trips an example, and passes ``mypy --strict``, ``black --check`` and ``ruff check``.

The spec puts mutually recursive models with long names next to a third long-named model: the cycle's late imports
and its re-organized regular imports are both wrapped, which once rendered ``from x import ((Name,),)``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import cli

LENGTHS = (1, 40, 87, 88, 89, 119, 120, 121, 200)
ENUM_VALUES = ['"quoted" \\ back\\', "ü" * 130, "x" * 119, "a'b\"c" * 30, "é"]


def _name(prefix: str, n: int) -> str:
    return (prefix + "X" * n)[:n]


def long_names_spec() -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    paths: dict[str, Any] = {}
    for i, n in enumerate(LENGTHS):
        own, other, leaf = (_name(f"{kind}{i}x", max(n, 4)) for kind in ("Sch", "Oth", "Lea"))
        prop = _name(f"prop{i}", max(n, 6))
        schemas[own] = {
            "type": "object",
            "description": "D" * n,
            "required": [prop],
            "properties": {
                prop: {"$ref": f"#/components/schemas/{other}"},
                _name("leaf", n) + "_l": {"$ref": f"#/components/schemas/{leaf}"},
                _name("en", n) + "_e": {"type": "string", "enum": ENUM_VALUES, "description": "e" * n},
                _name("num", n) + "_n": {"type": "number", "default": 1.5e16},
                _name("str", n) + "_s": {"type": "string", "default": "d\"'\\" * (n // 4 + 1)},
                _name("lst", n) + "_a": {"type": "array", "items": {"type": "string", "enum": ENUM_VALUES[:3]}},
            },
        }
        schemas[other] = {"type": "object", "properties": {_name("back", n) + "_b": {"$ref": f"#/components/schemas/{own}"}}}
        schemas[leaf] = {"type": "object", "properties": {"v": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}
        param = _name(f"pa{i}ram", max(n, 6))
        paths[f"/r{i}/{{{param}}}"] = {
            "post": {
                "operationId": _name(f"op{i}eration", max(n, 6)),
                "tags": ["things"],
                "summary": "S" * n,
                "description": "line one\nline \"two\" with \\ and '''" + " word" * n,
                "parameters": [
                    {"name": param, "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": _name("q", n) + "_q", "in": "query", "schema": {"type": "string", "enum": ENUM_VALUES}},
                ],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{own}"}}}},
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{own}"}}}}
                },
            }
        }
    return {"openapi": "3.1.0", "info": {"title": "Long", "version": "1"}, "paths": paths, "components": {"schemas": schemas}}


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_long_names_generate_a_clean_sdk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "long.json"
    spec.write_text(json.dumps(long_names_spec()), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = cli.main(["generate", str(spec), "-o", "out", "--package-name", "long_names", "--quiet"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in out + err
    sdk = tmp_path / "out"
    for path in sdk.rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")

    script = (
        "import importlib, pkgutil, long_names, long_names.types as t\n"
        "for m in pkgutil.walk_packages(long_names.__path__, 'long_names.'): importlib.import_module(m.name)\n"
        "names = sorted(n for n in t.__all__ if n.startswith('Sch') and not n.endswith('Param'))\n"
        f"assert len(names) == {len(LENGTHS)}, names\n"
        "for name in names:\n"
        "    cls = getattr(t, name)\n"
        "    required = [f for f, info in cls.model_fields.items() if info.is_required()]\n"
        "    model = cls.model_validate({(cls.model_fields[f].alias or f): {} for f in required})\n"
        "    assert cls.model_validate(model.model_dump(by_alias=True, exclude_unset=True)) == model\n"
    )
    env = {**os.environ, "PYTHONPATH": str(sdk)}
    imported = subprocess.run([sys.executable, "-c", script], check=False, cwd=sdk, capture_output=True, text=True, timeout=300, env=env)
    assert imported.returncode == 0, imported.stderr[-3000:]

    black = _run("black", "--check", "--quiet", "--line-length", "120", ".", cwd=sdk)
    assert black.returncode == 0, black.stderr[-3000:]
    ruff = _run("ruff", "check", "--quiet", ".", cwd=sdk)
    assert ruff.returncode == 0, ruff.stdout[-3000:]
    mypy = _run("mypy", "--strict", "long_names", "tests", cwd=sdk)
    assert mypy.returncode == 0, mypy.stdout[-5000:]
