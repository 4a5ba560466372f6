"""Import lines of a generated module, grouped and ordered the way isort (and ruff's ``I`` rules) expect."""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from generator.targets.python.source import LINE_LENGTH, width

_STDLIB = set(sys.stdlib_module_names) | {"__future__"}
_NAME_KIND = re.compile(r"^[A-Z0-9_]+$")


@lru_cache(maxsize=16384)  # the same lines recur in many modules
def _section(line: str, first_party: str) -> int:
    module = line.split()[1]
    if module.startswith("."):
        return 4
    top = module.split(".")[0]
    if top == first_party:
        return 3
    return 1 if top in _STDLIB else 2


def _name_key(name: str) -> tuple[int, str]:
    # isort's order-by-type: CONSTANTS, then Classes, then functions and variables
    if _NAME_KIND.match(name) and len(name) > 1:
        return (0, name)
    return (1, name) if name[:1].isupper() else (2, name)


@lru_cache(maxsize=16384)
def _normalise(line: str) -> tuple[str, str, tuple[str, ...]]:
    """(kind, module, names) of one import statement, on one line or wrapped in parentheses as organize writes it."""
    if line.startswith("import "):
        return ("import", " ".join(line.split()[1:]), ())  # ``import datetime as _datetime`` keeps its alias
    module, names = line[len("from ") :].split(" import ", 1)
    names = names.strip()
    if names.startswith("(") and names.endswith(")"):  # already organized and wrapped: accept our own output
        names = names[1:-1]
    return ("from", module.strip(), tuple(n for n in (" ".join(n.split()) for n in names.split(",")) if n))


def organize(lines: list[str] | tuple[str, ...], first_party: str = "") -> tuple[str, ...]:
    """Merge, dedupe and order import lines; sections are separated by an empty string."""
    return _organized(tuple(lines), first_party)


@lru_cache(maxsize=4096)  # models that use the same types import the same lines (2,242 models, 911 sets: OpenAI)
def _organized(lines: tuple[str, ...], first_party: str) -> tuple[str, ...]:
    plain: dict[int, set[str]] = {}
    froms: dict[int, dict[str, set[str]]] = {}
    for line in lines:
        kind, module, names = _normalise(line.strip())
        section = _section(line, first_party)
        if kind == "import":
            plain.setdefault(section, set()).add(module)
        else:
            froms.setdefault(section, {}).setdefault(module, set()).update(names)
    out: list[str] = []
    for section in (1, 2, 3, 4):
        block = [f"import {m}" for m in sorted(plain.get(section, ()), key=str.lower)]
        for module in sorted(froms.get(section, {}), key=_module_key):
            block.append(_from_import(module, sorted(froms[section][module], key=_name_key)))
        if block:
            if out:
                out.append("")
            out.extend(block)
    return tuple(out)


def _module_key(module: str) -> tuple[int, str]:
    # relative imports: deeper parents first (``..x`` before ``.x``), as isort orders them
    dots = len(module) - len(module.lstrip("."))
    return (-dots, module.lstrip(".").lower())


def _from_import(module: str, names: list[str], indent: str = "") -> str:
    """One import statement; wrapped one name per line, as black wraps it, when it is too long."""
    line = f"{indent}from {module} import {', '.join(names)}"
    if width(line) <= LINE_LENGTH:
        return line
    return f"{indent}from {module} import (\n" + "".join(f"{indent}    {name},\n" for name in names) + f"{indent})"


def late_import(line: str, comment: str = "# noqa: E402") -> str:
    """A top-level import line from ``organize`` with a trailing comment, as black (and ruff's noqa) expect it.

    Black counts the comment in the line length and, when the line is too long, wraps the import and leaves the
    comment after the closing parenthesis, where ruff no longer applies it to the statement. So a line that does not
    fit with its comment is wrapped here with the comment after the opening parenthesis, on the statement's first line.
    """
    if "\n" not in line:
        if width(line) + 2 + width(comment) <= LINE_LENGTH or " import " not in line or not line.startswith("from "):
            return f"{line}  {comment}"
        module, names = _normalise(line)[1:]
        line = f"from {module} import (\n" + "".join(f"    {name},\n" for name in names) + ")"
    head, _, rest = line.partition("\n")
    return f"{head}  {comment}\n{rest}"


def reexport(module: str, name: str, depth: int = 0) -> str:
    """``from .module import Name as Name`` at ``depth`` indentation levels, wrapped as black would."""
    return _from_import(module, [f"{name} as {name}"], "    " * depth)
