"""Request bodies -> neutral bodies: the content type chosen, object properties as parameters, multipart parts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.model import FILE_EXAMPLE, Body, File, ListOf, Name, Nullable, Param, Scalar, TypeExpr, Union, Word
from generator.parse.examples import example_data
from generator.parse.objects import Objects
from generator.parse.predicates import component_wire, flag, is_object_like, is_ref, partial_variants, required_sets
from generator.pointer import escape

_MEDIA_TYPE_RE = re.compile(r"[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*(?:\s*;\s*[\w.+-]+=[\w.+-]+)*")


class Bodies(Objects):
    def _body(self, op: Any, ptr: str, context: Name) -> Body | None:
        if op.requestBody is None:
            return None
        body, body_ptr = self.resolve(op.requestBody, ptr + "/requestBody", "RequestBody")
        if not body.content:
            return None
        content_type, media = pick_request_content(body.content)
        media_ptr = f"{body_ptr}/content/{escape(content_type)}"
        encoding = encoding_of(content_type)
        schema = media.media_type_schema
        resolved, schema_ptr = self.resolve(schema, media_ptr + "/schema") if schema is not None else (None, media_ptr)
        required_body = bool(body.required)
        if encoding in ("json", "multipart", "form") and resolved is not None and is_object_like(resolved, self.resolve):
            params = self._body_params(resolved, schema_ptr, context, encoding)
            # OpenAPI 3.0 ignores an encoding's style / explode outside form-urlencoded bodies; 3.1 applies them
            with_styles = not self.openapi.startswith("3.0")
            part_styles, part_types = part_encodings(media, params, with_styles) if encoding == "multipart" else ((), ())
            return Body(
                content_type, encoding, tuple(params), whole=False, required=required_body,  # type: ignore[arg-type]
                file_fields=tuple(p.wire_name for p in params if holds_file(p.type)),
                part_styles=part_styles, part_types=part_types,
                example_required=self._example_required(resolved),
                schema=(component_wire(schema.ref) or "") if is_ref(schema) else "",
                description=body.description or "",
            )
        if encoding == "binary":
            t: TypeExpr = Scalar("bytes")
            example: Any = b"data"
        elif encoding == "text":
            t, example = Scalar("string"), "text"
        else:
            t = self.type_of(schema, media_ptr + "/schema", context + ("Body",), "request")
            example = self.examples.value(schema, media_ptr + "/schema")
        whole = Param("body", "body", t, required_body, description=body.description or "", example=example_data(example))
        return Body(content_type, encoding, (whole,), whole=True, required=required_body)  # type: ignore[arg-type]

    def _example_required(self, resolved: Any) -> tuple[str, ...]:
        """Optional fields an example call still sends: the first required set of the body's anyOf, and of each of
        its allOf parts', or the required names of its first partial variant (Prism answers 422 when none of a set is
        there)."""
        names: list[str] = []
        for schema in (resolved, *(self.resolve(part, "")[0] for part in resolved.allOf or [])):
            names += next(iter(required_sets(schema)), [])
            names += self._first_variant_required(schema)
        return tuple(dict.fromkeys(names))

    def _first_variant_required(self, schema: Any) -> list[str]:
        """The names the first variant of an object filled one of several ways requires (its first way)."""
        for _, variant in partial_variants(schema, self.resolve)[:1]:
            resolved, ptr = self.resolve(variant, "")
            return sorted(self._merged_properties(resolved, ptr)[1] - set(schema.required or []))
        return []

    def _body_params(self, resolved: Any, schema_ptr: str, context: Name, encoding: str) -> list[Param]:
        direction = "multipart" if encoding == "multipart" else "request"
        properties, required, _ = self._declared_properties(resolved, schema_ptr)
        params = []
        for wire, (prop, prop_ptr) in properties.items():
            if flag(prop, "readOnly", self.resolve):
                continue
            t = self.type_of(prop, prop_ptr, context + ("Params", Word(wire)), direction)
            prop_resolved, _ = self.resolve(prop, prop_ptr)
            example = file_example(t) if holds_file(t) else self.examples.value(prop, prop_ptr)
            params.append(Param(
                wire, "body", t,
                wire in required,  # an optional body still needs its required properties when sent
                description=getattr(prop_resolved, "description", None) or "",
                deprecated=bool(getattr(prop_resolved, "deprecated", False)),
                example=example_data(example),
            ))
        return params


def pick_request_content(content: Mapping[str, Any]) -> tuple[str, Any]:
    for preferred in ("application/json", "multipart/form-data", "application/x-www-form-urlencoded"):
        if preferred in content:
            return preferred, content[preferred]
    for name, media in content.items():
        if name.endswith("+json"):
            return name, media
    name = next(iter(content))
    return name, content[name]


def encoding_of(content_type: str) -> str:
    if content_type == "application/json" or content_type.endswith("+json"):
        return "json"
    if content_type == "multipart/form-data":
        return "multipart"
    if content_type == "application/x-www-form-urlencoded":
        return "form"
    if content_type.startswith("text/"):
        return "text"
    return "binary"


def holds_file(t: TypeExpr) -> bool:
    """A file, a list of files, or a union / nullable holding one: the runtime sends file values as file parts."""
    if isinstance(t, File):
        return True
    if isinstance(t, ListOf):
        return isinstance(t.item, File)
    if isinstance(t, Nullable):
        return holds_file(t.inner)
    if isinstance(t, Union):
        return any(holds_file(item) for item in t.items)
    return False


def file_example(t: TypeExpr) -> Any:
    """An example upload for a field that holds files: one file, or a list of one when only a list is accepted."""
    if isinstance(t, Nullable):
        return file_example(t.inner)
    if isinstance(t, ListOf) or (isinstance(t, Union) and not any(isinstance(i, File) for i in t.items)):
        return [FILE_EXAMPLE]
    return FILE_EXAMPLE


def part_encodings(
    media: Any, params: list[Param], with_styles: bool
) -> tuple[tuple[tuple[str, str, bool], ...], tuple[tuple[str, str], ...]]:
    """The multipart fields whose `encoding` the media type declares, as (styles, content types).

    A declared `style` / `explode` (read only when ``with_styles``: OpenAPI 3.1) wins and the value is written like a
    query parameter of that style; otherwise a declared `contentType` makes each value (each item of a list) one part
    of that type. File fields keep their own per-file type, and fields with no declaration are left to the runtime's
    default (the bracket form: objects as ``name[key]``, lists as repeated ``name[]``).
    """
    declared = media.encoding or {}
    styles: list[tuple[str, str, bool]] = []
    types: list[tuple[str, str]] = []
    for p in params:
        enc = declared.get(p.wire_name)
        if enc is None or holds_file(p.type):
            continue
        if with_styles and (enc.style is not None or enc.explode is not None):
            style = enc.style or "form"
            styles.append((p.wire_name, style, enc.explode if enc.explode is not None else style == "form"))
        elif enc.contentType:
            # a list of types names several ("text/plain, text/markdown": the first is sent); a wildcard ("text/*")
            # or anything that is not a plain media type (it becomes a part header) names none
            first = enc.contentType.split(",")[0].strip()
            if _MEDIA_TYPE_RE.fullmatch(first):
                types.append((p.wire_name, first))
    return tuple(styles), tuple(types)
