"""Request and response bodies: ``in: body`` and ``in: formData`` parameters as a 3.0 ``requestBody``; 2.0
responses (``schema``, ``examples``, ``headers``) with ``content`` per media type."""

from __future__ import annotations

from typing import Any

from generator import pointer as json_pointer
from generator.load.swagger2 import media, parameters, refs, schemas
from generator.load.swagger2.origins import Notes

Located = tuple[dict[Any, Any], str]  # a 2.0 parameter and its pointer


def request_body(found: list[Located], consumes: list[str] | None, op_ptr: str, notes: Notes) -> dict[Any, Any] | None:
    """The request body for an operation's body and formData parameters (none: None)."""
    body = [p for p in found if p[0].get("in") == "body"]
    form = [p for p in found if p[0].get("in") == "formData"]
    if body and form:
        notes.warn("SF092", "an operation has both `in: body` and `in: formData` parameters; the formData ones are "
                            "left out", form[0][1])
    if len(body) > 1:
        notes.warn("SF092", "an operation has more than one `in: body` parameter; only the first is sent", body[1][1])
    if body:
        return _body(*body[0], consumes, notes)
    if form:
        return _form(form, consumes, op_ptr, notes)
    return None


def _body(param: dict[Any, Any], ptr: str, consumes: list[str] | None, notes: Notes) -> dict[Any, Any]:
    value = schemas.schema(param.get("schema", {}), ptr + "/schema", notes)
    found = param.get("x-examples")
    examples: dict[Any, Any] = found if isinstance(found, dict) else {}
    content = {}
    for mt in media.body_types(consumes):
        entry: dict[Any, Any] = {"schema": value}
        if mt in examples:
            entry["example"] = examples[mt]
        elif "x-example" in param:
            entry["example"] = param["x-example"]
        content[mt] = notes.note(entry, ptr)
    out: dict[Any, Any] = {key: param[key] for key in ("description", "required") if key in param}
    out.update((key, value) for key, value in param.items() if str(key).startswith("x-") and key not in
               ("x-examples", "x-example"))
    out["content"] = notes.note(content, ptr)
    return notes.note(out, ptr)


def _form(form: list[Located], consumes: list[str] | None, op_ptr: str, notes: Notes) -> dict[Any, Any]:
    properties: dict[Any, Any] = {}
    encoding: dict[Any, Any] = {}
    required = []
    for param, ptr in form:
        name = param.get("name")
        prop = parameters.value_schema(param, ptr, notes)
        if "description" in param:
            prop["description"] = param["description"]
        properties[name] = prop
        if param.get("required") is True:
            required.append(name)
        found = parameters.style(param, "formData", ptr, notes)
        if found is not None:
            encoding[name] = notes.note({"style": found[0], "explode": found[1]}, ptr + "/collectionFormat")
    schema: dict[Any, Any] = {"type": "object", "properties": notes.note(properties, op_ptr + "/parameters")}
    if required:
        schema["required"] = required
    has_file = any(p.get("type") == "file" for p, _ in form)
    content = {}
    for mt in media.form_types(consumes, has_file):
        entry: dict[Any, Any] = {"schema": schema}
        if encoding:
            entry["encoding"] = encoding
        content[mt] = notes.note(entry, op_ptr + "/parameters")
    out: dict[Any, Any] = {"content": notes.note(content, op_ptr + "/parameters")}
    if required:
        out["required"] = True
    notes.note(schema, op_ptr + "/parameters")
    return notes.note(out, op_ptr + "/parameters")


def response(obj: Any, ptr: str, produces: list[str] | None, notes: Notes) -> Any:
    """The 3.0 response for a 2.0 response (a ``$ref`` to a global response stays one)."""
    if not isinstance(obj, dict):
        return obj
    if "$ref" in obj:
        return notes.note({"$ref": refs.ref(obj["$ref"])}, ptr)
    out: dict[Any, Any] = {"description": obj.get("description", "")}
    headers = obj.get("headers")
    if isinstance(headers, dict):
        sub = ptr + "/headers"
        out["headers"] = notes.note({name: parameters.header(h, json_pointer.child(sub, name), notes)
                                     for name, h in headers.items()}, sub)
    raw = obj.get("schema")
    if isinstance(raw, dict):
        value = schemas.schema(raw, ptr + "/schema", notes)
        found = obj.get("examples")
        examples: dict[Any, Any] = found if isinstance(found, dict) else {}
        content = {}
        for mt in media.response_types(produces, raw):
            entry: dict[Any, Any] = {"schema": value}
            if mt in examples:
                entry["example"] = examples[mt]
            content[mt] = notes.note(entry, ptr + "/schema")
        out["content"] = notes.note(content, ptr + "/schema")
    out.update((key, value) for key, value in obj.items() if isinstance(key, str) and key.startswith("x-"))
    return notes.note(out, ptr)
