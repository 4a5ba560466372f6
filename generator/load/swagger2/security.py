"""Swagger 2.0 ``securityDefinitions`` as OpenAPI 3.0 ``securitySchemes``: basic, apiKey, and oauth2 with its flow."""

from __future__ import annotations

from typing import Any

from generator.load.swagger2.origins import Notes

#: a 2.0 oauth2 ``flow`` -> the 3.0 flow name and the URLs it carries
_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}


def scheme(obj: Any, ptr: str, notes: Notes) -> Any:
    """The 3.0 security scheme for a 2.0 security definition (an unknown type is left as it is, for validation)."""
    if not isinstance(obj, dict):
        return obj
    kind = obj.get("type")
    out: dict[Any, Any]
    if kind == "basic":
        out = {"type": "http", "scheme": "basic"}
    elif kind == "apiKey":
        out = {"type": "apiKey", **{key: obj[key] for key in ("name", "in") if key in obj}}
    elif kind == "oauth2" and obj.get("flow") in _FLOWS:
        name, urls = _FLOWS[obj["flow"]]
        flow = {key: obj[key] for key in urls if key in obj}
        flow["scopes"] = obj.get("scopes") if isinstance(obj.get("scopes"), dict) else {}
        out = {"type": "oauth2", "flows": {name: notes.note(flow, ptr)}}
    else:
        out = {key: value for key, value in obj.items() if key not in ("flow", "scopes")}
    if "description" in obj:
        out["description"] = obj["description"]
    out.update((key, value) for key, value in obj.items() if str(key).startswith("x-"))
    return notes.note(out, ptr)
