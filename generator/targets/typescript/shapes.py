"""The plan of a TypeScript SDK: every name, type and literal decided, ready to be written out."""

from __future__ import annotations

from dataclasses import field
from typing import Any

from generator import model
from generator.frozen import frozen
from generator.targets.typescript.auth import TsAuth


@frozen
class TsParam:
    key: str  # the key in the method's params object (the wire name, unless two locations share it)
    wire: str
    location: str  # query, header, cookie, body or whole (the entire request body)
    members: tuple[str, ...]  # union members of its TypeScript type
    required: bool
    description: str
    deprecated: bool
    type: model.TypeExpr
    example: Any
    uploads: bool  # bytes are files (multipart and binary bodies), not strings
    query_style: tuple[str, bool] | None = None  # (style, explode) the query string's default would not write


@frozen
class TsPathParam:
    local: str
    wire: str
    ts: str
    example: Any
    description: str


@frozen
class TsPage:
    const: str  # the module-level CursorPageConfig
    items: str
    cursor_param: str
    cursor_source: str
    has_more: str
    item: str  # the item type


@frozen
class TsOperation:
    method: str
    config_key: str  # resource.method as the configuration spells it
    http: str
    path: str  # a TypeScript expression (a `path` tagged template or a string literal)
    wire_path: str
    path_params: tuple[TsPathParam, ...]
    params: tuple[TsParam, ...]
    params_type: str  # the exported params interface, "" when the method takes none
    params_required: bool
    params_omittable: bool  # the params object is an optional body sent as it is: omitted, nothing is sent
    locations_const: str  # "" when the params object goes to one place as it is
    body_encoding: str  # "", json, multipart, form, binary, text
    content_type: str
    part_types: tuple[tuple[str, str], ...]  # multipart (wire name, content type) the spec's `encoding` declares
    returns: str  # the TypeScript type inside APIPromise (or the whole return type for pages)
    parse_as: str
    response: model.Response
    page: TsPage | None
    fixed_query: tuple[tuple[str, str], ...]
    doc: tuple[str, ...]  # JSDoc text lines (before escaping)
    deprecated: bool
    stream_event: str = ""  # the event type of a `stream: true` variant
    stream_param: str = ""
    security: model.Requirement | None = None  # the operation's own requirement, None for the client's default
    empty_body: bool = False  # a required JSON body of fields, all optional: sent as {} when none is given
    example_required: tuple[str, ...] = ()  # optional body fields an example call still sends (anyOf required sets)


@frozen
class TsPolling:
    const: str
    retrieve: TsOperation
    create: TsOperation | None
    poll_method: str
    create_method: str
    id_field: str
    status_field: str
    pending: tuple[str, ...]
    interval_header: str
    default_interval_ms: int


@frozen
class TsResource:
    name: str  # the client property
    file: str  # src/resources/<file>.ts
    class_name: str
    operations: tuple[TsOperation, ...]
    polling: TsPolling | None = None


@frozen
class TsApi:
    title: str
    description: str
    package: str  # the npm name
    version: str
    client_class: str
    base_url: str
    api_key_env: str
    base_url_env: str
    log_env: str
    auth: TsAuth
    options_type: str  # the client's options interface ("ClientOptions" when no credential needs an option of its own)
    resources: tuple[TsResource, ...]
    declarations: tuple[str, ...]  # src/types.ts after its header
    type_names: tuple[str, ...]
    uploads_in_types: bool
    warnings: tuple[str, ...] = field(default=(), compare=False)
