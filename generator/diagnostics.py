"""Diagnostic: one problem found in an input file, as a value (rule id, severity, message, location, hint)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from generator.frozen import frozen

ERROR, WARNING = "error", "warning"


@frozen
class Diagnostic:
    """``line`` / ``column`` are 1-based, 0 when unknown; ``pointer`` is an RFC 6901 pointer into ``file``."""

    rule: str  # "SF002"; "" for a problem no validation rule names
    severity: str  # ERROR | WARNING
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    pointer: str = ""
    hint: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def where(self) -> str:
        """``file:line:column`` (as much of it as is known)."""
        where = self.file or "<input>"
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        return where

    def headline(self) -> str:
        """One line: where, what and at which pointer (without the rule id and the hint)."""
        text = f"{self.where()}: {self.message}"
        return text + f" (at {self.pointer})" if self.pointer else text
