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
    language: Literal["python", "typescript"] = "python"  # which target turns the model into an SDK
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


CANDIDATES = (Path("sdkforge.yaml"), Path("pyproject.toml"))  # looked for, in this order, without --config


def config_file(explicit: str | Path | None) -> Path | None:
    """The configuration file a command reads: ``--config``, else ./sdkforge.yaml or ./pyproject.toml if present."""
    if explicit:
        return Path(explicit)
    return next((candidate for candidate in CANDIDATES if candidate.is_file()), None)


def read_table(path: Path) -> dict[str, Any]:
    """The raw settings: ``[tool.sdkforge]`` of a ``.toml`` file, or the whole of a YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read config: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        if path.suffix == ".toml":
            raw: Any = tomllib.loads(text).get("tool", {}).get("sdkforge", {})
        else:
            raw = yaml.safe_load(text) or {}
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"{path}: invalid config file: {exc}") from None
    if not isinstance(raw, dict):
        raise UsageError(f"{path}: the configuration must be a mapping")
    return raw


def load_config(path: Path) -> tuple[Config, Path]:
    """Read a config file; returns the config and the folder its relative paths are resolved against."""
    raw = read_table(path)
    if isinstance(raw.get("validate"), dict):
        raw = {**raw, "validate": raw["validate"].get("rules", {})}
    try:
        return Config.model_validate(raw), path.parent
    except ValidationError as exc:
        first = exc.errors()[0]
        key = _key_path(first["loc"])
        raise UsageError(f"{path}: [tool.sdkforge] {key}: {first['msg']}") from None


def find_config(explicit: str | None) -> tuple[Config, Path]:
    path = config_file(explicit)
    if path is None:
        raise UsageError("no configuration found: pass --config, or run where pyproject.toml has [tool.sdkforge]")
    return load_config(path)


def rule_levels(explicit: str | Path | None) -> dict[Any, Any]:
    """The validate rule levels as written (``[tool.sdkforge.validate] rules``, or ``[tool.sdkforge] rules``), not yet
    checked against the rule table; {} when there is no configuration file (and no ``--config``)."""
    path = config_file(explicit)
    if path is None:
        return {}
    if not path.is_file():
        raise UsageError(f"config file not found: {path}")
    table = read_table(path)
    validate = table.get("validate")
    rules = validate.get("rules") if isinstance(validate, dict) else None
    if rules is None:
        rules = table.get("rules")
    if rules is None:
        return {}
    if not isinstance(rules, dict):
        raise UsageError(f"{path}: [tool.sdkforge.validate] rules must be a table of rule id = level")
    return rules


def _key_path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(root)"
