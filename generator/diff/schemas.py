"""Changes of named types: classes and aliases added, removed, renamed or changed, and the fields of a class."""

from __future__ import annotations

from generator import model
from generator.diff.directions import IN, OUT, directions, flattened_bodies, side_words, unused_directions
from generator.diff.pairing import Pairing, pair, property_key
from generator.diff.retype import TypeChanges


class SchemaChanges(TypeChanges):
    schema_pairs: Pairing[model.Schema]

    def compare_schemas(self) -> None:
        old_surface, new_surface = self.old.surface, self.new.surface
        for schema in self.schema_pairs.removed:
            self.add("model_removed", True, old_surface.schema(schema.id), "type removed: code importing it fails")
        for schema in self.schema_pairs.added:
            self.add("model_added", False, new_surface.schema(schema.id), "new type")
        old_dirs, new_dirs = directions(self.old.api), directions(self.new.api)
        bodies = flattened_bodies(self.old.api) | flattened_bodies(self.new.api)
        for old, new in self.schema_pairs.pairs:
            was, where = old_surface.schema(old.id), new_surface.schema(new.id)
            if was != where:
                self.add("model_renamed", True, was, f"type renamed to {where}: code importing it fails", was, where)
            used = old_dirs.get(old.id, set()) | new_dirs.get(new.id, set())
            if not used and new.wire_name in bodies:
                continue  # a request body the methods take as parameters: its changes are the parameters' changes
            self.schema(old, new, frozenset(used) if used else unused_directions(new), not used)

    def schema(self, old: model.Schema, new: model.Schema, dirs: frozenset[str], unused: bool) -> None:
        where = self.new.surface.schema(new.id)
        if old.kind != new.kind:
            (was, was_words), (now, now_words) = self.old.surface.kind(old.id), self.new.surface.kind(new.id)
            self.add("model_kind_changed", True, where, f"{was_words} became {now_words}", was, now)
            return
        if new.deprecated and not old.deprecated:
            self.add("model_deprecated", False, where, "type is now deprecated")
        if old.kind == "alias":
            if old.alias_of is not None and new.alias_of is not None:
                self.type_change(old.alias_of, new.alias_of, dirs, where, "alias")
            return
        self.properties(where, old, new, dirs, side_words(dirs, unused))
        self.extra(where, old.extra, new.extra, dirs)

    def properties(self, where: str, old: model.Schema, new: model.Schema, dirs: frozenset[str], side: str) -> None:
        def old_name(p: model.Property) -> str:
            return self.old.surface.field(old.id, p)[0]

        def new_name(p: model.Property) -> str:
            return self.new.surface.field(new.id, p)[0]

        found = pair(old.properties, new.properties, (property_key, property_key), (old_name, new_name))
        for p in found.removed:
            name, annotation = self.old.surface.field(old.id, p)
            reason = f"field removed {side}: code that reads or sets it fails"
            self.add("field_removed", True, f"{where}.{name}", reason, annotation, None)
        for p in found.added:
            name, annotation = self.new.surface.field(new.id, p)
            breaking = IN in dirs and p.required
            if breaking:
                reason = f"new required key {side}: existing values lack it"
            else:
                reason = f"new {'required' if p.required else 'optional'} field {side}"
            self.add("field_added", breaking, f"{where}.{name}", reason, None, annotation)
        for o, n in found.pairs:
            was, name = old_name(o), new_name(n)
            if was != name:
                reason = f"field renamed to {name}: code that reads or sets {was} fails"
                self.add("field_renamed", True, f"{where}.{was}", reason, was, name)
            self.field(f"{where}.{name}", o, n, dirs)

    def field(self, at: str, old: model.Property, new: model.Property, dirs: frozenset[str]) -> None:
        dirs = field_directions(new, dirs)
        if new.deprecated and not old.deprecated:
            self.add("field_deprecated", False, at, "field is now deprecated")
        if old.required and not new.required and self.made_nullable(old.type, new.type):
            breaking = OUT in dirs  # one spec change (no longer required, null allowed): reported once
            reason = "field may now be absent or None: code reading it may not handle that" if breaking \
                else "key became optional and accepts None"
            self.add("field_made_optional", breaking, at, reason, self.old_text(old.type), self.new_text(new.type))
            return
        if new.required and not old.required:
            breaking = IN in dirs
            reason = "key became required: existing values lack it" if breaking else "field is now always present"
            self.add("field_made_required", breaking, at, reason)
        elif old.required and not new.required:
            breaking = OUT in dirs
            reason = (
                "field may now be absent (None): code reading it may not handle that"
                if breaking
                else "key became optional"
            )
            self.add("field_made_optional", breaking, at, reason)
        self.type_change(old.type, new.type, dirs, at, "field")

    def extra(self, where: str, old: model.TypeExpr | None, new: model.TypeExpr | None, dirs: frozenset[str]) -> None:
        """Additional properties kept on the object."""
        if old is None and new is None:
            return
        if old is None or new is None:
            breaking = (IN in dirs) if new is None else (OUT in dirs)
            reason = "additional properties " + ("no longer allowed" if new is None else "now allowed")
            self.add("extra_fields_changed", breaking, where, reason, self.old_text(old), self.new_text(new))
            return
        self.type_change(old, new, dirs, where + ".<extra>", "field")


def field_directions(prop: model.Property, dirs: frozenset[str]) -> frozenset[str]:
    """A write-only field is only ever sent and a read-only one only received, whatever else uses its schema."""
    only = IN if prop.write_only else OUT if prop.read_only else None
    return frozenset((only,)) if only is not None and only in dirs else dirs
