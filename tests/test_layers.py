"""The generator's imports point back along the pipeline, never forward (read with ``ast``, lazy imports included).

model, frozen, pointer, errors, diagnostics, config, cache, collector, workers <- load <- validate <- parse <- targets <-
write, diff <- pipeline, changelog, sides, reads <- cli. A module may import its own stage and earlier ones.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
STAGES = (
    ("__init__", "model", "frozen", "pointer", "errors", "diagnostics", "config", "cache", "collector", "workers"),
    ("load",),
    ("validate",),
    ("parse",),
    ("targets",),
    ("write", "diff"),
    ("pipeline", "changelog", "sides", "reads"),
    ("cli", "__main__"),
)
STAGE_OF = {name: index for index, names in enumerate(STAGES) for name in names}


def _stage(dotted: str) -> int:
    """The stage of ``generator.x.y`` (by ``x``); -1 for what is not part of the generator."""
    parts = dotted.split(".")
    if parts[0] != "generator":
        return -1
    if len(parts) == 1:
        return 0
    return STAGE_OF[parts[1]]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in ``path``, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path).split(".") if path.name == "__init__.py" else _module_name(path).split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            if node.module:
                found.append((node.lineno, module))
            # `from generator import x` / `from . import x` import the submodules x
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names if node.module is None or module == "generator"]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "templates" not in p.parts and "runtime" not in p.parts)


def test_every_module_belongs_to_a_stage() -> None:
    for path in MODULES:
        assert _stage(_module_name(path)) >= 0, path


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_back_along_the_pipeline(path: Path) -> None:
    own = _stage(_module_name(path))
    forward = [
        f"line {line}: {module} (stage {STAGES[_stage(module)][0]})"
        for line, module in _imports(path)
        if module.split(".")[0] == "generator" and module != "generator.__version__" and _stage(module) > own
    ]
    assert not forward, f"{path.relative_to(PACKAGE)} (stage {STAGES[own][0]}) imports a later stage: {forward}"


def test_the_check_sees_a_forward_import(tmp_path: Path) -> None:
    parse = PACKAGE / "parse"
    planted = parse / "_planted_for_test.py"
    planted.write_text("def f():\n    from generator.targets.python import naming\n", encoding="utf-8")
    try:
        assert (2, "generator.targets.python") in _imports(planted)
        with pytest.raises(AssertionError, match="imports a later stage"):
            test_imports_point_back_along_the_pipeline(planted)
    finally:
        planted.unlink()
