"""What ``extends`` names: ``spectral:oas`` (our built-in rules of the same names), ``sdkforge:<ruleset>``, or another
ruleset file; each with Spectral's mode ``recommended`` (the default), ``all`` or ``off``."""

from __future__ import annotations

from typing import Any

from generator.validate.rules import RULES

# Spectral's oas ruleset (6.x): rule name -> whether it is on in "recommended" mode (a fact about Spectral, used to
# map `extends: spectral:oas` onto the built-in rules that carry these names)
SPECTRAL_OAS: dict[str, bool] = {name: True for name in (
    "operation-success-response", "oas2-operation-formData-consume-check", "operation-operationId-unique",
    "operation-parameters", "operation-tag-defined", "path-params", "duplicated-entry-in-enum", "info-contact",
    "info-description", "no-eval-in-markdown", "no-script-tags-in-markdown", "openapi-tags-uniqueness",
    "operation-description", "operation-operationId", "operation-operationId-valid-in-url", "operation-tags",
    "path-declarations-must-exist", "path-keys-no-trailing-slash", "path-not-include-query", "no-$ref-siblings",
    "array-items", "typed-enum", "oas2-api-host", "oas2-api-schemes", "oas2-discriminator", "oas2-host-trailing-slash",
    "oas2-operation-security-defined", "oas2-valid-schema-example", "oas2-valid-media-example", "oas2-anyOf",
    "oas2-oneOf", "oas2-schema", "oas2-unused-definition", "oas3-api-servers", "oas3-examples-value-or-externalValue",
    "oas3-operation-security-defined", "oas3-server-trailing-slash", "oas3-valid-media-example",
    "oas3-valid-schema-example", "oas3-schema", "oas3-unused-component", "oas3-server-variables",
    "oas3-callbacks-in-callbacks", "oas3_1-servers-in-webhook", "oas3_1-callbacks-in-webhook",
    "oas3_2-no-deprecated-xml-attribute")}
SPECTRAL_OAS.update({name: False for name in (
    "contact-properties", "info-license", "license-url", "openapi-tags-alphabetical", "openapi-tags",
    "operation-singular-tag", "tag-description", "oas2-host-not-example", "oas2-parameter-description",
    "oas3-parameter-description", "oas3-server-not-example.com")})

MODES = ("recommended", "all", "off")
SDKFORGE_PREFIX = "sdkforge:"


def builtin_ids() -> dict[str, str]:
    """Built-in rule name (or id) -> id, read from the rule table at run time (rules added later count too)."""
    names = {rule.name: rule.id for rule in RULES.values() if rule.id != "SF000"}
    return {**names, **{rule_id: rule_id for rule_id in names.values()}}


def entries(value: Any) -> list[tuple[Any, Any]]:
    """``extends`` as (target, mode) pairs: a string, or a list of strings and ``[target, mode]`` pairs."""
    items = value if isinstance(value, list) else [value]
    result: list[tuple[Any, Any]] = []
    for item in items:
        if isinstance(item, list) and len(item) == 2:
            result.append((item[0], item[1]))
        else:
            result.append((item, "recommended"))
    return result


def spectral_oas_levels(mode: str) -> tuple[dict[str, str], list[str]]:
    """Built-in rule levels for ``extends: [spectral:oas, mode]`` and the Spectral rules with no built-in twin."""
    ids = builtin_ids()
    levels: dict[str, str] = {}
    missing: list[str] = []
    for name, recommended in SPECTRAL_OAS.items():
        on = mode == "all" or (mode == "recommended" and recommended)
        if name not in ids:
            if on:
                missing.append(name)
            continue
        rule = RULES[ids[name]]
        levels[rule.id] = (rule.severity if rule.severity != "off" else "warning") if on else "off"
    return levels, missing


def family_levels(family: str, mode: str) -> dict[str, str]:
    """Built-in rule levels for ``extends: [sdkforge:<family>, mode]``: on at their defaults, or all off."""
    return {rule.id: (rule.severity if mode != "off" else "off") for rule in RULES.values()
            if rule.ruleset == family and rule.id != "SF000" and (mode == "off" or rule.severity != "off")}
