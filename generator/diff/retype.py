"""Judging a changed type at one place: nullability, enum values, and substitutability in the place's directions."""

from __future__ import annotations

from generator import model
from generator.diff.changes import Change
from generator.diff.directions import BOTH, IN, OUT, side_words
from generator.diff.surface import Side
from generator.diff.types import Types, strip_null


class TypeChanges:
    """What the differ reports about types; ``widening`` asks old -> new, ``narrowing`` new -> old."""

    old: Side
    new: Side
    widening: Types
    narrowing: Types
    changes: list[Change]
    route = ""  # the operation being compared ("" while comparing types)

    def add(
        self, kind: str, breaking: bool, where: str, reason: str, old: str | None = None, new: str | None = None,
        *, strict: bool = False,
    ) -> None:
        self.changes.append(Change(kind, breaking, where, reason, old, new, route=self.route, strict=strict))

    def old_text(self, t: model.TypeExpr | None) -> str | None:
        return None if t is None else self.old.surface.type(t)

    def new_text(self, t: model.TypeExpr | None) -> str | None:
        return None if t is None else self.new.surface.type(t)

    def judge(self, old: model.TypeExpr, new: model.TypeExpr, dirs: frozenset[str]) -> tuple[bool, str]:
        """(breaking, reason) for a type change that is neither a pure nullability nor an enum change."""
        if IN in dirs and not self.widening.is_sub(old, new):
            return True, "the new type does not accept every value the old one did (calls that passed them fail)"
        if OUT in dirs and not self.narrowing.is_sub(new, old):
            return True, "the new type admits values the old one did not (code reading the value may not handle them)"
        if dirs == BOTH:
            return False, "the type is equivalent"
        return (
            False,
            "widened (accepts every old value)" if IN in dirs else "narrowed (every new value was valid before)",
        )

    def type_change(
        self, old: model.TypeExpr, new: model.TypeExpr, dirs: frozenset[str], where: str, what: str
    ) -> None:
        """Report a change of type at ``where``; ``what`` is "param", "field" or "alias"."""
        if self.widening.same(old, new):
            return  # a reference to the same schema included: its own changes are reported on the schema
        if self.made_nullable(old, new):
            breaking = OUT in dirs
            reason = "may now be None; code reading it may not handle None" if breaking else "now also accepts None"
            self.add(f"{what}_made_nullable", breaking, where, reason, self.old_text(old), self.new_text(new))
            return
        if isinstance(old, model.Nullable) and self.widening.same(old.inner, new):
            breaking = IN in dirs
            reason = "no longer accepts None" if breaking else "is never None any more"
            self.add(f"{what}_made_non_nullable", breaking, where, reason, self.old_text(old), self.new_text(new))
            return
        o_lit = Types.resolve(strip_null(old), self.old.api)
        n_lit = Types.resolve(strip_null(new), self.new.api)
        other_schema = isinstance(old, model.Ref) and isinstance(new, model.Ref)  # reported as retyped
        if (
            isinstance(o_lit, model.Literal)
            and isinstance(n_lit, model.Literal)
            and isinstance(old, model.Nullable) == isinstance(new, model.Nullable)
            and not other_schema
        ):
            self.enum_change(o_lit, n_lit, dirs, where)
            return
        breaking, reason = self.judge(old, new, dirs)
        self.add(f"{what}_retyped", breaking, where, f"type changed: {reason}", self.old_text(old), self.new_text(new))

    def made_nullable(self, old: model.TypeExpr, new: model.TypeExpr) -> bool:
        return isinstance(new, model.Nullable) and self.widening.same(old, new.inner)

    def enum_change(self, old: model.Literal, new: model.Literal, dirs: frozenset[str], where: str) -> None:
        side = side_words(dirs)
        for value in new.values:
            if value not in old.values:
                strict, reason = _gained(value, old.open, dirs, side)
                self.add("enum_value_added", False, where, reason, None, repr(value), strict=strict)
        for value in old.values:
            if value not in new.values:
                breaking, reason = _lost(value, new.open, dirs, side)
                self.add("enum_value_removed", breaking, where, reason, repr(value), None)
        if old.open and not new.open:
            breaking = IN in dirs
            what = "arbitrary values are no longer accepted" if breaking else "responses carry only the listed values"
            self.add("enum_closed", breaking, where, "open enum became closed: " + what, *self._texts(old, new))
        elif new.open and not old.open:
            breaking = OUT in dirs
            what = "responses may carry unlisted values" if breaking else "any value of the base type is accepted"
            self.add("enum_opened", breaking, where, "closed enum became open: " + what, *self._texts(old, new))

    def _texts(self, old: model.Literal, new: model.Literal) -> tuple[str | None, str | None]:
        return self.old_text(old), self.new_text(new)


def _gained(value: object, was_open: bool, dirs: frozenset[str], side: str) -> tuple[bool, str]:
    """(breaking for strict clients, reason): no call and no read of a field fails when a closed enum grows."""
    if OUT in dirs and not was_open:
        return True, f"closed enum {side} gained {value!r}: breaks clients that match every value or validate it"
    if OUT in dirs:
        return False, f"open enum {side} gained {value!r}: its type already admits any value"
    return False, f"enum {side} now also accepts {value!r}"


def _lost(value: object, now_open: bool, dirs: frozenset[str], side: str) -> tuple[bool, str]:
    if IN in dirs and not now_open:
        return True, f"closed enum {side} lost {value!r}: calls that send it fail"
    if IN in dirs:
        return False, f"open enum {side} lost {value!r}: the type still accepts it (the server may not)"
    return False, f"enum {side} lost {value!r}: responses no longer carry it (code handling it is dead)"
