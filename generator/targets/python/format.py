"""Format rendered Python with black, only the statements it would change.

The templates render black-stable code (exploded lists with magic trailing commas, black's quoting and docstring
rules, wrapped imports; see pysource.py), so a file whose code lines all fit in LINE_LENGTH is already formatted and
is written as rendered. Where a code line is longer, black formats just the statement that holds it: black splits
a logical line by its own content and its width including indentation, so formatting the statement on its own,
dedented, with the line length reduced by the indentation, gives what black gives for the whole file at a fraction
of the cost (black on a 100 kB module takes seconds). Anything this cannot isolate safely goes through black whole.
A test runs `black --check` over generated SDKs, so this shortcut cannot drift from black's style unnoticed.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from functools import cache
from typing import TYPE_CHECKING, Any

from generator import collector
from generator.targets.python.source import LINE_LENGTH, width

if TYPE_CHECKING:  # black (~45 ms of imports) is imported when a statement needs it: a regeneration rarely does
    import black
# An element alone on its line in an exploded bracket (`Name as Name,`, `"text",`, `"key": "value",`): nothing in it
# black can split at. Without the comma, `name: Type` is an annotated statement, which black can parenthesize.
_ATOM = r'(?:[\w.]+|"[^"\\]*")'
_UNSPLITTABLE = re.compile(rf"\s*{_ATOM}(?: as \w+,?|: {_ATOM},|,)?")
_ANY_LONG_LINE = re.compile(rf"^.{{{LINE_LENGTH + 1},}}$", re.MULTILINE)
# black counts wide characters (CJK, emoji) as two columns: in non-ASCII text, any line over half the limit may be long
_ANY_WIDE_LINE = re.compile(rf"^.{{{LINE_LENGTH // 2 + 1},}}$", re.MULTILINE)
# Statements whose header line black can format on its own, with a placeholder body.
_HEADERS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_BODY = "    pass\n"
_SIMPLE, _HEADER, _SIGNATURE = "simple", "header", "signature"  # a statement, a def/class header, a one-line def


class _Unsure(Exception):
    """The statement cannot be cut out safely; format the whole file instead."""


def long_code_lines(text: str) -> list[int]:
    """Line numbers (1-based) of code lines longer than LINE_LENGTH that black could change.

    Black never rewraps comments or string contents. Our docstrings start a line with triple quotes and never
    contain them (docs.docstring escapes them), which is what lets a line scan find them.
    """
    if not (_ANY_LONG_LINE if text.isascii() else _ANY_WIDE_LINE).search(text):
        return []  # most files: one C-speed scan
    found = []
    in_docstring = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if in_docstring:
            in_docstring = '"""' not in line
        elif stripped.startswith('"""'):
            in_docstring = stripped.count('"""') == 1
        elif width(line) > LINE_LENGTH and not stripped.startswith("#") and not _UNSPLITTABLE.fullmatch(line):
            found.append(number)
    return found


def needs_black(text: str) -> bool:
    return bool(long_code_lines(text))


def format_python(text: str, *, name: str = "<generated>") -> str:
    long_lines = long_code_lines(text)
    if not long_lines:
        return text
    try:
        return _format_statements(text, long_lines)
    except _Unsure:
        return _black(text, _mode_for(LINE_LENGTH), name)


def warm_up() -> None:
    """Black's first call loads its grammar and caches: done before a fork, both processes share what it loaded."""
    _black("x = 1\n", _mode_for(LINE_LENGTH), "<warm-up>")


def format_files(files: dict[str, str]) -> dict[str, str]:
    return {path: format_python(text, name=path) if path.endswith(".py") else text for path, text in files.items()}


def _format_statements(text: str, long_lines: list[int]) -> str:
    try:
        tree = ast.parse(text)
    except SyntaxError:
        raise _Unsure from None
    lines = text.splitlines(keepends=True)
    spans: dict[tuple[int, int, str], list[int]] = {}
    for number in long_lines:
        spans.setdefault(_statement_span(tree.body, number), []).append(number)
    out: list[str] = []
    done = 0  # lines[:done] are already in out
    for (start, end, kind), numbers in sorted(spans.items()):
        if start <= done:
            raise _Unsure  # overlapping spans: never expected, but not worth guessing about
        out.extend(lines[done : start - 1])
        out.extend(_formatted_span(lines[start - 1 : end], start, numbers, kind))
        done = end
    out.extend(lines[done:])
    return "".join(out)


def _statement_span(body: list[ast.stmt], number: int) -> tuple[int, int, str]:
    """The lines (first, last) and kind of the innermost statement or def/class header holding line `number`."""
    for node in body:
        end = node.end_lineno or node.lineno
        if not node.lineno <= number <= end:
            continue
        blocks = [getattr(node, field) for field in ("body", "orelse", "finalbody") if getattr(node, field, None)]
        blocks += [handler.body for handler in getattr(node, "handlers", ())]
        if not blocks:
            return node.lineno, end, _SIMPLE
        first = blocks[0][0]  # the first statement of the body
        if first.col_offset != node.col_offset + 4:  # `def f(...) -> T: ...` (an overload): a whole statement
            return node.lineno, end, _SIGNATURE if isinstance(node, _HEADERS) else _SIMPLE
        # the header ends before the first statement of the body, or before that statement's decorators
        first_line = min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", ())])
        header_end = first_line - 1 if isinstance(node, _HEADERS) else 0
        if number <= header_end:
            return node.lineno, header_end, _HEADER
        for block in blocks:
            if block[0].lineno <= number <= (block[-1].end_lineno or block[-1].lineno):
                return _statement_span(block, number)
        break
    raise _Unsure  # in a decorator, an if/with/for header, or between statements


def _formatted_span(span: list[str], start: int, numbers: list[int], kind: str) -> list[str]:
    """The lines of a statement (or header) starting at line ``start``, its long lines ``numbers`` formatted. A long
    line that is one whole element of an exploded bracket (a parameter, an argument) is formatted alone: black splits
    each element of a bracket it keeps exploded by itself, and one line costs black far less than the statement
    (a 50-line request call took it ~20 ms, formatted twice)."""
    end = start + len(span) - 1
    if all(start < number < end and _is_element(span[number - start]) for number in numbers):
        try:
            return [_format_element(line, kind != _SIMPLE) if i in numbers else line for i, line in enumerate(span, start)]
        except _Unsure:  # an element of another bracket (a dict's `key: value`, an import's name): the statement
            pass
    return [_format_snippet("".join(span), kind == _HEADER)]


@cache  # the same statements recur in many files (about 30 times each on the OpenAI spec): black runs once for each
def _format_snippet(snippet: str, is_header: bool) -> str:
    if '"""' in snippet or "'''" in snippet or "\\\n" in snippet:
        raise _Unsure  # re-indenting could change a multi-line string's content
    indent = len(snippet) - len(snippet.lstrip(" "))
    prefix = " " * indent
    lines = snippet.splitlines(keepends=True)
    if not all(line.startswith(prefix) or not line.strip() for line in lines):
        raise _Unsure
    source = "".join(line[indent:] for line in lines) + (_BODY if is_header else "")
    formatted = _black(source, _mode_for(LINE_LENGTH - indent), "<statement>")
    if is_header:
        if not formatted.endswith("\n" + _BODY):
            raise _Unsure
        formatted = formatted[: -len(_BODY)]
    return "".join(prefix + line if line.strip() else line for line in formatted.splitlines(keepends=True))


def _is_element(line: str) -> bool:
    """Whether a line is one whole element of an exploded bracket: its brackets balance and it ends with a comma."""
    if not line.rstrip().endswith(","):
        return False
    depth = 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(line.strip()).readline):
            if token.type == tokenize.OP and token.string in "([{":
                depth += 1
            elif token.type == tokenize.OP and token.string in ")]}":
                depth -= 1
                if depth < 0:
                    return False
    except tokenize.TokenError:
        return False
    return depth == 0


def signature_parameter(text: str, depth: int) -> str:
    """A parameter line of an exploded signature (``name: annotation = default,``, its first line unindented) that
    is too long even alone on its line, split as black splits it; as it is when it fits or cannot be isolated.

    Formatting the file would split the line the same way (black splits each element of an exploded signature by
    itself, see _format_statements); done while rendering, the file needs no syntax tree to find the statement."""
    indent = "    " * depth
    line = f"{indent}{text}\n"
    if "\n" in text or width(line) <= LINE_LENGTH + 1 or not long_code_lines(line) or not _is_element(line):
        return text
    try:
        return _format_element(line, True)[len(indent) : -1]
    except _Unsure:
        return text


@cache  # sync and async methods and overloads repeat the same parameters and arguments
def _format_element(line: str, parameter: bool) -> str:
    """One element line of an exploded bracket formatted alone, as the parameter of a def or the argument of a call
    (the bracket it is in); _Unsure when it is no whole one (an element of a dict or an import, a string going on
    over lines)."""
    indent = len(line) - len(line.lstrip(" "))
    head, tail = ("def _(\n", f"):\n{_BODY}") if parameter else ("_(\n", ")\n")
    source = f"{head}    {line.strip()}\n{tail}"
    try:
        ast.parse(source)
    except SyntaxError:
        raise _Unsure from None
    formatted = _black(source, _mode_for(LINE_LENGTH - indent + 4), "<element>")
    if not (formatted.startswith(head) and formatted.endswith("\n" + tail)):
        raise _Unsure
    return "".join(" " * indent + part[4:] for part in formatted[len(head) : -len(tail)].splitlines(keepends=True))


@cache
def _mode_for(line_length: int) -> black.Mode:
    import black

    return black.Mode(line_length=line_length, target_versions={black.TargetVersion.PY39})


def __getattr__(name: str) -> Any:
    if name == "_MODE":  # the pipeline's black settings, as the tests compare with them
        return _mode_for(LINE_LENGTH)
    raise AttributeError(name)


def _black(text: str, mode: black.Mode, name: str) -> str:
    import black

    try:
        return black.format_str(text, mode=mode)
    except black.InvalidInput as exc:  # a template bug, never a spec problem: say which file
        raise RuntimeError(f"generated file {name} is not valid Python: {exc}") from None
    finally:
        collector.collect_young()  # black's syntax trees are cycles: freed now, not at exit (see collector)
