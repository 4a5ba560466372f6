"""Spectral's ``schema`` function: the target validated against a JSON Schema (``schema``, ``dialect``,
``allErrors``) with the jsonschema library; one finding per error, at the error's place in the target."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from generator.validate.custom.functions import PROPERTY, Finding
from generator.validate.custom.messages import UNDEFINED, print_value

DIALECTS = {"draft4": "Draft4Validator", "draft6": "Draft6Validator", "draft7": "Draft7Validator",
            "draft2019-09": "Draft201909Validator", "draft2020-12": "Draft202012Validator"}


@lru_cache(maxsize=64)
def _validator(schema_json: str, dialect: str) -> Any:
    import json

    import jsonschema  # type: ignore[import-untyped]

    schema = json.loads(schema_json)
    if dialect in DIALECTS:
        cls = getattr(jsonschema, DIALECTS[dialect])
    else:
        cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def validator_for(options: dict[str, Any]) -> Any:
    """The compiled validator of the options (raises jsonschema.SchemaError for a bad schema)."""
    import json

    dialect = options.get("dialect") or "auto"
    validator = _validator(json.dumps(options["schema"], sort_keys=True), dialect)
    validator.check_schema(options["schema"])
    return validator


def schema(value: Any, options: dict[str, Any]) -> list[Finding]:
    if value is UNDEFINED:
        return [(f"{PROPERTY}must exist", ())]
    try:
        errors = sorted(validator_for(options).iter_errors(value),
                        key=lambda e: (list(map(str, e.absolute_path)), e.message))
    except Exception as exc:  # noqa: BLE001 - e.g. a $ref the schema cannot resolve: a finding, as Spectral reports it
        return [(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, ())]
    if not options.get("allErrors"):
        errors = errors[:1]
    found: list[Finding] = []
    for error in errors:
        for one in _expanded(error):
            finding = (_message(one), tuple(one.absolute_path))
            if finding not in found:
                found.append(finding)
    return found


def _expanded(error: Any) -> list[Any]:
    """A failed oneOf/anyOf as Spectral reports it: what each branch missed first, then the combinator itself."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        firsts: dict[Any, Any] = {}
        for sub in error.context:
            firsts.setdefault(sub.relative_schema_path[0], sub)
        return [*firsts.values(), error]
    return [error]


_COMBINED = {"oneOf": "must match exactly one schema in oneOf", "anyOf": "must match a schema in anyOf"}
_BOUNDS = {"minLength": "must NOT have fewer than {} characters", "maxLength": "must NOT have more than {} characters",
           "minItems": "must NOT have fewer than {} items", "maxItems": "must NOT have more than {} items",
           "minProperties": "must NOT have fewer than {} properties",
           "maxProperties": "must NOT have more than {} properties", "minimum": "must be >= {}", "maximum": "must be <= {}",
           "exclusiveMinimum": "must be > {}", "exclusiveMaximum": "must be < {}", "multipleOf": "must be multiple of {}"}


def _message(error: Any) -> str:
    """Messages shaped like Spectral's (ajv's, through better-ajv-errors); never the value itself, which may be big."""
    kind, expected, instance = error.validator, error.validator_value, error.instance
    if kind == "required" and isinstance(instance, dict):
        missing = next((name for name in expected if name not in instance), "")
        return f'{PROPERTY}must have required property "{missing}"'
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = error.schema.get("properties", {})
        extra = next((key for key in instance if key not in allowed), "")
        return f'Property "{extra}" is not expected to be here'
    if kind == "type":
        types = expected if isinstance(expected, list) else [expected]
        return f"{PROPERTY}type must be {','.join(map(str, types))}"
    if kind == "enum":
        return f"{PROPERTY}must be equal to one of the allowed values: {', '.join(map(print_value, expected))}"
    if kind == "const":
        return f"{PROPERTY}must be equal to constant"
    if kind == "pattern":
        return f'{PROPERTY}must match pattern "{expected}"'
    if kind == "format":
        return f'{PROPERTY}must match format "{expected}"'
    if kind in _COMBINED:
        unmatched = ". None of the schemas matched, see the other errors reported for this value" if error.context else ""
        return f"{PROPERTY}{_COMBINED[kind]}{unmatched}"
    if kind in _BOUNDS:
        return PROPERTY + _BOUNDS[kind].format(expected)
    return f"{PROPERTY}must pass the {kind!r} keyword of the schema"
