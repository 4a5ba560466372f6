"""`sdkforge validate`: its arguments, its run (rule levels, the Python target's naming, a report format) and exit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from generator.cli import ui
from generator.cli.exit_codes import EXIT_BUG, EXIT_FAILED, EXIT_OK, EXIT_USAGE
from generator.diagnostics import ERROR, Diagnostic
from generator.errors import UsageError
from generator.validate.report import FORMATS


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check OpenAPI specs (structure and semantic rules)",
        description="Validate OpenAPI 3.0/3.1 and Swagger 2.0 specs. Exit status: 0 clean, 1 errors (or warnings with "
        "--strict), 2 unusable input or usage.",
        epilog="examples:\n  sdkforge validate specs/*.yaml\n  sdkforge validate --strict --format github api.yaml"
        "\n  sdkforge validate --format sarif api.yaml > validate.sarif",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("specs", nargs="+", metavar="SPEC", help="spec files (YAML or JSON)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument("--ruleset", action="append", metavar="NAME", default=None,
                        help="add a ruleset: sdk (the default, always on), recommended, security (repeatable)")
    parser.add_argument("--config", metavar="PATH", default=None,
                        help="TOML file with [tool.sdkforge.validate] rules (default: ./pyproject.toml if present)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from generator.targets.python.checks import NAMES
    from generator.validate import checks
    from generator.validate.levels import check_rule_config, read_config
    from generator.validate.report import render
    from generator.validate.rulesets import DEFAULT, with_rulesets

    try:
        rules = getattr(args, "rules", None)
        rules = check_rule_config(rules) if rules is not None else read_config(getattr(args, "config", None))
        rules = with_rulesets(rules, getattr(args, "ruleset", None) or DEFAULT)
        diagnostics = checks.validate_paths(args.specs, rules, names=NAMES)
        text = render(diagnostics, getattr(args, "format", "text") or "text", stream=sys.stdout)
    except UsageError as exc:
        print(f"sdkforge validate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - never a traceback for any input: a bug in sdkforge, one line and exit 4
        spec = ", ".join(str(s) for s in getattr(args, "specs", None) or [])
        ui.internal_error(exc, spec, verbose=bool(getattr(args, "verbose", False)), command="validate")
        return EXIT_BUG
    if text:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return exit_code(diagnostics, bool(getattr(args, "strict", False)))


def exit_code(diagnostics: Sequence[Diagnostic], strict: bool) -> int:
    if any(d.rule == "SF000" for d in diagnostics):
        return EXIT_USAGE
    if any(d.severity == ERROR for d in diagnostics):
        return EXIT_FAILED
    if strict and diagnostics:
        return EXIT_FAILED
    return EXIT_OK
