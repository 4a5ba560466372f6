"""The security ruleset over one document: its passes run only when one of their rules is on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.validate.levels import turned_off
from generator.validate.owasp.auth import check_operation_auth, check_schemes
from generator.validate.owasp.bodies import check_request_bodies
from generator.validate.owasp.limits import LIMIT_RULES
from generator.validate.owasp.operations import operations
from generator.validate.owasp.responses import check_responses
from generator.validate.owasp.transport import check_servers
from generator.validate.rules import RULES

if TYPE_CHECKING:
    from generator.validate.context import DocChecker

SECURITY_RULES = frozenset(rule for rule, entry in RULES.items() if entry.ruleset == "security")


def limits_wanted(levels: dict[str, str]) -> bool:
    """Whether the walk checks each schema's bounds (SF220-SF222)."""
    return not set(LIMIT_RULES) <= turned_off(levels)


def check_document(checker: DocChecker) -> None:
    """The document-level rules of the ruleset (all but the schema bounds, which the walk checks)."""
    off = turned_off(checker.run.rules)
    if SECURITY_RULES <= off:
        return
    ops = list(operations(checker))
    check_servers(checker, ops)
    check_schemes(checker)
    check_operation_auth(ops)
    check_responses(ops)
    if "SF223" not in off:
        check_request_bodies(ops)
