"""Type expressions of the neutral model as TypeScript types, and the declaration of every named schema."""

from __future__ import annotations

from generator import model
from generator.config import Target
from generator.targets.typescript import naming
from generator.targets.typescript.layout import annotation, assignment
from generator.targets.typescript.syntax import INDENT, jsdoc, literal


class TypeNames:
    """The TypeScript name of every schema (in the order the parse met them) and of every operation."""

    def __init__(self, api: model.Api, target: Target, operations: list[tuple[str, str]], taken: set[str]) -> None:
        self.api = api
        self.target = target
        self.operations = operations
        self.names: list[str] = []
        self.used: set[str] = set()  # runtime types the rendered text needs ("Uploadable")
        for schema in api.schemas:
            wanted = self._joined(schema.name) + ("Param" if schema.request else "")
            if wanted in naming.RESERVED_TYPES:
                wanted += "_"
            self.names.append(naming.unique(wanted, taken))

    def _joined(self, name: model.Name) -> str:
        out = []
        for part in name:
            if isinstance(part, model.SchemaName):
                out.append(self.names[part.id])
            elif isinstance(part, model.ComponentName):
                out.append(naming.pascal(self.target.renames.get(part.wire, part.wire)))
            elif isinstance(part, model.OperationName):
                resource, method = self.operations[part.index]
                out.append(naming.pascal(resource) + naming.pascal(method))
            elif isinstance(part, model.Word):
                out.append(naming.pascal(part.text))
            else:
                out.append(naming.pascal(part))
        return "".join(out) or "Model"

    def ts(self, expr: model.TypeExpr, *, request: bool = False) -> str:
        """The type as one line of TypeScript."""
        return " | ".join(self.members(expr, request=request))

    def members(self, expr: model.TypeExpr, *, request: bool = False) -> list[str]:
        """The union members of the type (one member for a type that is no union), without repeats."""
        out: list[str] = []
        for member in self._members(expr, request):
            if member not in out:
                out.append(member)
        return out

    def _members(self, expr: model.TypeExpr, request: bool) -> list[str]:
        if isinstance(expr, model.Union):
            return [m for item in expr.items for m in self._members(item, request)]
        if isinstance(expr, model.Nullable):
            return self._members(expr.inner, request) + ["null"]
        if isinstance(expr, model.Literal):
            return _literal_members(expr)
        return [self._single(expr, request)]

    def _single(self, expr: model.TypeExpr, request: bool) -> str:
        if isinstance(expr, model.Ref):
            return self.names[expr.id]
        if isinstance(expr, model.ListOf):
            return f"Array<{self.ts(expr.item, request=request)}>"
        if isinstance(expr, model.TupleOf):
            return "[" + ", ".join(self.ts(item, request=request) for item in expr.items) + "]"
        if isinstance(expr, model.MapOf):
            return f"{{ [key: string]: {self.ts(expr.value, request=request)} }}"
        if isinstance(expr, model.File) or (request and isinstance(expr, model.Scalar) and expr.kind == "bytes"):
            self.used.add("Uploadable")
            return "Uploadable"
        if isinstance(expr, model.Scalar):
            return _scalar(expr)
        if isinstance(expr, model.NoneType):
            return "null"
        return "unknown"


def _scalar(expr: model.Scalar) -> str:
    if expr.kind in ("integer", "number"):
        return "number"
    if expr.kind == "boolean":
        return "boolean"
    return "string"


def _literal_members(expr: model.Literal) -> list[str]:
    values = [literal(v) for v in expr.values]
    if not expr.open:
        return values or ["never"]
    kinds = {"number" if isinstance(v, (int, float)) and not isinstance(v, bool) else "string" for v in expr.values}
    base = "(number & {})" if kinds == {"number"} else "(string & {})"
    return [base] + values


def declaration(schema: model.Schema, types: TypeNames) -> list[str]:
    """``export interface Name { ... }`` or ``export type Name = ...;`` with its JSDoc."""
    name = types.names[schema.id]
    lines = jsdoc(schema.description, deprecated=schema.deprecated)
    request = schema.request or schema.kind == "input"
    if schema.kind == "alias":
        members = types.members(schema.alias_of or model.Any(), request=request)
        return lines + assignment(f"export type {name} = ", " | ".join(members), ";", "")
    body: list[str] = []
    for prop in schema.properties:
        if request and prop.read_only:
            continue
        body += property_lines(prop.wire_name, prop.required, types.members(prop.type, request=request),
                               prop.description, prop.deprecated, INDENT)
    if schema.extra is not None:
        body.append(f"{INDENT}[key: string]: unknown;")
    if not body:
        return lines + [f"export interface {name} {{}}"]
    return lines + [f"export interface {name} {{"] + body + ["}"]


def property_lines(wire: str, required: bool, members: list[str], description: str, deprecated: bool,
                   indent: str) -> list[str]:
    key = naming.property_key(wire) + ("" if required else "?")
    return jsdoc(description, indent, deprecated=deprecated) + annotation(f"{indent}{key}: ", " | ".join(members), ";", indent)
