"""The security ruleset over one document: its passes run only when one of their rules is on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.validate.levels import turned_off
from generator.validate.owasp.auth import check_operation_auth, check_schemes
from generator.validate.owasp.bodies import check_request_bodies
from generator.validate.owasp.operations import operations
from generator.validate.owasp.responses import check_responses
from generator.validate.owasp.transport import check_servers

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

def check_document(checker: DocChecker) -> None:
    """The document-level rules of the ruleset (all but the schema bounds, which the walk checks); called only when
    one of its rules is on."""
    off = turned_off(checker.run.rules)
    ops = list(operations(checker))
    check_servers(checker, ops)
    check_schemes(checker)
    check_operation_auth(ops)
    check_responses(ops)
    if "SF223" not in off:
        check_request_bodies(ops)
