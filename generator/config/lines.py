"""Where a configuration key is written: its line in a TOML or YAML text, found by its key path.

tomllib keeps no positions, so TOML is scanned line by line for table headers (``[a.b]``, ``[[a.b]]``) and
``key = value`` lines (dotted and quoted keys); a key inside an inline table or a multi-line array is placed on the
line of the key that holds it. YAML is composed with PyYAML, whose nodes carry their marks (config comes before load in
the pipeline, so it does not use load/positions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml

KeyPath = tuple[str | int, ...]

_KEY_PART = re.compile(r'\s*(?:"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+))\s*')


def line_of(lines: dict[KeyPath, int], path: Sequence[str | int]) -> int:
    """The line of ``path``, else of its nearest written ancestor; 0 when none is written."""
    for end in range(len(path), 0, -1):
        if tuple(path[:end]) in lines:
            return lines[tuple(path[:end])]
    return 0


def toml_lines(text: str) -> dict[KeyPath, int]:
    """Key path (array-of-tables entries by index) -> the 1-based line that writes it."""
    scanner = _TomlScanner()
    for number, line in enumerate(text.splitlines(), 1):
        scanner.feed(line, number)
    return scanner.lines


class _TomlScanner:
    def __init__(self) -> None:
        self.lines: dict[KeyPath, int] = {}
        self.table: KeyPath = ()
        self.arrays: dict[KeyPath, int] = {}  # array-of-tables path -> entries seen so far
        self.open_brackets = 0  # inside a multi-line array
        self.open_string = ""  # inside a multi-line string: its delimiter

    def feed(self, line: str, number: int) -> None:
        if self.open_string or self.open_brackets:
            self._skip_continuation(line)
            return
        text = line.strip()
        if text.startswith("[["):
            parts, rest = split_key(text[2:])
            if parts is not None and rest.startswith("]]"):
                array = self._resolve(parts[:-1]) + (parts[-1],)
                self.arrays[array] = self.arrays.get(array, 0) + 1
                self.table = array + (self.arrays[array] - 1,)
                self.lines.setdefault(array, number)
                self.lines[self.table] = number
        elif text.startswith("["):
            parts, rest = split_key(text[1:])
            if parts is not None and rest.startswith("]"):
                self.table = self._resolve(parts)
                self.lines.setdefault(self.table, number)
        else:
            parts, rest = split_key(text)
            if parts is not None and rest.startswith("="):
                self.lines.setdefault(self.table + tuple(parts), number)
                self._skip_continuation(rest[1:])

    def _resolve(self, parts: list[str]) -> KeyPath:
        """A header's dotted key as a path: a part naming an array of tables means its latest entry."""
        path: KeyPath = ()
        for part in parts:
            path += (part,)
            if path in self.arrays:
                path += (self.arrays[path] - 1,)
        return path

    def _skip_continuation(self, value: str) -> None:
        """Track multi-line strings and arrays, whose lines hold no keys."""
        index = 0
        while index < len(value):
            if self.open_string:
                end = value.find(self.open_string, index)
                if end < 0:
                    return
                index, self.open_string = end + 3, ""
                continue
            char = value[index]
            if value.startswith(('"""', "'''"), index):
                self.open_string, index = value[index : index + 3], index + 3
                continue
            if char == "#":
                return
            if char in "\"'":
                end = value.find(char, index + 1)
                while char == '"' and end > 0 and value[end - 1] == "\\":
                    end = value.find(char, end + 1)
                index = end + 1 if end > 0 else len(value)
                continue
            self.open_brackets += (char in "[{") - (char in "]}")
            index += 1


def split_key(text: str) -> tuple[list[str] | None, str]:
    """``a."b.c".d = 1`` -> (["a", "b.c", "d"], "= 1"); (None, text) when ``text`` does not start with a key."""
    parts: list[str] = []
    rest = text
    while True:
        match = _KEY_PART.match(rest)
        if not match:
            return None, text
        basic, literal, bare = match.groups()
        parts.append(_unescape(basic) if basic is not None else literal if literal is not None else bare)
        rest = rest[match.end() :]
        if not rest.startswith("."):
            return parts, rest
        rest = rest[1:]


def _unescape(basic: str) -> str:
    return basic.encode("utf-8").decode("unicode_escape") if "\\" in basic else basic


def yaml_lines(text: str) -> dict[KeyPath, int]:
    """Key path -> the 1-based line of that key (or sequence item) in a YAML text; {} when it does not compose."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[KeyPath, int] = {}
    _walk_yaml(root, (), lines)
    return lines


def _walk_yaml(node: yaml.Node | None, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines.setdefault(path + (key.value,), key.start_mark.line + 1)
                _walk_yaml(value, path + (key.value,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1
            _walk_yaml(item, path + (index,), lines)
