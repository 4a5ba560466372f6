"""The configuration's keys: every table, key, type, default, constraint and description, as pydantic models.

The one definition both the reader (load_config) and ``sdkforge schema`` use.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticUndefined

# a rule id ("SF023") or name ("operation-tags"); which ones exist, validate/rules.py says
RuleId = Annotated[str, StringConstraints(pattern=r"^(?:[Ss][Ff][0-9]{3}|[a-z][a-z0-9$._-]*)$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


LANGUAGES = ("python", "typescript")


def _key(description: str, default: Any = PydanticUndefined, *, languages: tuple[str, ...] | None = None,
         **constraints: Any) -> Any:
    """One configuration key: its default, its constraints and the description the JSON Schema shows editors;
    ``languages``: the targets that read it (a target's keys only), shown as ``x-sdkforge-languages``."""
    if languages is not None:
        constraints["json_schema_extra"] = {**constraints.get("json_schema_extra", {}),
                                            "x-sdkforge-languages": list(languages)}
    return Field(default, description=description, **constraints)


def _target_key(description: str, default: Any = PydanticUndefined, **constraints: Any) -> Any:
    """A target's key that every language reads."""
    return _key(description, default, languages=LANGUAGES, **constraints)


class Selection(_Strict):
    """Which operations a target keeps (``include``) or drops (``exclude``); an empty selection filters nothing."""

    tags: tuple[str, ...] = _key("operations with any of these tags", ())
    paths: tuple[str, ...] = _key("operations under these paths", ())
    operations: tuple[str, ...] = _key("operations with these operationIds", ())

    def is_empty(self) -> bool:
        return not (self.tags or self.paths or self.operations)


class PaginationConfig(_Strict):
    """How one list operation pages: items in ``items``; the next page's cursor goes in query ``cursor_param``."""

    items: str = _key("the response field holding the page's items", "data")
    cursor_param: str = _key("the query parameter that receives the next page's cursor", "after")
    cursor_source: str = _key(
        'where the cursor comes from: "last_item:<field>" or "response:<field>"',
        "last_item:id",
        pattern=r"^(last_item|response):\w+$",
    )
    has_more: str = _key("the response field that says whether there is another page (default: a non-empty page)", "")


class PollingConfig(_Strict):
    """Adds ``poll`` (and ``create_and_poll`` when ``create`` is set) to a resource."""

    retrieve: str = _key("the resource's method that fetches one item", "retrieve")
    create: str = _key("the resource's method that starts the work; adds create_and_poll", "")
    id_field: str = _key("the item field holding its id", "id")
    id_param: str = _key("the retrieve operation's path parameter (default: its first path parameter)", "")
    status_field: str = _key("the item field holding its status", "status")
    pending: tuple[str, ...] = _key("statuses that mean: poll again", ("queued", "in_progress"))
    interval_header: str = _key("a response header with the server's suggested wait in milliseconds", "")
    default_interval_ms: int = _key("the wait between polls without that header", 1000, ge=0)


class Target(_Strict):
    """One SDK generated from one spec."""

    spec: str = _target_key("the OpenAPI 3.0/3.1 spec (path relative to the configuration file)")
    output: str = _target_key("the project folder written (relative to the configuration file)")
    language: Literal["python", "typescript"] = _target_key("which target turns the model into an SDK", "python")
    package: str = _target_key("the import name", pattern=r"^[a-z_][a-z0-9_]*$")
    distribution: str = _target_key("the PyPI / npm name (default: package with dashes)", "")
    version: str = _target_key("the SDK's version (default: the spec's info.version)", "")
    client_class: str = _target_key("the client class (default: from package); Python adds Async<client_class>", "")
    api_key_env: str = _target_key("environment variable with the API key (default: <CLIENT>_API_KEY)", "")
    base_url_env: str = _target_key("environment variable that overrides the base URL", "")
    log_env: str = _target_key("environment variable that sets the SDK's log level", "")
    base_url: str = _target_key("the default base URL (default: the spec's first server)", "")
    mode: Literal["both", "sync", "async"] = _key(
        "which Python clients to generate (Python only: a TypeScript client is async)", "both", languages=("python",))
    include: Selection = _target_key("keep only these operations", Selection())
    exclude: Selection = _target_key("drop these operations", Selection())
    renames: dict[str, str] = _target_key("schema name -> generated type name", {})
    operations: dict[str, str] = _target_key('operationId -> "resource.method"', {})
    pagination: dict[str, PaginationConfig] = _target_key('"resource.method" -> how that list operation pages', {})
    polling: dict[str, PollingConfig] = _target_key("resource -> how to poll it until its work is done", {})
    templates: str = _target_key(
        "a folder of templates: Python, searched before the built-in ones (same names override); TypeScript, "
        "<path>.jinja writes the file <path> (its generated text is `generated`)", "")
    hooks: tuple[str, ...] = _target_key("shell commands run in the output folder after writing", ())
    mcp: bool = _key("an MCP server beside the SDK: <package>/mcp, run as python -m <package>.mcp (the mcp extra)",
                     False, languages=("python",))


class ValidateConfig(_Strict):
    """How ``sdkforge validate`` and ``generate`` treat the validation rules."""

    rules: dict[RuleId, Literal["off", "error", "warning"]] = _key(
        'rule id ("SF023") or name ("operation-tags") -> its level', {},
        json_schema_extra={"additionalProperties": False}
    )
    extends: tuple[str, ...] = _key(
        "the rulesets `sdkforge validate` runs without --ruleset: sdk (always on), recommended, security, or a "
        "Spectral ruleset file (relative to this file)", ()
    )


class AcceptedChange(_Strict):
    """A known change ``sdkforge diff`` reports as accepted: it no longer fails ``--fail-on-breaking``."""

    kind: str = _key('the change\'s kind as the report names it ("param_removed"); "*" globs allowed')
    where: str = _key('where the report puts it ("videos.remix(seconds)", "types.Video.*"); "*" globs allowed')
    route: str = _key('the operation ("POST /videos/{video_id}/remix"); empty: any', "")
    why: str = _key("why the change is accepted: shown in the report", min_length=1)


class DiffConfig(_Strict):
    """How ``sdkforge diff`` judges changes."""

    accept: tuple[AcceptedChange, ...] = _key("known changes accepted by the project", ())


class Config(_Strict):
    """``[tool.sdkforge]`` in pyproject.toml, or the whole of a standalone sdkforge.yaml."""

    targets: tuple[Target, ...] = _key("the SDKs to generate", ())
    validation: ValidateConfig = Field(ValidateConfig(), alias="validate", description="validation settings")
    diff: DiffConfig = _key("diff settings", DiffConfig())

    @property
    def validate_rules(self) -> dict[str, str]:
        return dict(self.validation.rules)
