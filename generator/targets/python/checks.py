"""The Python target's checks of a spec: wire names its naming turns into one Python name (SF050-SF052)."""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.load.document import Document
from generator.targets.python import naming
from generator.validate.checks import collisions
from generator.validate.names import NameRules

#: The generator's own naming, so a reported collision is one it would hit.
NAMES = NameRules("Python", class_name=naming.class_name, field_name=naming.field_name, method_name=naming.method_name)


def checks(doc: Document, rules: dict[str, str] | None = None) -> list[Diagnostic]:
    """Schemas that become one class, properties one field, operationIds one method (at the rules' levels)."""
    return collisions(doc, NAMES, rules)
