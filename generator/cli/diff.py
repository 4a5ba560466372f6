"""``sdkforge diff``: arguments, loading both specs into neutral models with the target's surface, printing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.cli.exit_codes import EXIT_BUG, EXIT_OK, EXIT_USAGE
from generator.cli.exit_codes import EXIT_FAILED as EXIT_BREAKING
from generator.config import AcceptedChange, Target, config_file, load_config
from generator.diff import diff_apis
from generator.diff.accept import accept
from generator.diff.report import render
from generator.errors import SpecError, UsageError


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="compare the SDK surface two spec versions produce (breaking vs compatible changes)",
        description="Build the SDK model for OLD_SPEC and NEW_SPEC and report methods, parameters, return types, "
        "model fields and enum values that changed, each classified breaking or compatible. Exit status: 0; "
        "1 with --fail-on-breaking when a change is breaking; 2 on usage errors or unreadable specs.",
        epilog="examples:\n  sdkforge diff old.yaml new.yaml\n  sdkforge diff --format markdown --fail-on-breaking "
        "main.yaml pr.yaml > comment.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD_SPEC", help="the previous spec (YAML or JSON)")
    parser.add_argument("new", metavar="NEW_SPEC", help="the new spec")
    parser.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument("--fail-on-breaking", action="store_true",
                        help="exit 1 when a change is breaking (changes the configuration accepts do not count)")
    parser.add_argument("--strict-clients", action="store_true",
                        help="with --fail-on-breaking, count changes that break only strict clients (a closed enum "
                        "in a response gained a value) too")
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=None,
        help="sdkforge.yaml or pyproject.toml whose target settings (renames, include/exclude, ...) "
        "shape the SDK (its spec path is replaced by OLD_SPEC / NEW_SPEC); its [tool.sdkforge.diff] accept list is "
        "read from it, else from ./sdkforge.yaml or ./pyproject.toml when present",
    )
    parser.add_argument(
        "--target",
        metavar="N",
        default=None,
        help="which target of --config: index (0-based) or package/output/distribution name (default: the first)",
    )
    parser.set_defaults(func=run)


def pick_target(config_path: str, which: str | None) -> Target | None:
    """The target whose settings shape the surface: none when the configuration lists none and none is asked for."""
    config, _root = load_config(Path(config_path))
    if not config.targets and which is None:
        return None
    if not config.targets:
        raise UsageError(f"{config_path}: the configuration lists no targets")
    if which is None:
        return config.targets[0]
    if which.isdigit():
        index = int(which)
        if index >= len(config.targets):
            raise UsageError(f"--target {which}: the configuration has {len(config.targets)} target(s)")
        return config.targets[index]
    for t in config.targets:
        if which in (t.package, t.output, t.distribution):
            return t
    raise UsageError(f"--target {which!r}: no target with that index, package, output or distribution")


def run(args: argparse.Namespace) -> int:
    try:
        if args.target is not None and not args.config:
            raise UsageError("--target needs --config")
        target = pick_target(args.config, args.target) if args.config else None
        from generator.changelog import load_side  # the pipeline's modules: only when a diff runs

        changes = diff_apis(load_side(args.old, target), load_side(args.new, target))
        changes, stale = accept(changes, accepted_changes(args.config))
    except (SpecError, UsageError) as exc:
        print(f"sdkforge diff: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - never a traceback for any input: a bug in sdkforge, exit 4
        from generator.cli import ui

        ui.internal_error(exc, f"{args.old} and {args.new}", verbose=bool(args.verbose), command="diff")
        return EXIT_BUG
    for entry in stale:
        print(f"sdkforge diff: warning: accepted change matches nothing: {entry.kind} {entry.where}", file=sys.stderr)
    sys.stdout.write(render(changes, args.format, str(args.old), str(args.new)))
    failing = args.fail_on_breaking and any(c.fails(args.strict_clients) for c in changes)
    return EXIT_BREAKING if failing else EXIT_OK


def accepted_changes(config: str | None) -> tuple[AcceptedChange, ...]:
    """The project's accept list: of --config, else of the configuration file found in the working folder."""
    path = config_file(config)
    return load_config(path)[0].diff.accept if path is not None else ()
