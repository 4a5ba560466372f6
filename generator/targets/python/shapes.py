"""The plan the Python templates read: names, annotations, import lines and call sources, ready to print."""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Literal

from generator.frozen import frozen
from generator.model import Requirement
from generator.targets.python.expressions import TypeExpr

if TYPE_CHECKING:
    from generator.targets.python.mcp.plan import McpPlan
    from generator.targets.python.names import Names

# --- schemas ----------------------------------------------------------------------------------------------------


@frozen
class PyField:
    py_name: str
    wire_name: str
    type: TypeExpr
    annotation: str  # rendered annotation, e.g. "Optional[str]"
    required: bool
    default: str | None  # Python source of the default ("None", "'x'") or None when the field has no default
    doc: str  # already safe to put inside a docstring
    deprecated: bool = False
    assign: str = ""  # right-hand side of the class attribute, e.g. " = None" or " = FieldInfo(alias='x')"
    read_only: bool = False
    write_only: bool = False

    @property
    def aliased(self) -> bool:
        return self.py_name != self.wire_name


@frozen
class PyModel:
    """One module under types/: a pydantic model, a TypedDict for request params, or a type alias."""

    py_name: str
    module: str  # file stem under types/
    wire_name: str  # the schema's name in the spec (or the lifted inline name)
    kind: Literal["model", "typeddict", "alias"]
    fields: tuple[PyField, ...] = ()
    alias_of: str = ""  # rendered annotation, for kind == "alias"
    type_alias: TypeExpr | None = None
    extra: TypeExpr | None = None  # additionalProperties: extra fields kept on the model
    doc: str = ""
    imports: tuple[str, ...] = ()  # complete import lines the module needs
    deprecated: bool = False
    functional: bool = False  # a TypedDict whose keys are not all identifiers uses the functional syntax
    late_imports: tuple[str, ...] = ()  # imports of modules in an import cycle with this one, placed after the class
    recursive: bool = False  # an alias that refers to itself (through others): a TypeAliasType at run time


# --- operations -------------------------------------------------------------------------------------------------

ParamLocation = Literal["path", "query", "header", "cookie", "body"]


@frozen
class PyParam:
    py_name: str
    wire_name: str
    location: ParamLocation
    type: TypeExpr
    annotation: str  # annotation in the method signature (includes "| NotGiven" for optional ones)
    required: bool
    doc: str
    style: str = ""
    explode: bool = True
    default: str | None = None  # source text of the default in the signature ("NOT_GIVEN" for optional)
    deprecated: bool = False
    example: str = ""  # Python source of an example value, for generated tests and docs


@frozen
class PyBody:
    content_type: str  # the wire content type: "application/json", "multipart/form-data", ...
    encoding: Literal["json", "multipart", "form", "binary", "text"]
    params: tuple[PyParam, ...]  # flattened object properties (location "body"), or one param for a whole body
    whole: bool = False  # True when the body is passed as a single argument (non-object or binary)
    required: bool = True
    file_fields: tuple[str, ...] = ()  # wire names of multipart file parts
    # multipart fields whose media type declares an `encoding` (the rest use the runtime's bracket form):
    part_styles: tuple[tuple[str, str, bool], ...] = ()  # (wire name, style, explode): written like query params
    part_types: tuple[tuple[str, str], ...] = ()  # (wire name, content type): sent as parts of that type
    example_required: tuple[str, ...] = ()  # optional fields an example call still sends (anyOf required sets)


@frozen
class PyResponse:
    status: str
    content_type: str | None
    kind: Literal["json", "binary", "text", "none", "sse"]
    type: TypeExpr | None
    annotation: str  # the method's return annotation
    example: str = ""  # JSON text of a response built from the schema (or the spec's example)
    model_class: str = ""  # the pydantic class the method returns, when it returns one
    accept: tuple[str, ...] = ()  # content types the operation declares for this response
    may_be_null: bool = False  # JSON null is a valid answer (an Any or nullable type): a mock server may send it


@frozen
class PyPagination:
    page_class: str  # runtime class name, e.g. "CursorPage"
    items_field: str
    item_annotation: str
    item_type: TypeExpr
    cursor_param: str  # query parameter that receives the cursor
    cursor_source: str  # "last_item:<field>" or "response:<field>"
    has_more_field: str = ""


@frozen
class PyPolling:
    method: str  # name of the generated polling method, e.g. "poll"
    create_and_poll: str  # name of the create-and-poll method or ""
    retrieve_method: str  # the operation that re-reads the resource
    id_param: str  # the retrieve method's positional id parameter
    id_field: str  # the created object's id field
    return_annotation: str
    status_field: str
    pending_values: tuple[str, ...]
    interval_header: str
    default_interval_ms: int


@frozen
class PyStreamVariant:
    """The JSON-body ``stream: true`` pattern: the same operation answers with server-sent events when asked."""

    param: str  # Python name of the boolean body parameter that selects streaming
    event_type: TypeExpr
    event_annotation: str  # annotation of one event
    sync_annotation: str  # "Stream[Event]"
    async_annotation: str  # "AsyncStream[Event]"
    plain_annotation: str  # the non-streaming return annotation


@frozen
class PyOperation:
    resource: str
    method: str  # Python method name
    operation_id: str
    http_method: str  # lower case
    path: str
    path_template: str  # the path with placeholders renamed to the Python parameter names
    summary: str
    doc: str  # full docstring body (summary, description, Args section), safe for a docstring
    params: tuple[PyParam, ...]  # path first, then query, header, cookie; in signature order
    body: PyBody | None
    response: PyResponse
    cast_to: str  # expression passed as cast_to
    return_annotation: str
    async_cast_to: str
    async_return_annotation: str
    needs_return_cast: bool = False
    deprecated: bool = False
    param_styles: tuple[tuple[str, str, bool], ...] = ()  # (wire name, style, explode) when not form+explode
    # what the runtime call sends: (wire name, Python source of the value) per location
    query: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    cookies: tuple[tuple[str, str], ...] = ()
    pagination: PyPagination | None = None
    poll: PyPolling | None = None  # emit the polling method after this (retrieve) operation
    create_and_poll: PyPolling | None = None  # emit create_and_poll after this (create) operation
    path_call_args: tuple[str, ...] = ()  # arguments of the path_template(...) call in the generated method
    # generated tests and docs
    example_path: str = ""  # the request path the example call produces
    call_required: tuple[str, ...] = ()  # source of each argument of a call with only the required ones
    call_all: tuple[str, ...] = ()  # source of each argument of a call with every argument
    sent_required: tuple[str, ...] = ()  # wire names of body fields the required-args call sends
    call_odd_id: tuple[str, ...] = ()  # required-args call with every path parameter set to ODD_ID (none: no path)
    odd_id_path: str = ""  # the path that call must produce
    call_empty_id: tuple[str, ...] = ()  # required-args call with the path parameters set to ""
    stream: PyStreamVariant | None = None  # overloads returning Stream[Event] when the stream parameter is True
    no_prism: str = ""  # why the generated tests call it in-process only (Prism cannot mock a text/event-stream)
    security: Requirement | None = None  # the operation's own security requirement, when not the API's default


@frozen
class PyResource:
    name: str  # attribute on the client, e.g. "videos"
    module: str  # module stem under resources/
    class_name: str  # "Videos"
    async_class_name: str  # "AsyncVideos"
    operations: tuple[PyOperation, ...]
    imports: tuple[str, ...] = ()  # import lines the resource module needs
    test_imports: tuple[str, ...] = ()  # import lines its generated test module needs
    doc: str = ""




@frozen
class PyCredential:
    """One secret the client constructor takes (and reads from the environment when it is not passed)."""

    param: str  # Python parameter name, e.g. "api_key", "username"
    env_var: str  # e.g. "ACME_API_KEY"
    example: str  # the value the generated tests pass
    doc: str = ""  # what it is, for docs: "token of the bearerAuth scheme"


@frozen
class PySecurityScheme:
    """How one OpenAPI security scheme is sent; the credential fields hold PyCredential.param names."""

    name: str  # key under components/securitySchemes
    kind: Literal["bearer", "basic", "api_key", "oauth2"]  # oauth2: a bearer token, given or fetched
    location: Literal["header", "query", "cookie"] = "header"
    wire_name: str = "Authorization"  # header, query parameter or cookie name
    token: str = ""  # bearer token / API key / oauth2 access token
    username: str = ""
    password: str = ""
    client_id: str = ""  # oauth2 clientCredentials flow
    client_secret: str = ""
    token_url: str = ""
    scopes: tuple[str, ...] = ()  # scopes requested with a fetched token


@frozen
class PyAuth:
    schemes: tuple[PySecurityScheme, ...] = ()  # the schemes some generated operation uses
    credentials: tuple[PyCredential, ...] = ()  # constructor parameters, in signature order
    security: Requirement = ()  # the requirement of every operation that does not declare its own
    check_at_init: bool = False  # one required scheme everywhere: a missing credential fails at construction
    env_var: str = ""  # environment variable of the main credential (docs)
    param: str = ""  # its parameter
    sensitive: tuple[str, ...] = ()  # lower-cased header / query / cookie names that carry secrets


@frozen
class PyApi:
    title: str
    description: str
    version: str  # version of the generated distribution
    spec_version: str
    distribution: str  # e.g. "openai-videos"
    package: str  # e.g. "openai_videos"
    client_class: str  # "OpenAIVideos"
    async_client_class: str  # "AsyncOpenAIVideos"
    error_base: str  # "OpenAIVideosError"
    base_url: str
    base_url_env: str  # "OPENAI_BASE_URL"
    log_env: str  # "OPENAI_VIDEOS_LOG"
    auth: PyAuth
    sync: bool = True
    async_: bool = True
    resources: tuple[PyResource, ...] = ()
    models: tuple[PyModel, ...] = ()
    client_names: tuple[str, ...] = ()  # the client classes this SDK exports, sorted
    warnings: tuple[str, ...] = field(default=(), compare=False)
    mcp: McpPlan | None = None  # when the target asks for an MCP server
    names: Names | None = field(default=None, repr=False, compare=False)  # the names the plan gave (for its surface)
    # each schema's model (by id) and each operation's plan (by index), before import cycles are broken and
    # operations are grouped: what the next plan may reuse
    parts: tuple[tuple[PyModel, ...], tuple[PyOperation, ...]] = field(default=((), ()), repr=False, compare=False)
