"""The SDK's own modules: src/client.ts, src/types.ts and src/index.ts."""

from __future__ import annotations

from generator.targets.typescript.imports import import_lines
from generator.targets.typescript.shapes import TsApi
from generator.targets.typescript.syntax import INDENT, fits, jsdoc, string

# what src/index.ts re-exports from the runtime
_RUNTIME_VALUES = (
    "APIConnectionError", "APIConnectionTimeoutError", "APIError", "APIPromise", "APIUserAbortError",
    "AuthenticationError", "BadRequestError", "ConflictError", "CursorPage", "InternalServerError", "NotFoundError",
    "PagePromise", "PermissionDeniedError", "RateLimitError", "SDKError", "Stream", "UnprocessableEntityError", "toFile",
)
_RUNTIME_TYPES = ("ClientOptions", "PollOptions", "RequestOptions", "Uploadable")


def client_ts(api: TsApi) -> str:
    lines = [f"/** The {api.client_class} client: its configuration and one property per resource. */", ""]
    lines += import_lines([("BaseClient", False), ("ClientOptions", True)], "./core/index.js")
    lines += [f"import {{ {r.class_name} }} from './resources/{r.file}.js';" for r in api.resources]
    lines += [""] + jsdoc(api.title + ("\n\n" + api.description if api.description else ""))
    lines.append(f"export class {api.client_class} extends BaseClient {{")
    for r in api.resources:
        lines += _property(f"readonly {_member(r.name)}: {r.class_name} =", f"new {r.class_name}")
    if api.resources:
        lines.append("")
    lines += [f"{INDENT}constructor(options: ClientOptions = {{}}) {{", f"{INDENT * 2}super(options, {{"]
    config = [
        f"defaultBaseURL: {string(api.base_url)}",
        f"apiKeyEnv: {string(api.api_key_env)}",
        f"baseURLEnv: {string(api.base_url_env)}",
        f"logLevelEnv: {string(api.log_env)}",
    ]
    if api.auth:
        auth = ", ".join(f"{key}: {string(value)}" for key, value in api.auth.items())
        config.append(f"auth: {{ {auth} }}")
        if not api.api_key_required:
            config.append("apiKeyRequired: false")
    config.append(f"userAgent: {string(api.package + '/' + api.version)}")
    lines += [f"{INDENT * 3}{entry}," for entry in config]
    lines += [f"{INDENT * 2}}});", f"{INDENT}}}", "}"]
    return "\n".join(lines) + "\n"


def _property(head: str, constructor: str) -> list[str]:
    """A resource property as biome lays it out: one line, else its arguments broken, else broken after ``=``."""
    one = f"{INDENT}{head} {constructor}(this);"
    if fits(one):
        return [one]
    if fits(f"{INDENT}{head} {constructor}("):
        return [f"{INDENT}{head} {constructor}(", f"{INDENT * 2}this,", f"{INDENT});"]
    return [f"{INDENT}{head}", f"{INDENT * 2}{constructor}(this);"]


def _member(name: str) -> str:
    from generator.targets.typescript.naming import property_key

    return property_key(name)


def types_ts(api: TsApi) -> str:
    lines = ["/** Every schema of the API as a TypeScript type. */"]
    if api.uploads_in_types:
        lines += ["", "import type { Uploadable } from './core/index.js';"]
    lines += list(api.declarations) if api.declarations else ["", "export {};"]
    return "\n".join(lines) + "\n"


def index_ts(api: TsApi) -> str:
    lines = ["/** The package's public surface: the client, its resources and types, the runtime's errors and helpers. */", ""]
    lines.append(f"export {{ {api.client_class}, {api.client_class} as default }} from './client.js';")
    lines += import_lines([(n, False) for n in _RUNTIME_VALUES] + [(n, True) for n in _RUNTIME_TYPES],
                          "./core/index.js")
    lines = [_as_export(line) for line in lines]
    for resource in api.resources:
        names = [(resource.class_name, False)] + [(op.params_type, True) for op in resource.operations if op.params_type]
        lines += [_as_export(line) for line in import_lines(names, f"./resources/{resource.file}.js")]
    lines.append("export type * from './types.js';")
    return "\n".join(lines) + "\n"


def _as_export(line: str) -> str:
    """An import line as the matching re-export (only the leading keyword changes)."""
    return "export" + line[len("import"):] if line.startswith("import ") else line
