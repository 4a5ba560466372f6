"""Type expressions laid out the way biome (a port of prettier's printer) lays them out: a small document printer
(groups that break when they do not fit, indents, soft lines) and prettier's rules for type arguments and unions.

The types come from ``types.py`` (names, ``Array<...>``, ``{ [key: string]: ... }``, tuples, literals, ``(string &
{})``, ``null``); ``parse`` reads that text back into a tree, ``doc`` turns a tree into a document, ``render`` prints
one into lines. Text that is not such a type is kept whole, as one atom.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.frozen import frozen
from generator.targets.typescript.syntax import INDENT, LINE_WIDTH


@frozen
class Group:
    contents: Doc


@frozen
class Indent:
    contents: Doc
    by: str = INDENT


@frozen
class Line:
    soft: bool = False  # flat: nothing (soft) or one space


@frozen
class IfBreak:
    broken: Doc
    flat: Doc = ""


Doc = str | list["Doc"] | Group | Indent | Line | IfBreak
SOFT, LINE = Line(soft=True), Line()
_FLAT, _BREAK = False, True


# --- the type tree ----------------------------------------------------------------------------------------------

@frozen
class Node:
    kind: str  # "atom", "ref" (name<args>), "union", "object" ({ [key: string]: value }), "tuple"
    text: str = ""
    parts: tuple[Node, ...] = ()


def parse(text: str) -> Node:
    """The type tree of ``text``; an atom when it is not a type this module knows."""
    parts = _split(text.strip(), "|")
    if parts is None:
        return Node("atom", text.strip())
    if len(parts) > 1:
        return Node("union", parts=tuple(parse(part) for part in parts))
    text = parts[0]
    if text.startswith("{ [key: string]: ") and text.endswith(" }"):
        return Node("object", parts=(parse(text[len("{ [key: string]: "):-2]),))
    if text.startswith("[") and text.endswith("]") and len(text) > 2:
        items = _split(text[1:-1], ",")
        return Node("tuple", parts=tuple(parse(i) for i in items)) if items else Node("atom", text)
    head, bracket, rest = text.partition("<")
    if bracket and rest.endswith(">") and head.isidentifier():
        args = _split(rest[:-1], ",")
        if args:
            return Node("ref", head, tuple(parse(a) for a in args))
    return Node("atom", text)


_MARKS = re.compile(r"""[<>()\[\]{}'"\\|,]""")  # the characters _split looks at; it jumps from one to the next


def _split(text: str, sep: str) -> list[str] | None:
    """``text`` split at ``sep`` outside brackets and quotes (`` | `` or ``, ``); None when brackets do not balance."""
    depth, start, quote, parts, escaped = 0, 0, "", [], -1
    for mark in _MARKS.finditer(text):
        i, char = mark.start(), mark.group()
        if i == escaped:
            continue
        if quote:
            escaped = i + 1 if char == "\\" else escaped
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "<([{":
            depth += 1
        elif char in ">)]}":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and char == sep:
            parts.append(text[start:i].strip())
            start = i + 1
    return None if depth or quote else parts + [text[start:].strip()]


# --- prettier's rules -------------------------------------------------------------------------------------------

_VOID = ("null", "void")
_KEYWORDS = frozenset(("string", "number", "boolean", "unknown", "any", "never", "null", "void", "undefined", "object",
                       "bigint", "symbol"))


def _hugs(node: Node) -> bool:
    """prettier's shouldHugType: a plain name or keyword, an object type, or one object-like type or-null."""
    if node.kind == "object" or (node.kind == "atom" and (node.text in _KEYWORDS or node.text.isidentifier())):
        return True
    if node.kind != "union":
        return False
    objects = any(p.kind in ("object", "ref") or (p.kind == "atom" and p.text.isidentifier() and p.text not in _KEYWORDS)
                  for p in node.parts)
    return objects and len(node.parts) - 1 == sum(p.kind == "atom" and p.text in _VOID for p in node.parts)


def doc(node: Node, in_args: bool = False) -> Doc:
    """``node`` as a document; ``in_args``: directly inside ``<...>`` (a union there is not indented)."""
    if node.kind == "ref":
        if len(node.parts) == 1 and _hugs(node.parts[0]):
            return [node.text, "<", doc(node.parts[0], in_args=True), ">"]
        args = _join([",", LINE], [doc(p, in_args=True) for p in node.parts])
        return Group([node.text, "<", Indent([SOFT, args]), SOFT, ">"])
    if node.kind == "union":
        if _hugs(node):
            return _join(" | ", [doc(p) for p in node.parts])
        members = _join([LINE, "| "], [Indent(doc(p), by="  ") for p in node.parts])
        code: list[Doc] = [IfBreak(["" if in_args else LINE, "| "]), members]
        return Group(code if in_args else Indent(code))
    if node.kind == "object":
        return Group(["{", Indent([LINE, "[key: string]: ", doc(node.parts[0]), IfBreak(";")]), LINE, "}"])
    if node.kind == "tuple":
        items = _join([",", LINE], [doc(p) for p in node.parts])
        return Group(["[", Indent([SOFT, items, IfBreak(",")]), SOFT, "]"])
    return node.text


def _join(sep: Doc, docs: list[Doc]) -> list[Doc]:
    out: list[Doc] = []
    for index, item in enumerate(docs):
        out += [sep, item] if index else [item]
    return out


# --- the printer ------------------------------------------------------------------------------------------------

def render(first: str, body: Doc, indent: str, width: int = LINE_WIDTH) -> list[str]:
    """``first`` (the start of the first line, its indent included) followed by ``body``, printed into lines whose
    breaks are at ``indent`` and deeper."""
    out, pos = [first], len(first)
    cmds: list[tuple[str, bool, Doc]] = [(indent, _BREAK, body)]
    while cmds:
        ind, mode, item = cmds.pop()
        if isinstance(item, str):
            out.append(item)
            pos += len(item)
        elif isinstance(item, list):
            cmds += [(ind, mode, part) for part in reversed(item)]
        elif isinstance(item, Indent):
            cmds.append((ind + item.by, mode, item.contents))
        elif isinstance(item, Group):
            flat = mode == _FLAT or _fits((ind, _FLAT, item.contents), cmds, width - pos)
            cmds.append((ind, _FLAT if flat else _BREAK, item.contents))
        elif isinstance(item, IfBreak):
            cmds.append((ind, mode, item.broken if mode == _BREAK else item.flat))
        elif mode == _FLAT:
            text = "" if item.soft else " "
            out.append(text)
            pos += len(text)
        else:
            out.append("\n" + ind)
            pos = len(ind)
    return [line.rstrip() for line in "".join(out).split("\n")]


def _fits(nxt: tuple[str, bool, Doc], rest: list[tuple[str, bool, Doc]], room: int) -> bool:
    """prettier's fits: ``nxt`` flat, then what follows it in its own modes, up to the first line break."""
    stack, later = [nxt], len(rest)
    while room >= 0:
        if not stack:
            if not later:
                return True
            later -= 1
            stack.append(rest[later])
            continue
        ind, mode, item = stack.pop()
        if isinstance(item, str):
            room -= len(item)
        elif isinstance(item, list):
            stack += [(ind, mode, part) for part in reversed(item)]
        elif isinstance(item, (Indent, Group)):
            stack.append((ind, mode, item.contents))
        elif isinstance(item, IfBreak):
            stack.append((ind, mode, item.broken if mode == _BREAK else item.flat))
        elif mode == _BREAK:
            return True
        else:
            room -= 0 if item.soft else 1
    return False


@lru_cache(maxsize=16384)  # the same type texts recur in many properties; the printer only reads a document
def _type_doc(type_text: str) -> Doc:
    return doc(parse(type_text))


@lru_cache(maxsize=16384)
def _flat_text(type_text: str) -> str:
    """The type as ``render`` prints it when every group is flat."""
    return _flat(_type_doc(type_text))


def _flat(item: Doc) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, list):
        return "".join(_flat(part) for part in item)
    if isinstance(item, (Indent, Group)):
        return _flat(item.contents)
    if isinstance(item, IfBreak):
        return _flat(item.flat)
    return "" if item.soft else " "


def annotation(first: str, type_text: str, tail: str, indent: str) -> list[str]:
    """``first`` + a type (a return type, a property's or a parameter's) + ``tail``, broken as biome breaks it."""
    body = _type_doc(type_text)
    if isinstance(body, str):  # a name or keyword: no break to choose (what render prints for it)
        return [line.rstrip() for line in f"{first}{body}{tail}".split("\n")]
    line = f"{first}{_flat_text(type_text)}{tail}"
    if len(line) <= LINE_WIDTH and "\n" not in line:  # every line break of a type is in a group: all print flat
        return [line.rstrip()]
    return render(first, [body, tail], indent)


def assignment(first: str, type_text: str, tail: str, indent: str) -> list[str]:
    """``export type X = `` (``first``) + a type + ``tail``: prettier's fluid layout, which moves the type to the next
    line, indented, when what comes before its first possible break does not fit after the ``=``."""
    body = [_type_doc(type_text), tail]
    if _fits((indent, _BREAK, body), [], LINE_WIDTH - len(first)):
        return render(first, body, indent)
    return [first.rstrip()] + render(indent + INDENT, body, indent + INDENT)
