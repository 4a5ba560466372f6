"""Whether Ajv, as Spectral runs it, can compile an example's schema: recursive schemas are skipped, and a schema the
JSON Schema meta-schema rejects (draft 4 for OpenAPI 3.0, 2020-12 for 3.1), `nullable` without `type` or a pattern
JavaScript rejects gives one finding in place of the example's."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.validate.style.example_formats import js_regex

SKIP = "skip"  # the schema is recursive: Spectral leaves a `$ref` in it that Ajv cannot resolve, and says nothing
_MAX_DEPTH = 64


class SchemaProblems:
    """The compile problem of each schema (memoized per schema object for the run)."""

    def __init__(self, resolve: Callable[[Any, str], Any], openapi30: bool, rewritten: Callable[[], set[int]],
                 judged: dict[tuple[bool, str], str | None] | None = None) -> None:
        self.resolve = resolve
        self.openapi30 = openapi30
        self.rewritten = rewritten  # the schemas the lenient reading changed in a way the meta-schema rejects
        self.memo: dict[int, tuple[str | None, str | None]] = {}
        self.parts: dict[int, _Part] = {}  # id(schema of a closure) -> what is known of it
        # (dialect, repr of a schema without its $refs) -> the meta-schema's word; shared by the run's files
        self.judged = judged if judged is not None else {}
        self._meta: Any = None

    def problem(self, schema: Any, doc: Any) -> tuple[str | None, str | None]:
        """(the meta-schema's complaint, the compile problem: SKIP, a message or None). Ajv caches a schema before
        checking it against the meta-schema, so Spectral gives the complaint for the first example of an object only
        (its copy of the schema), and compiles it for the others."""
        key = id(schema)
        if key not in self.memo:
            self.memo[key] = self._problem(schema, doc)
        return self.memo[key]

    def _problem(self, schema: Any, doc: Any) -> tuple[str | None, str | None]:
        parts, cyclic = self._closure(schema, doc)
        meta = next((f"schema is invalid: {e}" for part in parts if (e := self._part(part).meta_error())), None)
        changed = self.rewritten()
        if meta is None and changed and any(id(sub) in changed for part in parts for sub in self._part(part).subs):
            meta = "schema is invalid: a keyword as written breaks the JSON Schema meta-schema"
        for part in parts:  # Ajv meets these while it compiles, before it gives up on the `$ref` of a cycle
            found = self._part(part).compile_problem
            if found is not None:
                return meta, found
        return meta, SKIP if cyclic else None

    def _part(self, part: Any) -> _Part:
        """What is known of one schema of a closure (components recur in many examples' closures: judged once)."""
        found = self.parts.get(id(part))
        if found is None:
            found = self.parts[id(part)] = _Part(part, self)
        return found

    def _closure(self, schema: Any, doc: Any) -> tuple[list[Any], bool]:
        """The schema and every schema its `$ref`s reach, and whether a `$ref` leads back into its own chain."""
        order: list[Any] = []
        done: set[int] = set()
        cyclic = False

        def visit(node: Any, where: Any, chain: frozenset[int]) -> None:
            nonlocal cyclic
            if id(node) in chain:
                cyclic = True
                return
            if id(node) in done:
                return
            done.add(id(node))
            order.append(node)
            for sub in self._part(node).subs:
                ref = sub.get("$ref")
                found = self.resolve(where, ref) if isinstance(ref, str) else None
                if found is not None and isinstance(found[1], dict):
                    visit(found[1], found[0], chain | {id(node)})

        visit(schema, doc, frozenset())
        return order, cyclic

    def _meta_error(self, schema: Any) -> str | None:
        """The meta-schema's first complaint about ``schema``. A schema whose every piece (see ``_pieces``) is valid
        is valid: most are, and their pieces recur far more than whole schemas do; otherwise the whole is judged, for
        the complaint it gets."""
        judged = _without_refs(schema)
        pieces = list(_pieces(judged, self.openapi30))
        if len(pieces) > 1 and all(self._judged(piece) is None for piece in pieces):
            return None
        return self._judged(judged)

    def _judged(self, schema: Any) -> str | None:
        """The meta-schema's word on ``schema``, given once to schemas of one shape (see ``_shape``: written alike
        but for their wording and example values)."""
        key = (self.openapi30, repr(_shape(schema)))
        if key not in self.judged:
            self.judged[key] = self._meta_error_of(schema)
        return self.judged[key]

    def _meta_error_of(self, judged: Any) -> str | None:
        if self._meta is None:
            from jsonschema import Draft4Validator, Draft202012Validator  # type: ignore[import-untyped]
            cls = Draft4Validator if self.openapi30 else Draft202012Validator
            self._meta = cls(cls.META_SCHEMA)
        error = next(iter(self._meta.iter_errors(judged)), None)
        if error is None:
            return None
        where = "".join(f"/{p}" for p in error.absolute_path)
        return f"data{where} must be valid ({error.validator} {error.validator_value!r})"


class _Part:
    """One schema of a closure: its mappings (not through `$ref`s), its first compile problem, and (when first asked)
    the meta-schema's complaint about it."""

    def __init__(self, schema: Any, problems: SchemaProblems) -> None:
        self.schema, self.problems = schema, problems
        self.subs = list(_subschemas(schema, 0))
        self.compile_problem = next(filter(None, map(_compile_problem, self.subs)), None)
        self._meta: tuple[str | None] | None = None

    def meta_error(self) -> str | None:
        if self._meta is None:
            self._meta = (self.problems._meta_error(self.schema),)
        return self._meta[0]


def _compile_problem(sub: dict[str, Any]) -> str | None:
    """What Ajv refuses in one mapping of a schema as it compiles it: `nullable` without `type`, a pattern JavaScript
    rejects. A `$ref` mapping is skipped: Spectral resolved it, the keys beside it are gone."""
    if "$ref" in sub:
        return None
    if sub.get("nullable") is True and "type" not in sub:
        return '"nullable" cannot be used without "type"'
    pattern = sub.get("pattern")
    if isinstance(pattern, str) and not js_regex(pattern):
        return f"Invalid regular expression: /{pattern}/"
    return None


_ANY_VALUE = frozenset({"example", "default"})  # no meta-schema constrains these values
_TEXT = frozenset({"description", "title"})  # strings, whatever they say
_SCHEMA = frozenset({"items", "not", "additionalProperties", "additionalItems", "contains", "if", "then", "else",
                     "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema", "allOf", "anyOf",
                     "oneOf", "prefixItems"})  # a schema, or a list of schemas
_SCHEMA_MAP = frozenset({"properties", "patternProperties", "definitions", "$defs", "dependentSchemas"})


def _shape(schema: Any) -> Any:
    """What the meta-schema's judgement of ``schema`` depends on, as plain data whose text is a memo key: the schema
    with its example and default values (any value is valid), its description and title strings (any string is), and
    an `examples` list (any list is, draft 4 and 2020-12 alike) emptied, in the schema and the schemas it holds, as
    known by the keywords that hold them; anything else as written. Errors and their order are those of the schema."""
    if not isinstance(schema, dict):
        return schema
    shaped: dict[Any, Any] = {}
    for key, value in schema.items():
        if key in _ANY_VALUE:
            shaped[key] = None
        elif (key in _TEXT and isinstance(value, str)) or (key == "examples" and isinstance(value, list)):
            shaped[key] = type(value)()
        elif key in _SCHEMA_MAP and isinstance(value, dict):
            shaped[key] = {name: _shape(sub) for name, sub in value.items()}
        elif key in _SCHEMA:
            shaped[key] = [_shape(sub) for sub in value] if isinstance(value, list) else _shape(value)
        else:
            shaped[key] = value
    return shaped


# where each dialect's meta-schema judges a value as a schema of its own, through its recursion: keywords holding one
# schema, a list of them, a mapping of them (a value of another type is the keyword's own, judged with it)
_SUBSCHEMAS = {
    True: (frozenset({"additionalItems", "additionalProperties", "items", "not"}),  # draft 4 (OpenAPI 3.0)
           frozenset({"allOf", "anyOf", "oneOf", "items"}),
           frozenset({"properties", "patternProperties", "definitions", "dependencies"})),
    False: (frozenset({"additionalProperties", "items", "not", "contains", "if", "then", "else", "propertyNames",
                       "unevaluatedItems", "unevaluatedProperties", "contentSchema"}),  # 2020-12 (OpenAPI 3.1)
            frozenset({"allOf", "anyOf", "oneOf", "prefixItems"}),
            frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"})),
}


def _pieces(schema: Any, openapi30: bool) -> Iterator[Any]:
    """``schema`` and each schema inside it, each with the schemas it holds replaced by ``{}`` (valid in both
    dialects). The meta-schema judges a schema by its own keywords and each schema it holds alone, the same way:
    a schema is valid exactly when all its pieces are."""
    one, listed, mapped = _SUBSCHEMAS[openapi30]
    stack = [schema]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            yield node
            continue
        piece: dict[Any, Any] = {}
        for key, value in node.items():
            if key in one and isinstance(value, dict):
                piece[key], held = {}, [value]
            elif key in listed and isinstance(value, list):
                piece[key], held = [{} if isinstance(v, dict) else v for v in value], value
            elif key in mapped and isinstance(value, dict):
                piece[key], held = {k: {} if isinstance(v, dict) else v for k, v in value.items()}, list(value.values())
            else:
                piece[key], held = value, []
            stack.extend(v for v in held if isinstance(v, dict))
        yield piece


def _without_refs(schema: Any) -> Any:
    """The schema with each `$ref` object as the bare `$ref` (Spectral resolves them; the target is judged itself)."""
    if isinstance(schema, dict):
        if isinstance(schema.get("$ref"), str):
            return {}
        return {k: _without_refs(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_without_refs(v) for v in schema]
    return schema


def _subschemas(node: Any, depth: int) -> Iterator[dict[str, Any]]:
    """Every mapping inside ``node`` (itself included), not through `$ref`s."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in ("example", "examples", "default", "enum", "const") and isinstance(value, (dict, list)):
                yield from _subschemas(value, depth + 1)
    elif isinstance(node, list):
        for value in node:
            yield from _subschemas(value, depth + 1)
