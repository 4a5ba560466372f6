"""Schema hygiene: repeated and mistyped enum entries, `nullable` without `type`, `required` names no property
defines, and keys beside a `$ref` (OpenAPI 3.0)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.validate.style.context import Node, Style

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

_COMPOSITION_CHILD = re.compile(r"^(.*)/(?:allOf|anyOf|oneOf)/\d+$")
_MAX_DEPTH = 32


def check_enum(style: Style, node: Node, openapi30: bool) -> None:
    """duplicated-entry-in-enum (one finding per enum, as JSON Schema's ``uniqueItems``) and typed-enum."""
    enum = node.value["enum"]
    if not isinstance(enum, list):
        style.report("SF121", "`enum` must be a list", node.child("enum"))
        return
    seen: set[str] = set()
    for entry in enum:
        key = _canonical(entry)
        if key in seen:
            style.report("SF121", f"enum lists {entry!r} more than once", node.child("enum"))
            break
        seen.add(key)
    types = _types(node.value, openapi30)
    if types is None:
        return
    integer = "integer" in types
    for i, entry in enumerate(enum):
        if _json_type(entry, integer) not in types:
            style.report("SF122", f"enum entry {entry!r} is not of type {'/'.join(types)}",
                         Node(node.doc, f"{node.ptr}/enum/{i}", entry))


def _types(schema: dict[str, Any], openapi30: bool) -> list[str] | None:
    """The schema's types as typed-enum reads them (3.0 ``nullable: true`` adds null); None: not checked."""
    t = schema.get("type")
    if isinstance(t, str) and t:
        types = [t]
    elif isinstance(t, list) and t and all(isinstance(x, str) for x in t):
        types = list(t)
    else:
        return None
    if openapi30 and schema.get("nullable") is True:
        types.append("null")
    return types


def _json_type(value: Any, integer: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "integer" if integer and float(value).is_integer() else "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _canonical(value: Any) -> str:
    """JSON equality as a key: 1 and 1.0 are one value, 1 and true are two."""
    def norm(v: Any) -> Any:
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, list):
            return [norm(x) for x in v]
        if isinstance(v, dict):
            return {str(k): norm(x) for k, x in v.items()}
        return v
    return json.dumps(norm(value), sort_keys=True, default=str)


def check_ref_siblings(style: Style, node: Node) -> None:
    """no-$ref-siblings: every key beside ``$ref`` (OpenAPI 3.0 documents only; 3.1 allows them in schemas)."""
    for key in node.value:
        if key != "$ref":
            style.report("SF120", f"{key!r} beside $ref is ignored", node.child(key))


def check_nullable(style: Style, node: Node) -> None:
    """nullable-type-sibling (OpenAPI 3.0): ``nullable`` means nothing without ``type``."""
    if "nullable" in node.value and "type" not in node.value:
        style.report("SF133", "`nullable` without `type` has no effect", node.child("nullable"))


def check_required(style: Style, checker: DocChecker, node: Node) -> None:
    """no-required-schema-properties-undefined: each ``required`` name defined by the schema (its properties, one
    allOf branch, every anyOf/oneOf branch, through `$ref`s) or by a schema it is a composition branch of (inline,
    or through a `$ref`)."""
    required = node.value.get("required")
    if not isinstance(required, list) or not required:
        return
    roots = [root] if (root := _composition_root(node)) is not None else []
    for i, name in enumerate(required):
        if not isinstance(name, str):
            continue
        if _has_property(checker, node.value, name, set(), 0):
            continue
        if any(_has_property(checker, r, name, set(), 0) for r in roots + _ref_parents(style, node.value)):
            continue
        style.report("SF134", f"required property {name!r} is not defined",
                     Node(node.doc, f"{node.ptr}/required/{i}", name))


def _composition_root(node: Node) -> Any:
    """The outermost schema ``node`` is an inline allOf/anyOf/oneOf branch of (nested branches climb), or None."""
    ptr, root = node.ptr, None
    while (match := _COMPOSITION_CHILD.match(ptr)) is not None:
        ptr = match.group(1)
        root = pointer.walk(node.doc.data, ptr)
    return root if isinstance(root, dict) else None


def _ref_parents(style: Style, schema: dict[str, Any]) -> list[Any]:
    """The schemas (and the compositions those are inline branches of) that list ``schema`` as an allOf, anyOf or
    oneOf branch through a `$ref`, in the documents read so far (each indexed once)."""
    for path, checker in list(style.run.checkers.items()):
        if path not in style.branch_docs:
            style.branch_docs.add(path)
            _index_branches(style, Node(checker.doc, "", checker.doc.data), 0)
    return style.branch_parents.get(id(schema), [])


def _index_branches(style: Style, node: Node, depth: int) -> None:
    value = node.value
    if depth > 2 * _MAX_DEPTH:
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            _index_branches(style, Node(node.doc, f"{node.ptr}/{i}", item), depth + 1)
        return
    if not isinstance(value, dict):
        return
    for key in ("allOf", "anyOf", "oneOf"):
        branches = value.get(key)
        for branch in branches if isinstance(branches, list) else []:
            if isinstance(branch, dict) and isinstance(branch.get("$ref"), str):
                target = style.resolve(Node(node.doc, "", branch)).value
                parents = style.branch_parents.setdefault(id(target), [])
                parents.extend(r for r in (value, _composition_root(node)) if isinstance(r, dict))
    for key, child in value.items():
        if isinstance(child, (dict, list)):
            _index_branches(style, Node(node.doc, pointer.child(node.ptr, key), child), depth + 1)


def _has_property(checker: DocChecker, schema: Any, name: str, seen: set[int], depth: int) -> bool:
    if not isinstance(schema, dict) or id(schema) in seen or depth > _MAX_DEPTH:
        return False
    seen.add(id(schema))
    props = schema.get("properties")
    if isinstance(props, dict) and name in props:
        return True
    branches = schema.get("allOf")
    if isinstance(branches, list) and any(_has_property(checker, b, name, seen, depth + 1) for b in branches):
        return True
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if isinstance(branches, list) and branches and all(
                _has_property(checker, b, name, set(seen), depth + 1) for b in branches):
            return True
    ref = schema.get("$ref")
    return isinstance(ref, str) and _has_property(checker, checker.resolve_value(ref), name, seen, depth + 1)
