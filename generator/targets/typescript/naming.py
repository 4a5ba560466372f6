"""Every rule that turns a wire name into a TypeScript name, in one place.

Wire names come from untrusted specs: SDK names (types, methods, parameters) are folded to ASCII letters and digits,
camelCase for values and PascalCase for types; reserved words and names the generated code itself uses get a
trailing ``_``; collisions get a numeric suffix in first-seen order. JSON property names stay as on the wire and are
quoted when they are not identifiers.
"""

from __future__ import annotations

import re

from generator.targets.naming import (
    unique,  # noqa: F401  (naming.unique, for this target's callers)
    words,
)

MAX_NAME_LENGTH = 80

# ECMAScript reserved words, strict-mode and TypeScript contextual words that cannot name a local binding
RESERVED_WORDS = frozenset(["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "arguments", "eval", "any", "boolean", "number", "string", "symbol", "never", "unknown", "object", "bigint", "undefined", "type", "declare", "namespace", "module", "abstract", "as", "async", "from", "get", "set", "of", "readonly", "keyof", "infer", "is", "asserts", "satisfies", "accessor", "out", "override", "require", "global"])
# Names no object member may take: they change the object's prototype or the class itself
UNSAFE_MEMBERS = frozenset({"__proto__", "constructor", "prototype"})
# Members every object literal has in TypeScript's eyes: `{}` does not fit an optional key of another type
OBJECT_MEMBERS = frozenset({
    "constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
})
# Global and runtime names a type declared by the SDK must not shadow (they are used next to the types)
RESERVED_TYPES = frozenset(["Array", "Boolean", "Date", "Error", "Function", "Map", "Number", "Object", "Promise", "Record", "Set", "String", "Symbol", "Partial", "Readonly", "Required", "Pick", "Omit", "Exclude", "Extract", "NonNullable", "ReturnType", "Awaited", "Blob", "File", "FormData", "Headers", "Request", "Response", "ReadableStream", "Uint8Array", "ArrayBuffer", "ArrayBufferView", "AbortSignal", "AbortController", "URL", "URLSearchParams", "JSON", "Math", "BigInt", "Iterable", "AsyncIterable", "Iterator", "AsyncIterator", "Generator", "AsyncGenerator", "PromiseLike", "TemplateStringsArray", "APIPromise", "APIResource", "BaseClient", "ClientOptions", "ClientConfig", "CursorPage", "CursorPageConfig", "PagePromise", "PollOptions", "PollConfig", "RequestOptions", "Stream", "Uploadable", "HeaderValue", "HeadersLike", "Query", "HTTPMethod", "Locations", "SplitParams", "APIError", "SDKError", "APIConnectionError", "APIConnectionTimeoutError", "APIUserAbortError", "AuthenticationError", "BadRequestError", "ConflictError", "InternalServerError", "NotFoundError", "PermissionDeniedError", "RateLimitError", "UnprocessableEntityError"])
# Locals and helpers a generated method body refers to; a path parameter must not shadow them
RESERVED_LOCALS = frozenset({"params", "options", "path", "query", "body", "headers", "cookies", "split", "formBody",
                             "toFile"})
# Members every resource object already has
RESERVED_METHODS = frozenset({"_client"}) | UNSAFE_MEMBERS
# Members of the client (BaseClient's public and protected API); a resource property must not replace them
RESERVED_CLIENT = frozenset({
    "apiKey", "baseURL", "timeout", "maxRetries", "logger", "sleep", "config", "options", "fetch", "delayPolicy",
    "get", "post", "put", "patch", "delete", "request", "getAPIList", "poll", "authFor", "credentialSet", "send",
    "secretKeys", "debugLogs", "withOptions",
    "prepare", "idempotencyHeaders", "fetchOnce", "waitToRetry", "redact", "then", "catch", "finally",
}) | UNSAFE_MEMBERS

IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def pascal(name: str) -> str:
    """``video-resource`` -> ``VideoResource``; inner capitals stay (``OpenAIVideos``)."""
    text = "".join(w[:1].upper() + w[1:] for w in words(name))[:MAX_NAME_LENGTH] or "Model"
    return "N" + text if text[0].isdigit() else text


def camel(name: str) -> str:
    """``video_id`` -> ``videoId``, ``DownloadContent`` -> ``downloadContent``."""
    parts = words(name)
    text = "".join([parts[0].lower()] + [w[:1].upper() + w[1:].lower() for w in parts[1:]]) if parts else ""
    text = text[:MAX_NAME_LENGTH] or "value"
    return "n" + text if text[0].isdigit() else text


def snake(name: str) -> str:
    """The configuration's spelling of a resource or method (``videos.download_content``)."""
    return "_".join(w.lower() for w in words(name)) or "field"


def type_name(wire: str) -> str:
    text = pascal(wire)
    return text + "_" if text in RESERVED_TYPES else text


def local_name(wire: str) -> str:
    """A parameter or local variable: never a reserved word nor a name the method body uses."""
    text = camel(wire)
    return text + "_" if text in RESERVED_WORDS or text in RESERVED_LOCALS else text


def method_name(wire: str) -> str:
    """Class members may be reserved words (``delete``), never ``constructor`` or the resource's own fields."""
    text = camel(wire)
    return text + "_" if text in RESERVED_METHODS else text


def resource_name(wire: str) -> str:
    text = camel(wire)
    return text + "_" if text in RESERVED_CLIENT else text


def singular(name: str) -> str:
    """``Videos`` -> ``Video`` for parameter type names (``VideoCreateParams``); a crude rule, collisions are fixed."""
    if name.endswith("ies") and len(name) > 4:
        return name[:-3] + "y"
    if name.endswith("s") and not name.endswith("ss") and len(name) > 1:
        return name[:-1]
    return name


def env_prefix(client_class: str) -> str:
    return snake(client_class).upper()


def property_key(wire: str) -> str:
    """A JSON property name as an interface key: bare when an identifier, else a quoted string. (An object literal
    spells ``__proto__`` as a computed key instead: there, a plain one sets the prototype.)"""
    if IDENTIFIER.fullmatch(wire):
        return wire
    from generator.targets.typescript.syntax import string

    return string(wire)
