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


def _key(description: str, default: Any = PydanticUndefined, **constraints: Any) -> Any:
    """One configuration key: its default, its constraints and the description the JSON Schema shows editors."""
    return Field(default, description=description, **constraints)


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

    spec: str = _key("the OpenAPI 3.0/3.1 spec (path relative to the configuration file)")
    output: str = _key("the project folder written (relative to the configuration file)")
    language: Literal["python", "typescript"] = _key("which target turns the model into an SDK", "python")
    package: str = _key("the import name", pattern=r"^[a-z_][a-z0-9_]*$")
    distribution: str = _key("the PyPI / npm name (default: package with dashes)", "")
    version: str = _key("the SDK's version (default: the spec's info.version)", "")
    client_class: str = _key("the client class (default: from package); Python adds Async<client_class>", "")
    api_key_env: str = _key("environment variable with the API key (default: <CLIENT>_API_KEY)", "")
    base_url_env: str = _key("environment variable that overrides the base URL", "")
    log_env: str = _key("environment variable that sets the SDK's log level", "")
    base_url: str = _key("the default base URL (default: the spec's first server)", "")
    mode: Literal["both", "sync", "async"] = _key("which Python clients to generate", "both")
    include: Selection = _key("keep only these operations", Selection())
    exclude: Selection = _key("drop these operations", Selection())
    renames: dict[str, str] = _key("schema name -> generated type name", {})
    operations: dict[str, str] = _key('operationId -> "resource.method"', {})
    pagination: dict[str, PaginationConfig] = _key('"resource.method" -> how that list operation pages', {})
    polling: dict[str, PollingConfig] = _key("resource -> how to poll it until its work is done", {})
    templates: str = _key("a folder of templates searched before the built-in ones (Python)", "")
    hooks: tuple[str, ...] = _key("shell commands run in the output folder after writing (Python)", ())


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


class Config(_Strict):
    """``[tool.sdkforge]`` in pyproject.toml, or the whole of a standalone sdkforge.yaml."""

    targets: tuple[Target, ...] = _key("the SDKs to generate", ())
    validation: ValidateConfig = Field(ValidateConfig(), alias="validate", description="validation settings")

    @property
    def validate_rules(self) -> dict[str, str]:
        return dict(self.validation.rules)
