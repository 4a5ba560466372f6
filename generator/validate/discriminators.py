"""Discriminators (SF030, SF031): every variant declares the property (or the schema holding the discriminator does),
every mapping names a schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.validate.refs import Unresolved

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

_MAX_DEPTH = 20


def check_discriminator(checker: DocChecker, schema: dict[str, Any], ptr: str) -> None:
    disc = schema["discriminator"]
    prop = disc.get("propertyName")
    variants: list[tuple[str, Any]] = []
    for key in ("oneOf", "anyOf"):
        subs = schema.get(key)
        if isinstance(subs, list):
            variants += [(f"{ptr}/{key}/{i}", sub) for i, sub in enumerate(subs)]
    mapped = _check_mapping(checker, disc.get("mapping"), pointer.child(ptr, "discriminator"))
    if not variants and mapped:
        variants.append(mapped)
    if not isinstance(prop, str):
        return
    if _has_property(checker, {"properties": schema.get("properties"), "allOf": schema.get("allOf") or []}, prop, 0):
        return  # declared beside the variants, by the schema that holds the discriminator: every variant has it
    for vptr, sub in variants:
        if not _has_property(checker, sub, prop, 0):
            label = sub.get("$ref", vptr) if isinstance(sub, dict) else vptr
            checker.report("SF030", f"variant {label} does not declare the discriminator property {prop!r}", vptr)


def _check_mapping(checker: DocChecker, mapping: Any, ptr: str) -> tuple[str, Any] | None:
    """SF031 for each mapping entry naming nothing; the first entry that resolves as (pointer, a `$ref` to it)."""
    first = None
    if not isinstance(mapping, dict):
        return first
    for name, target in mapping.items():
        mptr = pointer.child(pointer.child(ptr, "mapping"), name)
        if not isinstance(target, str):
            continue
        is_ref = "#" in target or "/" in target or target.endswith((".yaml", ".yml", ".json"))
        ref = target if is_ref else f"#/components/schemas/{target}"
        try:
            checker.resolve(ref)
        except Unresolved:
            checker.report("SF031", f"mapping {name!r} names the unknown schema {target!r}", mptr)
            continue
        if first is None:
            first = (mptr, {"$ref": ref})
    return first


def _has_property(checker: DocChecker, schema: Any, prop: str, depth: int) -> bool:
    if depth > _MAX_DEPTH or not isinstance(schema, dict) or "$recursiveRef" in schema or "$dynamicRef" in schema:
        return True  # unknown: do not complain
    if "$ref" in schema:
        target = checker.resolve_value(schema["$ref"])
        if target is None:
            return True  # reported as SF002
        if _has_property(checker, target, prop, depth + 1):
            return True
    props = schema.get("properties")
    if isinstance(props, dict) and prop in props:
        return True
    for sub in schema.get("allOf") or ():
        if _has_property(checker, sub, prop, depth + 1):
            return True
    for key in ("oneOf", "anyOf"):
        subs = schema.get(key)
        if isinstance(subs, list) and subs and all(_has_property(checker, s, prop, depth + 1) for s in subs):
            return True
    return False
