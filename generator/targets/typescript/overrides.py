"""A project's templates for a TypeScript SDK: ``<path>.jinja`` in the ``templates`` folder writes file ``<path>``.

The TypeScript target builds its files in Python, not from templates, so a user's template stands for a whole file:
it replaces the file sdkforge would write at that path (``generated`` holds that text, to wrap or extend it) or adds
a file sdkforge does not write. The context also has ``ts`` (the plan: client_class, package, resources with their
methods) and ``api`` (the neutral model: operations, schemas, wire names).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from generator.errors import UsageError

SUFFIX = ".jinja"


def apply_templates(files: dict[str, str], folder: Path, context: dict[str, Any]) -> dict[str, str]:
    """``files`` with every template of ``folder`` rendered over (or beside) them, in path order."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=False,  # the output is TypeScript, JSON and Markdown, not HTML
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,  # a misspelt name fails generation instead of printing nothing
    )
    result = dict(files)
    for name in sorted(env.list_templates(filter_func=lambda n: n.endswith(SUFFIX))):
        path = name[: -len(SUFFIX)]
        try:
            result[path] = env.get_template(name).render(**context, path=path, generated=files.get(path, ""))
        except jinja2.TemplateError as exc:  # the project's template, not sdkforge: a usage error naming its line
            line = getattr(exc, "lineno", None) or _line_of(exc)
            raise UsageError(f"{folder / name}{f':{line}' if line else ''}: template error: {exc}") from None
    return result


def _line_of(exc: BaseException) -> int:
    """The template line a render-time error happened on (jinja marks template frames with the template's file)."""
    tb, line = exc.__traceback__, 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(SUFFIX):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
