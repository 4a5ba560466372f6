"""What the CLI shows people: progress by stage and a summary on a TTY (rich), one-line errors everywhere.

Colour and live progress only when stderr is a terminal and NO_COLOR is unset; CI logs get plain text.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import AbstractContextManager
from typing import Any

STAGES = ("load", "validate", "model", "render", "format", "write")


def interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def error(message: str, hint: str = "") -> None:
    if interactive():
        console = _console()
        console.print(f"[bold red]error:[/] {_escape(message)}", soft_wrap=True)  # one line, as in CI logs
        if hint:
            console.print(f"  [cyan]hint:[/] {_escape(hint)}")
        return
    print(f"error: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)


def internal_error(exc: BaseException, spec: str = "", *, verbose: bool = False, command: str = "") -> None:
    """An unexpected exception: one line that names the spec and calls it a bug in sdkforge; the traceback only
    with --verbose (printed before the line, so the line stays last)."""
    if verbose:
        import traceback

        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    detail = " ".join(str(exc).split())
    detail = f"{type(exc).__name__}: {detail[:200]}" if detail else type(exc).__name__
    where = f" while processing {spec}" if spec else ""
    what = f"sdkforge {command}" if command else "sdkforge"
    action = "report it with the spec and the traceback above" if verbose else (
        "rerun with --verbose and report it with the spec and the traceback"
    )
    error(f"internal error in {what}{where} ({detail}); this is a bug in sdkforge, not in your input: {action}")


def warning(message: str) -> None:
    if interactive():
        _console().print(f"[yellow]warning:[/] {_escape(message)}")
    else:
        print(f"warning: {message}", file=sys.stderr)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


class Progress(AbstractContextManager["Progress"]):
    """Shows the current stage of the current target; prints stage timings with --verbose."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet, self.verbose = quiet, verbose
        self.started = time.perf_counter()
        self._status: Any = None
        self._label = ""
        self._stage_started = self.started
        self._stage = ""

    def __enter__(self) -> Progress:  # noqa: PYI034 - never subclassed
        if interactive() and not self.quiet:
            self._status = _console().status("starting")
            self._status.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._finish_stage()
        if self._status is not None:
            self._status.__exit__(None, None, None)

    def target(self, label: str) -> None:
        self._finish_stage()
        self._label = label

    def stage(self, name: str) -> None:
        self._finish_stage()
        self._stage, self._stage_started = name, time.perf_counter()
        if self._status is not None:
            step = STAGES.index(name) + 1 if name in STAGES else 0
            self._status.update(f"[bold]{self._label}[/] {step}/{len(STAGES)} {name}")

    def _finish_stage(self) -> None:
        if self.verbose and self._stage:
            elapsed = time.perf_counter() - self._stage_started
            print(f"  {self._label}: {self._stage} {elapsed * 1000:.0f} ms", file=sys.stderr)
        self._stage = ""

    def elapsed(self) -> float:
        return time.perf_counter() - self.started
