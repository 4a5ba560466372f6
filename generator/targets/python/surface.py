"""The Python SDK's surface of a neutral model: the names and annotations users see, for ``sdkforge diff``."""

from __future__ import annotations

from typing import Any

from generator import model
from generator.config import Target
from generator.targets.python.annotations import annotation
from generator.targets.python.expressions import Named, to_py
from generator.targets.python.names import Names, name_all
from generator.targets.python.shapes import PyApi, PyField, PyParam

_KINDS = {"object": ("model", "pydantic model"), "input": ("typeddict", "TypedDict"), "alias": ("alias", "type alias")}


class PythonSurface:
    """Answers in Python terms for one model.Api: schema ids, operation indexes and wire names -> names and text."""

    def __init__(self, api: model.Api, py: PyApi, names: Names) -> None:
        self.api = api
        self.names = names
        by_method = {(op.resource, op.method): op for r in py.resources for op in r.operations}
        self._operations = [by_method[key] for key in names.operations]
        self._models = {m.py_name: m for m in py.models}
        self._params: dict[int, dict[tuple[str, str], PyParam]] = {}
        self._fields: dict[int, dict[str, PyField]] = {}

    def operation(self, index: int) -> str:
        """``videos.remix``: the client attribute and method."""
        resource, method = self.names.operations[index]
        return f"{resource}.{method}"

    def param(self, index: int, param: model.Param) -> tuple[str, str]:
        """(parameter name, its annotation in the signature)."""
        if index not in self._params:
            self._params[index] = {(p.location, p.wire_name): p for p in self._operations[index].params}
        found = self._params[index][(param.location, param.wire_name)]
        return found.py_name, found.annotation

    def returns(self, index: int) -> str:
        return self._operations[index].return_annotation

    def paged(self, index: int) -> bool:
        return self._operations[index].pagination is not None

    def schema(self, ref_id: int) -> str:
        """``types.Video``: where users import the class or alias from."""
        return "types." + self.names.schemas[ref_id].name

    def kind(self, ref_id: int) -> tuple[str, str]:
        """(short, spelled out) name of what the schema becomes: ("typeddict", "TypedDict")."""
        return _KINDS[self.api.schemas[ref_id].kind]

    def field(self, ref_id: int, prop: model.Property) -> tuple[str, str]:
        """(attribute or key name, its annotation in the class)."""
        if ref_id not in self._fields:
            fields = self._models[self.names.schemas[ref_id].name].fields
            self._fields[ref_id] = {f.wire_name: f for f in fields}
        found = self._fields[ref_id][prop.wire_name]
        return found.py_name, found.annotation

    def type(self, t: model.TypeExpr) -> str:
        return annotation(to_py(t, self.names.schemas))


def surface(api: model.Api, config: Target, *, source: str = "", planned: PyApi | None = None) -> PythonSurface:
    """The surface of the SDK ``config`` generates from ``api`` (``planned``: its plan, when already made)."""
    py = planned or _plan(api, config, source=source)
    return PythonSurface(api, py, py.names if py.names is not None else name_all(api, config))


def _plan(api: model.Api, config: Target, *, source: str) -> PyApi:
    """The plan, imported here: a recorded surface needs none, and planning imports the parser's models."""
    from generator.targets.python.plan import plan

    return plan(api, config, source=source)


class RecordedSurface(PythonSurface):
    """A surface's answers kept as plain data, so a model from the cache is diffed without planning it again."""

    def __init__(self, api: model.Api, record: dict[str, Any]) -> None:
        self.api = api
        self.names = Names(schemas=[Named(*pair) for pair in record["schemas"]], operations=record["operations"])
        self._param_answers: list[dict[tuple[str, str], tuple[str, str]]] = record["params"]
        self._returns: list[str] = record["returns"]
        self._paged: list[bool] = record["paged"]
        self._field_answers: dict[str, dict[str, tuple[str, str]]] = record["fields"]

    def param(self, index: int, param: model.Param) -> tuple[str, str]:
        return self._param_answers[index][(param.location, param.wire_name)]

    def returns(self, index: int) -> str:
        return self._returns[index]

    def paged(self, index: int) -> bool:
        return self._paged[index]

    def field(self, ref_id: int, prop: model.Property) -> tuple[str, str]:
        return self._field_answers[self.names.schemas[ref_id].name][prop.wire_name]


def record(found: PythonSurface) -> dict[str, Any]:
    """Every answer ``found`` can give about its model, as plain data (the opposite of RecordedSurface)."""
    ops = found._operations
    return {
        "schemas": [(n.name, n.module) for n in found.names.schemas],
        "operations": list(found.names.operations),
        "params": [{(p.location, p.wire_name): (p.py_name, p.annotation) for p in op.params} for op in ops],
        "returns": [op.return_annotation for op in ops],
        "paged": [op.pagination is not None for op in ops],
        "fields": {name: {f.wire_name: (f.py_name, f.annotation) for f in m.fields} for name, m in found._models.items()},
    }
