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

    def __init__(self, resolve: Callable[[Any, str], Any], openapi30: bool, rewritten: Callable[[], set[int]]) -> None:
        self.resolve = resolve
        self.openapi30 = openapi30
        self.rewritten = rewritten  # the schemas the lenient reading changed in a way the meta-schema rejects
        self.memo: dict[int, tuple[str | None, str | None]] = {}
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
        meta = next((f"schema is invalid: {e}" for part in parts if (e := self._meta_error(part))), None)
        changed = self.rewritten()
        if meta is None and any(id(sub) in changed for part in parts for sub in _subschemas(part, 0)):
            meta = "schema is invalid: a keyword as written breaks the JSON Schema meta-schema"
        for part in parts:  # Ajv meets these while it compiles, before it gives up on the `$ref` of a cycle
            for sub in _subschemas(part, 0):
                if "$ref" in sub:  # Spectral resolved it: the keys beside it are gone
                    continue
                if sub.get("nullable") is True and "type" not in sub:
                    return meta, '"nullable" cannot be used without "type"'
                pattern = sub.get("pattern")
                if isinstance(pattern, str) and not js_regex(pattern):
                    return meta, f"Invalid regular expression: /{pattern}/"
        return meta, SKIP if cyclic else None

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
            for sub in _subschemas(node, 0):
                ref = sub.get("$ref")
                found = self.resolve(where, ref) if isinstance(ref, str) else None
                if found is not None and isinstance(found[1], dict):
                    visit(found[1], found[0], chain | {id(node)})

        visit(schema, doc, frozenset())
        return order, cyclic

    def _meta_error(self, schema: Any) -> str | None:
        if self._meta is None:
            from jsonschema import Draft4Validator, Draft202012Validator  # type: ignore[import-untyped]
            cls = Draft4Validator if self.openapi30 else Draft202012Validator
            self._meta = cls(cls.META_SCHEMA)
        error = next(iter(self._meta.iter_errors(_without_refs(schema))), None)
        if error is None:
            return None
        where = "".join(f"/{p}" for p in error.absolute_path)
        return f"data{where} must be valid ({error.validator} {error.validator_value!r})"


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
