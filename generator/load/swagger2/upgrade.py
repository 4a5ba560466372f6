"""The upgrade itself: a Swagger 2.0 document (bundled first when split over files) as an OpenAPI 3.0.3 document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import pointer as json_pointer
from generator.errors import SpecError
from generator.load.document import Document
from generator.load.positions import Positions
from generator.load.swagger2 import bodies, media, parameters, refs, schemas, security
from generator.load.swagger2.origins import Notes, Upgraded
from generator.load.swagger2.servers import servers
from generator.load.swagger2.structure import METHODS

if TYPE_CHECKING:
    from generator.load.bundle import Bundled

_OPERATION_KEYS = ("tags", "summary", "description", "externalDocs", "operationId", "deprecated", "security")
_BODIES = ("body", "formData")
Located = tuple[dict[Any, Any], str]


def upgrade(root: Document, bundled: Bundled | None = None) -> Upgraded:
    """The 3.0 document for the 2.0 ``root`` (``bundled``: the root with its external ``$ref``s bundled)."""
    source = bundled.document.data if bundled is not None else root.data
    notes = Notes()
    try:
        data = _Upgrade(source, notes).document()
    except RecursionError:
        raise SpecError("the document is nested too deeply", file=str(root.path)) from None
    index = Positions()
    index.composed, index.dups = True, []  # its positions are the 2.0 files' (Upgraded.where), never its own
    document = Document(path=root.path, text=root.text, data=data, index=index)
    return Upgraded(document=document, root=root, notes=notes, bundled=bundled)


def _info(info: Any, notes: Notes) -> Any:
    """The info object; a missing ``title`` or ``version`` (both required) read as empty, with a warning."""
    if info is None:
        info = {}
    if not isinstance(info, dict):
        return info  # left for validation to report
    missing = [key for key in ("title", "version") if key not in info]
    if not missing:
        return info
    notes.warn("SF094", f"the info object has no {' and no '.join(missing)} (required); read as empty", "/info")
    return notes.note({**{key: "" for key in missing}, **info}, "/info")


class _Upgrade:
    """One upgrade: the 2.0 data read, the 3.0 data built."""

    def __init__(self, data: dict[Any, Any], notes: Notes) -> None:
        self.data = data
        self.notes = notes
        found = data.get("parameters")
        self.globals: dict[Any, Any] = found if isinstance(found, dict) else {}
        definitions = data.get("definitions")
        notes.definitions = frozenset(str(k) for k in definitions) if isinstance(definitions, dict) else frozenset()

    def document(self) -> dict[Any, Any]:
        data, notes = self.data, self.notes
        out: dict[Any, Any] = {"openapi": "3.0.3"}
        out["info"] = _info(data.get("info"), notes)
        for key in ("tags", "externalDocs"):
            if key in data:
                out[key] = data[key]
        found = servers(data)
        if found is not None:
            out["servers"] = notes.note(found, "/host" if "host" in data else "/basePath")
        paths = data.get("paths")
        if isinstance(paths, dict):
            out["paths"] = notes.note({path: self.path_item(item, json_pointer.child("/paths", path))
                                       for path, item in paths.items()}, "/paths")
        elif paths is not None:
            out["paths"] = paths  # not a mapping: left for validation to report
        components = self.components()
        if components:
            out["components"] = components
        if "security" in data:
            out["security"] = data["security"]
        out.update((key, value) for key, value in data.items() if str(key).startswith("x-"))
        return notes.note(out, "")

    def components(self) -> dict[Any, Any]:
        data, notes = self.data, self.notes
        out: dict[Any, Any] = {}
        for key, name, convert in (
            ("definitions", "schemas", schemas.schema),
            ("parameters", "parameters", self.global_parameter),
            ("responses", "responses", lambda r, ptr, n: bodies.response(r, ptr, media.listed({}, data, "produces"), n)),
            ("securityDefinitions", "securitySchemes", security.scheme),
        ):
            found = data.get(key)
            if not isinstance(found, dict):
                continue
            base = "/" + key
            converted = {k: convert(v, json_pointer.child(base, k), notes) for k, v in found.items()}
            converted = {k: v for k, v in converted.items() if v is not None}
            if converted:
                out[name] = notes.note(converted, base)
        return out

    def global_parameter(self, param: Any, ptr: str, notes: Notes) -> Any:
        """A global non-body parameter (body and formData ones are inlined where used: None)."""
        if not isinstance(param, dict):
            return param
        if param.get("in") in _BODIES:
            return None
        return parameters.parameter(param, ptr, notes)

    def path_item(self, item: Any, ptr: str) -> Any:
        if not isinstance(item, dict):
            return item
        out: dict[Any, Any] = {}
        shared = self.located(item.get("parameters"), ptr + "/parameters")
        for key, value in item.items():
            if key in METHODS and isinstance(value, dict):
                out[key] = self.operation(value, json_pointer.child(ptr, key), shared)
            elif key == "$ref" or str(key).startswith("x-"):
                out[key] = value
        params = [self.parameter(p, at) for p, at in shared if p.get("in") not in _BODIES]
        if params:
            out["parameters"] = self.notes.note(params, ptr + "/parameters")
        return self.notes.note(out, ptr)

    def located(self, params: Any, ptr: str) -> list[Located]:
        """A parameter list's entries with their pointers; a ``$ref`` to a global parameter stays one (the global
        parameter's pointer: its ``in`` decides whether it is a body)."""
        if not isinstance(params, list):
            return []
        found: list[Located] = []
        for i, param in enumerate(params):
            if not isinstance(param, dict):
                continue
            target = param.get("$ref")
            if isinstance(target, str) and target.startswith("#/parameters/"):
                name = json_pointer.split(target[1:])[1] if target.count("/") == 2 else None
                value = self.globals.get(name)
                if isinstance(value, dict):
                    found.append((value, json_pointer.child("/parameters", name)))
                    continue
            found.append((param, f"{ptr}/{i}"))
        return found

    def parameter(self, param: dict[Any, Any], ptr: str) -> dict[Any, Any]:
        if ptr.startswith("/parameters/"):  # a global parameter: its component
            return {"$ref": "#/components" + ptr}
        if "$ref" in param:
            return {"$ref": refs.ref(param["$ref"])}
        return parameters.parameter(param, ptr, self.notes)

    def operation(self, op: dict[Any, Any], ptr: str, shared: list[Located]) -> dict[Any, Any]:
        notes = self.notes
        out: dict[Any, Any] = {key: op[key] for key in _OPERATION_KEYS if key in op}
        own = self.located(op.get("parameters"), ptr + "/parameters")
        keys = {(p.get("name"), p.get("in")) for p, _ in own}
        inherited = [(p, at) for p, at in shared if (p.get("name"), p.get("in")) not in keys]
        params = [self.parameter(p, at) for p, at in own if p.get("in") not in _BODIES]
        if params:
            out["parameters"] = notes.note(params, ptr + "/parameters")
        bodies_found = [(p, at) for p, at in inherited + own if p.get("in") in _BODIES]
        body = bodies.request_body(bodies_found, media.listed(op, self.data, "consumes"), ptr, notes)
        if body is not None:
            out["requestBody"] = body
        responses = op.get("responses")
        produces = media.listed(op, self.data, "produces")
        if isinstance(responses, dict):
            base = ptr + "/responses"
            out["responses"] = notes.note({code: bodies.response(r, json_pointer.child(base, code), produces, notes)
                                           for code, r in responses.items()}, base)
        elif responses is not None:
            out["responses"] = responses
        out.update((key, value) for key, value in op.items() if str(key).startswith("x-"))
        return notes.note(out, ptr)


def as_openapi3(doc: Document) -> Document:
    """``doc`` itself, or for a Swagger 2.0 document the 3.0 document it upgrades to (its files bundled first)."""
    from generator.load import bundle, swagger2
    from generator.load.external_refs import has_external_refs

    if not swagger2.is_swagger2(doc.data):
        return doc
    return upgrade(doc, bundle.bundle(doc) if has_external_refs(doc.text) else None).document
