"""Errors that stop a command: SpecError (a Diagnostic raised), UsageError (bad arguments or configuration) and
ConfigError (an invalid configuration: a Diagnostic per problem)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Generic, TypeVar

from generator.diagnostics import ERROR, Diagnostic

T = TypeVar("T")


class _Field(Generic[T]):
    """One field of the error's Diagnostic, read and set through the error (setting replaces the Diagnostic)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, error: Any, owner: type | None = None) -> T:
        if error is None:  # looked up on the class
            return self  # type: ignore[return-value]
        return getattr(error.diagnostic, self.name)  # type: ignore[no-any-return]

    def __set__(self, error: Any, value: T) -> None:
        error.diagnostic = replace(error.diagnostic, **{self.name: value})


class SpecError(Exception):
    """A problem in an input file that stops the command; ``diagnostic`` says what and where."""

    rule, message, file, pointer, hint = _Field[str](), _Field[str](), _Field[str](), _Field[str](), _Field[str]()
    line, column = _Field[int](), _Field[int]()

    def __init__(self, message: str, file: str = "", pointer: str = "", line: int = 0, column: int = 0,
                 hint: str = "", rule: str = "") -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(rule, ERROR, message, file, line, column, pointer, hint)

    def __str__(self) -> str:
        text = self.diagnostic.headline()
        return text + f"\n  hint: {self.hint}" if self.hint else text


class UsageError(Exception):
    """Bad command-line usage or configuration that is not tied to a position in a spec."""


class ConfigError(UsageError):
    """An invalid configuration file: every problem found, each a Diagnostic naming the file, the line and the key."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.headline() for d in diagnostics))
        self.diagnostics = diagnostics
