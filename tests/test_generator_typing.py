"""The generator itself type-checks (mypy, as pyproject.toml configures it) and lints clean (ruff): the code it writes
is held to mypy --strict and ruff in every SDK's checks; this keeps the code that writes it from drifting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_generator_type_checks(tmp_path: Path) -> None:
    from mypy import api

    out, err, code = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path / "mypy"),
                              str(ROOT / "generator")])
    assert code == 0, out + err


def test_the_generator_lints_clean() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(ROOT / "generator")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
