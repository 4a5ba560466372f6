"""Command-line options that become configuration values: a target built from them, every bad value a usage error.

An option is checked by the same model a configuration file is (config/models.py), so the rules cannot drift; the
error names the option (not the key), the rule it breaks and, where one exists, a value that would pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from generator.errors import UsageError

if TYPE_CHECKING:
    from generator.config import Target

# a configuration key a command-line option sets -> the option's spelling
OPTION_OF = {"package": "--package-name", "language": "--language", "output": "--output", "spec": "SPEC"}

_RULE_OF_PATTERN = {r"^[a-z_][a-z0-9_]*$": "a lowercase Python identifier: a-z, 0-9 and _, not starting with a digit"}


def target_from_options(values: Mapping[str, Any]) -> Target:
    """A Target from option values keyed by configuration key; the first invalid one raises UsageError."""
    from pydantic import ValidationError

    from generator.config import Target

    try:
        return Target(**values)
    except ValidationError as exc:
        problem = exc.errors()[0]
        key = str(problem["loc"][0]) if problem["loc"] else ""
        raise UsageError(_message(key, problem)) from None


def _message(key: str, problem: Any) -> str:
    from generator.config.problems import suggestion  # pydantic's side of the configuration: loaded with it

    option, value = OPTION_OF.get(key, f"--{key.replace('_', '-')}"), problem.get("input")
    if problem["type"] == "string_pattern_mismatch":
        pattern = problem["ctx"]["pattern"]
        rule = _RULE_OF_PATTERN.get(pattern)
        why = f"not {rule}" if rule else f"does not match {pattern}"
        return f"{option} {value!r}: {why}" + suggestion(pattern, str(value))
    return f"{option} {value!r}: {problem['msg']}"


