"""``sdkforge diff OLD_SPEC NEW_SPEC``: compare the SDK surface two spec versions produce.

Both specs go through the normal pipeline (load -> parse -> the target's plan) and the two plans are compared,
so the report is about what users of the generated SDK see (methods, parameters, return types, the classes under
``types/``), not about the raw YAML. A renamed schema that keeps its Python name, reordered keys or a changed
description produce no change at all.

Classification rules
--------------------
Every named type gets a *direction* from how the operations use it (following references through fields and
aliases): ``in`` when it reaches a request (method parameters, request TypedDicts), ``out`` when it reaches a
response (return types, response models), both when both. A type no operation reaches is treated as ``in`` for a
TypedDict and as both directions otherwise (a user may construct or read it; conservative). Method parameters are
always ``in``. The union of the old and new directions is used.

A type change is judged by substitutability:

* ``in`` (values the user sends): compatible when the new type accepts every value the old one did (widening:
  ``Literal[...] -> str``, adding a union member, ``int -> float``, ``X -> Optional[X]``, a closed enum gaining a
  value, closed -> open enum), otherwise breaking.
* ``out`` (values the user receives): compatible when every value of the new type was a value of the old one
  (narrowing: ``Optional[X] -> X``, a union losing a member, a closed enum losing a value); otherwise breaking --
  users' code may not handle ``None`` or the new value (an open enum gaining a value stays compatible: its type
  already admits any value of the base type).
* both directions: only a change that is compatible both ways.

================================  ===============================================================================
change                            breaking?
================================  ===============================================================================
method_added                      no
method_removed                    yes
param_added                       yes when required, no when optional
param_removed                     yes
param_made_required               yes
param_made_optional               no
param_now_keyword_only            yes (a path parameter, passed positionally, became keyword-only)
positional_params_reordered       yes
param_retyped                     by the ``in`` rule above
param_made_nullable               no
param_made_non_nullable           yes
return_type_changed               yes, unless the new return type is a narrowing of the old one
model_added                       no
model_removed                     yes
model_kind_changed                yes (pydantic model <-> TypedDict <-> type alias)
field_added                       yes for a required key of a request-side type, otherwise no
field_removed                     yes
field_made_required               yes on the request side, no on the response side
field_made_optional               yes on the response side (the attribute may be ``None``), no on the request side
field_retyped / alias_retyped     by the direction rules above
field_made_nullable               yes on the response side, no on the request side
field_made_non_nullable           yes on the request side, no on the response side
enum_value_added                  yes for a closed enum on the response side, otherwise no
enum_value_removed                yes for a closed enum on the request side, otherwise no (a response that can no
                                  longer carry a value breaks no code; an open enum still accepts the value)
enum_closed                       yes on the request side (open -> closed), no on the response side
enum_opened                       yes on the response side (closed -> open), no on the request side
*_deprecated                      no
================================  ===============================================================================

Where a change is: ``videos.remix`` (method), ``videos.remix(prompt)`` (parameter), ``videos.remix -> return``,
``types.Video`` (model or alias), ``types.Video.status`` (field).

JSON output (``--format json``), a stable shape (keys and order fixed, ``version`` bumps on incompatible change)::

    {
      "version": 1,
      "old": "<old spec path>", "new": "<new spec path>",
      "summary": {"breaking": <int>, "compatible": <int>},
      "changes": [
        {"kind": "method_removed", "breaking": true, "where": "videos.remix",
         "reason": "...", "old": "<annotation or null>", "new": "<annotation or null>"},
        ...
      ]
    }

``changes`` is sorted breaking first, then by ``where``, ``kind`` and ``reason``.

Exit status: 0; 1 with ``--fail-on-breaking`` when any change is breaking; 2 on usage errors or unreadable specs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import SpecError, UsageError
from generator.targets.python.annotations import annotation, walk
from generator.targets.python.expressions import (
    AnyType,
    ListOf,
    LiteralOf,
    MapOf,
    Named,
    Nullable,
    Primitive,
    TypeExpr,
    UnionOf,
)
from generator.targets.python.shapes import PyApi as Api
from generator.targets.python.shapes import PyField as Field
from generator.targets.python.shapes import PyModel as Model
from generator.targets.python.shapes import PyOperation as Operation
from generator.targets.python.shapes import PyParam as Param

IN, OUT = "in", "out"
BOTH = frozenset((IN, OUT))
JSON_VERSION = 1


@dataclass(frozen=True)
class Change:
    kind: str
    breaking: bool
    where: str
    reason: str
    old: str | None = None
    new: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "breaking": self.breaking,
            "where": self.where,
            "reason": self.reason,
            "old": self.old,
            "new": self.new,
        }


def sort_changes(changes: Iterable[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (not c.breaking, c.where, c.kind, c.reason))


# --- directions -------------------------------------------------------------------------------------------------


def _named_in(t: TypeExpr | None) -> Iterable[str]:
    if t is not None:
        yield from (node.name for node in walk(t) if isinstance(node, Named))


def _model_types(m: Model) -> Iterable[TypeExpr]:
    for f in m.fields:
        yield f.type
    if m.type_alias is not None:
        yield m.type_alias
    if m.extra is not None:
        yield m.extra


def directions(api: Api) -> dict[str, set[str]]:
    """Model name -> the directions ({"in", "out"}) in which the operations use it."""
    models = {m.py_name: m for m in api.models}
    found: dict[str, set[str]] = {}

    def visit(t: TypeExpr | None, direction: str) -> None:
        stack = list(_named_in(t))
        while stack:
            name = stack.pop()
            seen = found.setdefault(name, set())
            if direction in seen:
                continue
            seen.add(direction)
            if name in models:
                for inner in _model_types(models[name]):
                    stack.extend(_named_in(inner))

    for op in _operations(api).values():
        for p in op.params:
            visit(p.type, IN)
        if op.body is not None:
            for p in op.body.params:
                visit(p.type, IN)
        visit(op.response.type, OUT)
        if op.pagination is not None:
            visit(op.pagination.item_type, OUT)
    return found


def _default_directions(m: Model) -> frozenset[str]:
    return frozenset((IN,)) if m.kind == "typeddict" else BOTH


# --- type relations ---------------------------------------------------------------------------------------------


class _Types:
    """Subtype checks between a type of one Api and a type of another (aliases resolved in their own Api)."""

    def __init__(self, sub_models: dict[str, Model], sup_models: dict[str, Model]) -> None:
        self.sub_models = sub_models
        self.sup_models = sup_models

    @staticmethod
    def _resolve(t: TypeExpr, models: dict[str, Model]) -> TypeExpr:
        for _ in range(20):  # alias chains; a cycle just stops resolving
            if isinstance(t, Named) and t.name in models and models[t.name].kind == "alias":
                alias = models[t.name].type_alias
                if alias is None:
                    return t
                t = alias
            else:
                return t
        return t

    def is_sub(self, sub: TypeExpr, sup: TypeExpr, depth: int = 0) -> bool:
        """Every value of ``sub`` (in the sub Api) is a value of ``sup`` (in the sup Api)."""
        if sub == sup:
            return True
        if depth > 40:
            return False
        if isinstance(sub, Named) and isinstance(sup, Named) and sub.name == sup.name:
            return True  # the same class; its own changes are reported on the class
        sub = self._resolve(sub, self.sub_models)
        sup = self._resolve(sup, self.sup_models)
        if sub == sup:
            return True
        d = depth + 1
        if isinstance(sup, AnyType) or (isinstance(sup, Primitive) and sup.py == "object"):
            return True
        if isinstance(sub, UnionOf):
            return all(self.is_sub(item, sup, d) for item in sub.items)
        if isinstance(sub, Nullable):
            if isinstance(sup, Nullable):
                return self.is_sub(sub.inner, sup.inner, d)
            return self._admits_none(sup) and self.is_sub(sub.inner, sup, d)
        if isinstance(sup, Nullable):
            return self.is_sub(sub, sup.inner, d)
        if isinstance(sup, UnionOf):
            if any(self.is_sub(sub, item, d) for item in sup.items):
                return True
            if isinstance(sub, LiteralOf) and not sub.open:
                return all(any(self._value_in(v, item) for item in sup.items) for v in sub.values)
            return False
        if isinstance(sub, LiteralOf):
            if isinstance(sup, LiteralOf):
                if sub.open:
                    return sup.open and _prim_sub(_base(sub), _base(sup))
                return all(self._value_in(v, sup) for v in sub.values)
            if isinstance(sup, Primitive):
                return all(self._value_in(v, sup) for v in sub.values) and (
                    not sub.open or _prim_sub(_base(sub), sup.py)
                )
            return False
        if isinstance(sub, Primitive):
            if isinstance(sup, Primitive):
                return _prim_sub(sub.py, sup.py)
            if isinstance(sup, LiteralOf):
                return sup.open and _prim_sub(sub.py, _base(sup))
            return False
        if isinstance(sub, ListOf):
            return isinstance(sup, ListOf) and self.is_sub(sub.item, sup.item, d)
        if isinstance(sub, MapOf):
            return isinstance(sup, MapOf) and self.is_sub(sub.value, sup.value, d)
        return False  # Named classes with different names, files, Any -> something narrower

    def _admits_none(self, t: TypeExpr) -> bool:
        t = self._resolve(t, self.sup_models)
        if isinstance(t, (Nullable, AnyType)):
            return True
        if isinstance(t, UnionOf):
            return any(self._admits_none(i) for i in t.items)
        return isinstance(t, LiteralOf) and None in t.values

    def _value_in(self, value: Any, t: TypeExpr) -> bool:
        t = self._resolve(t, self.sup_models)
        if isinstance(t, LiteralOf):
            return value in t.values or (t.open and _prim_sub(_py_kind(value), _base(t)))
        if isinstance(t, Primitive):
            return _prim_sub(_py_kind(value), t.py)
        if isinstance(t, Nullable):
            return value is None or self._value_in(value, t.inner)
        if isinstance(t, UnionOf):
            return any(self._value_in(value, i) for i in t.items)
        return isinstance(t, AnyType)


def _py_kind(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "str"


def _base(t: LiteralOf) -> str:
    kinds = {_py_kind(v) for v in t.values if v is not None}
    if kinds == {"int"}:
        return "int"
    if kinds and kinds <= {"int", "float"}:
        return "float"
    if kinds == {"bool"}:
        return "bool"
    return "str"


def _prim_sub(sub: str, sup: str) -> bool:
    return sub == sup or sup == "object" or (sub == "int" and sup == "float")


def _ann(t: TypeExpr | None) -> str | None:
    return None if t is None else annotation(t)


def _strip_null(t: TypeExpr) -> TypeExpr:
    return t.inner if isinstance(t, Nullable) else t


# --- the comparison ---------------------------------------------------------------------------------------------


def _operations(api: Api) -> dict[str, Operation]:
    return {f"{r.name}.{op.method}": op for r in api.resources for op in r.operations}


class _Differ:
    def __init__(self, old: Api, new: Api) -> None:
        self.old, self.new = old, new
        self.old_models = {m.py_name: m for m in old.models}
        self.new_models = {m.py_name: m for m in new.models}
        self.widening = _Types(self.old_models, self.new_models)  # old value -> new type: is_sub(old, new)
        self.narrowing = _Types(self.new_models, self.old_models)  # is_sub(new, old)
        self.changes: list[Change] = []
        old_dirs, new_dirs = directions(old), directions(new)
        self.dirs: dict[str, frozenset[str]] = {}
        self.unused: set[str] = set()  # types no method reaches, in either version
        for name in set(self.old_models) | set(self.new_models):
            used = old_dirs.get(name, set()) | new_dirs.get(name, set())
            model = self.new_models.get(name) or self.old_models[name]
            self.dirs[name] = frozenset(used) if used else _default_directions(model)
            if not used:
                self.unused.add(name)

    def add(
        self, kind: str, breaking: bool, where: str, reason: str, old: str | None = None, new: str | None = None
    ) -> None:
        self.changes.append(Change(kind, breaking, where, reason, old, new))

    def run(self) -> list[Change]:
        self.operations()
        self.models()
        return sort_changes(self.changes)

    # --- types, for one direction set

    def judge(self, old: TypeExpr, new: TypeExpr, dirs: frozenset[str]) -> tuple[bool, str]:
        """(breaking, reason) for a type change that is neither a pure nullability nor an inline enum change."""
        widened = self.widening.is_sub(old, new)
        narrowed = self.narrowing.is_sub(new, old)
        if IN in dirs and not widened:
            return True, "the new type does not accept every value the old one did (calls that passed them fail)"
        if OUT in dirs and not narrowed:
            return True, "the new type admits values the old one did not (code reading the value may not handle them)"
        if dirs == BOTH:
            return False, "the type is equivalent"
        return (
            False,
            "widened (accepts every old value)" if IN in dirs else "narrowed (every new value was valid before)",
        )

    def type_change(self, old: TypeExpr, new: TypeExpr, dirs: frozenset[str], where: str, what: str) -> None:
        """Report a change of type at ``where``; ``what`` is "param", "field" or "alias"."""
        if old == new:
            return
        if isinstance(old, Named) and isinstance(new, Named) and old.name == new.name:
            return  # the class itself is compared under types.<name>
        if new == Nullable(old):
            breaking = OUT in dirs
            reason = "may now be None; code reading it may not handle None" if breaking else "now also accepts None"
            self.add(f"{what}_made_nullable", breaking, where, reason, _ann(old), _ann(new))
            return
        if old == Nullable(new):
            breaking = IN in dirs
            reason = "no longer accepts None" if breaking else "is never None any more"
            self.add(f"{what}_made_non_nullable", breaking, where, reason, _ann(old), _ann(new))
            return
        o_lit = self.widening._resolve(_strip_null(old), self.old_models)
        n_lit = self.narrowing._resolve(_strip_null(new), self.new_models)
        renamed = isinstance(old, Named) and isinstance(new, Named)  # a different class: reported as retyped
        if (
            isinstance(o_lit, LiteralOf)
            and isinstance(n_lit, LiteralOf)
            and isinstance(old, Nullable) == isinstance(new, Nullable)
            and not renamed
        ):
            self.enum_change(o_lit, n_lit, dirs, where)
            return
        breaking, reason = self.judge(old, new, dirs)
        self.add(f"{what}_retyped", breaking, where, f"type changed: {reason}", _ann(old), _ann(new))

    def enum_change(self, old: LiteralOf, new: LiteralOf, dirs: frozenset[str], where: str) -> None:
        side = _side(dirs)
        for value in new.values:
            if value in old.values:
                continue
            breaking = OUT in dirs and not old.open
            if breaking:
                reason = f"closed enum {side} gained {value!r}: code matching every value, or validating, breaks"
            elif OUT in dirs:
                reason = f"open enum {side} gained {value!r}: its type already admits any value"
            else:
                reason = f"enum {side} now also accepts {value!r}"
            self.add("enum_value_added", breaking, where, reason, None, repr(value))
        for value in old.values:
            if value in new.values:
                continue
            breaking = IN in dirs and not new.open
            if breaking:
                reason = f"closed enum {side} lost {value!r}: calls that send it fail"
            elif IN in dirs:
                reason = f"open enum {side} lost {value!r}: the type still accepts it (the server may not)"
            else:
                reason = f"enum {side} lost {value!r}: responses no longer carry it (code handling it is dead)"
            self.add("enum_value_removed", breaking, where, reason, repr(value), None)
        if old.open and not new.open:
            breaking = IN in dirs
            self.add(
                "enum_closed",
                breaking,
                where,
                "open enum became closed: "
                + ("arbitrary values are no longer accepted" if breaking else "responses carry only the listed values"),
                annotation(old),
                annotation(new),
            )
        elif new.open and not old.open:
            breaking = OUT in dirs
            self.add(
                "enum_opened",
                breaking,
                where,
                "closed enum became open: "
                + ("responses may carry unlisted values" if breaking else "any value of the base type is accepted"),
                annotation(old),
                annotation(new),
            )

    # --- operations

    def operations(self) -> None:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        for key in sorted(set(old_ops) - set(new_ops)):
            op = old_ops[key]
            self.add("method_removed", True, key, f"method removed ({op.http_method.upper()} {op.path})")
        for key in sorted(set(new_ops) - set(old_ops)):
            op = new_ops[key]
            self.add("method_added", False, key, f"new method ({op.http_method.upper()} {op.path})")
        for key in sorted(set(old_ops) & set(new_ops)):
            self.operation(key, old_ops[key], new_ops[key])

    def operation(self, key: str, old: Operation, new: Operation) -> None:
        if new.deprecated and not old.deprecated:
            self.add("method_deprecated", False, key, "method is now deprecated")
        old_params = {p.py_name: p for p in old.params}
        new_params = {p.py_name: p for p in new.params}
        for name in [p.py_name for p in old.params if p.py_name not in new_params]:
            self.add(
                "param_removed",
                True,
                f"{key}({name})",
                "parameter removed: calls that pass it fail",
                old_params[name].annotation,
                None,
            )
        for name in [p.py_name for p in new.params if p.py_name not in old_params]:
            p = new_params[name]
            if p.required:
                self.add(
                    "param_added",
                    True,
                    f"{key}({name})",
                    "new required parameter: existing calls lack it",
                    None,
                    p.annotation,
                )
            else:
                self.add("param_added", False, f"{key}({name})", "new optional parameter", None, p.annotation)
        for name in [p.py_name for p in new.params if p.py_name in old_params]:
            self.param(key, old_params[name], new_params[name])
        self.positional(key, old, new)
        self.returns(key, old, new)

    def param(self, key: str, old: Param, new: Param) -> None:
        where = f"{key}({new.py_name})"
        if new.required and not old.required:
            self.add("param_made_required", True, where, "optional parameter became required: calls without it fail")
        elif old.required and not new.required:
            self.add("param_made_optional", False, where, "required parameter became optional")
        if new.deprecated and not old.deprecated:
            self.add("param_deprecated", False, where, "parameter is now deprecated")
        self.type_change(old.type, new.type, frozenset((IN,)), where, "param")

    def positional(self, key: str, old: Operation, new: Operation) -> None:
        old_pos = [p.py_name for p in old.params if p.location == "path"]
        new_pos = [p.py_name for p in new.params if p.location == "path"]
        new_names = {p.py_name for p in new.params}
        for name in old_pos:
            if name in new_names and name not in new_pos:
                self.add(
                    "param_now_keyword_only",
                    True,
                    f"{key}({name})",
                    "path parameter became keyword-only: calls passing it positionally fail",
                )
        kept_old = [n for n in old_pos if n in new_pos]
        kept_new = [n for n in new_pos if n in old_pos]
        if kept_old != kept_new:
            self.add(
                "positional_params_reordered",
                True,
                key,
                "positional parameters changed order: positional calls pass values to the wrong parameter",
                ", ".join(old_pos),
                ", ".join(new_pos),
            )

    def returns(self, key: str, old: Operation, new: Operation) -> None:
        if old.return_annotation == new.return_annotation and old.response.type == new.response.type:
            return
        where = f"{key} -> return"
        o, n = old.response.type, new.response.type
        same_shape = old.response.kind == new.response.kind and (old.pagination is None) == (new.pagination is None)
        if same_shape and o is not None and n is not None and self.narrowing.is_sub(n, o):
            if old.return_annotation == new.return_annotation:
                return
            self.add(
                "return_type_changed",
                False,
                where,
                "return type narrowed: every value it returns was valid before",
                old.return_annotation,
                new.return_annotation,
            )
            return
        self.add(
            "return_type_changed",
            True,
            where,
            "return type changed: code using the result may not handle the new type",
            old.return_annotation,
            new.return_annotation,
        )

    # --- models

    def models(self) -> None:
        for name in sorted(set(self.old_models) - set(self.new_models)):
            self.add("model_removed", True, f"types.{name}", "type removed: code importing it fails")
        for name in sorted(set(self.new_models) - set(self.old_models)):
            self.add("model_added", False, f"types.{name}", "new type")
        for name in sorted(set(self.old_models) & set(self.new_models)):
            self.model(self.old_models[name], self.new_models[name], self.dirs[name])

    def model(self, old: Model, new: Model, dirs: frozenset[str]) -> None:
        where = f"types.{new.py_name}"
        if old.kind != new.kind:
            self.add(
                "model_kind_changed", True, where, f"{_KIND[old.kind]} became {_KIND[new.kind]}", old.kind, new.kind
            )
            return
        if new.deprecated and not old.deprecated:
            self.add("model_deprecated", False, where, "type is now deprecated")
        if old.kind == "alias":
            if old.type_alias is not None and new.type_alias is not None:
                self.type_change(old.type_alias, new.type_alias, dirs, where, "alias")
            return
        side = _side(dirs, new.py_name in self.unused)
        old_fields = {f.py_name: f for f in old.fields}
        new_fields = {f.py_name: f for f in new.fields}
        for f in old.fields:
            if f.py_name not in new_fields:
                self.add(
                    "field_removed",
                    True,
                    f"{where}.{f.py_name}",
                    f"field removed {side}: code that reads or sets it fails",
                    f.annotation,
                    None,
                )
        for f in new.fields:
            if f.py_name in old_fields:
                continue
            breaking = IN in dirs and f.required
            if breaking:
                reason = f"new required key {side}: existing values lack it"
            else:
                reason = f"new {'required' if f.required else 'optional'} field {side}"
            self.add("field_added", breaking, f"{where}.{f.py_name}", reason, None, f.annotation)
        for f in new.fields:
            if f.py_name in old_fields:
                self.field(where, old_fields[f.py_name], f, dirs)
        if old.extra != new.extra:
            if old.extra is None or new.extra is None:
                breaking = (IN in dirs) if new.extra is None else (OUT in dirs)
                self.add(
                    "extra_fields_changed",
                    breaking,
                    where,
                    "additional properties " + ("no longer allowed" if new.extra is None else "now allowed"),
                    _ann(old.extra),
                    _ann(new.extra),
                )
            else:
                self.type_change(old.extra, new.extra, dirs, where + ".<extra>", "field")

    def field(self, where: str, old: Field, new: Field, dirs: frozenset[str]) -> None:
        at = f"{where}.{new.py_name}"
        if new.required and not old.required:
            breaking = IN in dirs
            self.add(
                "field_made_required",
                breaking,
                at,
                "key became required: existing values lack it" if breaking else "field is now always present",
            )
        elif old.required and not new.required:
            breaking = OUT in dirs
            self.add(
                "field_made_optional",
                breaking,
                at,
                "field may now be absent (None): code reading it may not handle that"
                if breaking
                else "key became optional",
            )
        if new.deprecated and not old.deprecated:
            self.add("field_deprecated", False, at, "field is now deprecated")
        self.type_change(old.type, new.type, dirs, at, "field")


_KIND = {"model": "pydantic model", "typeddict": "TypedDict", "alias": "type alias"}


def _side(dirs: frozenset[str], unused: bool = False) -> str:
    if unused:
        return "(type no method uses: judged as request and response)" if dirs == BOTH else "(type no method uses)"
    if dirs == BOTH:
        return "(request and response)"
    return "(request)" if IN in dirs else "(response)"


def diff_apis(old: Api, new: Api) -> list[Change]:
    """Every SDK-surface change from ``old`` to ``new``, breaking first."""
    return _Differ(old, new).run()


# --- building the two Apis --------------------------------------------------------------------------------------


def build_for_diff(spec_path: str | Path, target: Any = None) -> Api:
    from generator.config import Target
    from generator.load import document as load
    from generator.parse import parse_api
    from generator.pipeline import parse
    from generator.targets import target_for

    path = Path(spec_path)
    if target is None:
        target = Target(spec=str(path), output="unused", package="sdk")
    else:
        target = target.model_copy(update={"spec": str(path)})
    doc = load.load_spec(path)
    api = parse_api(parse(doc), target, source=str(path), raw=doc.data)
    return target_for(target.language).plan(api, target, source=str(path))


def _pick_target(config_path: str, which: str | None) -> Any:
    from generator.config import load_config

    config, _root = load_config(Path(config_path))
    if not config.targets:
        raise UsageError(f"{config_path}: the configuration lists no targets")
    if which is None:
        return config.targets[0]
    if which.isdigit():
        index = int(which)
        if index >= len(config.targets):
            raise UsageError(f"--target {which}: the configuration has {len(config.targets)} target(s)")
        return config.targets[index]
    for t in config.targets:
        if which in (t.package, t.output, t.distribution):
            return t
    raise UsageError(f"--target {which!r}: no target with that index, package, output or distribution")


# --- output -----------------------------------------------------------------------------------------------------


def render_text(changes: list[Change]) -> str:
    breaking = sum(c.breaking for c in changes)
    lines = []
    for c in changes:
        line = f"{'BREAKING' if c.breaking else 'ok':<9}{c.kind:<28} {c.where}: {c.reason}"
        if c.old is not None or c.new is not None:
            line += f" [{c.old if c.old is not None else '-'} -> {c.new if c.new is not None else '-'}]"
        lines.append(line)
    lines.append(
        f"{len(changes)} change(s): {breaking} breaking, {len(changes) - breaking} compatible"
        if changes
        else "no SDK surface changes"
    )
    return "\n".join(lines) + "\n"


def _md(text: str | None) -> str:
    if text is None:
        return ""
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def render_markdown(changes: list[Change]) -> str:
    breaking = sum(c.breaking for c in changes)
    if not changes:
        return "### SDK surface changes\n\nNo changes to the generated SDK's surface.\n"
    lines = [
        "### SDK surface changes",
        "",
        f"**{breaking} breaking**, {len(changes) - breaking} compatible.",
        "",
        "| | Change | Where | Reason | Old | New |",
        "|---|---|---|---|---|---|",
    ]
    for c in changes:
        mark = ":x: breaking" if c.breaking else ":white_check_mark: compatible"
        reason = c.reason.replace("|", "\\|")
        lines.append(f"| {mark} | {c.kind} | {_md(c.where)} | {reason} | {_md(c.old)} | {_md(c.new)} |")
    return "\n".join(lines) + "\n"


def render_json(changes: list[Change], old: str = "", new: str = "") -> str:
    breaking = sum(c.breaking for c in changes)
    doc = {
        "version": JSON_VERSION,
        "old": old,
        "new": new,
        "summary": {"breaking": breaking, "compatible": len(changes) - breaking},
        "changes": [c.as_dict() for c in changes],
    }
    return json.dumps(doc, indent=2) + "\n"


_RENDER: dict[str, Callable[..., str]] = {"text": render_text, "markdown": render_markdown}


# --- CLI --------------------------------------------------------------------------------------------------------


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="compare the SDK surface two spec versions produce (breaking vs compatible changes)",
        description="Build the SDK model for OLD_SPEC and NEW_SPEC and report methods, parameters, return types, "
        "model fields and enum values that changed, each classified breaking or compatible. Exit status: 0; "
        "1 with --fail-on-breaking when a change is breaking; 2 on usage errors or unreadable specs.",
        epilog="examples:\n  sdkforge diff old.yaml new.yaml\n  sdkforge diff --format markdown --fail-on-breaking "
        "main.yaml pr.yaml > comment.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD_SPEC", help="the previous spec (YAML or JSON)")
    parser.add_argument("new", metavar="NEW_SPEC", help="the new spec")
    parser.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when any change is breaking")
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=None,
        help="sdkforge.yaml or pyproject.toml whose target settings (renames, include/exclude, ...) "
        "shape the SDK; its spec path is replaced by OLD_SPEC / NEW_SPEC",
    )
    parser.add_argument(
        "--target",
        metavar="N",
        default=None,
        help="which target of --config: index (0-based) or package/output/distribution name (default: the first)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        if getattr(args, "target", None) is not None and not getattr(args, "config", None):
            raise UsageError("--target needs --config")
        target = _pick_target(args.config, args.target) if getattr(args, "config", None) else None
        old_api = build_for_diff(args.old, target)
        new_api = build_for_diff(args.new, target)
        changes = diff_apis(old_api, new_api)
    except (SpecError, UsageError) as exc:
        print(f"sdkforge diff: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - never a traceback for any input: a bug in sdkforge, exit 4
        from generator.cli import ui
        from generator.cli.exit_codes import EXIT_BUG

        spec = f"{args.old} and {args.new}"
        ui.internal_error(exc, spec, verbose=bool(getattr(args, "verbose", False)), command="diff")
        return EXIT_BUG
    fmt = getattr(args, "format", "text") or "text"
    if fmt == "json":
        sys.stdout.write(render_json(changes, str(args.old), str(args.new)))
    else:
        sys.stdout.write(_RENDER[fmt](changes))
    if getattr(args, "fail_on_breaking", False) and any(c.breaking for c in changes):
        return 1
    return 0
