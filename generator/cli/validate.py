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
from generator.validate.report import FORMATS, Report, render


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check OpenAPI specs (structure and semantic rules)",
        description="Validate OpenAPI 3.0/3.1 and Swagger 2.0 specs. Exit status: 0 clean, 1 errors (or warnings with "
        "--strict), 2 unusable input or usage.",
        epilog="examples:\n  sdkforge validate specs/*.yaml\n  sdkforge validate --strict --format github api.yaml"
        "\n  sdkforge validate --format sarif api.yaml > validate.sarif"
        "\n  sdkforge validate --generate-ignore-file api.yaml   # adopt: accept today's findings, fail on new ones",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("specs", nargs="+", metavar="SPEC", help="spec files (YAML or JSON)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument("--ruleset", action="append", metavar="NAME", default=None,
                        help="add a ruleset: sdk (the default, always on), recommended, security, or a Spectral "
                        "ruleset file such as .spectral.yaml (repeatable; default: [tool.sdkforge.validate] extends)")
    parser.add_argument("--config", metavar="PATH", default=None,
                        help="TOML file with [tool.sdkforge.validate] rules (default: ./pyproject.toml if present)")
    parser.add_argument("--ignore-file", metavar="PATH", default=None,
                        help="findings to ignore (spec file -> rule -> JSON pointers; default: ./.sdkforge-ignore.yaml "
                        "if present)")
    parser.add_argument("--generate-ignore-file", action="store_true",
                        help="write every current finding to the ignore file (--ignore-file or "
                        "./.sdkforge-ignore.yaml) and exit 0")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from generator.targets.python.checks import NAMES
    from generator.validate import checks
    from generator.validate.levels import check_rule_config, read_config
    from generator.validate.rulesets import DEFAULT, with_rulesets

    try:
        rules = getattr(args, "rules", None)
        config = getattr(args, "config", None)
        rules = check_rule_config(rules) if rules is not None else read_config(config)
        entries = getattr(args, "ruleset", None) or _extends(config) or DEFAULT
        custom = _custom_rules(list(entries), rules)
        rules = custom.run_levels if custom else with_rulesets(rules, entries)
        diagnostics = checks.validate_paths(args.specs, rules, names=NAMES, custom=custom.lint if custom else None)
        diagnostics = custom.finish(diagnostics) if custom else diagnostics
        if getattr(args, "generate_ignore_file", False):
            return _generate_ignore_file(args, diagnostics)
        report = _report(args, diagnostics)
        text = render(report, getattr(args, "format", "text") or "text", stream=sys.stdout)
    except UsageError as exc:
        print(f"sdkforge validate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - never a traceback for any input: a bug in sdkforge, one line and exit 4
        spec = ", ".join(str(s) for s in getattr(args, "specs", None) or [])
        ui.internal_error(exc, spec, verbose=bool(getattr(args, "verbose", False)), command="validate")
        return EXIT_BUG
    if text:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return exit_code(report.diagnostics, report.strict)


def _report(args: argparse.Namespace, diagnostics: list[Diagnostic]) -> Report:
    """The findings left after the inline ignores and the ignore file, and how many those suppressed."""
    from generator.validate.ignores import without_inline
    from generator.validate.ignores.file import locate_ignore_file, read_ignore_file

    inline = without_inline(diagnostics)
    kept, ignored, stale = inline.kept, inline.ignored, 0
    path = locate_ignore_file(getattr(args, "ignore_file", None))
    if path is not None:
        filtered = read_ignore_file(path).apply(kept)
        kept, ignored, stale = filtered.kept, ignored + filtered.ignored, filtered.stale
    if stale:
        print(f"sdkforge validate: {stale} entr{'y' if stale == 1 else 'ies'} of {path} match no finding any more "
              "(fixed): --generate-ignore-file rewrites it without them", file=sys.stderr)
    return Report(kept, ignored=ignored, strict=bool(getattr(args, "strict", False)),
                  specs=[str(s) for s in args.specs])


def _generate_ignore_file(args: argparse.Namespace, diagnostics: list[Diagnostic]) -> int:
    from pathlib import Path

    from generator.validate.ignores import without_inline
    from generator.validate.ignores.file import DEFAULT_NAME, write_ignore_file

    path = Path(getattr(args, "ignore_file", None) or DEFAULT_NAME)
    count = write_ignore_file(path, without_inline(diagnostics).kept)
    print(f"sdkforge validate: wrote {count} finding(s) to {path}", file=sys.stderr)
    return EXIT_USAGE if any(d.rule == "SF000" for d in diagnostics) else EXIT_OK


def _custom_rules(entries: list[str], levels: dict[str, str]) -> Any:
    """The custom rules of the ruleset files among ``entries`` (None without any: nothing imported)."""
    from generator.validate.custom import is_ruleset_file

    if not any(is_ruleset_file(entry) for entry in entries):
        return None
    from generator.validate.custom.setup import Custom

    custom = Custom.load(entries, levels)
    for note in custom.notes:
        print(f"sdkforge validate: note: {note}", file=sys.stderr)
    return custom


def _extends(config: str | None) -> tuple[str, ...]:
    """The rulesets ``[tool.sdkforge.validate] extends`` names (a ruleset file relative to the configuration file)."""
    from pathlib import Path

    from generator.config import config_file, rulesets
    from generator.validate.custom import is_ruleset_file

    names = rulesets(config)
    base = (config_file(config) or Path("pyproject.toml")).parent
    return tuple(str(base / n) if is_ruleset_file(n) and not Path(n).is_absolute() else n for n in names)


def exit_code(diagnostics: Sequence[Diagnostic], strict: bool) -> int:
    if any(d.rule == "SF000" for d in diagnostics):
        return EXIT_USAGE
    if any(d.severity == ERROR for d in diagnostics):
        return EXIT_FAILED
    if strict and diagnostics:
        return EXIT_FAILED
    return EXIT_OK
