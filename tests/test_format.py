"""Formatting only the statements black would change gives what black gives for the whole file."""

from __future__ import annotations

import black
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.targets.python.format import _MODE, format_python, long_code_lines

LONG_LITERAL = "Literal[" + ", ".join(f'"value-number-{i}"' for i in range(12)) + "]"
LONG_UNION = "Union[" + ", ".join(f"SomeRatherLongTypeName{i}" for i in range(6)) + "]"

CASES = {
    "exploded signature with a long parameter": f'''
class Resource:
    def create(
        self,
        *,
        model: Optional[Union[str, {LONG_LITERAL}]] | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
    ) -> Thing:
        """Docs."""
        return self._post("/things", body={{"model": model, "size": size}})
''',
    "overload on one line": f'''
class Resource:
    @overload
    def create(
        self,
        *,
        model: Optional[Union[str, {LONG_LITERAL}]] | NotGiven = NOT_GIVEN,
        stream: Literal[True],
    ) -> Stream[Thing]: ...
''',
    "long return annotation": f'''
def transcribe(
    self,
    *,
    file: FileTypes,
) -> {LONG_UNION}:
    return cast({LONG_UNION}, result)
''',
    "long class header and field": f'''
class AVeryLongClassNameThatKeepsGoingAndGoingAndGoingForeverAndEverAndEverAndMoreVariant0Param(TypedDict, total=False):
    chunking_strategy: {LONG_UNION}
    """Field docs that are long enough to pass the limit but black never rewraps string contents, so this stays."""
''',
    "nested call argument": f'''
def check() -> None:
    result = client._request(
        "post",
        "/path",
        cast_to=cast(Any, {LONG_UNION}),
        body={{"testing_criteria": [{{"type": "label_model", "name": "string", "model": "string", "labels": ["a", "b"]}}]}},
    )
''',
    "exploded dict with a long entry (the statement is formatted)": f"""
def check() -> None:
    body = {{
        "first": 1,
        "a_rather_long_key_name_for_the_entry": cast(Any, {LONG_UNION}),
    }}
""",
    "long arguments of an exploded call at two depths": f"""
class Resource:
    def create(self) -> None:
        result = self._request(
            "post",
            cast(Any, {LONG_UNION}),
            options=make_request_options(
                extra_headers=extra_headers,
                timeout=cast(Any, {LONG_LITERAL}),
            ),
        )
""",
    "assert with a long path": '''
def test_path() -> None:
    assert path == "/base" + "/fine_tuning/checkpoints/ft%3Agpt-4o-mini-2024-07-18%3Aorg%3Aweather%3AB7R9VjQd/permissions"
''',
    "lazy import inside a function": '''
def _load() -> None:
    from .resources.group_organization_role_assignments import AsyncGroupOrganizationRoleAssignments, GroupOrganizationRoleAssignments
''',
    "decorator on a class's first method": '''
class Resource:
    @deprecated("The method_with_a_rather_long_name_that_goes_on_and_on_and_on_and_on_and_on method is deprecated by the API.")
    def method_with_a_rather_long_name_that_goes_on_and_on_and_on_and_on_and_on(self) -> None:
        pass
''',
    "annotated field without a value, a plain name": f'''
class Model(BaseModel):
    a_field_name_that_is_long_enough_to_push_the_annotation_over_the_limit: {"SomeModelName" * 5}
''',
    "decorator (whole-file fallback)": '''
@some_decorator(with_a_long_argument="value value value value value value value value value value value value value", other=1)
def f() -> None:
    pass
''',
    "if header (whole-file fallback)": f'''
def f(x: object) -> None:
    if isinstance(x, ({LONG_UNION.replace("Union[", "").rstrip("]")})):
        pass
''',
    "multi-line string inside (whole-file fallback)": '''
x = call(first_argument_that_is_long, second_argument_that_is_long, another_argument_that_is_long, yet_another_one, third="""a
b""", fourth_argument_that_is_long=1)
''',
}


@pytest.mark.parametrize("source", CASES.values(), ids=CASES.keys())
def test_statement_formatting_equals_black_on_the_whole_file(source: str) -> None:
    text = source.lstrip("\n")
    assert long_code_lines(text), "the case must contain a long code line"
    assert format_python(text) == black.format_str(text, mode=_MODE)


def test_lines_black_cannot_split_are_left_alone() -> None:
    name = "A" * 130
    text = f'if TYPE_CHECKING:\n    from .module import (\n        {name} as {name},\n    )\n_MODULES = {{\n    "{name}": "{name}",\n}}\n'
    assert long_code_lines(text) == []
    assert black.format_str(text, mode=_MODE) == text


def test_docstrings_and_comments_do_not_count() -> None:
    text = 'def f() -> None:\n    """' + "word " * 40 + '"""\n    # ' + "comment " * 20 + "\n"
    assert long_code_lines(text) == []
    assert format_python(text) == text


QUOTELESS = ["", "plain", "tab\there", "new\nline", "back\\slash", "nul\x00byte", "bell\x07", "del\x7f", "é ü ß",
             "漢字", "emoji 😀", "surrogate \ud800", "line\u2028sep", "\\n literal", "trailing\\", "{braces} %s", "f{x}"]


@pytest.mark.parametrize("text", QUOTELESS)
def test_a_string_without_quotes_is_quoted_as_black_quotes_it(text: str) -> None:
    from black.strings import normalize_string_quotes

    from generator.targets.python.source import literal, string_literal

    assert string_literal(text) == normalize_string_quotes(repr(text))
    assert eval(string_literal(text)) == text  # noqa: S307 - our own literal, read back
    data = text.encode("utf-8", "surrogatepass")
    assert literal(data) == normalize_string_quotes(repr(data))
    assert eval(literal(data)) == data  # noqa: S307


@pytest.mark.parametrize("text", ["it's", 'say "hi"', "both ' and \"", "\\'", '\\"'])
def test_a_string_with_quotes_is_left_to_black(text: str) -> None:
    from black.strings import normalize_string_quotes

    from generator.targets.python.source import literal, string_literal

    assert string_literal(text) == normalize_string_quotes(repr(text))
    assert literal(text.encode()) == normalize_string_quotes(repr(text.encode()))


DOCSTRINGS = ["first\nsecond", "  first  \nsecond\n\nthird", "first\n  indented\nplain", "first\n\n", "first\n \n ",
              "first\n  all\n  indented", "first\n\tтаб", "first\u2028second", "first\x85second\n", "a\n\xa0nbsp\nz",
              "first\n\n\nlast", "first\n- item\n  - nested\n\n```\ncode\n```"]


@pytest.mark.parametrize("indent", ["", "    ", "        "])
@pytest.mark.parametrize("text", DOCSTRINGS)
def test_a_multiline_docstring_is_indented_as_black_indents_it(text: str, indent: str) -> None:
    from black.strings import fix_multiline_docstring

    from generator.targets.python.source import _multiline_docstring

    assert _multiline_docstring(text, indent) == fix_multiline_docstring(text, indent)


@given(st.text(alphabet=st.sampled_from("ab \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000"), min_size=1, max_size=30),
       st.sampled_from(["", "    ", "        "]))
def test_any_multiline_docstring_is_indented_as_black_indents_it(text: str, indent: str) -> None:
    from black.strings import fix_multiline_docstring

    from generator.targets.python.source import _multiline_docstring

    assert _multiline_docstring(text, indent) == fix_multiline_docstring(text, indent)


def test_a_long_argument_of_an_exploded_call_is_formatted_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """black sees the long argument, not the 40-line call around it (it costs black in proportion to its length)."""
    from generator.targets.python import format as formatting

    formatting._format_element.cache_clear()  # an element formatted before would be taken from the cache
    seen: list[str] = []
    real = formatting._black
    monkeypatch.setattr(formatting, "_black", lambda text, mode, name: seen.append(text) or real(text, mode, name))
    arguments = "".join(f"        argument_{i}=argument_{i},\n" for i in range(40))
    text = f"def f() -> None:\n    result = request(\n{arguments}        cast_to=cast(Any, {LONG_UNION}),\n    )\n"
    assert format_python(text) == black.format_str(text, mode=_MODE)
    assert seen and all("argument_0" not in snippet for snippet in seen)
