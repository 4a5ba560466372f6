"""The pydantic base model of every response type, and fast / lenient response building."""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, TypeVar, Union, cast

import pydantic
from pydantic import ConfigDict, TypeAdapter
from typing_extensions import get_args, get_origin

__all__ = ["BaseModel", "construct_model", "construct_type", "one_of", "validate_json_type", "validate_type"]

_T = TypeVar("_T")
_ModelT = TypeVar("_ModelT", bound=pydantic.BaseModel)


class BaseModel(pydantic.BaseModel):
    """Response models keep unknown fields (``extra="allow"``) and accept field names or wire names."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        arbitrary_types_allowed=True,
        protected_namespaces=(),
        defer_build=True,
    )

    def to_dict(self, *, by_alias: bool = True, exclude_unset: bool = True) -> dict[str, Any]:
        """The model as a JSON-compatible dict, with wire names by default."""
        return self.model_dump(mode="json", by_alias=by_alias, exclude_unset=exclude_unset)

    def to_json(
        self,
        *,
        indent: int | None = 2,
        by_alias: bool = True,
        exclude_unset: bool = True,
    ) -> str:
        return self.model_dump_json(indent=indent, by_alias=by_alias, exclude_unset=exclude_unset)


_adapters: dict[Any, TypeAdapter[Any]] = {}
_adapters_lock = threading.Lock()


def one_of(*values: float) -> pydantic.AfterValidator:
    """A number checked against an enum's values (Python's ``Literal`` holds no floats).

    ``Annotated[float, one_of(0.5, 1.5)]``
    """

    def check(value: float) -> float:
        if value not in values:
            raise ValueError(f"{value!r} is not one of {list(values)!r}")
        return value

    return pydantic.AfterValidator(check)


def _adapter(type_: Any) -> TypeAdapter[Any]:
    try:
        adapter = _adapters.get(type_)
    except TypeError:  # unhashable type expression: build without caching
        return TypeAdapter(type_)
    if adapter is None:
        adapter = TypeAdapter(type_)
        with _adapters_lock:
            _adapters[type_] = adapter
    return adapter


def validate_type(type_: type[_T], value: object) -> _T:
    """Validate ``value`` as ``type_`` with a cached ``TypeAdapter`` (raises ``pydantic.ValidationError``)."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return cast(_T, type_.model_validate(value))
    return cast(_T, _adapter(type_).validate_python(value))


def validate_json_type(type_: type[_T], content: str | bytes) -> _T:
    """Parse the JSON text ``content`` and validate it as ``type_`` in one step (raises ``pydantic.ValidationError``)."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return cast(_T, type_.model_validate_json(content))
    return cast(_T, _adapter(type_).validate_json(content))


def _is_union(origin: object) -> bool:
    if origin is Union:
        return True
    if sys.version_info >= (3, 10):
        return origin is types.UnionType
    return False


def construct_type(type_: Any, value: object) -> Any:
    """Build ``value`` as ``type_`` without failing: valid parts are validated, the rest is kept as sent."""
    try:
        return validate_type(type_, value)
    except (pydantic.ValidationError, TypeError, ValueError):
        pass
    origin = get_origin(type_)
    args = get_args(type_)
    if origin is Annotated:
        return construct_type(args[0], value)
    if _is_union(origin):
        for arg in args:
            if isinstance(arg, type) and issubclass(arg, pydantic.BaseModel) and isinstance(value, Mapping):
                return construct_model(arg, value)
        for arg in args:  # Optional[List[Model]]: the list's items are built
            arg_origin: Any = get_origin(arg)
            if arg_origin in (list, Sequence) and isinstance(value, list):
                return construct_type(arg, value)
        return value
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        if isinstance(value, Mapping):
            return construct_model(type_, value)
        return value
    if origin in (list, list, Sequence, tuple, tuple) and isinstance(value, list):
        if args:
            return [construct_type(args[0], item) for item in value]
        return value
    if origin in (dict, dict, Mapping) and isinstance(value, Mapping):
        if len(args) == 2:
            return {k: construct_type(args[1], v) for k, v in value.items()}
        return dict(value)
    return value


def construct_model(model: type[_ModelT], data: Mapping[str, Any]) -> _ModelT:
    """Like ``model_construct`` but by wire name, recursing into fields and keeping unknown keys as extras."""
    if not model.__pydantic_complete__:
        # a model of an import cycle holds its fields' annotations as text until rebuilt; validating a union that
        # contains it does not rebuild it, and building a field from text fails
        model.model_rebuild(raise_errors=False)
    values: dict[str, Any] = {}
    used: set[str] = set()
    for name, field in model.model_fields.items():
        key = field.alias if field.alias is not None else name
        if key in data:
            used.add(key)
            values[name] = construct_type(field.annotation, data[key])
        elif name in data:
            used.add(name)
            values[name] = construct_type(field.annotation, data[name])
    for key, value in data.items():
        if key not in used and key not in values:
            values[key] = value
    return model.model_construct(_fields_set=set(values) & set(model.model_fields), **values)
