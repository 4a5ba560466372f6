"""``sdkforge init SPEC``: write a commented starting configuration for one spec, for a Python or TypeScript SDK.

Appends a ``[tool.sdkforge]`` table to ./pyproject.toml (creating the file if needed), or writes ./sdkforge.yaml with
``--yaml``. Names are derived from the spec's title through naming.py, so they are what generation would use.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, get_args

from generator.cli.options import target_from_options
from generator.config import Target
from generator.errors import UsageError
from generator.load.document import Document, load_spec
from generator.load.swagger2.upgrade import as_openapi3
from generator.targets.python import naming

_TOML = """\

# sdkforge: how to generate a {language_name} SDK from {spec}.
# Every key is documented in sdkforge's README; `sdkforge schema` prints them as a JSON Schema.
[[tool.sdkforge.targets]]
spec = {spec_q}
output = {output_q}              # the project folder written
language = {language_q}
package = {package_q}                 # {package_note}
distribution = {distribution_q}            # {distribution_note}
client_class = {client_q}{client_note}
api_key_env = {key_env_q}
# base_url = "https://..."          # default: the spec's first server ({server})
{mode_toml}# include = {{ tags = [] }}           # tags in this spec: {tags}
# renames = {{ OldSchemaName = "NewName" }}
# operations = {{ someOperationId = "resource.method" }}
{pagination}"""

_YAML = """\
# sdkforge: how to generate a {language_name} SDK from {spec}.
# Every key is documented in sdkforge's README; `sdkforge schema` prints them as a JSON Schema.
targets:
  - spec: {spec_q}
    output: {output_q}
    language: {language_q}
    package: {package_q}
    distribution: {distribution_q}
    client_class: {client_q}
    api_key_env: {key_env_q}
{mode_yaml}    # include: {{tags: []}}   # tags in this spec: {tags}
"""

_PYTHON_NOTES = {
    "language_name": "Python",
    "package_note": "import name",
    "distribution_note": "PyPI name",
    "client_note": "             # the async client is Async{client}",
    "mode_toml": '# mode = "both"                     # or "sync" / "async"\n',
    "mode_yaml": "    # mode: both            # or sync / async\n",
}
_TYPESCRIPT_NOTES = {
    "language_name": "TypeScript",
    "package_note": "identifier (snake_case); the npm name is distribution",
    "distribution_note": "npm name",
    "client_note": "",
    "mode_toml": "",
    "mode_yaml": "",
}


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "init",
        help="write a commented [tool.sdkforge] (or sdkforge.yaml) for a spec",
        epilog="examples:\n  sdkforge init specs/my-api.yaml --package-name my_api\n"
        "  sdkforge init specs/my-api.yaml --language typescript --yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("spec")
    parser.add_argument("--package-name", help="default: from the spec's title")
    parser.add_argument(
        "--language", choices=get_args(Target.model_fields["language"].annotation), default="python",
        help="the SDK's language (default: python)",
    )
    parser.add_argument("--yaml", action="store_true", help="write ./sdkforge.yaml instead of editing pyproject.toml")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    doc = as_openapi3(load_spec(args.spec))  # a Swagger 2.0 spec: its servers and operations as 3.0 has them
    package = args.package_name or package_of_title(doc, args.spec)
    target_from_options({"spec": args.spec, "output": "unused", "package": package, "language": args.language})
    client = naming.class_name(package)
    values = {
        "spec": args.spec,
        "spec_q": json.dumps(args.spec),
        "output_q": json.dumps(f"generated/{package.replace('_', '-')}"),
        "package_q": json.dumps(package),
        "distribution_q": json.dumps(package.replace("_", "-")),
        "client_q": json.dumps(client),
        "key_env_q": json.dumps(f"{naming.env_prefix(client)}_API_KEY"),
        "server": _first_server(doc.data),
        "tags": ", ".join(sorted({str(t) for op in _operations(doc.data) for t in op.get("tags") or []})) or "none",
        "pagination": _pagination_hints(doc.data),
        "language_q": json.dumps(args.language),
        **{key: note.format(client=client) for key, note in (_PYTHON_NOTES if args.language == "python" else _TYPESCRIPT_NOTES).items()},
    }
    if args.yaml:
        target = Path("sdkforge.yaml")
        if target.exists():
            raise UsageError(f"{target} exists already; not overwriting it")
        target.write_text(_YAML.format(**values), encoding="utf-8")
    else:
        target = Path("pyproject.toml")
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
        if "[tool.sdkforge" in existing:
            raise UsageError(f"{target} already has a [tool.sdkforge] section; not changing it")
        target.write_text(existing + _TOML.format(**values), encoding="utf-8")
    print(f"wrote the sdkforge configuration to {target}; next: sdkforge generate")
    return 0


def package_of_title(doc: Document, spec: str) -> str:
    """The spec's title (else its file name) in snake case: a valid package name."""
    info = doc.data.get("info")
    info = info if isinstance(info, dict) else {}
    return naming.snake(str(info.get("title") or Path(spec).stem))


def _first_server(data: dict[str, Any]) -> str:
    servers = data.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        return str(servers[0].get("url", "none"))
    return "none"


def _operations(data: dict[str, Any]) -> list[dict[str, Any]]:
    paths = data.get("paths")
    paths = paths if isinstance(paths, dict) else {}
    return [
        op
        for item in paths.values()
        if isinstance(item, dict)
        for method, op in item.items()
        if method in ("get", "put", "post", "delete", "patch") and isinstance(op, dict)
    ]


def _pagination_hints(data: dict[str, Any]) -> str:
    """Commented pagination entries for GET operations with a cursor-looking query parameter."""
    lines = []
    for op in _operations(data):
        names = {p.get("name") for p in op.get("parameters") or [] if isinstance(p, dict)}
        cursor = next((n for n in ("after", "cursor", "page_token", "starting_after") if n in names), None)
        if cursor and op.get("operationId"):
            lines.append(f'# [tool.sdkforge.targets.pagination."<resource>.<method>"]   # {op["operationId"]} pages?')
            lines.append(f'# items = "data"\n# cursor_param = "{cursor}"\n# cursor_source = "last_item:id"')
    return "\n".join(lines) + ("\n" if lines else "")
