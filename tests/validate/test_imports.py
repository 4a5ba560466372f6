"""validate is language-neutral and sits before parse: it imports nothing later in the pipeline."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

VALIDATE = Path(__file__).resolve().parents[2] / "generator" / "validate"
LATER = ("generator.parse", "generator.targets", "generator.write", "generator.diff", "generator.cli",
         "generator.pipeline")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("module", sorted(p.name for p in VALIDATE.glob("*.py")))
def test_validate_imports_point_back(module: str) -> None:
    forward = {name for name in _imports(VALIDATE / module) if name.startswith(LATER)}
    assert not forward, f"validate/{module} imports {sorted(forward)}"


def test_validate_imports_nothing_generation_needs() -> None:
    """`sdkforge validate` (a pre-commit hook) pays no import of the parser, templates, formatter or HTTP client, nor
    without a ruleset file of the JSONPath library and the engine that run custom rules, nor of the rule families of
    rulesets not chosen (recommended, security), nor of report formats not chosen."""
    import subprocess
    import sys

    root = VALIDATE.parents[1]
    code = ("import sys; from generator.cli import main; code = main(['validate', 'specs/openai-videos.yaml']); "
            "print(sorted(m for m in ('openapi_pydantic', 'jinja2', 'black', 'httpx', 'generator.parse', "
            "'generator.diff', 'jsonpath', 'jsonschema', 'generator.validate.custom.engine', "
            "'generator.validate.style.run', 'generator.validate.owasp.document', 'generator.validate.report.sarif', "
            "'generator.validate.report.junit', 'subprocess') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
