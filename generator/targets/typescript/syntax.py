"""TypeScript source spelling: string and number literals, JSDoc comments, and lines broken the way biome breaks them.

Everything a spec supplies reaches the source only through ``string`` (an escaped literal) or ``jsdoc`` (a comment
that cannot be closed early), so no spec text can inject code.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

LINE_WIDTH = 120
INDENT = "  "

_ESCAPES = {"\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_char(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF):
        return f"\\u{code:04x}"
    return char


def string(value: str) -> str:
    """A string literal as biome writes it: single quotes unless the text has more single than double quotes."""
    quote = '"' if value.count("'") > value.count('"') else "'"
    return quote + value.translate(_QUOTED[quote]) + quote


def _table(quote: str) -> dict[int, str]:
    """``escape_char`` of every character it changes, and the quote escaped: one ``str.translate`` spells a literal."""
    codes = [*range(0x20), 0x7F, *range(0xD800, 0xE000), 0x2028, 0x2029, 0xFEFF, *map(ord, _ESCAPES)]
    table = {code: escape_char(chr(code)) for code in codes}
    table[ord(quote)] = "\\" + quote
    return table


_QUOTED = {quote: _table(quote) for quote in ("'", '"')}


def number(value: float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return "0"
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return json.dumps(value).replace("e+", "e")


def literal(value: object) -> str:
    """A JSON scalar as a TypeScript literal (also a literal type)."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return string(value)
    if isinstance(value, (bool, int, float)):
        return number(value)
    return string(str(value))


def requirement(value: tuple[tuple[str, ...], ...], indent: str) -> str:
    """``security: [...]``, a requirement as a literal (alternatives (OR) of scheme names sent together (AND)), for
    an object entry at ``indent``: one line when it fits, else (as biome breaks it) one alternative per line, the
    lines after the first indented relative to the entry."""
    alternatives = ["[" + ", ".join(string(name) for name in alt) + "]" for alt in value]
    one = "security: [" + ", ".join(alternatives) + "]"
    if fits(indent + one + ","):
        return one
    return "\n".join(["security: ["] + [f"{INDENT}{alt}," for alt in alternatives] + ["]"])


def jsdoc(text: str, indent: str = "", *, deprecated: bool = False) -> list[str]:
    """A ``/** ... */`` block; ``*/`` inside the text is broken so it cannot end the comment."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")] if text else []
    lines = [line.replace("*/", "*\\/").replace("\u2028", " ").replace("\u2029", " ") for line in lines]
    if deprecated:
        lines += ([""] if lines else []) + ["@deprecated"]
    if not lines:
        return []
    return [f"{indent}/**"] + [f"{indent} * {line}" if line else f"{indent} *" for line in lines] + [f"{indent} */"]


def fits(line: str) -> bool:
    return len(line) <= LINE_WIDTH


def call(head: str, args: Sequence[str], tail: str, indent: str) -> list[str]:
    """``head(a, b)tail`` on one line when it fits, else one argument per line with a trailing comma."""
    one = f"{indent}{head}({', '.join(args)}){tail}"
    if fits(one) or not args:
        return [one]
    inner = indent + INDENT
    return [f"{indent}{head}("] + [f"{inner}{arg}," for arg in args] + [f"{indent}){tail}"]


def assigned_call(target: str, head: str, args: Sequence[str], tail: str, indent: str) -> list[str]:
    """``target = head(args)tail``; when even ``target = head(`` is too long, broken after the ``=`` as biome
    (prettier's assignment layout) does, the call then laid out one indent deeper."""
    lines = call(f"{target} = {head}", args, tail, indent)
    if fits(lines[0]):
        return lines
    return [f"{indent}{target} ="] + call(head, args, tail, indent + INDENT)


def obj(entries: Sequence[str]) -> str:
    """An object literal on one line (callers keep them short)."""
    return "{ " + ", ".join(entries) + " }" if entries else "{}"
