"""The security ruleset's pass over the operations: each one with its document, pointer and effective security."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from generator import pointer
from generator.frozen import frozen
from generator.validate.paths import METHODS
from generator.validate.refs import Unresolved

if TYPE_CHECKING:
    from generator.validate.context import DocChecker


@frozen
class Operation:
    """One operation where it is written (a path item may live in another file), with what applies to it."""

    checker: DocChecker  # the document the operation is written in
    ptr: str
    op: dict[str, Any]
    label: str  # "GET /pets"
    item: dict[str, Any]  # its path item
    item_ptr: str
    security: Any  # the operation's `security`, else the document's (None when neither has one)
    declared: bool  # the operation or the document has a `security` (`security: []` included)

    @property
    def secured(self) -> bool:
        """A credential is required (or at least accepted): some requirement names a scheme."""
        return isinstance(self.security, list) and any(isinstance(req, dict) and req for req in self.security)


def resolved(checker: DocChecker, ptr: str, value: Any) -> tuple[DocChecker, str, Any]:
    """``value`` at ``ptr``, or what its `$ref` points at (the checker of the document it is in); an unresolved
    `$ref` is reported by the refs rules, here it leaves the `$ref` object itself."""
    for _ in range(20):  # a chain of `$ref`s; a cycle is SF003's
        if not isinstance(value, dict) or "$ref" not in value:
            break
        try:
            doc, ptr, value = checker.resolve(value["$ref"])
        except Unresolved:
            break
        checker = checker.run.checker(doc)
    return checker, ptr, value


def operations(checker: DocChecker) -> Iterator[Operation]:
    """Every operation under ``paths`` (not webhooks: the API calls those), path items followed through `$ref`s."""
    data = checker.doc.data
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    root_security = data.get("security")
    for path, raw in paths.items():
        ichecker, iptr, item = resolved(checker, pointer.child("/paths", path), raw)
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                security = op.get("security", root_security)
                yield Operation(ichecker, pointer.child(iptr, method), op, f"{method.upper()} {path}", item, iptr,
                                security, "security" in op or "security" in data)
