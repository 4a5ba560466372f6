"""Every rule that turns a wire name into a Python name, in one place.

Wire names come from untrusted specs: anything that is not a plain identifier is folded to ASCII letters, digits and
underscores, keywords and shadowing builtins get a trailing underscore, and collisions are resolved deterministically
by a numeric suffix in first-seen order (callers pass names in a stable order).
"""

from __future__ import annotations

import builtins
import keyword
from functools import lru_cache

from generator.targets.naming import unique  # noqa: F401  (naming.unique, for this target's callers)
from generator.targets.naming import words as _ascii_words

MAX_NAME_LENGTH = 80

# Names a generated module or class must not shadow: builtins, and what the generated code itself imports.
_RESERVED = (
    set(dir(builtins))
    | set(keyword.kwlist)
    | set(keyword.softkwlist)
    | {
        "self",
        "cls",
        "typing",
        "httpx",
        "pydantic",
        "datetime",
        "date",
        "annotations",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
    }
    # names the generated type and resource modules import; a schema class of that name would shadow the import
    | {
        "Annotated", "Any", "Dict", "List", "Literal", "Optional", "Union", "cast", "overload", "TYPE_CHECKING",
        "TypeAlias", "TypedDict", "Required", "BaseModel", "FieldInfo", "FileTypes", "Stream", "AsyncStream",
        "SyncAPIResource", "AsyncAPIResource", "BinaryAPIResponse", "AsyncBinaryAPIResponse", "NotGiven", "NOT_GIVEN",
        "Body", "Headers", "Query", "PagingSpec", "SyncCursorPage", "AsyncCursorPage", "AsyncPaginator",
        "cached_property", "Path", "Self",
    }
)
# Names that pydantic BaseModel uses for its own API; a field with one of these names would break the model.
_MODEL_RESERVED = {
    name for name in ("model_config", "model_fields", "model_construct", "model_dump", "model_validate", "copy", "dict", "json", "schema", "construct", "fields", "validate", "parse_obj", "parse_raw")
}

@lru_cache(maxsize=65536)  # the same wire names are cased again and again (fields, params, nested class names)
def snake(name: str) -> str:
    """``remixedFromVideoID`` -> ``remixed_from_video_id``; never empty, never starts with a digit."""
    words = _ascii_words(name)
    text = "_".join(w.lower() for w in words)[:MAX_NAME_LENGTH].rstrip("_") or "field"
    if text[0].isdigit():
        text = "n_" + text
    return text


@lru_cache(maxsize=65536)
def pascal(name: str) -> str:
    """``video-resource`` -> ``VideoResource``; keeps inner capitals (``OpenAIVideos`` stays)."""
    words = _ascii_words(name)
    text = "".join(w[:1].upper() + w[1:] for w in words)[:MAX_NAME_LENGTH] or "Model"
    if text[0].isdigit():
        text = "N" + text
    return text


def safe_identifier(text: str, *, reserved: set[str] | frozenset[str] = frozenset()) -> str:
    if keyword.iskeyword(text) or text in _RESERVED or text in reserved or text.startswith("__"):
        return text.strip("_") + "_" if text.strip("_") else "field_"
    return text


# Names a method body or signature of a generated resource uses; a parameter must not shadow them.
_PARAM_RESERVED = {
    "self", "extra_headers", "extra_query", "extra_body", "timeout", "poll_interval_ms", "path_template",
    "make_request_options", "cast", "Any", "httpx", "type", "str", "int", "float", "bool", "bytes", "object",
    "list", "dict", "created", "result",
}


def _suffixed(text: str) -> str:
    return text.strip("_") + "_" if text.strip("_") else "field_"


def field_name(wire: str) -> str:
    """Model fields may shadow builtins (``id``, ``object``) but not keywords or pydantic's own attributes."""
    text = snake(wire)
    if keyword.iskeyword(text) or text in _MODEL_RESERVED or text.startswith(("model_", "_")):
        return _suffixed(text)
    return text


def param_name(wire: str) -> str:
    text = snake(wire)
    if keyword.iskeyword(text) or text in _PARAM_RESERVED or text.startswith("_"):
        return _suffixed(text)
    return text


_RESOURCE_RESERVED = {"with_raw_response", "with_streaming_response", "with_options", "copy", "close", "self"}
# module-level names a resource class body refers to in annotations; a method of that name would shadow them
_RESOURCE_RESERVED |= {"httpx", "cast", "overload", "deprecated", "cached_property", "datetime", "date", "make_request_options",
                       "path_template"}


def method_name(wire: str) -> str:
    """Method and resource attribute names may shadow builtins (``list``), never keywords or our own API."""
    text = snake(wire)
    if keyword.iskeyword(text) or keyword.issoftkeyword(text) or text in _RESOURCE_RESERVED or text.startswith("_"):
        return text.strip("_") + "_" if text.strip("_") else "method_"
    return text


# Public attributes of the generated client (and its base class); a resource attribute must not replace them.
_CLIENT_RESERVED = {
    "api_key", "base_url", "max_retries", "timeout", "default_headers", "default_query", "user_agent", "is_closed",
    "request", "get_api_list", "build", "disposition",
}


def resource_name(wire: str) -> str:
    """A resource's attribute on the client and its module name: a method name that also spares the client's own."""
    text = method_name(wire)
    return text + "_" if text in _CLIENT_RESERVED else text


def class_name(wire: str) -> str:
    return safe_identifier(pascal(wire))


def module_name(py_class: str) -> str:
    """Module stem for a class; lower case so names that differ only by case are told apart by ``unique``."""
    return safe_identifier(snake(py_class))


def env_prefix(py_class: str) -> str:
    return snake(py_class).upper()
