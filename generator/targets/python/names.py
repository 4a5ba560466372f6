"""Python names of the schemas and operations of a neutral model, given in the order the parse met them."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator import model
from generator.config import Target
from generator.targets.python import naming
from generator.targets.python.expressions import Named


@dataclass
class Names:
    """Class, module, resource and method names; ``class_names`` keeps every class name taken (case folded)."""

    schemas: list[Named] = field(default_factory=list)
    wire: list[str] = field(default_factory=list)  # a schema's wire name, or the context it was lifted from
    operations: list[tuple[str, str]] = field(default_factory=list)  # (resource, method)
    class_names: set[str] = field(default_factory=set)
    module_names: set[str] = field(default_factory=set)


def name_all(api: model.Api, target: Target) -> Names:
    names = Names()
    methods: dict[str, set[str]] = {}
    for op in api.operations:
        resource, method = resource_method(op, target)
        names.operations.append((resource, naming.unique(method, methods.setdefault(resource, set()))))
    for schema in api.schemas:
        wanted = _joined(schema.name, names, target)
        py = naming.unique(wanted + ("Param" if schema.request else ""), names.class_names, fold_case=True)
        module = naming.unique(naming.module_name(py), names.module_names, fold_case=True)
        names.schemas.append(Named(py, module))
        names.wire.append(schema.wire_name or wanted)
    return names


def component_class(wire: str, target: Target) -> str:
    return naming.class_name(target.renames.get(wire, wire))


def _joined(name: model.Name, names: Names, target: Target) -> str:
    out = []
    for part in name:
        if isinstance(part, model.SchemaName):
            out.append(names.schemas[part.id].name)
        elif isinstance(part, model.ComponentName):
            out.append(component_class(part.wire, target))
        elif isinstance(part, model.OperationName):
            resource, method = names.operations[part.index]
            out.append(naming.pascal(resource) + naming.pascal(method))
        elif isinstance(part, model.Word):
            out.append(naming.pascal(part.text))
        else:
            out.append(part)
    return "".join(out)


def resource_method(op: model.Operation, target: Target) -> tuple[str, str]:
    mapped = target.operations.get(op.operation_id) or op.sdk_method
    if isinstance(mapped, str) and "." in mapped:
        resource, method = mapped.rsplit(".", 1)
        return naming.resource_name(resource), naming.method_name(method)
    resource = naming.resource_name(op.group)
    if isinstance(mapped, str) and mapped:
        return resource, naming.method_name(mapped)
    return resource, naming.method_name(_method_from_operation_id(op.operation_id, resource, op.http_method, op.path_key))


def _method_from_operation_id(op_id: str, resource: str, http: str, path: str) -> str:
    resource_words = set(naming.snake(resource).split("_"))
    resource_words |= {w[:-1] for w in resource_words if w.endswith("s")}
    words = [w for w in naming.snake(op_id).split("_") if w and w not in resource_words] if op_id else []
    if words == ["get"] or not words:
        if http == "get":
            return "retrieve" if path.rstrip("/").endswith("}") else "list"
        return {"post": "create", "put": "update", "patch": "update"}.get(http, http)
    return "_".join(words)
