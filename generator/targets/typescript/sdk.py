"""The SDK's own modules: src/client.ts, src/types.ts and src/index.ts."""

from __future__ import annotations

from collections.abc import Sequence

from generator.targets.typescript.auth import TsAuth
from generator.targets.typescript.examples import key_text
from generator.targets.typescript.imports import import_lines
from generator.targets.typescript.naming import property_key
from generator.targets.typescript.shapes import TsApi
from generator.targets.typescript.syntax import INDENT, fits, jsdoc, obj, requirement, string

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
    if api.options_type != "ClientOptions":
        lines += [""] + _options_interface(api)
    lines += [""] + jsdoc(api.title + ("\n\n" + api.description if api.description else ""))
    lines.append(f"export class {api.client_class} extends BaseClient {{")
    for r in api.resources:
        lines += _property(f"readonly {_member(r.name)}: {r.class_name} =", f"new {r.class_name}")
    if api.resources:
        lines.append("")
    lines += [f"{INDENT}constructor(options: {api.options_type} = {{}}) {{", f"{INDENT * 2}super(options, {{"]
    config = [
        [f"defaultBaseURL: {string(api.base_url)}"],
        _object("credentialEnv", [(c.option, string(c.env_var)) for c in api.auth.credentials]),
        [f"baseURLEnv: {string(api.base_url_env)}"],
        [f"logLevelEnv: {string(api.log_env)}"],
    ] + _security_config(api.auth) + [[f"userAgent: {string(api.package + '/' + api.version)}"]]
    for entry in (e for e in config if e):
        lines += [f"{INDENT * 3}{line}" for line in entry[:-1]] + [f"{INDENT * 3}{entry[-1]},"]
    lines += [f"{INDENT * 2}}});", f"{INDENT}}}"]
    if api.options_type != "ClientOptions":
        lines += ["", f"{INDENT}override withOptions(options: Partial<{api.options_type}>): this {{",
                  f"{INDENT * 2}return super.withOptions(options);", f"{INDENT}}}"]
    return "\n".join(lines + ["}"]) + "\n"


def _options_interface(api: TsApi) -> list[str]:
    lines = jsdoc(f"Options of the {api.client_class} client: the runtime's, and one per credential.")
    lines.append(f"export interface {api.options_type} extends ClientOptions {{")
    for c in api.auth.credentials:
        lines += jsdoc(f"{c.doc} Defaults to the {c.env_var} environment variable.", INDENT)
        lines.append(f"{INDENT}{property_key(c.option)}?: string | undefined;")
    return lines + ["}"]


def _security_config(auth: TsAuth) -> list[list[str]]:
    """The schemes, the default requirement and whether construction checks it, as ClientConfig entries."""
    if not auth.schemes:
        return []
    schemes = []
    for s in auth.schemes:
        fields = [f"kind: {string(s.kind)}"]
        if s.kind == "apiKey":
            fields += [f"in: {string(s.location)}", f"name: {string(s.wire_name)}"]
        fields.append(f"credentials: [{', '.join(string(c) for c in s.credentials)}]")
        schemes.append((s.key, fields))
    entries = [_object("schemes", schemes), requirement(auth.security, INDENT * 3).split("\n")]
    return entries + ([["checkAtInit: true"]] if auth.check_at_init else [])


def _object(key: str, entries: Sequence[tuple[str, str | list[str]]]) -> list[str]:
    """``key: { a: 1, b: { c: 2 } }`` in one line when it fits (at the config's indent), else one entry per line, an
    entry's own object (a list of fields) broken one field per line when its line does not fit either, as biome
    does; the last line has no comma (the caller adds it)."""
    if not entries:
        return []
    pairs = [(key_text(name), value if isinstance(value, str) else obj(value), value) for name, value in entries]
    one = f"{key}: {obj([f'{name}: {text}' for name, text, _ in pairs])}"
    if fits(INDENT * 3 + one + ","):
        return [one]
    lines = [f"{key}: {{"]
    for name, text, value in pairs:
        line = f"{INDENT}{name}: {text},"
        if fits(INDENT * 3 + line) or isinstance(value, str):
            lines.append(line)
        else:
            lines += [f"{INDENT}{name}: {{"] + [f"{INDENT * 2}{field}," for field in value] + [f"{INDENT}}},"]
    return lines + ["}"]


def _property(head: str, constructor: str) -> list[str]:
    """A resource property as biome lays it out: one line, else its arguments broken, else broken after ``=``."""
    one = f"{INDENT}{head} {constructor}(this);"
    if fits(one):
        return [one]
    if fits(f"{INDENT}{head} {constructor}("):
        return [f"{INDENT}{head} {constructor}(", f"{INDENT * 2}this,", f"{INDENT});"]
    return [f"{INDENT}{head}", f"{INDENT * 2}{constructor}(this);"]


def _member(name: str) -> str:
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
    if api.options_type != "ClientOptions":
        lines.append(f"export type {{ {api.options_type} }} from './client.js';")
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
