"""Where the Python target keeps its compiled templates: ours beside the generator's own bytecode (a run with a fresh
cache folder compiles none of them), a user's templates folder's in the cache folder, never somewhere unwritable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jinja2
import pytest

from generator.targets.python import render


def _folder(user_templates: Path | None) -> Path:
    folder = render.compiled_folder(user_templates)
    assert folder is not None
    return folder


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "cache"


def test_our_templates_compile_beside_the_generators_bytecode(cache_folder: Path) -> None:
    folder = _folder(None)
    assert folder.parent == Path(render.__file__).parent / "__pycache__"
    env = render.environment(None, folder)
    env.get_template("sdk/project/pyproject.toml.jinja")
    assert any(folder.iterdir())  # compiled once, found by the next run whatever its cache folder
    assert not (cache_folder / f"jinja-{jinja2.__version__}-python").exists()


def test_a_users_templates_compile_in_the_cache_folder(cache_folder: Path, tmp_path: Path) -> None:
    assert _folder(tmp_path / "templates").parent == cache_folder


def test_bytecode_writing_off_keeps_them_in_the_cache_folder(cache_folder: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert _folder(None).parent == cache_folder


def test_an_unwritable_folder_is_passed_over(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ours = str(Path(render.__file__).parent / "__pycache__")
    monkeypatch.setattr(os, "access", lambda path, mode: not str(path).startswith(ours))
    assert _folder(None).parent == cache_folder
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert render.compiled_folder(None) is None


def test_what_our_templates_read_is_kept_with_their_compiled_code(cache_folder: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A file's key needs what its template reads, found by parsing the template (~0.05 s on a first run): kept where
    the compiled templates are, so that a run with a fresh cache folder finds it too."""
    from generator.cache import Reuse
    from generator.config import Target
    from generator.load.document import load_spec
    from generator.pipeline import build_plan, parse

    kept = tmp_path / "compiled"
    kept.mkdir()
    monkeypatch.setattr(render, "compiled_folder", lambda user_templates: kept)
    spec = Path(__file__).resolve().parent / "fixtures" / "specs" / "shapes.yaml"
    doc = load_spec(spec)
    plan = build_plan(parse(doc), Target(spec=str(spec), output="out", package="shapes"), source=str(spec), raw=doc.data)
    first = render.Renderer(plan, reuse=Reuse("base", {}, None))
    first.part()
    first.finish()
    assert (kept / "reads-base.pickle").is_file()  # beside the compiled templates
    assert any(p.name.endswith(".cache") for p in kept.iterdir())
    assert not list(cache_folder.glob("reads-*"))
    again = render.Renderer(plan, reuse=Reuse("base", {}, None))
    assert again.env._reads == first.env._reads  # known before any template is parsed
