"""The validation rules: stable IDs, default severities, names, summaries and fix hints.

IDs never change meaning once released; a retired rule keeps its number. Severities can be changed per project with
``[tool.sdkforge.validate] rules = {SF015 = "error", SF023 = "off"}``.
"""

from __future__ import annotations

from generator.frozen import frozen
from generator.validate.style.rules import RECOMMENDED


@frozen
class Rule:
    id: str
    severity: str  # "error" | "warning" | "off" (reported only when configured)
    name: str
    summary: str
    hint: str
    ruleset: str = "sdk"  # the family it belongs to (rulesets.py): "sdk", "recommended" or "security"


_RULES = [
    Rule("SF000", "error", "unusable-input", "the file cannot be read as an OpenAPI document (unreadable, empty, "
         "not UTF-8, not YAML/JSON, alias bomb, nested too deeply, not a mapping)", "fix the file so it parses"),
    Rule("SF001", "error", "structure", "the document does not match the OpenAPI 3.0/3.1 structure",
         "compare the object with the OpenAPI specification for this version"),
    Rule("SF002", "error", "unresolved-ref", "a `$ref` points at nothing (missing target, file or fragment)",
         "point the `$ref` at an existing component or fix the typo"),
    Rule("SF003", "error", "ref-cycle", "`$ref`s form a cycle with no object in between (pure alias cycle)",
         "make one of the `$ref`s point at a real schema/object"),
    Rule("SF004", "warning", "remote-ref", "a `$ref` to a URL: not fetched, not validated offline",
         "vendor the referenced document next to the spec and use a relative `$ref`"),
    Rule("SF005", "error", "duplicate-key", "a mapping has the same key twice (YAML keeps the last one silently)",
         "remove or rename one of the duplicated keys"),
    Rule("SF010", "error", "duplicate-operation-id", "two operations share an operationId",
         "give every operation a unique operationId"),
    Rule("SF011", "error", "path-param-undeclared", "a `{param}` in the path template has no `in: path` parameter",
         "declare the parameter with `in: path` and `required: true`"),
    Rule("SF012", "error", "path-param-not-in-template", "an `in: path` parameter does not appear in the path template",
         "add `{name}` to the path or remove/retarget the parameter"),
    Rule("SF013", "error", "path-param-not-required", "an `in: path` parameter is not `required: true`",
         "set `required: true` on the path parameter"),
    Rule("SF014", "error", "duplicate-parameter", "two parameters share name and location in one operation/path item",
         "remove one of the duplicated parameters"),
    Rule("SF015", "warning", "no-success-response", "an operation declares no success (2xx/3xx/default) response",
         "add a 2xx response describing the result"),
    Rule("SF016", "error", "invalid-status-code", "a response key is not `default`, a code 100-599 or a range 1XX-5XX",
         "use a status code such as \"200\" or a range such as \"2XX\""),
    Rule("SF017", "warning", "unquoted-status-code", "a response status code is written as a YAML number",
         "quote the status code, e.g. \"200\": (OpenAPI requires strings)"),
    Rule("SF018", "warning", "hop-by-hop-header", "a response declares a hop-by-hop header (`Transfer-Encoding`, "
         "`Connection`, `Keep-Alive`, `Upgrade`, ...): the HTTP layer sets and strips it per connection, so it is not "
         "part of the API (and a mock server that fakes it sends a response no client accepts)",
         "remove the header declaration (describe chunked or streamed responses in the description instead)"),
    Rule("SF020", "error", "invalid-default", "a property's or parameter's `default` does not match its own schema "
         "(`default: null` means no default and is not checked)",
         "change the default to a value the schema accepts"),
    Rule("SF024", "warning", "invalid-default-unused", "a `default` that does not match its schema, in a place "
         "sdkforge does not emit defaults from (component schema, array items, composition variant)",
         "move the default to the property that uses the schema, or fix it"),
    Rule("SF021", "error", "invalid-enum-value", "an `enum` entry does not match its own schema's type/format",
         "change the enum entry or the schema type"),
    Rule("SF022", "error", "invalid-const", "a `const` does not match its own schema",
         "change the const or the schema type"),
    Rule("SF023", "warning", "invalid-example", "an example does not match its schema",
         "update the example to match the schema"),
    Rule("SF025", "warning", "default-dropped", "a property's `default` that its generated field cannot hold (it does "
         "not fit the field's type, or its schema); `sdkforge generate` leaves the field without that default",
         "change the default to a value the property's schema accepts"),
    Rule("SF030", "error", "discriminator-property-missing", "a discriminator's property is missing from a variant",
         "declare the discriminator property (required, string) in every variant"),
    Rule("SF031", "error", "discriminator-mapping-unknown", "a discriminator mapping names an unknown schema",
         "point the mapping at an existing schema"),
    Rule("SF040", "error", "undefined-security-scheme", "a security requirement names an undefined scheme",
         "define the scheme under components.securitySchemes or fix the name"),
    Rule("SF050", "error", "schema-name-collision", "two schema names map to the same Python class name",
         "rename one of the schemas (or set x-sdkforge-name)"),
    Rule("SF051", "error", "property-name-collision", "two properties of one object map to the same Python name",
         "rename one of the properties"),
    Rule("SF052", "error", "operation-name-collision", "two operationIds map to the same Python method name",
         "rename one of the operationIds"),
    # lenient reading of constructs real specs get wrong but mean clearly (generator/leniency.py): the document is
    # read as the author meant it, with a warning. "off" rules report spellings sdkforge reads unambiguously and
    # widely used specs rely on (OpenAI's 3.1 document uses both); set them to "warning" to see them.
    Rule("SF060", "warning", "empty-enum", "`enum: []` (a schema no value matches) is read as no enum",
         "remove the empty `enum`, or list the allowed values"),
    Rule("SF061", "warning", "exclusive-bound-3.1-form", "a numeric `exclusiveMinimum`/`exclusiveMaximum` (OpenAPI "
         "3.1 form) in a 3.0 document is read as `minimum`/`maximum` plus the boolean flag",
         "write `minimum: N` with `exclusiveMinimum: true` in OpenAPI 3.0"),
    Rule("SF062", "off", "exclusive-bound-3.0-form", "a boolean `exclusiveMinimum`/`exclusiveMaximum` (OpenAPI 3.0 "
         "form) in a 3.1 document is read as the numeric form", "write `exclusiveMinimum: N` in OpenAPI 3.1"),
    Rule("SF063", "warning", "yaml11-boolean-enum", "a string enum entry such as `NO`, `yes` or `on` is a boolean in "
         "YAML 1.1; it is read as the string written", "quote the entry, e.g. \"NO\""),
    Rule("SF064", "warning", "no-paths", "the document has no `paths` (for example only `webhooks`): the SDK has no "
         "operations", "add `paths` with the operations the SDK should call"),
    Rule("SF065", "warning", "response-without-description", "a response has no `description` (required); an empty "
         "one is used", "add a `description` to the response"),
    Rule("SF066", "warning", "boolean-schema", "a boolean schema (`true`/`false`) where sdkforge's OpenAPI model "
         "needs an object; read as `{}` / `{not: {}}`", "write `{}` for any value, `{not: {}}` for none"),
    Rule("SF067", "warning", "const-in-3.0", "`const` in an OpenAPI 3.0 document (a 3.1 keyword) is read as a "
         "one-value `enum`", "write `enum: [value]` in OpenAPI 3.0"),
    Rule("SF068", "off", "nullable-in-3.1", "`nullable: true` (OpenAPI 3.0) in a 3.1 document is read as allowing "
         "null", "write `type: [T, \"null\"]` in OpenAPI 3.1"),
    Rule("SF069", "warning", "schema-examples-map", "a schema's `examples` is a map of Example Objects (JSON Schema wants "
         "a list); read as the list of their values", "write `examples: [value, ...]` (or `example:`) in a schema"),
    Rule("SF070", "warning", "type-yaml-null", "an unquoted `null` in a `type` list is YAML's null value; read as the "
         "type \"null\"", "quote it: `type: [string, \"null\"]`"),
    Rule("SF073", "warning", "null-content", "a request body's, response's or parameter's `content` is empty (null), "
         "usually because the media type under it is indented one level too little; read as no content",
         "indent the media type (`application/json:`) under `content:`"),
    Rule("SF071", "warning", "operation-ref", "an operation is a `$ref` (OpenAPI allows `$ref` for a whole path item, "
         "not for one operation); read as the operation it points at",
         "move the `$ref` up to the path item, or write the operation in place"),
    Rule("SF072", "warning", "string-ref", "a `$ref` where OpenAPI wants a string (a `description` or `summary`); read "
         "as the text it points at (a string in a YAML/JSON file, or a Markdown/text file)",
         "write the text in place (tools that bundle specs may keep such `$ref`s; others reject them)"),
    # the security ruleset (`--ruleset security`, generator/validate/owasp/): API-security checks in the spirit of the
    # OWASP API Security Top 10 (2023); names and meaning follow Spectral's OWASP ruleset or Redocly where they have
    # the same check. Off unless the ruleset is chosen or the project levels the rule itself.
    Rule("SF200", "error", "no-server-http", "a server URL uses plain `http://` or `ws://` (loopback hosts such as "
         "`localhost` excepted): credentials and data cross the network unencrypted",
         "serve the API over `https://` (or `wss://`)", "security"),
    Rule("SF201", "error", "no-api-keys-in-url", "an `apiKey` security scheme is sent `in: query` (or `path`): URLs "
         "end up in logs, proxies and browser history", "send the key `in: header` (or use OAuth 2 / bearer tokens)",
         "security"),
    Rule("SF202", "error", "no-credentials-in-url", "a query or path parameter is named like a credential "
         "(`password`, `client_secret`, `api_key`, `access_token`, `token`, ...; neither a pagination `page_token` nor "
         "an `api_key_id` is one)",
         "send credentials in a header or the request body, through a security scheme", "security"),
    Rule("SF203", "error", "no-http-basic", "a security scheme uses HTTP Basic authentication (a reusable password "
         "in every request)", "use OAuth 2, OpenID Connect or bearer tokens", "security"),
    Rule("SF204", "error", "auth-insecure-schemes", "an `http` security scheme uses an outdated or insecure scheme "
         "(`negotiate`, `oauth` 1)", "use `bearer` tokens or an OAuth 2 / OpenID Connect scheme", "security"),
    Rule("SF205", "error", "security-defined", "an operation has no `security`, and neither has the document: "
         "unclear whether it is public or someone forgot", "add a security requirement, or `security: []` to mark the "
         "operation (or the whole API at the root) public on purpose", "security"),
    Rule("SF210", "warning", "auth-401-response", "an operation that requires authentication declares no `401` "
         "response", "declare a `401` response describing the error a missing or invalid credential gives",
         "security"),
    Rule("SF211", "warning", "auth-403-response", "an operation that requires authentication declares no `403` "
         "response", "declare a `403` response describing the error a credential without permission gives",
         "security"),
    Rule("SF212", "warning", "rate-limit-responses-429", "an operation declares no `429` response, or one without "
         "`content` (as for SF210/SF211, a `4XX` range or `default` does not count: the status needs its own entry)", "declare a `429` response with the error body clients receive when rate-limited", "security"),
    Rule("SF213", "warning", "rate-limit-retry-after", "a `429` response declares no `Retry-After` header",
         "add a `Retry-After` header to the 429 response so clients know when to retry", "security"),
    Rule("SF220", "error", "string-limit", "a string schema has no `maxLength`, `enum` or `const`: unbounded input",
         "add `maxLength` (or an `enum`/`const`)", "security"),
    Rule("SF221", "error", "array-limit", "an array schema has no `maxItems`: unbounded input",
         "add `maxItems`", "security"),
    Rule("SF222", "error", "integer-limit", "an integer schema lacks a lower or an upper bound (`minimum`/"
         "`exclusiveMinimum`, `maximum`/`exclusiveMaximum`)", "add both bounds", "security"),
    Rule("SF223", "warning", "no-additional-properties", "a request-body schema (or one it reaches) allows open "
         "`additionalProperties`/`unevaluatedProperties` (`true` or a schema) without `maxProperties`: mass "
         "assignment of fields nobody declared", "set `additionalProperties: false` or bound the object with "
         "`maxProperties`", "security"),
    Rule("SF090", "error", "swagger2-structure", "the document does not match the Swagger 2.0 structure",
         "compare the object with the Swagger 2.0 specification"),
    Rule("SF091", "warning", "swagger2-collection-format", "a `collectionFormat` OpenAPI 3 cannot express where it is "
         "(tsv anywhere; multi, ssv, pipes outside query and formData) is read as csv", "use csv, or multi in a query"),
    Rule("SF092", "warning", "swagger2-bodies", "an operation has `in: body` and `in: formData` parameters, or two "
         "`in: body` ones; only the first body is sent", "keep one `in: body` parameter, or only formData ones"),
    Rule("SF093", "warning", "swagger2-json-schema", "JSON Schema that Swagger 2.0 lacks (a list of types, type "
         "\"null\", a list of item schemas) is read as `nullable` / any of the listed schemas",
         "write one `type` and `x-nullable: true`"),
    Rule("SF094", "warning", "swagger2-info", "the info object has no `title` or no `version` (both required); read "
         "as empty", "add `title` and `version` to `info`"),
    Rule("SF095", "warning", "swagger2-missing-definition", "a schema `$ref` names a definition the document lacks; "
         "read as any value", "add the definition, or point the `$ref` at an existing one"),
]

_RULES += [Rule(*entry, ruleset="recommended") for entry in RECOMMENDED]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
BY_NAME: dict[str, str] = {rule.name: rule.id for rule in _RULES}  # a rule's name -> its id

LEVELS = ("off", "error", "warning")
