"""Import statements, one line when they fit, else one name per line as biome writes them."""

from __future__ import annotations

from generator.targets.typescript.syntax import fits


def import_lines(names: list[tuple[str, bool]], module: str, *, type_only: bool = False) -> list[str]:
    """``import { a, type B } from 'module';``; names are (name, is a type) in the order given."""
    spelled = [n if type_only or not is_type else f"type {n}" for n, is_type in names]
    keyword = "import type" if type_only else "import"
    one = f"{keyword} {{ {', '.join(spelled)} }} from '{module}';"
    if fits(one):
        return [one]
    return [f"{keyword} {{"] + [f"  {n}," for n in spelled] + [f"}} from '{module}';"]
