"""Example values as TypeScript literals that fit their types: the spec's examples where they fit, else made up.

A value is a tree (``Obj``, ``Arr`` or literal text) laid out the way biome lays it out: on one line when it fits,
else one entry per line, a long string moved to the next line after its key.
"""

from __future__ import annotations

from typing import Any

from generator import model
from generator.frozen import frozen
from generator.targets.typescript import naming
from generator.targets.typescript.syntax import INDENT, fits, literal, string
from generator.targets.typescript.types import TypeNames

MAX_DEPTH = 8


@frozen
class Obj:
    entries: tuple[tuple[str, Node], ...]


@frozen
class Arr:
    items: tuple[Node, ...]


Node = Obj | Arr | str


def key_text(wire: str) -> str:
    return "['__proto__']" if wire == "__proto__" else naming.property_key(wire)


def flat(node: Node) -> str:
    if isinstance(node, Obj):
        return "{ " + ", ".join(f"{k}: {flat(v)}" for k, v in node.entries) + " }" if node.entries else "{}"
    if isinstance(node, Arr):
        return "[" + ", ".join(flat(i) for i in node.items) + "]"
    return node


def layout(node: Node, head: str, tail: str, indent: str) -> list[str]:
    """``head`` + the value + ``tail``, broken over lines as biome would."""
    one = f"{indent}{head}{flat(node)}{tail}"
    if fits(one):
        return [one]
    inner = indent + INDENT
    if isinstance(node, Obj) and node.entries:
        body = [line for k, v in node.entries for line in layout(v, f"{k}: ", ",", inner)]
        return [f"{indent}{head}{{"] + body + [f"{indent}}}{tail}"]
    if isinstance(node, Arr) and node.items:
        body = [line for item in node.items for line in layout(item, "", ",", inner)]
        return [f"{indent}{head}["] + body + [f"{indent}]{tail}"]
    # biome keeps a string after a short key (up to 4 characters) on the key's line, however long
    if head.endswith((": ", "= ")) and isinstance(node, str) and not (head.endswith(": ") and len(head) <= 6):
        return [f"{indent}{head.rstrip()}", f"{inner}{node}{tail}"]
    return [one]


class Examples:
    def __init__(self, api: model.Api, types: TypeNames) -> None:
        self.api = api
        self.types = types

    def value(self, expr: model.TypeExpr, example: Any, depth: int = 0, *, request: bool = True) -> Node:
        if depth > MAX_DEPTH:
            return "undefined as never"
        if isinstance(expr, model.Nullable):
            return "null" if example is None else self.value(expr.inner, example, depth, request=request)
        if isinstance(expr, model.Scalar):
            return _scalar(expr, example, request)
        if isinstance(expr, model.Literal):
            return literal(example if example in expr.values or (expr.open and isinstance(example, str))
                           else (expr.values[0] if expr.values else None))
        if isinstance(expr, model.Ref):
            return self._ref(expr.id, example, depth, request)
        if isinstance(expr, model.ListOf):  # every item of the example (a minItems counts), else one made up
            given = example if isinstance(example, list) and example else [None]
            return Arr(tuple(self.value(expr.item, i, depth + 1, request=request) for i in given)) if depth < 4 else Arr(())
        if isinstance(expr, model.TupleOf):
            given = example if isinstance(example, list) else []
            return Arr(tuple(self.value(item, given[i] if i < len(given) else None, depth + 1, request=request)
                             for i, item in enumerate(expr.items)))
        if isinstance(expr, model.MapOf):
            if isinstance(example, dict) and example:
                key, item = next(iter(example.items()))
                return Obj(((key_text(str(key)), self.value(expr.value, item, depth + 1, request=request)),))
            return Obj(())
        if isinstance(expr, model.Union):
            return self.value(self._variant(expr, example), example, depth, request=request)
        if isinstance(expr, model.File):
            name, content, media = model.FILE_EXAMPLE
            return f"exampleFile({string(name)}, {string(content.decode())}, {string(media)})"
        if isinstance(expr, model.NoneType):
            return "null"
        return _json(example, depth)

    def _ref(self, ref: int, example: Any, depth: int, request: bool) -> Node:
        schema = self.api.schemas[ref]
        request = request and (schema.request or schema.kind == "input")  # as types.declaration spells the schema
        if schema.kind == "alias":
            return self.value(schema.alias_of or model.Any(), example, depth + 1, request=request)
        given = example if isinstance(example, dict) else {}
        entries = []
        for prop in schema.properties:
            if (schema.request or schema.kind == "input") and prop.read_only:
                continue
            if prop.wire_name in given or prop.required:
                node = self.value(prop.type, given.get(prop.wire_name), depth + 1, request=request)
                entries.append((key_text(prop.wire_name), node))
        return Obj(tuple(entries))

    def _variant(self, expr: model.Union, example: Any) -> model.TypeExpr:
        """The union member the example belongs to, else the first one that is not null."""
        for item in expr.items:
            if self._matches(item, example):
                return item
        return next((i for i in expr.items if not isinstance(i, model.NoneType)), expr.items[0])

    def _matches(self, expr: model.TypeExpr, example: Any, depth: int = 0) -> bool:
        if depth > 10:
            return False
        if isinstance(expr, model.Ref):
            schema = self.api.schemas[expr.id]
            if schema.kind == "alias":
                return self._matches(schema.alias_of or model.Any(), example, depth + 1)
            if not isinstance(example, dict):
                return False
            known = {p.wire_name: p for p in schema.properties}
            return all(k in known and self._matches(known[k].type, v, depth + 1) for k, v in example.items())
        if isinstance(expr, model.Nullable):
            return example is None or self._matches(expr.inner, example, depth + 1)
        if isinstance(expr, model.Union):
            return any(self._matches(i, example, depth + 1) for i in expr.items)
        if isinstance(expr, model.Literal):
            return example in expr.values or (expr.open and isinstance(example, str))
        if isinstance(expr, model.Scalar):
            kinds = {str: ("string", "date", "datetime", "bytes"), bool: ("boolean",), int: ("integer", "number"),
                     float: ("number",)}
            return expr.kind in kinds.get(type(example), ())
        if isinstance(expr, (model.ListOf, model.TupleOf)):
            return isinstance(example, list)
        if isinstance(expr, model.MapOf):
            return isinstance(example, dict)
        if isinstance(expr, model.NoneType):
            return example is None
        return isinstance(expr, model.Any)


def _scalar(expr: model.Scalar, example: Any, request: bool) -> str:
    if expr.kind in ("integer", "number"):
        ok = isinstance(example, (int, float)) and not isinstance(example, bool)
        return literal(example if ok and (expr.kind == "number" or float(example).is_integer()) else 1)
    if expr.kind == "boolean":
        return literal(example if isinstance(example, bool) else True)
    if expr.kind == "bytes" and request:
        text = example.decode("utf-8", "replace") if isinstance(example, bytes) else "example bytes"
        return f"new Blob([{string(text)}])"
    return string(example if isinstance(example, str) else "string")


def _json(value: Any, depth: int) -> Node:
    """Any JSON value as a literal (an ``unknown`` accepts it as it is)."""
    if isinstance(value, dict) and depth <= MAX_DEPTH:
        return Obj(tuple((key_text(str(k)), _json(v, depth + 1)) for k, v in list(value.items())[:8]))
    if isinstance(value, list) and depth <= MAX_DEPTH:
        return Arr(tuple(_json(v, depth + 1) for v in value[:1]))
    if isinstance(value, (str, int, float, bool)) or value is None:
        return literal(value)
    return "null"
