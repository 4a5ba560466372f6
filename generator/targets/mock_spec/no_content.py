"""A ``204`` response declaring content: Prism 5 answers it without a body (HTTP allows a 204 none), which the SDK
reads as None where its method returns the content's model (vault: ``policies.read_password_policy``); the copy makes
it a ``200``, whose body Prism writes. The in-process tests give the SDK that body for the 204."""

from __future__ import annotations

from typing import Any

from generator.parse.responses import success_status
from generator.targets.mock_spec.edits import Edits, local
from generator.targets.mock_spec.places import operations


def as_ok(data: Any) -> Edits:
    edits: Edits = {}
    for path, _, op in operations(data):
        responses = op.get("responses")
        if not isinstance(responses, dict) or not responses or success_status(responses) != "204":
            continue
        key = next(k for k in responses if str(k) == "204")
        response = local(data, responses[key])
        if isinstance(response, dict) and response.get("content") and not any(str(k) == "200" for k in responses):
            edits[path + ("responses",)] = _as_ok
    return edits


def _as_ok(responses: dict[Any, Any]) -> dict[Any, Any]:
    return {"200" if str(k) == "204" else k: v for k, v in responses.items()}
