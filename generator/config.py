"""Configuration: ``[tool.sdkforge]`` in pyproject.toml or a standalone sdkforge.yaml -> Config.

Validated with pydantic; an error names the file and the key (``targets[0].mode``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Selection(_Strict):
    tags: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()  # operationIds

    def is_empty(self) -> bool:
        return not (self.tags or self.paths or self.operations)


class PaginationConfig(_Strict):
    """How one list operation pages: items in ``items``; the next page's cursor goes in query ``cursor_param``."""

    items: str = "data"
    cursor_param: str = "after"
    cursor_source: str = Field("last_item:id", pattern=r"^(last_item|response):\w+$")
    has_more: str = ""


class PollingConfig(_Strict):
    """Adds ``poll`` (and ``create_and_poll`` when ``create`` is set) to a resource."""

    retrieve: str = "retrieve"
    create: str = ""
    id_field: str = "id"
    id_param: str = ""  # the retrieve operation's path parameter; defaults to its first path parameter
    status_field: str = "status"
    pending: tuple[str, ...] = ("queued", "in_progress")
    interval_header: str = ""
    default_interval_ms: int = Field(1000, ge=0)


class Target(_Strict):
    spec: str
    output: str
    language: Literal["python"] = "python"  # which target turns the model into an SDK
    package: str = Field(pattern=r"^[a-z_][a-z0-9_]*$")
    distribution: str = ""
    version: str = ""  # defaults to the spec's info.version
    client_class: str = ""
    api_key_env: str = ""
    base_url_env: str = ""
    log_env: str = ""
    base_url: str = ""
    mode: Literal["both", "sync", "async"] = "both"
    include: Selection = Selection()
    exclude: Selection = Selection()
    renames: dict[str, str] = {}
    operations: dict[str, str] = {}  # operationId -> "resource.method"
    pagination: dict[str, PaginationConfig] = {}  # "resource.method" -> how it pages
    polling: dict[str, PollingConfig] = {}  # resource -> polling declaration
    templates: str = ""
    hooks: tuple[str, ...] = ()


class Config(_Strict):
    targets: tuple[Target, ...] = ()
    validate_rules: dict[str, Literal["off", "error", "warning"]] = Field({}, alias="validate")


def load_config(path: Path) -> tuple[Config, Path]:
    """Read a config file; returns the config and the folder its relative paths are resolved against."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read config: {exc.strerror}") from None
    try:
        if path.suffix == ".toml":
            raw: Any = tomllib.loads(text).get("tool", {}).get("sdkforge", {})
        else:
            raw = yaml.safe_load(text) or {}
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"{path}: invalid config file: {exc}") from None
    if not isinstance(raw, dict):
        raise UsageError(f"{path}: the configuration must be a mapping")
    if isinstance(raw.get("validate"), dict):
        raw = {**raw, "validate": raw["validate"].get("rules", {})}
    try:
        return Config.model_validate(raw), path.parent
    except ValidationError as exc:
        first = exc.errors()[0]
        key = _key_path(first["loc"])
        raise UsageError(f"{path}: [tool.sdkforge] {key}: {first['msg']}") from None


def find_config(explicit: str | None) -> tuple[Config, Path]:
    if explicit:
        return load_config(Path(explicit))
    for candidate in (Path("sdkforge.yaml"), Path("pyproject.toml")):
        if candidate.is_file():
            return load_config(candidate)
    raise UsageError("no configuration found: pass --config, or run where pyproject.toml has [tool.sdkforge]")


def _key_path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(root)"
