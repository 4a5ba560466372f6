"""The static runtime (generator/targets/python/runtime/) as it is: mypy --strict, ruff and black clean, Python 3.9
syntax, relative imports only, and stand-ins that are what their templates render."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import black
import pytest

from generator.targets.python.format import _MODE as mode  # the pipeline's black settings
from generator.targets.python.render import RUNTIME, RUNTIME_DIR, environment, runtime_files

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SOURCES = sorted(RUNTIME.glob("*.py"))
# what a generated SDK depends on (templates/sdk/project/pyproject.toml.jinja)
DEPENDENCIES = {"httpx", "pydantic", "anyio", "typing_extensions"}


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, check=False, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_mypy_strict() -> None:
    # from the parent folder, so that the package is `runtime` and not part of `generator`
    args = ("--strict", "-p", RUNTIME.name)
    result = _run(str(BIN / "mypy"), *args, cwd=RUNTIME.parent)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("config", ["ruff.toml", "generated SDK"])
def test_ruff_clean(config: str) -> None:
    """With this folder's settings, and with a generated SDK's (ruff.toml repeats them for ruff runs in the repo)."""
    sdk_config = ("--config", str(ROOT / "generated" / "openai-videos" / "pyproject.toml"))
    args = ("check", "--no-cache", *(sdk_config if config != "ruff.toml" else ()), ".")
    result = _run(str(BIN / "ruff"), *args, cwd=RUNTIME)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_black_clean(path: Path) -> None:
    source = path.read_text()
    assert black.format_str(source, mode=mode) == source


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_python39_and_relative_imports_only(path: Path) -> None:
    """Copied into any package under any name, so the runtime imports itself relatively and nothing of ours."""
    tree = ast.parse(path.read_text(), feature_version=(3, 9))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or top in DEPENDENCIES, f"{path.name}: import {name}"


def test_stand_ins_are_what_the_templates_render() -> None:
    """_identity.py and _version.py are overwritten per SDK: checked here in the shape the templates give them."""
    api = SimpleNamespace(distribution="sdk", package="sdk", version="0.0.0", error_base="SDKError", log_env="SDK_LOG")
    env = environment()
    for name in ("_identity.py", "_version.py"):
        rendered = env.get_template(f"{RUNTIME_DIR}/{name}.jinja").render(api=api)
        assert (RUNTIME / name).read_text() == rendered, name


def test_only_the_stand_ins_have_templates() -> None:
    """A runtime file with a template of the same name is a stand-in: the template's output replaces it."""
    prefix = RUNTIME_DIR + "/"
    templates = environment().list_templates(filter_func=lambda name: name.startswith(prefix))
    templated = {name[len(prefix) : -len(".jinja")] for name in templates}
    assert {path.name for path in SOURCES} & templated == {"__init__.py", "_identity.py", "_version.py"}


def test_a_user_template_replaces_a_static_file(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("_runtime_conftest", Path(__file__).with_name("conftest.py"))
    assert spec is not None and spec.loader is not None
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    (tmp_path / RUNTIME_DIR).mkdir(parents=True)
    (tmp_path / RUNTIME_DIR / "_utils.py.jinja").write_text("# ours, for {{ api.package }}\n")
    files = runtime_files(environment(tmp_path), conftest.make_api("acme_sdk"))
    assert files["acme_sdk/_utils.py"] == "# ours, for acme_sdk\n"
    assert files["acme_sdk/_models.py"] == (RUNTIME / "_models.py").read_text()
