"""Repairs to the shape of a document: missing keys, status codes read as numbers, boolean schemas."""

from __future__ import annotations

from typing import Any

from generator.load.leniency.finding import Entry, Finding, Fix, Source


def set_key(obj: dict[Any, Any], key: str, value: Any) -> Fix:
    def fix(_source: Source) -> None:
        obj[key] = value

    return fix


def del_key(obj: dict[Any, Any], key: str) -> Fix:
    def fix(_source: Source) -> None:
        obj.pop(key, None)

    return fix


def no_paths(data: dict[str, Any], v30: bool) -> Finding:
    """SF064: a document without ``paths`` (a 3.0 one gets an empty mapping)."""
    hooks = data.get("webhooks")
    extra = f"; its {len(hooks)} webhook(s) are not generated" if isinstance(hooks, dict) and hooks else ""
    fix = set_key(data, "paths", {}) if v30 else None
    return Finding("SF064", f"the document has no `paths`: the SDK has no operations{extra}", None, fix)


def null_type(schema: dict[Any, Any], types: list[Any], entry: Entry | None) -> Finding:
    """SF070: YAML's null, unquoted in a ``type`` list."""
    return Finding("SF070", "`null` (unquoted) in a `type` list is YAML's null, not the string; read as \"null\"",
                   (entry, "type"), set_key(schema, "type", ["null" if t is None else t for t in types]))


def numeric_codes(responses: dict[Any, Any], entry: Entry | None) -> list[Finding]:
    """SF017: status codes YAML read as numbers."""
    return [Finding("SF017", f"status code {code} is a number, not a string; read as \"{code}\"", (entry, code),
                    _string_codes(responses)) for code in responses if type(code) is int]


def _string_codes(responses: dict[Any, Any]) -> Fix:
    def fix(_source: Source) -> None:
        if any(type(code) is int for code in responses):
            items = [(str(k), v) for k, v in responses.items()]
            responses.clear()
            for key, value in items:
                responses.setdefault(key, value)  # a quoted duplicate ("200" beside 200) keeps the first

    return fix


def no_description(response: dict[Any, Any], entry: Entry | None) -> Finding:
    """SF065: a response without its required ``description``."""
    return Finding("SF065", "the response has no `description` (required); an empty one is used", entry,
                   set_key(response, "description", ""))


def null_content(owner: dict[Any, Any], entry: Entry | None) -> Finding:
    """SF073: ``content:`` with nothing under it (a media type indented one level too little sits beside it)."""
    stray = [key for key in owner if type(key) is str and "/" in key]
    beside = f"; `{'`, `'.join(stray)}` beside it looks like its media type, indented too little" if stray else ""
    fix = del_key(owner, "content") if "in" in owner else set_key(owner, "content", {})  # a parameter's is optional
    return Finding("SF073", f"`content` is empty (null){beside}; read as no content", (entry, "content"), fix)


def bool_schema(parent: Any, key: Any, value: bool, entry: Entry) -> Finding:
    """SF066: ``true`` / ``false`` where openapi-pydantic wants a schema object."""

    def fix(_source: Source) -> None:
        parent[key] = {} if value else {"not": {}}

    word = "true" if value else "false"
    meaning = "any value" if value else "no value"
    return Finding("SF066", f"boolean schema `{word}` ({meaning}) read as `{{}}`" if value else
                   f"boolean schema `{word}` ({meaning}) read as `{{not: {{}}}}`", entry, fix)
