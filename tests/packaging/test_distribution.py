"""sdkforge as users get it: `python -m build` makes an sdist and a wheel (the wheel built from the sdist), `twine
check` passes, and the wheel installed in a fresh virtual environment generates both languages byte for byte as
this checkout does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from generator import __version__

ROOT = Path(__file__).resolve().parents[2]
SDKS = ("openai-videos", "openai-videos-lite", "openai-videos-ts")  # what the repository's configuration generates


def run(*command: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(c) for c in command], check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # the sdist, then the wheel from the unpacked sdist; with the installed backend (build checks it satisfies
    # build-system.requires) rather than a new environment per step
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT)
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with the wheel installed. Its dependencies are the ones this environment has installed
    (a .pth file adds its site-packages after the new environment's own, so the wheel's sdkforge comes first): no
    download, and a check that they satisfy what the wheel declares."""
    folder = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", folder)
    python = folder / "bin" / "python"
    own = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    outer = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (own / "outer-environment.pth").write_text("".join(f"{path}\n" for path in outer), encoding="utf-8")
    # --ignore-installed: the outer environment's sdkforge (same version, seen through the .pth file) is not "satisfied"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--ignore-installed", wheel(dist))
    run(python, "-c", SATISFIED)
    return folder


SATISFIED = """
from importlib.metadata import requires, version
from packaging.requirements import Requirement
for requirement in map(Requirement, requires("sdkforge")):
    if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
        assert version(requirement.name) in requirement.specifier, requirement
"""


def wheel(dist: Path) -> Path:
    return next(dist.glob("sdkforge-*.whl"))


def source_files() -> set[str]:
    """Every file of the generator package in this checkout: code, templates and both runtimes."""
    package = ROOT / "generator"
    caches = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"}  # .gitignore'd: never packaged
    return {str(p.relative_to(ROOT)) for p in package.rglob("*") if p.is_file() and not caches & set(p.parts)}


def test_twine_check_passes(dist: Path) -> None:
    assert sorted(p.name for p in dist.iterdir()) == [f"sdkforge-{__version__}-py3-none-any.whl", f"sdkforge-{__version__}.tar.gz"]
    output = run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()))
    assert output.count("PASSED") == 2, output


def test_sdist_and_wheel_hold_every_generator_file(dist: Path) -> None:
    with zipfile.ZipFile(wheel(dist)) as zf:
        in_wheel = {name for name in zf.namelist() if name.startswith("generator/")}
        metadata = zf.read(f"sdkforge-{__version__}.dist-info/METADATA").decode()
    with tarfile.open(next(dist.glob("sdkforge-*.tar.gz"))) as tf:
        in_sdist = {name.split("/", 1)[1] for name in tf.getnames() if "/" in name}
    assert in_wheel == source_files()
    assert in_sdist - source_files() == {"README.md", "pyproject.toml", "PKG-INFO", ".gitignore"}  # and no generated/
    assert source_files() <= in_sdist
    assert "TypeScript" in metadata and "Description-Content-Type: text/markdown" in metadata


def test_installed_wheel_generates_both_languages_as_the_checkout_does(venv: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "specs").mkdir(parents=True)
    shutil.copy(ROOT / "specs" / "openai-videos.yaml", project / "specs")
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (project / "pyproject.toml").write_text(config[config.index("[[tool.sdkforge.targets]]") :], encoding="utf-8")
    # a cold cache: the installed templates and runtime files are read, not a cached output of this checkout's
    env = {**os.environ, "SDKFORGE_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYTHONPATH", None)
    sdkforge = venv / "bin" / "sdkforge"

    where = run(venv / "bin" / "python", "-c", "import generator; print(generator.__file__)", cwd=project, env=env)
    assert Path(where.strip()).is_relative_to(venv), where
    assert sdkforge.read_text(encoding="utf-8").startswith(f"#!{venv / 'bin' / 'python'}\n")
    assert run(sdkforge, "--version", cwd=project, env=env).strip() == f"sdkforge {__version__}"

    run(sdkforge, "generate", "-q", cwd=project, env=env)
    for name in SDKS:
        made, committed = project / "generated" / name, ROOT / "generated" / name
        fresh = files_of(made)
        assert fresh == {path: (committed / path).read_bytes() for path in fresh}, name
        assert {".sdkforge-manifest.json", "README.md"} <= fresh.keys() and (made / "CHANGELOG.md").is_file()
    assert run(sdkforge, "check", cwd=project, env=env).strip() == "generated output is up to date"


def files_of(folder: Path) -> dict[str, bytes]:
    """The generated files; CHANGELOG.md is history (a section per spec change the folder has seen), not a function
    of today's spec, so a fresh project's first-version changelog is not compared with the committed one."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "CHANGELOG.md"}
