"""The regression guard of the incremental path: a cached one-schema regeneration must be clearly cheaper than a cold
generation of the same spec, in one process, as a ratio of CPU time (never an absolute time), and must render only
the files the change reaches (a count, which noise cannot move).

The spec is a mid-size corpus entry (radarr: 0.3 MB, about 600 files). Before the first measured run the process
generates a small fixture spec, so both measured runs find every module imported (a cold run in a fresh process would
pay the imports, which would flatter the regeneration).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import jinja2
import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT.parent / "shared" / "corpus" / "radarr" / "openapi.json"
MAX_RATIO = 0.75  # about 0.5 here; the path that renders and formats every file, or builds extra models, is above 1


def _generate(spec: Path, out: Path) -> float:
    """CPU seconds of one `sdkforge generate` in this process."""
    start = time.process_time()
    assert main(["generate", str(spec), "-o", str(out), "--package-name", "radarr_sdk", "-q"]) == 0
    return time.process_time() - start


def test_one_schema_regeneration_is_clearly_cheaper_than_cold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not SPEC.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the corpus is missing: {SPEC}")
        pytest.skip(f"the corpus is missing: {SPEC}")
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cache"))
    renders: list[str] = []
    render = jinja2.Template.render

    def counted(self: jinja2.Template, *args: object, **kwargs: object) -> str:
        renders.append(str(self.name))
        return render(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", counted)
    _generate(ROOT / "tests" / "fixtures" / "specs" / "shapes.yaml", tmp_path / "warm")
    data = json.loads(SPEC.read_text(encoding="utf-8"))
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps(data, indent=2), encoding="utf-8")
    schemas = data["components"]["schemas"]
    changed = sorted(schemas)[len(schemas) // 2]
    schemas[changed]["description"] = "One line added to one schema."
    after.write_text(json.dumps(data, indent=2), encoding="utf-8")

    renders.clear()
    cold = _generate(before, tmp_path / "out")
    cold_renders = len(renders)
    renders.clear()
    again = _generate(after, tmp_path / "out")
    # the schema's module, a module that holds the schema's text, and the two indexes of every model
    assert len(renders) <= 6, f"the one-schema regeneration rendered {renders}"
    assert cold_renders > 300
    assert again / cold <= MAX_RATIO, f"one-schema regeneration {again:.2f} s CPU against cold {cold:.2f} s"
