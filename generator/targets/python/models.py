"""Neutral schemas -> the modules under types/: pydantic models, request TypedDicts and type aliases."""

from __future__ import annotations

import keyword
import re
from dataclasses import replace

from generator import model
from generator.model import Property
from generator.targets.python import naming
from generator.targets.python.annotations import TYPING_NAMES, annotation, walk
from generator.targets.python.defaults import default_source
from generator.targets.python.docs import docstring
from generator.targets.python.expressions import Named, Nullable, Primitive, TypeExpr, to_py
from generator.targets.python.imports import organize
from generator.targets.python.shapes import PyField, PyModel
from generator.targets.python.source import literal

# a field with one of these names shadows the type in the class body: the annotation spells it through its module
_SHADOWABLE = {name: f"builtins.{name}" for name in ("object", "str", "int", "float", "bool", "bytes")} | {
    "date": "_datetime.date",
    "datetime": "_datetime.datetime",
}


class ModelPlanner:
    def __init__(self, api: model.Api, named: list[Named], wire: list[str], package: str) -> None:
        self.api = api
        self.named = named
        self.wire = wire
        self.package = package
        kinds = {"alias": "alias", "input": "typeddict", "object": "model"}
        self._kinds = {named[s.id].name: kinds[s.kind] for s in api.schemas}

    def kind_of(self, t: Named) -> str:
        return self._kinds.get(t.name, "")

    def alias_of(self, ref_id: int) -> model.TypeExpr | None:
        schema = self.api.schemas[ref_id]
        return schema.alias_of if schema.kind == "alias" else None

    def py(self, t: model.TypeExpr) -> TypeExpr:
        return to_py(t, self.named)

    def model(self, schema: model.Schema) -> PyModel:
        named = self.named[schema.id]
        if schema.kind == "alias":
            assert schema.alias_of is not None
            t = self.py(schema.alias_of)
            return PyModel(
                py_name=named.name, module=named.module, wire_name=self.wire[schema.id], kind="alias",
                alias_of=annotation(t), type_alias=t, doc=docstring(schema.description),
                imports=self._imports([t], named.name, "alias", []),
            )
        kind = "typeddict" if schema.kind == "input" else "model"
        taken: set[str] = set()
        fields = [self._field(p, kind, taken) for p in schema.properties]
        extra = self.py(schema.extra) if schema.extra is not None else None
        fields = _unshadow(fields) if kind == "model" else fields
        types = [f.type for f in fields] + ([extra] if extra else [])
        functional = kind == "typeddict" and any(not f.wire_name.isidentifier() or keyword.iskeyword(f.wire_name) for f in fields)
        return PyModel(
            functional=functional, py_name=named.name, module=named.module, wire_name=self.wire[schema.id],
            kind=kind, fields=tuple(fields), extra=extra, doc=docstring(schema.description),  # type: ignore[arg-type]
            imports=self._imports(types, named.name, kind, fields), deprecated=schema.deprecated,
        )

    def _field(self, prop: Property, kind: str, taken: set[str]) -> PyField:
        t = self.py(prop.type)
        assign = ""
        if kind == "typeddict":
            py_name = prop.wire_name  # TypedDict keys are the wire names
            ann = annotation(t)
            ann = f"Required[{ann}]" if prop.required else ann
            default = None
        else:
            py_name = naming.unique(naming.field_name(prop.wire_name), taken)
            nullable_or_optional = not prop.required or isinstance(t, Nullable)
            ann = annotation(t if not nullable_or_optional or isinstance(t, Nullable) else Nullable(t))
            default = self._default(prop) if nullable_or_optional else None
            assign = _assign(default, py_name, prop)
        return PyField(
            assign=assign, py_name=py_name, wire_name=prop.wire_name, type=t, annotation=ann, required=prop.required,
            default=default, doc=docstring(prop.description), deprecated=prop.deprecated, read_only=prop.read_only,
            write_only=prop.write_only,
        )

    def _default(self, prop: Property) -> str:
        if prop.default is None:
            return "None"
        return default_source(prop.default, model.unaliased(prop.type, self.alias_of)) or "None"

    def _imports(self, types: list[TypeExpr], own: str, kind: str, fields: list[PyField]) -> tuple[str, ...]:
        lines: list[str] = []
        # a field's annotation holds its type's (wrapped in Optional or Required, a shadowed name spelt through its
        # module): the extra type's is the only other text the checks below need
        texts = "\n".join([f.annotation for f in fields] + [annotation(t) for t in types[len(fields):]])
        primitives, refs = _used(types)
        # an annotation that is just a name ("Any": a schema named like a typing name) counts as that typing name
        plain = {t.name for t in types if isinstance(t, Named)}
        typing_used = [name for name in TYPING_NAMES if name + "[" in texts or name in plain]
        if kind == "typeddict":
            required = any(f.required for f in fields)
            lines.append("from typing_extensions import Required, TypedDict" if required else "from typing_extensions import TypedDict")
        if typing_used:
            lines.append(f"from typing import {', '.join(typing_used)}")
        field_names = {f.py_name for f in fields} if kind == "model" else set()
        for name in ("datetime", "date"):
            if name in primitives and name not in field_names:
                lines.append(f"from datetime import {name}")
        if any(name in field_names and name in primitives for name in ("datetime", "date")):
            lines.append("import datetime as _datetime")
        if "FileTypes" in texts:
            lines.append("from .._types import FileTypes")
        if kind == "alias":
            lines.append("from typing_extensions import TypeAlias")
        if kind == "model":
            lines.append("from .._models import BaseModel")
            if any("builtins." in f.annotation for f in fields):
                lines.append("import builtins")
            if any("FieldInfo(" in f.assign for f in fields):
                lines.append("from pydantic import Field as FieldInfo")
        if "FieldInfo(discriminator=" in texts:
            lines.append("from pydantic import Field as FieldInfo")
        if "one_of(" in texts:
            lines.append("from .._models import one_of")
        lines += [f"from .{refs[name].module} import {name}" for name in sorted(refs) if name != own]
        return organize(lines, self.package)


def _used(types: list[TypeExpr]) -> tuple[set[str], dict[str, Named]]:
    """The primitives (by Python name) and the named types (first met, by name) that ``types`` use, in one walk."""
    primitives: set[str] = set()
    refs: dict[str, Named] = {}
    for t in types:
        for node in walk(t):
            if isinstance(node, Primitive):
                primitives.add(node.py)
            elif isinstance(node, Named):
                refs.setdefault(node.name, node)
    return primitives, refs


def _assign(default: str | None, py_name: str, prop: model.Property) -> str:
    """The right-hand side of a model's class attribute: `` = None`` or `` = FieldInfo(...)``."""
    factory = default is not None and default.startswith("lambda: ")
    options = [f"default_factory={default}" if factory else f"default={default}"] if default else []
    options += [f"alias={literal(prop.wire_name)}"] if py_name != prop.wire_name else []
    options += ["deprecated=True"] if prop.deprecated else []  # pydantic warns when a deprecated field is read
    if (options != [f"default={default}"] or factory) and options:
        return f" = FieldInfo({', '.join(options)})"
    return f" = {default}" if default else ""


def _unshadow(fields: list[PyField]) -> list[PyField]:
    """A field named like a type (``str``, ``date``) shadows it in the class body, for mypy and for pydantic (which
    resolves annotations in the class namespace first): spell every use of that type through its module."""
    shadowed = sorted({f.py_name for f in fields} & set(_SHADOWABLE))
    out: list[PyField] = []
    for f in fields:
        ann = f.annotation
        for name in shadowed:
            ann = re.sub(rf"(?<![\w.'\"]){name}(?![\w'\"])", _SHADOWABLE[name], ann)
        out.append(replace(f, annotation=ann) if ann != f.annotation else f)
    return out
