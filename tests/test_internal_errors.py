"""No traceback, ever: an unexpected exception in any command is one line naming the spec, calling it a bug in
sdkforge with a hint to rerun with --verbose, and exit code 4; ``--verbose`` shows the traceback."""

from __future__ import annotations

import functools
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import cli
from generator.cli.exit_codes import EXIT_BUG

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "specs" / "openai-videos.yaml"


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("injected failure\nwith a second line")


def _commands(tmp: Path) -> dict[str, tuple[list[str], Callable[[pytest.MonkeyPatch], None], str]]:
    """command name -> (argv, how to make one of its stages raise, the spec the error line must name)."""
    spec = str(SPEC)
    (tmp / "sdkforge.yaml").write_text(f"targets:\n  - spec: {spec}\n    output: out\n    package: vids\n", encoding="utf-8")

    def pipeline(mp: pytest.MonkeyPatch) -> None:
        mp.setattr("generator.pipeline.build_target", _boom)

    def watch_once(mp: pytest.MonkeyPatch) -> None:
        import generator.cli.watch

        pipeline(mp)
        mp.setattr(generator.cli.watch, "watch", functools.partial(generator.cli.watch.watch, max_runs=1))

    return {
        "generate": (["generate", spec, "-o", str(tmp / "o"), "--package-name", "vids"], pipeline, spec),
        "generate-config": (["generate", "--config", "sdkforge.yaml"], pipeline, spec),
        "watch": (["generate", "--watch", "--config", "sdkforge.yaml"], watch_once, spec),
        "check": (["check", "--config", "sdkforge.yaml"], pipeline, spec),
        "validate": (["validate", spec], lambda mp: mp.setattr("generator.validate.checks.validate_paths", _boom), spec),
        "diff": (["diff", spec, spec], lambda mp: mp.setattr("generator.cli.diff.diff_apis", _boom), spec),
        "init": (["init", spec, "--yaml"], lambda mp: mp.setattr("generator.cli.init.load_spec", _boom), spec),
        "parser": (["generate"], lambda mp: mp.setattr(cli, "_parser", _boom), ""),
    }


COMMANDS = ["generate", "generate-config", "watch", "check", "validate", "diff", "init", "parser"]


def _error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize("verbose", [False, True], ids=["plain", "verbose"])
@pytest.mark.parametrize("name", COMMANDS)
def test_internal_error_is_one_line_and_exit_4(
    name: str, verbose: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    argv, break_it, spec = _commands(tmp_path)[name]
    break_it(monkeypatch)
    code = cli.main(argv + (["--verbose"] if verbose else []))
    out, err = capsys.readouterr()
    assert code == EXIT_BUG == 4, out + err
    (line,) = _error_lines(err)
    assert line.startswith("error: internal error in sdkforge") and "bug in sdkforge" in line, line
    assert "RuntimeError: injected failure with a second line" in line
    assert spec in line
    if verbose:
        assert "Traceback (most recent call last)" in err and "_boom" in err
        last = [l for l in err.splitlines() if not l.startswith("watching ")][-1]
        assert last == line  # the line stays last, below the traceback
    else:
        assert "Traceback" not in out + err
        assert "--verbose" in line
        others = [l for l in err.splitlines() if l != line and not l.startswith("watching ")]
        assert not others, err


SCRIPT = """
import sys
import generator.pipeline

def boom(*args, **kwargs):
    raise KeyError("injected")

generator.pipeline.build_target = boom
from generator.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("verbose", [False, True], ids=["plain", "verbose"])
def test_internal_error_in_a_subprocess(verbose: bool, tmp_path: Path) -> None:
    argv = ["generate", str(SPEC), "-o", str(tmp_path / "o"), "--package-name", "vids"] + (["--verbose"] if verbose else [])
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, *argv], check=False, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 4, proc.stderr
    assert proc.stdout == ""
    if verbose:
        assert "Traceback (most recent call last)" in proc.stderr
        assert proc.stderr.rstrip().splitlines()[-1].startswith("error: internal error")
    else:
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
        assert proc.stderr.startswith(f"error: internal error in sdkforge generate while processing {SPEC}")
        assert "bug in sdkforge" in proc.stderr and "--verbose" in proc.stderr
    assert not (tmp_path / "o").exists()


def test_known_errors_keep_their_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Spec and usage errors are not bugs: they keep exit 1 and 2."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n", encoding="utf-8")
    assert cli.main(["generate", str(bad), "-o", str(tmp_path / "o"), "--package-name", "x"]) == 1
    assert cli.main(["generate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
