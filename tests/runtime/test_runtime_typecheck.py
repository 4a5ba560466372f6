"""The rendered runtime is mypy --strict clean, ruff clean and black-formatted."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def _runtime_conftest() -> Any:
    # by path: tests/network has a conftest too, and either may come first on sys.path
    spec = importlib.util.spec_from_file_location("_runtime_conftest", Path(__file__).with_name("conftest.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_conftest = _runtime_conftest()
WIDGETS, make_api, render_package, runtime_files = (
    _conftest.WIDGETS,
    _conftest.make_api,
    _conftest.render_package,
    _conftest.runtime_files,
)

BIN = Path(sys.executable).parent


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, check=False, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("typecheck")
    render_package(make_api("tc_both"), root)
    render_package(make_api("tc_sync", async_=False, kind="header", name="X-Key"), root)
    render_package(make_api("tc_async", sync=False, kind="basic", resources=()), root)
    render_package(make_api("tc_bare", kind="none", resources=()), root, with_stubs=False)
    return root


def test_mypy_strict(rendered: Path) -> None:
    result = _run(
        str(BIN / "mypy"),
        "--strict",
        "-p",
        "tc_both",
        "-p",
        "tc_sync",
        "-p",
        "tc_async",
        "-p",
        "tc_bare",
        cwd=rendered,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _runtime_files(rendered: Path) -> list[str]:
    names = [name for name in runtime_files(make_api()) if name.endswith(".py") and name != "__init__.py"]
    return [str(Path(pkg) / name) for pkg in ("tc_both", "tc_sync", "tc_async", "tc_bare") for name in names]


def test_ruff_clean(rendered: Path) -> None:
    result = _run(
        str(BIN / "ruff"), "check", "--isolated", "--target-version", "py39", *_runtime_files(rendered), cwd=rendered
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_black_clean(rendered: Path) -> None:
    import black

    from generator.targets.python.format import _MODE as mode  # the pipeline's black settings
    # every file once, then the files whose text depends on the Api for the other variants
    templated = ("_client.py", "_identity.py", "_version.py")
    paths = [p for p in _runtime_files(rendered) if p.startswith("tc_both") or p.endswith(templated)]
    for path in paths:
        source = (rendered / path).read_text()
        assert black.format_str(source, mode=mode) == source, f"{path} is not black-formatted"


def test_python39_syntax(rendered: Path) -> None:
    import ast

    for path in _runtime_files(rendered):
        ast.parse((rendered / path).read_text(), feature_version=(3, 9))


def test_import_is_cheap(rendered: Path) -> None:
    code = "import sys, tc_both; assert 'tc_both.resources.widgets' not in sys.modules; print('ok')"
    result = _run(sys.executable, "-c", code, cwd=rendered)
    assert result.stdout.strip() == "ok", result.stderr


def test_resources_sorted_import(rendered: Path) -> None:
    text = (rendered / "tc_both" / "_client.py").read_text()
    assert "from .resources.widgets import AsyncWidgets, Widgets" in text
    assert WIDGETS.name in text
