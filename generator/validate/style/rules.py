"""The ``recommended`` family's rule table entries: Spectral's ``spectral:oas`` names (SF100-SF129) and Redocly's
(SF130-SF149) with the severities those tools default them to; rules.py appends them to the one table."""

from __future__ import annotations

Entry = tuple[str, str, str, str, str]  # id, default severity, name, summary, hint


def _rule(rule_id: str, severity: str, name: str, summary: str, hint: str) -> Entry:
    return (rule_id, severity, name, summary, hint)


RECOMMENDED: list[Entry] = [
    _rule("SF100", "warning", "operation-operationId", "an operation has no `operationId`",
         "give the operation an operationId (SDK method names come from it)"),
    _rule("SF101", "error", "operation-operationId-unique", "two operations share an `operationId`",
         "give every operation a unique operationId"),
    _rule("SF102", "warning", "operation-operationId-valid-in-url", "an `operationId` has characters not allowed "
         "unescaped in a URL", "use letters, digits and `-._~` in operationIds"),
    _rule("SF103", "warning", "operation-tags", "an operation has no non-empty `tags` list",
         "add `tags: [name]` to the operation"),
    _rule("SF104", "warning", "operation-tag-defined", "an operation's tag is not declared in the top-level `tags`",
         "declare the tag under `tags:` at the top of the document (with a description)"),
    _rule("SF105", "warning", "operation-description", "an operation has no (non-empty) `description`",
         "describe what the operation does"),
    _rule("SF106", "warning", "operation-success-response", "an operation has no 2xx or 3xx response",
         "add a 2xx (or 3xx) response"),
    _rule("SF107", "warning", "operation-parameters", "an operation lists two parameters with the same `name` and "
         "`in`", "remove one of the repeated parameters"),
    _rule("SF108", "error", "path-params", "path parameters are missing, unused, repeated, not required, or two "
         "paths differ only in parameter names", "declare every `{param}` once, `in: path`, `required: true`"),
    _rule("SF109", "warning", "path-keys-no-trailing-slash", "a path ends with `/`",
         "remove the trailing slash from the path"),
    _rule("SF110", "warning", "path-not-include-query", "a path contains a query string (`?`)",
         "declare query parameters with `in: query` instead"),
    _rule("SF111", "warning", "oas3-operation-security-defined", "a security requirement names a scheme that "
         "`components.securitySchemes` lacks, or an OAuth2 scope no flow lists",
         "define the scheme, or list the scope among its flows' scopes"),
    _rule("SF112", "warning", "info-contact", "`info` has no `contact`", "add `info.contact` (name, url, email)"),
    _rule("SF113", "warning", "info-description", "`info` has no (non-empty) `description`",
         "describe the API in `info.description`"),
    _rule("SF114", "warning", "info-license", "`info` has no `license`", "add `info.license` (name and url)"),
    _rule("SF115", "warning", "tag-description", "a top-level tag has no `description`",
         "describe the tag"),
    _rule("SF116", "warning", "openapi-tags", "the document has no non-empty top-level `tags` list",
         "declare the tags the operations use under `tags:`"),
    _rule("SF117", "warning", "oas3-api-servers", "the document has no non-empty `servers` list",
         "add `servers: [{url: https://api.example.com}]`"),
    _rule("SF118", "error", "oas3-server-variables", "a server URL's `{variables}` are undeclared, unused, without "
         "a default, with a default outside their enum, or substitute into an invalid URL",
         "declare each `{variable}` under `variables` with a `default`"),
    _rule("SF119", "warning", "oas3-server-trailing-slash", "a server URL ends with `/`",
         "remove the trailing slash (paths start with one)"),
    _rule("SF120", "error", "no-$ref-siblings", "keys beside a `$ref` (OpenAPI 3.0 ignores them)",
         "move the keys into the referenced object, or wrap the `$ref` in `allOf`"),
    _rule("SF121", "warning", "duplicated-entry-in-enum", "an `enum` lists one value twice",
         "remove the repeated enum entry"),
    _rule("SF122", "warning", "typed-enum", "an `enum` entry is not of the schema's `type`",
         "change the entry or the type (add `nullable: true` for null)"),
    _rule("SF123", "warning", "oas3-unused-component", "a component no `$ref` points at",
         "remove the component or refer to it"),
    _rule("SF124", "error", "oas3-valid-media-example", "a media type's, parameter's or header's example does not "
         "match its schema", "fix the example (or the schema)"),
    _rule("SF125", "error", "oas3-valid-schema-example", "a schema's `example` or `default` does not match the schema",
         "fix the example or default (or the schema)"),
    _rule("SF130", "warning", "no-ambiguous-paths", "two paths can match the same URL: as many segments, "
         "equal wherever both are literal (`/a/{x}` and `/a/b`, `/a/{x}` and `/a/{y}`)",
         "rename one of the paths so every URL matches one path"),
    _rule("SF131", "warning", "operation-4xx-response", "an operation declares no 4xx response",
         "describe the client errors (4xx) the operation returns"),
    _rule("SF132", "error", "security-defined", "a security requirement names an undefined scheme, or an operation "
         "has no security while the document declares none at the top level",
         "define `security` at the top level or on every operation (`security: []` for public ones)"),
    _rule("SF133", "error", "nullable-type-sibling", "`nullable` without a `type` beside it (OpenAPI 3.0 ignores it)",
         "add the `type` (or wrap a `$ref` as `allOf: [{$ref: ...}]` with a type)"),
    _rule("SF134", "warning", "no-required-schema-properties-undefined", "a `required` property the schema does not "
         "define", "define the property under `properties` or remove it from `required`"),
]
