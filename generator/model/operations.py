"""Operations of the neutral model: parameters, request bodies and responses, as the wire has them."""

from __future__ import annotations

import typing as t

from generator.frozen import frozen
from generator.model.types import TypeExpr

ParamLocation = t.Literal["path", "query", "header", "cookie", "body"]

# A security requirement: alternatives (OR), each the names of the schemes sent together (AND). ``()`` sends no
# credentials; an empty alternative ``()`` inside makes credentials optional.
Requirement = tuple[tuple[str, ...], ...]

# An upload a generated example sends: (filename, content, media type)
FILE_EXAMPLE = ("example.png", b"example file content", "image/png")


@frozen
class Param:
    wire_name: str
    location: ParamLocation
    type: TypeExpr
    required: bool
    description: str = ""
    style: str = ""
    explode: bool = True
    deprecated: bool = False
    example: t.Any = None  # JSON value (bytes for a binary body, FILE_EXAMPLE or [FILE_EXAMPLE] for uploads)


@frozen
class Body:
    content_type: str  # the wire content type: "application/json", "multipart/form-data", ...
    encoding: t.Literal["json", "multipart", "form", "binary", "text"]
    params: tuple[Param, ...]  # object properties (location "body"), or one param "body" for a whole body
    whole: bool = False  # the body is one value (not an object, or binary)
    required: bool = True
    file_fields: tuple[str, ...] = ()  # wire names of multipart file parts
    part_styles: tuple[tuple[str, str, bool], ...] = ()  # (wire name, style, explode): written like query params
    part_types: tuple[tuple[str, str], ...] = ()  # (wire name, content type): sent as parts of that type
    example_required: tuple[str, ...] = ()  # optional fields an example call still sends (anyOf required sets)
    schema: str = ""  # the component schema whose properties ``params`` are (its wire name), when it is one
    description: str = ""  # the request body's own description (a whole body's is its param's)


@frozen
class Response:
    status: str
    content_type: str | None
    kind: t.Literal["json", "binary", "text", "none", "sse"]
    type: TypeExpr | None
    example: str = ""  # JSON text of a response built from the schema (or the spec's example)
    least: str = ""  # JSON text of the smallest response the schema allows (required properties only)
    accept: tuple[str, ...] = ()  # content types the operation declares for this response


@frozen
class StreamVariant:
    """The JSON-body ``stream: true`` pattern: the same operation answers with server-sent events when asked."""

    param: str  # wire name of the boolean body property that selects streaming
    event_type: TypeExpr


@frozen
class Operation:
    operation_id: str
    http_method: str  # lower case
    path: str  # without a fragment or a fixed query string
    path_key: str  # the key under ``paths``, as the spec spells it
    group: str  # the first tag ('' without one)
    sdk_method: str  # the method an SDK-name extension gives (x-sdk-method, Fern's, Speakeasy's), else ''
    summary: str
    description: str
    pointer: str
    params: tuple[Param, ...]  # in the spec's order: path item's, operation's, then undeclared path placeholders
    body: Body | None
    response: Response
    fixed_query: tuple[tuple[str, str], ...] = ()  # a query string fixed in the path key
    stream: StreamVariant | None = None
    deprecated: bool = False
    security: Requirement | None = None  # the operation's own requirement, when not the API's default
    sdk_group: str = ""  # the group (resource) an SDK-name extension gives, dotted when nested, else ''
