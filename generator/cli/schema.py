"""``sdkforge schema``: print the JSON Schema of the configuration, for editors and for checking it elsewhere."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from generator.cli.exit_codes import EXIT_OK
from generator.config.schema import render

EXAMPLES = """\
examples:
  sdkforge schema > sdkforge.schema.json               # for sdkforge.yaml: # yaml-language-server: $schema=...
  sdkforge schema --pyproject > pyproject.schema.json  # for pyproject.toml (Taplo): #:schema ./pyproject.schema.json
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema (draft 2020-12) of the configuration",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--pyproject", action="store_true", help="a schema for a whole pyproject.toml that checks its [tool.sdkforge]"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(render(pyproject=args.pyproject))
    return EXIT_OK
