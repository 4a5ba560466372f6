"""The Python SDK's surface of a neutral model: the names and annotations users see, for ``sdkforge diff``."""

from __future__ import annotations

from generator import model
from generator.config import Target
from generator.targets.python.annotations import annotation
from generator.targets.python.expressions import to_py
from generator.targets.python.names import Names, name_all
from generator.targets.python.plan import plan
from generator.targets.python.shapes import PyApi, PyField, PyOperation, PyParam

_KINDS = {"object": ("model", "pydantic model"), "input": ("typeddict", "TypedDict"), "alias": ("alias", "type alias")}


class PythonSurface:
    """Answers in Python terms for one model.Api: schema ids, operation indexes and wire names -> names and text."""

    def __init__(self, api: model.Api, py: PyApi, names: Names) -> None:
        self.api = api
        self.names = names
        by_method = {(op.resource, op.method): op for r in py.resources for op in r.operations}
        self._operations = [by_method[key] for key in names.operations]
        self._models = {m.py_name: m for m in py.models}

    def operation(self, index: int) -> str:
        """``videos.remix``: the client attribute and method."""
        resource, method = self.names.operations[index]
        return f"{resource}.{method}"

    def param(self, index: int, param: model.Param) -> tuple[str, str]:
        """(parameter name, its annotation in the signature)."""
        found = self._param(self._operations[index], param)
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
        found = self._field(ref_id, prop)
        return found.py_name, found.annotation

    def type(self, t: model.TypeExpr) -> str:
        return annotation(to_py(t, self.names.schemas))

    @staticmethod
    def _param(op: PyOperation, param: model.Param) -> PyParam:
        return next(p for p in op.params if p.location == param.location and p.wire_name == param.wire_name)

    def _field(self, ref_id: int, prop: model.Property) -> PyField:
        fields = self._models[self.names.schemas[ref_id].name].fields
        return next(f for f in fields if f.wire_name == prop.wire_name)


def surface(api: model.Api, config: Target, *, source: str = "") -> PythonSurface:
    """The surface of the SDK ``config`` generates from ``api``."""
    return PythonSurface(api, plan(api, config, source=source), name_all(api, config))
