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
    return quote + "".join("\\" + c if c == quote else escape_char(c) for c in value) + quote


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


def obj(entries: Sequence[str]) -> str:
    """An object literal on one line (callers keep them short)."""
    return "{ " + ", ".join(entries) + " }" if entries else "{}"


def union_lines(head: str, members: Sequence[str], tail: str, indent: str) -> list[str]:
    """``head A | B tail`` on one line when it fits, else one ``| member`` per line, as biome breaks unions; a
    lone ``Array<...>`` too long for its line is opened up instead."""
    one = f"{indent}{head} {' | '.join(members)}{tail}"
    if fits(one):
        return [one]
    if len(members) == 1 or (len(members) == 2 and members[1] == "null"):  # one type (or null): it opens up
        end = (" | null" if len(members) == 2 else "") + tail
        inner = _array_inner(members[0])
        if inner is not None:
            return [f"{indent}{head} Array<"] + _inner_lines(inner, indent + INDENT) + [f"{indent}>{end}"]
        if members[0].startswith("{ [key: string]: ") and members[0].endswith(" }"):
            values = split_union(members[0][len("{ [key: string]: "):-2]) or [members[0]]
            body = union_lines("[key: string]:", values, ";", indent + INDENT)
            return [f"{indent}{head} {{"] + body + [f"{indent}}}{end}"]
    if len(members) < 2:
        return [one]
    inner = indent + INDENT
    lines = [f"{indent}{head}"]
    for index, member in enumerate(members):
        end = tail if index == len(members) - 1 else ""
        lines += _member_lines(member, end, inner)
    return lines


def _member_lines(member: str, tail: str, indent: str) -> list[str]:
    line = f"{indent}| {member}{tail}"
    inner = _array_inner(member)
    if fits(line) or inner is None:
        return [line]
    return [f"{indent}| Array<"] + _inner_lines(inner, indent + INDENT * 2) + [f"{indent}{INDENT}>{tail}"]


def _inner_lines(members: list[str], indent: str) -> list[str]:
    """The type argument of an opened ``Array<``: on one line, else one ``| member`` per line."""
    one = f"{indent}{' | '.join(members)}"
    if fits(one) or len(members) < 2:
        return [one]
    return [f"{indent}| {member}" for member in members]


def _array_inner(member: str) -> list[str] | None:
    """The union members inside ``Array<...>``, split at the top level; None for any other type."""
    if not (member.startswith("Array<") and member.endswith(">")):
        return None
    return split_union(member[6:-1])


def split_union(text: str) -> list[str] | None:
    """``A | Array<B | C>`` -> ``["A", "Array<B | C>"]``; None when the brackets do not balance."""
    depth, start, parts = 0, 0, []
    for index, char in enumerate(text):
        depth += char in "<([{"
        depth -= char in ">)]}"
        if depth == 0 and text.startswith(" | ", index):
            parts.append(text[start:index])
            start = index + 3
        elif depth < 0:
            return None
    return parts + [text[start:]]
