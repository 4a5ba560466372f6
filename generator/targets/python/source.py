"""Python source text for values from a spec, written exactly as black would write it.

Rendering black-stable text lets the formatter skip most files (format.py); these helpers reuse black's own string
rules so the output cannot drift from black's style.
"""

from __future__ import annotations

from functools import lru_cache

LINE_LENGTH = 120  # of generated code; black is run with the same setting (format.py)


def width(text: str) -> int:
    """The columns black counts for ``text``: East Asian wide characters (CJK, emoji) count two."""
    if text.isascii():
        return len(text)
    from black.strings import str_width

    return int(str_width(text))


@lru_cache(maxsize=65536)
def string_literal(text: str) -> str:
    """A str literal in black's preferred quoting (double quotes unless that needs more escapes)."""
    return _quoted(repr(text), "'" in text or '"' in text)


def literal(value: object) -> str:
    """Source of a JSON-like scalar; strings quoted as black quotes them."""
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, bytes):
        return _quoted(repr(value), b"'" in value or b'"' in value)
    if isinstance(value, float):
        return repr(value).replace("e+", "e")  # black writes 1e16, not 1e+16
    return repr(value)


def _quoted(source: str, quotes: bool) -> str:
    """``repr()`` of a str or bytes as black writes it. Without a quote character in the value, black's rule (which
    moves the escapes of quote characters) only swaps repr's single quotes for double ones: a run that formats nothing
    then never imports black (~60 ms; tests/test_format.py compares the two)."""
    if not quotes:
        start = source.index("'")
        return f'{source[:start]}"{source[start + 1:-1]}"'
    from black.strings import normalize_string_quotes

    return normalize_string_quotes(source)


def docstring(text: str, depth: int) -> str:
    """A complete triple-quoted docstring at ``depth`` indentation levels, as black formats one.

    ``text`` is already safe inside triple double quotes (docs.docstring).
    """
    indent = "    " * depth
    body = _multiline_docstring(text, indent) if "\n" in text else text.strip()
    if body:
        if body[0] == '"':
            body = " " + body
        if body[-1] == '"':
            body += " "
        if body[-1] == "\\" and (len(body) - len(body.rstrip("\\"))) % 2:
            body += " "
    lines = body.splitlines()
    last = len(lines[-1]) if body and not body.endswith("\n") else 0
    if len(lines) > 1 and last + 3 > LINE_LENGTH and len(indent) + 3 <= LINE_LENGTH:
        return f'"""{body}\n{indent}"""'
    return f'"""{body}"""'


def _multiline_docstring(text: str, indent: str) -> str:
    """Black's docstring indentation (PEP 257: the later lines lose the indentation they share and take the
    docstring's). Where they share none, as docs.docstring leaves nearly every description, that is each later line
    right-stripped at ``indent`` (blank ones empty, the last one kept), with no need to import black (~120 ms of a
    regeneration; tests/test_format.py compares the two)."""
    lines = text.split("\n")  # black's lines: at newlines only (other line breaks, \r and tabs: black decides)
    plain = "\t" not in text and "\r" not in text and len(text.splitlines()) == len(lines) - text.endswith("\n")
    if not plain or not any(line and not line[0].isspace() for line in lines[1:]):
        from black.strings import fix_multiline_docstring

        return str(fix_multiline_docstring(text, indent))
    last = len(lines) - 2
    later = [indent + line.rstrip() if line.strip() or i == last else "" for i, line in enumerate(lines[1:])]
    return "\n".join([lines[0].strip(), *later])


def data_literal(value: object) -> str:
    """Source of JSON-like data (dicts, lists, tuples, scalars) with black's string quoting."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{data_literal(k)}: {data_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(data_literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(data_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return literal(value)


def call(args: tuple[str, ...] | list[str], head: str, depth: int, tail: str = "") -> str:
    """``head(arg, ...)tail`` at ``depth`` levels, wrapped the way black wraps a call that is too long.

    The first line carries no indentation (the template provides it); later lines are indented.
    """
    indent = "    " * depth
    joined = ", ".join(args)
    if len(indent) + width(head) + width(joined) + width(tail) + 2 <= LINE_LENGTH:
        return f"{head}({joined}){tail}"
    if len(indent) + 4 + width(joined) <= LINE_LENGTH:
        return f"{head}(\n{indent}    {joined}\n{indent}){tail}"
    return f"{head}(\n" + "".join(f"{indent}    {arg},\n" for arg in args) + f"{indent}){tail}"


def _escaped(text: str, i: int) -> bool:
    """Whether ``text[i]`` is escaped: an odd number of backslashes right before it (``"\\"`` ends the string)."""
    j = i
    while j > 0 and text[j - 1] == "\\":
        j -= 1
    return (i - j) % 2 == 1


def _split_top_level(text: str) -> list[str]:
    parts, depth, start, quote = [], 0, 0, ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote and not _escaped(text, i):
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _matching_open(text: str) -> int:
    """Index of the bracket that opens the subscript or call closing at the end of ``text``."""
    depth, quote = 0, ""
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if quote:
            if ch == quote and not _escaped(text, i):
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in ")]}":
            depth += 1
        elif ch in "([{":
            depth -= 1
            if depth == 0:
                return i
    return -1


def wrap_expression(prefix: str, expr: str, suffix: str, depth: int) -> str | None:
    """``prefix + expr + suffix`` at ``depth``, split at its trailing brackets as black's right-hand split does.

    None when the expression is not a chain of subscripts and calls this function knows how to split; the file
    then goes through black.
    """
    indent = "    " * depth
    line = f"{indent}{prefix}{expr}{suffix}"
    if width(line) <= LINE_LENGTH:
        return line
    if not expr.endswith(("]", ")")):
        return None
    start = _matching_open(expr)
    if start <= 0:
        return None
    head, body = expr[: start + 1], expr[start + 1 : -1]
    inner = "    " * (depth + 1)
    elements = _split_top_level(body)
    lines = [f"{indent}{prefix}{head}"]
    if len(inner) + width(body) <= LINE_LENGTH:
        lines.append(inner + body)
    elif len(elements) == 1:
        nested = wrap_expression("", elements[0], "", depth + 1)
        if nested is None:
            return None
        lines.append(nested)
    else:
        for element in elements:
            nested = wrap_expression("", element, ",", depth + 1)
            if nested is None:
                return None
            lines.append(nested)
    lines.append(f"{indent}{expr[-1]}{suffix}")
    return "\n".join(lines)


def field_line(name: str, annotation: str, assign: str, depth: int) -> str:
    """A class attribute ``name: annotation = value``, wrapped as black would; the first line is unindented."""
    if "(" in assign:  # black splits the value first; leave such lines to black
        return f"{name}: {annotation}{assign}"
    indent = "    " * depth
    head = f"{name}: {annotation}{assign}"
    if assign and len(indent) + width(head) > LINE_LENGTH:
        value = assign[len(" = ") :]
        # black moves a simple value into parentheses when the rest then fits on the first line
        if len(indent) + width(head) - width(value) + 1 <= LINE_LENGTH and len(indent) + 4 + width(value) <= LINE_LENGTH:
            return f"{name}: {annotation} = (\n{indent}    {value}\n{indent})"
    if not assign and annotation.isidentifier() and len(indent) + width(head) > LINE_LENGTH:
        # black parenthesizes a long annotation that is a plain name, when the name then fits
        if len(indent) + 4 + width(annotation) <= LINE_LENGTH:
            return f"{name}: (\n{indent}    {annotation}\n{indent})"
        return head
    wrapped = wrap_expression(f"{name}: ", annotation, assign, depth)
    return wrapped.lstrip() if wrapped is not None else f"{name}: {annotation}{assign}"


def param_line(name: str, annotation: str, default: str | None, depth: int) -> str:
    """A parameter line of an exploded signature, ending with a comma, wrapped as black would."""
    if default is None:
        wrapped = wrap_expression(f"{name}: ", annotation, ",", depth)
        return wrapped.lstrip() if wrapped is not None else f"{name}: {annotation},"
    indent = "    " * depth
    plain = f"{name}: {annotation} = {default},"
    if len(indent) + width(plain) <= LINE_LENGTH or len(indent) + 4 + width(annotation) > LINE_LENGTH:
        return plain  # fits, or needs a deeper split that black will make
    return f"{name}: (\n{indent}    {annotation}\n{indent}) = {default},"


def wrapped(prefix: str, expr: str, suffix: str = "", depth: int = 0) -> str:
    """Any ``prefix + expr + suffix`` statement wrapped as black would; the first line is unindented."""
    result = wrap_expression(prefix, expr, suffix, depth)
    return result.lstrip() if result is not None else f"{prefix}{expr}{suffix}"
