"""Configuration: ``[tool.sdkforge]`` in pyproject.toml or a standalone sdkforge.yaml -> Config.

The keys are models.py; an invalid file raises ConfigError, one line per problem naming file, line and key.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.errors import ConfigError, UsageError

if TYPE_CHECKING:
    from generator.config.models import (
        AcceptedChange,
        Config,
        DiffConfig,
        PaginationConfig,
        PollingConfig,
        Selection,
        Target,
        ValidateConfig,
    )

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, no-redef]

__all__ = [  # the models (capitalised) are defined in models.py; the functions read configuration files
    "AcceptedChange", "Config", "DiffConfig", "PaginationConfig", "PollingConfig", "Selection", "Target", "ValidateConfig",
    "config_file", "find_config", "load_config", "read_table", "rule_levels",
    "rulesets",
]
MODELS = frozenset(name for name in __all__ if name[0].isupper())


def __getattr__(name: str) -> Any:
    """The models on first use: they bring pydantic, which ``sdkforge validate`` and ``check``'s cache hit never need."""
    if name in MODELS:
        from generator.config import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


TOML_TABLE = ("tool", "sdkforge")  # where the configuration sits in a .toml file

CANDIDATES = (Path("sdkforge.yaml"), Path("pyproject.toml"))  # looked for, in this order, without --config


def config_file(explicit: str | Path | None) -> Path | None:
    """The configuration file a command reads: ``--config``, else ./sdkforge.yaml or ./pyproject.toml if present."""
    if explicit:
        return Path(explicit)
    return next((candidate for candidate in CANDIDATES if candidate.is_file()), None)


def read_table(path: Path) -> dict[str, Any]:
    """The raw settings: ``[tool.sdkforge]`` of a ``.toml`` file, or the whole of a YAML file."""
    return _read(path)[1]


def _read(path: Path) -> tuple[str, dict[str, Any]]:
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
    return text, raw


def load_config(path: Path) -> tuple[Config, Path]:
    """Read a config file; returns the config and the folder its relative paths are resolved against."""
    from pydantic import ValidationError

    from generator.config import lines
    from generator.config.models import Config
    from generator.config.problems import diagnostics

    text, raw = _read(path)
    try:
        return Config.model_validate(raw), path.parent
    except ValidationError as exc:
        if path.suffix == ".toml":
            raise ConfigError(diagnostics(exc, str(path), TOML_TABLE, lines.toml_lines(text))) from None
        raise ConfigError(diagnostics(exc, str(path), (), lines.yaml_lines(text))) from None


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


def rulesets(explicit: str | Path | None) -> tuple[str, ...]:
    """The rulesets ``[tool.sdkforge.validate] extends`` names, not yet checked; () without a configuration file."""
    path = config_file(explicit)
    if path is None or not path.is_file():
        return ()
    validate = read_table(path).get("validate")
    extends = validate.get("extends") if isinstance(validate, dict) else None
    if extends is None:
        return ()
    if not isinstance(extends, list) or not all(isinstance(name, str) for name in extends):
        raise UsageError(f"{path}: [tool.sdkforge.validate] extends must be a list of ruleset names")
    return tuple(extends)
