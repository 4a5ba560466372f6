"""Errors the pipeline reports to users: one line naming the file, line, JSON pointer, plus a hint."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_BUG = 4  # exit code of an unexpected exception (a bug in sdkforge), for every command


@dataclass
class SpecError(Exception):
    """A problem in an input file. ``line`` / ``column`` are 1-based, 0 when unknown."""

    message: str
    file: str = ""
    pointer: str = ""
    line: int = 0
    column: int = 0
    hint: str = ""
    rule: str = ""

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.pointer:
            text += f" (at {self.pointer})"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class UsageError(Exception):
    """Bad command-line usage or configuration that is not tied to a position in a spec."""
