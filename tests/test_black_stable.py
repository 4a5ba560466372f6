"""The black-stable renderer (pysource.py, imports.py) against black itself, for names and strings of every length.

Every construct the templates build with these helpers is rendered here the way the template renders it, with names
and strings from 1 to ~200 characters, and lengths aimed at the 88 and 120 column boundaries exactly. For each
rendered module ``text``:

- ``text`` parses (``ast``);
- where format.py writes the text as rendered (no long code line), black leaves it unchanged;
- where format.py hands a statement or the file to black, the result is what black gives for the whole file, and
  black's output is stable and parses.

Seeded (``derandomize=True``) and bounded for CI; ``SDKFORGE_HYPOTHESIS_EXAMPLES`` raises the count for a nightly run.
"""

from __future__ import annotations

import ast
import os
import string

import black
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.targets.python.docs import docstring as safe_doc
from generator.targets.python.format import _MODE, format_python, long_code_lines
from generator.targets.python.imports import late_import, organize, reexport
from generator.targets.python.source import LINE_LENGTH, call, data_literal, docstring, field_line, literal, param_line, wrapped

EXAMPLES = int(os.environ.get("SDKFORGE_HYPOTHESIS_EXAMPLES", "30"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)

# Lengths of names and strings: anything from 1 to 200, and the column boundaries (88 is black's default, 120 ours)
# with a little slack either side; strategies below also aim whole lines at exactly those columns.
BOUNDARIES = [n + d for n in (88, 120) for d in range(-6, 7)]
lengths = st.one_of(st.integers(1, 200), st.sampled_from(BOUNDARIES))
slack = st.integers(-3, 3)

_FIRST = string.ascii_letters + "_"
_REST = string.ascii_letters + string.digits + "_"
_PIECES = st.one_of(
    st.sampled_from(['"', "'", "\\", "\n", "\t", " ", "é", "→", "日", "\U0001f600", '"""', "\\n", "{", "}", "#", ","]),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=6),
)


@st.composite
def ident(draw: st.DrawFn, size: int | None = None) -> str:
    """A Python identifier of ``size`` characters (drawn from ``lengths`` when None); never a keyword."""
    n = draw(lengths) if size is None else max(1, size)
    seed = draw(st.text(alphabet=_REST, min_size=1, max_size=8))
    first = draw(st.sampled_from(_FIRST))
    name = (first + seed * (n // len(seed) + 1))[:n]
    return name if not _is_keyword(name) else "X" + name[1:]


def _is_keyword(name: str) -> bool:
    import keyword

    return keyword.iskeyword(name) or keyword.issoftkeyword(name)


@st.composite
def text_value(draw: st.DrawFn) -> str:
    """A string of any length, with quotes, backslashes, unicode and newlines."""
    n = draw(lengths)
    chunk = "".join(draw(st.lists(_PIECES, min_size=1, max_size=8)))
    return (chunk * (n // len(chunk) + 1))[:n]


def type_expr(names: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Annotations as schema_types.annotation writes them: names, Optional, Union, List, Dict, Literal."""
    literals = st.lists(st.one_of(text_value(), st.integers(), st.booleans()), min_size=1, max_size=12).map(
        lambda vs: "Literal[" + ", ".join(literal(v) for v in vs) + "]"
    )
    leaf = st.one_of(names, st.sampled_from(["str", "int", "float", "bool", "object", "datetime"]), literals)
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            inner.map(lambda t: f"Optional[{t}]"),
            inner.map(lambda t: f"List[{t}]"),
            inner.map(lambda t: f"Dict[str, {t}]"),
            st.lists(inner, min_size=2, max_size=6).map(lambda ts: "Union[" + ", ".join(ts) + "]"),
            inner.map(lambda t: f"Union[str, {t}]"),
        ),
        max_leaves=8,
    )


def check(text: str) -> None:
    """The invariant of the renderer and format.py, for one rendered module."""
    ast.parse(text)
    expected = black.format_str(text, mode=_MODE)
    if not long_code_lines(text):
        assert text == expected, "written as rendered, but black changes it"
    else:
        assert format_python(text) == expected, "format.py's statement-level black differs from black on the file"
    ast.parse(expected)
    assert black.format_str(expected, mode=_MODE) == expected, "black is not stable on its own output"


def pad_to(prefix_len: int, target: int) -> int:
    """The name length that makes a line of ``prefix_len`` fixed characters exactly ``target`` columns wide."""
    return max(1, target - prefix_len)


# --- imports ---------------------------------------------------------------------------------------------------


@st.composite
def import_lines(draw: st.DrawFn) -> list[str]:
    target = draw(st.sampled_from([88, LINE_LENGTH, LINE_LENGTH + 1])) + draw(slack)
    lines = ["from __future__ import annotations", "from typing import Optional, Union", "import httpx"]
    for _ in range(draw(st.integers(1, 4))):
        module = draw(ident())
        fixed = len(f"from .{module} import ")
        name = draw(st.one_of(ident(), ident(pad_to(fixed, target))))
        lines.append(f"from .{module} import {name}")
        if draw(st.booleans()):
            lines.append(f"from .{module} import {draw(ident())}")  # merged into one statement
    return lines


@SETTINGS
@given(import_lines(), ident())
def test_import_block(lines: list[str], package: str) -> None:
    organized = organize(lines, package)
    # organize accepts its own (wrapped) output: re-organizing a subset (as import cycles do) changes nothing
    assert organize([line for line in organized if line], package) == organized
    text = "\n".join(organized) + "\n\n__all__: list[str] = []\n"
    check(text)


@SETTINGS
@given(ident(), ident(), slack)
@example(module="m" * 40, name="N" * 45, delta=0)  # fits, and is too long with its noqa comment
@example(module="m" * 60, name="N" * 60, delta=0)
def test_late_import(module: str, name: str, delta: int) -> None:
    line = "\n".join(organize([f"from .{module} import {name}"]))
    text = f"class A:\n    pass\n\n\n# Imported after the class.\n{late_import(line)}\n"
    check(text)
    first = late_import(line).splitlines()[0]
    assert first.endswith("# noqa: E402"), "ruff reads a noqa comment on the statement's first line only"


@SETTINGS
@given(ident(), ident(), slack)
def test_reexport(module: str, name: str, delta: int) -> None:
    # aim one of the two at exactly LINE_LENGTH: "    from .<module> import <name> as <name>"
    if delta:
        name = name[: max(1, (LINE_LENGTH + delta - len(f"    from .{module} import  as ")) // 2)] or "N"
    text = "if TYPE_CHECKING:\n" + reexport("." + module, name, 1) + "\n"
    check(text)


# --- classes, fields, aliases --------------------------------------------------------------------------------


@st.composite
def assigns(draw: st.DrawFn) -> str:
    default = draw(st.sampled_from(["", "None", "NOT_GIVEN"]) | text_value().map(literal) | st.integers().map(repr))
    options = [f"default={default}"] if default else []
    if draw(st.booleans()):
        options.append(f"alias={literal(draw(text_value()))}")
    if draw(st.booleans()):
        options.append("deprecated=True")
    if options and options != [f"default={default}"]:
        return f" = FieldInfo({', '.join(options)})"
    return f" = {default}" if default else ""


@SETTINGS
@given(ident(), st.lists(st.tuples(ident(), type_expr(ident()), assigns(), text_value()), min_size=1, max_size=4), st.booleans(), text_value())
def test_class_with_fields(class_name: str, fields: list[tuple[str, str, str, str]], typeddict: bool, doc: str) -> None:
    bases = "TypedDict, total=False" if typeddict else "BaseModel"
    out = [f"class {class_name}({bases}):"]
    if safe_doc(doc):
        out += [f"    {docstring(safe_doc(doc), 1)}", ""]
    for name, annotation, assign, field_doc in fields:
        out.append(f"    {field_line(name, annotation, '' if typeddict else assign, 1)}")
        if safe_doc(field_doc):
            out.append(f'    """{safe_doc(field_doc)}"""')
        out.append("")
    check("\n".join(out[:-1]) + "\n")


@SETTINGS
@given(ident(), type_expr(ident()))
def test_type_alias(name: str, alias_of: str) -> None:
    check(wrapped(f"{name}: TypeAlias = ", alias_of) + "\n")


@SETTINGS
@given(st.integers(1, 12).flatmap(lambda n: st.lists(text_value(), min_size=n, max_size=n)), ident(), slack)
def test_literal_annotation(values: list[str], name: str, delta: int) -> None:
    annotation = "Literal[" + ", ".join(literal(v) for v in values) + "]"
    check(f"class M(BaseModel):\n    {field_line(name, f'Optional[{annotation}]', ' = None', 1)}\n")
    check(wrapped(f"{name}: TypeAlias = ", f"Union[str, {annotation}]") + "\n")


# --- functions: signatures, calls, decorators, docstrings ----------------------------------------------------


@SETTINGS
@given(
    ident(),
    st.lists(st.tuples(ident(), type_expr(ident())), max_size=2),
    st.lists(st.tuples(ident(), type_expr(ident()), st.sampled_from(["NOT_GIVEN", "None"])), max_size=3),
    type_expr(ident()),
    text_value(),
    st.booleans(),
)
def test_method(
    method: str,
    path_params: list[tuple[str, str]],
    params: list[tuple[str, str, str]],
    returns: str,
    doc: str,
    deprecated: bool,
) -> None:
    """A resource method as resource.py.jinja and _signature.jinja render it, with its call and docstring."""
    out = ["class Videos(SyncAPIResource):"]
    if deprecated:
        out.append(f"    @deprecated({literal('The ' + method + ' method is deprecated by the API.')})")
    out += [f"    def {method}(", "        self,"]
    out += [f"        {param_line(name, annotation, None, 2)}" for name, annotation in path_params]
    out.append("        *,")
    out += [f"        {param_line(name, f'{annotation} | NotGiven', default, 2)}" for name, annotation, default in params]
    out += ["        extra_headers: Headers | None = None,", f"    ) -> {returns}:"]
    if safe_doc(doc):
        out.append(f"        {docstring(safe_doc(doc), 2)}")
    out += ["        return self._request(", '            "get",']
    path_args = (literal("/v1/" + method + "/{" + (path_params[0][0] if path_params else "x") + "}"),)
    path_args += tuple(f"{name}={name}" for name, _ in path_params)
    out.append("            " + call(path_args, "path_template", 3, ","))
    out += [f"            body={{{', '.join(f'{literal(n)}: {n}' for n, _, _ in params)}}},", "        )"]
    check("\n".join(out) + "\n")


@SETTINGS
@given(ident(), ident(), st.lists(st.one_of(text_value().map(literal), ident(), st.integers().map(repr)), max_size=6), st.integers(0, 2), slack)
def test_call(resource: str, method: str, args: list[str], depth: int, delta: int) -> None:
    """Calls as the generated tests write them (``pycall``), aimed at the line length exactly."""
    head = f"result = client.{resource}.{method}"
    if delta and args:
        fixed = len("    " * depth) + len(head) + 2 + len(", ".join(args[1:])) + (2 if args[1:] else 0)
        args[0] = "x" * pad_to(fixed, LINE_LENGTH + delta)
    body = "    " * depth + call(tuple(args), head, depth) + "\n"
    text = "".join(f"{'    ' * d}if x:\n" for d in range(depth)) + body
    check(text)


@SETTINGS
@given(text_value(), st.integers(0, 3), slack)
def test_docstring(raw: str, depth: int, delta: int) -> None:
    doc = safe_doc(raw)
    if delta and "\n" not in doc:  # a one-line docstring ending exactly at the boundary
        doc = (doc + "x" * 200)[: pad_to(len("    " * depth) + 6, LINE_LENGTH + delta)].rstrip() or "x"
        doc = safe_doc(doc)
    if not doc:
        return
    indent = "    " * depth
    header = "".join(f"{'    ' * d}def f{d}() -> None:\n" for d in range(depth))
    after = "\n" if depth == 0 else ""  # black puts an empty line after a module docstring
    check(f"{header}{indent}{docstring(doc, depth)}\n{after}{indent}pass\n")


@SETTINGS
@given(
    st.recursive(
        st.one_of(text_value(), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False, allow_infinity=False)),
        lambda inner: st.one_of(
            st.lists(inner, max_size=5), st.dictionaries(text_value(), inner, max_size=4), st.lists(inner, max_size=3).map(tuple)
        ),
        max_leaves=10,
    ),
    ident(),
)
def test_data_literal(value: object, name: str) -> None:
    source = data_literal(value)
    assert ast.literal_eval(source) == value
    check(f"{name} = {source}\n")
    check(f"def f() -> None:\n    assert {name} == {source}\n")
