"""{path: text} -> disk, losing nothing.

A manifest (``.sdkforge-manifest.json``) in the output folder records each file we generated and its hash. Writing
rewrites only changed files, deletes only files the manifest says we generated that are no longer produced, and
never touches anything else. A generated file edited by hand since the last run stops the run unless ``force``.
Everything is checked before the first byte is written, so a refused run changes nothing. CHANGELOG.md is the
user's as much as ours (a new text only ever adds to what is there): written, never recorded, so never a hand edit.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.errors import UsageError

MANIFEST = ".sdkforge-manifest.json"
CHANGELOG = "CHANGELOG.md"


class HandEditedError(Exception):
    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        super().__init__("generated files were edited by hand: " + ", ".join(paths))


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.stale or self.missing or self.extra)


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


# a relative path already in normal form, with no part that could leave the folder: most paths, checked at C speed
_PLAIN_PATH = re.compile(r"(?!\.\.?(?:/|$))[^/\\:\x00]+(?:/(?!\.\.?(?:/|$))[^/\\:\x00]+)*")


def safe_relative(path: str) -> str:
    """Reject any generated path that could leave the output folder."""
    if _PLAIN_PATH.fullmatch(path):
        return path
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path or ":" in path or "\x00" in path:
        raise UsageError(f"refusing to write outside the output folder: {path!r}")
    return str(pure)


def read_manifest(out: Path) -> dict[str, str]:
    """{path: digest} of the files the last run generated; an entry that could leave the folder was never ours."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files", {}) if isinstance(data, dict) else {}
    if not isinstance(files, dict):
        return {}
    return {str(k): str(v) for k, v in files.items() if _is_safe(str(k))}


def _is_safe(path: str) -> bool:
    try:
        safe_relative(path)
    except UsageError:
        return False
    return True


def manifest_text(files: Mapping[str, str | bytes]) -> str:
    entries = {path: digest(text) for path, text in sorted(files.items()) if path != CHANGELOG}
    return json.dumps({"generator": "sdkforge", "files": entries}, indent=2, sort_keys=True) + "\n"


def compare(out: Path, files: dict[str, str]) -> Comparison:
    result = Comparison()
    for path, text in sorted(files.items()):
        target = out / path
        try:
            current = target.read_bytes()
        except OSError:
            result.missing.append(path)
            continue
        if current != text.encode("utf-8"):
            result.stale.append(path)
    previous = read_manifest(out)
    result.extra = sorted(p for p in previous if p not in files and (out / p).exists())
    manifest = out / MANIFEST
    if manifest.exists() and manifest.read_text(encoding="utf-8") != manifest_text(files):
        result.stale.append(MANIFEST)
    elif not manifest.exists():
        result.missing.append(MANIFEST)
    return result


def write(out: Path, files: dict[str, str], *, force: bool = False) -> WriteReport:
    for path in files:
        safe_relative(path)
    previous = read_manifest(out)
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    current = _read_current(out, previous.keys() | files.keys())
    edited = _hand_edited(previous, encoded, current)
    if edited and not force:
        raise HandEditedError(edited)
    report = WriteReport()
    folders: set[str] = set()
    root = str(out)
    for path in sorted(files):
        data = encoded[path]
        if current.get(path) == data:
            report.unchanged.append(path)
            continue
        if path not in current:  # a new file: paths as strings, no Path objects (2,388 of them in a cold run)
            folder = os.path.dirname(path)
            if folder not in folders:
                os.makedirs(os.path.join(root, folder), exist_ok=True)
                folders.add(folder)
            if _create(os.path.join(root, path), data):
                report.written.append(path)
                continue
        _atomic_write(out / path, data)
        report.written.append(path)
    for path in sorted(previous):
        if path not in files:
            target = out / path
            if target.is_file():
                target.unlink()
                report.removed.append(path)
                _prune_empty_dirs(target.parent, out)
    _atomic_write(out / MANIFEST, manifest_text(encoded).encode("utf-8"), only_if_changed=True)
    return report


def _read_current(out: Path, paths: set[str]) -> dict[str, bytes]:
    """The bytes on disk of each of ``paths`` that is a readable file (each read once, for both the hand-edit check
    and the comparison that skips unchanged files)."""
    current: dict[str, bytes] = {}
    folder = str(out)
    if not os.path.isdir(folder):  # a new output folder: nothing to read (2,389 failed opens for the OpenAI SDK)
        return current
    for path in paths:
        try:
            with open(os.path.join(folder, path), "rb") as fh:
                current[path] = fh.read()
        except OSError:
            continue
    return current


def _hand_edited(previous: dict[str, str], encoded: dict[str, bytes], current: dict[str, bytes]) -> list[str]:
    """Files we generated whose bytes are neither what we wrote last time nor what we are about to write."""
    edited = []
    for path, recorded in sorted(previous.items()):
        data = current.get(path)
        if data is None or data == encoded.get(path):
            continue
        found = digest(data)
        if found != recorded and (path not in encoded or found != digest(encoded[path])):
            edited.append(path)
    return edited


def _create(target: str, data: bytes) -> bool:
    """Write a file that does not exist yet; False if it exists. There is no old version to keep safe, so no
    temporary copy and rename (half the directory updates when a whole SDK is written for the first time). Most of a
    cold write's time is the kernel's, creating the files (inodes), not this."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileExistsError:
        return False
    with open(fd, "wb") as fh:
        fh.write(data)
    return True


def _atomic_write(target: Path, data: bytes, *, only_if_changed: bool = False) -> None:
    if only_if_changed and target.is_file() and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _prune_empty_dirs(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
