"""Command line: the one parser of every subcommand, and the only place that prints; exit codes in exit_codes.py."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import __version__
from generator.cli import ui
from generator.cli.exit_codes import EXIT_BUG, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from generator.errors import ConfigError, SpecError, UsageError

if TYPE_CHECKING:
    from generator.config import Target

EXAMPLES = """\
examples:
  sdkforge generate                         regenerate every target in [tool.sdkforge]
  sdkforge generate api.yaml -o out --package-name my_api
  sdkforge check                            exit 1 if generated/ is stale
  sdkforge validate --strict specs/*.yaml
"""


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
            argv.insert(0, "generate")  # no subcommand: the main job
        args = _parser(argv[0]).parse_args(argv)
    except Exception as exc:  # noqa: BLE001 - a bug while parsing arguments: still one line
        ui.internal_error(exc, verbose="--verbose" in argv or "-v" in argv)
        return EXIT_BUG
    return _guarded(args.func, args)


def _guarded(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a subcommand; known errors become one line and an exit code, never a traceback. The cache writes it left
    to background processes are waited for (the next command finds them)."""
    try:
        return handler(args)
    except SpecError as exc:
        _error(exc.diagnostic.headline(), exc.hint)
        return EXIT_FAILED
    except ConfigError as exc:
        for problem in exc.diagnostics:  # one line each
            _error(problem.headline())
        return EXIT_USAGE
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - anything else is a bug in sdkforge: one line, exit 4
        ui.internal_error(exc, _spec_of(args), verbose=bool(getattr(args, "verbose", False)), command=getattr(args, "command", None) or "")
        return EXIT_BUG
    finally:
        workers = sys.modules.get("generator.workers")  # imported by what may have left work beside (the cache)
        if workers is not None:
            workers.settle()


def _spec_of(args: argparse.Namespace) -> str:
    """The spec a failed command was working on, when it is known."""
    specs = [getattr(args, "current_spec", None) or getattr(args, "spec", None)]
    specs += list(getattr(args, "specs", None) or []) + [getattr(args, "old", None), getattr(args, "new", None)]
    return ", ".join(str(s) for s in specs if s)


COMMANDS = ("generate", "check", "validate", "init", "schema", "diff")  # in the order --help lists them


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; given a known subcommand it holds only that one (the others' modules are not even imported, so
    `sdkforge validate` never imports what generation or diff need)."""
    parser = argparse.ArgumentParser(
        prog="sdkforge",
        description="Generate typed Python and TypeScript SDKs from OpenAPI 3.0/3.1 and Swagger 2.0 specs.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sdkforge {__version__}")
    sub = parser.add_subparsers(dest="command")
    for name in [command] if command in COMMANDS else COMMANDS:
        if name == "generate":
            _add_generate(sub)
        elif name == "check":
            _add_check(sub)
        else:
            importlib.import_module(f"generator.cli.{name}").add_parser(sub)
    for subparser in sub.choices.values():  # every subcommand takes --verbose (the traceback of an internal error)
        if "--verbose" not in subparser._option_string_actions:
            subparser.add_argument("--verbose", action="store_true", help="show the traceback of an internal error")
    return parser


def _add_generate(sub: Any) -> None:
    gen = sub.add_parser(
        "generate",
        help="generate SDKs (every configured target, or one spec)",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    gen.add_argument("spec", nargs="?", help="a spec file; without it, every target in the configuration")
    gen.add_argument("-o", "--output", help="output project folder (with SPEC)")
    gen.add_argument("--package-name", help="the package's import name (with SPEC; default: from the spec's title)")
    gen.add_argument("--language", choices=("python", "typescript"), default=None,
                     help="the SDK's language (with SPEC; default: python)")
    gen.add_argument("--mcp", action="store_true", default=None,
                     help="an MCP server beside the Python SDK (with SPEC): python -m <package>.mcp")
    gen.add_argument("--config", help="sdkforge.yaml or pyproject.toml (default: ./sdkforge.yaml or ./pyproject.toml)")
    gen.add_argument("--force", action="store_true", help="overwrite generated files edited by hand")
    gen.add_argument("--strict", action="store_true", help="treat generator warnings as errors")
    gen.add_argument("--watch", action="store_true", help="regenerate whenever a spec or the configuration changes")
    gen.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    gen.add_argument("-v", "--verbose", action="store_true", help="print each stage's time")
    gen.set_defaults(func=cmd_generate)


def _add_check(sub: Any) -> None:
    check = sub.add_parser(
        "check",
        help="exit 1 when generated output differs from what the specs produce now",
        epilog="examples:\n  sdkforge check\n  sdkforge check --diff --config sdkforge.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("--config")
    check.add_argument("--diff", action="store_true", help="show a short unified diff of each stale file")
    check.set_defaults(func=cmd_check)


def _targets(args: argparse.Namespace) -> tuple[list[Target], Path]:
    from generator.config import find_config

    if getattr(args, "spec", None):
        return [_target_of_options(args)], Path.cwd()
    if getattr(args, "package_name", None) or getattr(args, "language", None) or getattr(args, "mcp", None):
        raise UsageError("--package-name, --language and --mcp go with a SPEC argument (a configuration names its "
                         "own)")
    config, root = find_config(getattr(args, "config", None))
    if not config.targets:
        raise UsageError("the configuration lists no targets ([[tool.sdkforge.targets]])")
    return list(config.targets), root


def _target_of_options(args: argparse.Namespace) -> Target:
    """The one target ``generate SPEC -o DIR`` describes; the package name defaults to the spec title's."""
    from generator.cli.options import target_from_options

    if not args.output:
        raise UsageError("with a SPEC argument, -o/--output is required")
    package = getattr(args, "package_name", None) or _package_of_title(args.spec)
    values = {"spec": str(Path(args.spec).resolve()), "output": str(Path(args.output).resolve()), "package": package}
    options = {"language": getattr(args, "language", None), "mcp": getattr(args, "mcp", None)}
    return target_from_options(values | {key: value for key, value in options.items() if value is not None})


def _package_of_title(spec: str) -> str:
    """The package name ``sdkforge init`` would propose: the spec's title in snake case."""
    from generator.cli.init import package_of_title
    from generator.load.document import load_spec

    return package_of_title(load_spec(spec), spec)


def cmd_generate(args: argparse.Namespace) -> int:
    if args.watch:
        from generator.cli.watch import watch

        return watch(lambda: _guarded(_generate_once, args), _watched_files(args))
    return _generate_once(args)


def _generate_once(args: argparse.Namespace) -> int:
    from generator import collector

    with collector.frozen():  # the models and plans stay out of the cyclic GC's way until the files are written
        return _generate_frozen(args)


def _generate_frozen(args: argparse.Namespace) -> int:
    from generator import workers
    from generator.changelog import with_changelog
    from generator.pipeline import build_target
    from generator.write.files import HandEditedError, write

    targets, root = _targets(args)
    from generator.validate.levels import read_config

    rules = read_config(getattr(args, "config", None))  # [tool.sdkforge.validate] rules: the levels validate uses
    with ui.Progress(quiet=args.quiet, verbose=args.verbose) as progress:
        generated = []
        for target in targets:  # everything is built before anything is written
            progress.target(target.output)
            args.current_spec = target.spec  # named by an internal error
            built = build_target(target, root, on_stage=progress.stage, rules=rules)
            progress.stage("changelog")
            generated.append(with_changelog(built))
        workers.flush()  # the cache writes, beside the writing of the files
        warnings = [w for g in generated for w in g.warnings]
        for warning in warnings:
            ui.warning(warning)
        if warnings and args.strict:
            ui.error(f"{len(warnings)} warning(s) and --strict")
            return EXIT_FAILED
        for g in generated:
            progress.target(g.target.output)
            progress.stage("write")
            try:
                report = write(g.out, g.files, force=args.force)
            except HandEditedError as exc:
                ui.error(f"{g.out}: {exc}", hint="keep custom code outside generated files, or rerun with --force")
                return EXIT_REFUSED
            if not args.quiet:
                print(
                    f"{g.target.output}: {g.operations} operation(s), {len(report.written)} written, "
                    f"{len(report.unchanged)} unchanged, "
                    f"{len(report.removed)} removed, {len(g.warnings)} warning(s) in {progress.elapsed():.2f} s"
                )
            for hook in g.target.hooks:
                import subprocess  # only for a target with hooks

                if subprocess.run(hook, shell=True, cwd=g.out, check=False).returncode != 0:  # the user's command
                    ui.error(f"{g.target.output}: post-generation hook failed: {hook}")
                    return EXIT_FAILED
    return EXIT_OK


def _watched_files(args: argparse.Namespace) -> list[Path]:
    from generator.load.external_refs import has_external_refs, referenced_files

    targets, root = _targets(args)
    files = [root / t.spec for t in targets]
    for spec in list(files):  # the files a split spec's $refs reach (read when watching starts)
        try:
            raw = spec.read_bytes()
        except OSError:
            continue
        if has_external_refs(raw):
            files += [p for p in referenced_files(spec, raw) if p not in files]
    config = getattr(args, "config", None)
    files += [Path(config)] if config else [p for p in (Path("sdkforge.yaml"), Path("pyproject.toml")) if p.is_file()]
    return files


def cmd_check(args: argparse.Namespace) -> int:
    import difflib

    from generator import workers
    from generator.changelog import with_changelog
    from generator.pipeline import build_target
    from generator.write.files import compare

    targets, root = _targets(args)
    stale_any = False
    for target in targets:
        args.current_spec = target.spec  # named by an internal error
        g = with_changelog(build_target(target, root))
        workers.flush()  # the cache writes, beside the comparison
        result = compare(g.out, g.files)
        if result.clean:
            continue
        stale_any = True
        for label, paths in (("stale", result.stale), ("missing", result.missing), ("extra", result.extra)):
            for path in paths:
                print(f"{label}: {target.output}/{path}")
                if args.diff and label == "stale" and path in g.files:
                    old = (g.out / path).read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
                    diff = difflib.unified_diff(old, g.files[path].splitlines(keepends=True), path, path, n=1)
                    sys.stdout.writelines(list(diff)[:60])
    if stale_any:
        _error("generated output is out of date", hint="run `sdkforge generate` and commit the result")
        return EXIT_FAILED
    print("generated output is up to date")
    return EXIT_OK


def _error(message: str, hint: str = "") -> None:
    ui.error(message, hint)
