"""The differ: pairs the two models' operations, parameters and schemas and reports each change under its SDK name."""

from __future__ import annotations

from collections.abc import Callable

from generator import model
from generator.diff.changes import Change, sort_changes
from generator.diff.directions import IN
from generator.diff.pairing import operation_key, pair, param_key, schema_keys
from generator.diff.schemas import SchemaChanges
from generator.diff.surface import Side
from generator.diff.types import Types

Indexed = tuple[int, model.Operation]
Name = Callable[[model.Param], str]


class Differ(SchemaChanges):
    def __init__(self, old: Side, new: Side) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        old_keys, new_keys = schema_keys(old.api), schema_keys(new.api)
        self.schema_pairs = pair(
            old.api.schemas,
            new.api.schemas,
            (lambda s: old_keys[s.id], lambda s: new_keys[s.id]),
            (lambda s: old.surface.schema(s.id), lambda s: new.surface.schema(s.id)),
        )
        paired = {o.id: n.id for o, n in self.schema_pairs.pairs}
        self.widening = Types(old.api, new.api, paired)  # is an old value a value of the new type?
        self.narrowing = Types(new.api, old.api, {n: o for o, n in paired.items()})

    def run(self) -> list[Change]:
        self.operations()
        self.compare_schemas()
        return sort_changes(self.changes)

    def operations(self) -> None:
        old_surface, new_surface = self.old.surface, self.new.surface
        found = pair(
            list(enumerate(self.old.api.operations)),
            list(enumerate(self.new.api.operations)),
            (lambda o: operation_key(o[1]), lambda o: operation_key(o[1])),
            (lambda o: old_surface.operation(o[0]), lambda o: new_surface.operation(o[0])),
        )
        for index, op in found.removed:
            self.route = route(op)
            self.add("method_removed", True, old_surface.operation(index), "method removed: calls to it fail")
        for index, op in found.added:
            self.route = route(op)
            self.add("method_added", False, new_surface.operation(index), "new method")
        for old, new in found.pairs:
            self.route = route(new[1])
            was, key = old_surface.operation(old[0]), new_surface.operation(new[0])
            if was != key:
                self.add("method_renamed", True, was, f"method renamed to {key}: calls to {was} fail", was, key)
            self.operation(key, old, new)
        self.route = ""

    def operation(self, key: str, old: Indexed, new: Indexed) -> None:
        if new[1].deprecated and not old[1].deprecated:
            self.add("method_deprecated", False, key, "method is now deprecated")

        def old_name(p: model.Param) -> str:
            return self.old.surface.param(old[0], p)[0]

        def new_name(p: model.Param) -> str:
            return self.new.surface.param(new[0], p)[0]

        found = pair(_params(old[1]), _params(new[1]), (param_key, param_key), (old_name, new_name))
        for p in found.removed:
            name, annotation = self.old.surface.param(old[0], p)
            self.add("param_removed", True, f"{key}({name})", "parameter removed: calls that pass it fail", annotation)
        for p in found.added:
            name, annotation = self.new.surface.param(new[0], p)
            reason = "new required parameter: existing calls lack it" if p.required else "new optional parameter"
            self.add("param_added", p.required, f"{key}({name})", reason, None, annotation)
        for o, n in found.pairs:
            was, name = old_name(o), new_name(n)
            if was != name:
                reason = f"parameter renamed to {name}: calls passing {was} fail"
                self.add("param_renamed", True, f"{key}({was})", reason, was, name)
            self.param(f"{key}({name})", o, n)
        self.positional(key, found.pairs, (old_name, new_name), old[1], new[1])
        self.returns(key, old, new)

    def param(self, where: str, old: model.Param, new: model.Param) -> None:
        if new.deprecated and not old.deprecated:
            self.add("param_deprecated", False, where, "parameter is now deprecated")
        if new.required and not old.required:
            self.add("param_made_required", True, where, "optional parameter became required: calls without it fail")
        elif old.required and not new.required:
            if self.made_nullable(old.type, new.type):  # one spec change (no longer required, null allowed): once
                reason = "required parameter became optional and accepts None"
                self.add("param_made_optional", False, where, reason, self.old_text(old.type), self.new_text(new.type))
                return
            self.add("param_made_optional", False, where, "required parameter became optional")
        self.type_change(old.type, new.type, frozenset((IN,)), where, "param")

    def positional(
        self,
        key: str,
        pairs: list[tuple[model.Param, model.Param]],
        names: tuple[Name, Name],
        old: model.Operation,
        new: model.Operation,
    ) -> None:
        """Path parameters are passed positionally: one that became keyword-only, or a new order, breaks calls."""
        partner = {id(o): n for o, n in pairs}
        old_path = [p for p in old.params if p.location == "path"]
        new_path = [p for p in new.params if p.location == "path"]
        for p in old_path:
            moved = partner.get(id(p))
            if moved is not None and moved.location != "path":
                reason = "path parameter became keyword-only: calls passing it positionally fail"
                self.add("param_now_keyword_only", True, f"{key}({names[1](moved)})", reason)
        kept_old = [id(partner[id(p)]) for p in old_path if id(p) in partner and partner[id(p)].location == "path"]
        kept_new = [id(p) for p in new_path if id(p) in set(kept_old)]
        if kept_old != kept_new:
            self.add(
                "positional_params_reordered",
                True,
                key,
                "positional parameters changed order: positional calls pass values to the wrong parameter",
                ", ".join(names[0](p) for p in old_path),
                ", ".join(names[1](p) for p in new_path),
            )

    def returns(self, key: str, old: Indexed, new: Indexed) -> None:
        was, now = self.old.surface.returns(old[0]), self.new.surface.returns(new[0])
        o, n = _result(old[1].response), _result(new[1].response)
        same = (o is None and n is None) or (o is not None and n is not None and self.widening.same(o, n))
        if was == now and same:
            return
        where = f"{key} -> return"
        paged = self.old.surface.paged(old[0]) == self.new.surface.paged(new[0])
        same_shape = old[1].response.kind == new[1].response.kind and paged
        if same_shape and o is not None and n is not None and self.narrowing.is_sub(n, o):
            if was != now:
                reason = "return type narrowed: every value it returns was valid before"
                self.add("return_type_changed", False, where, reason, was, now)
            return
        reason = "return type changed: code using the result may not handle the new type"
        self.add("return_type_changed", True, where, reason, was, now)


def route(op: model.Operation) -> str:
    """``POST /videos/{video_id}/remix``: the operation as a reviewer finds it in the spec."""
    return f"{op.http_method.upper()} {op.path}"


def _params(op: model.Operation) -> list[model.Param]:
    return list(op.params) + list(op.body.params if op.body is not None else ())


def _result(response: model.Response) -> model.TypeExpr | None:
    """The type of what the method returns parsed; none for no content or raw bytes."""
    return None if response.kind in ("none", "binary") else response.type


def diff_apis(old: Side, new: Side) -> list[Change]:
    """Every SDK-surface change from ``old`` to ``new``, breaking first."""
    return Differ(old, new).run()
