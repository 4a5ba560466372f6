"""Python names of the schemas and operations of a neutral model, given in the order the parse met them."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator import model
from generator.config import Target
from generator.targets.operation_names import operation_names
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
    for resource, method in operation_names(api.operations, target):
        resource = naming.resource_name(resource)  # keywords and the client's own attributes get a "_"
        names.operations.append((resource, naming.unique(naming.method_name(method), methods.setdefault(resource, set()))))
    for schema in api.schemas:
        wanted = _joined(schema.name, names, target)
        py = naming.unique(wanted + ("Param" if schema.request else ""), names.class_names, fold_case=True)
        module = naming.unique(naming.module_name(py), names.module_names, fold_case=True)
        names.schemas.append(Named(py, module))
        names.wire.append(schema.wire_name or wanted)
    return names


def naming_inputs(schema: model.Schema) -> tuple[object, ...]:
    """What ``name_all`` reads of a schema (besides the names before it and the target)."""
    return schema.name, schema.request, schema.wire_name


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
