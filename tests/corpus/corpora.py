"""The real-world spec corpora, each a folder with a ``MANIFEST.tsv``: ``../shared/corpus`` (OpenAPI 3.0/3.1, env
``SDKFORGE_CORPUS``) and ``../shared/corpus-swagger2`` (Swagger 2.0, env ``SDKFORGE_CORPUS_SWAGGER2``).

An entry's id is its name; entries of the Swagger 2.0 corpus are ``swagger2/<name>``.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPORA: dict[str, Path] = {  # id prefix -> folder
    "": Path(os.environ.get("SDKFORGE_CORPUS", ROOT.parent / "shared" / "corpus")),
    "swagger2/": Path(os.environ.get("SDKFORGE_CORPUS_SWAGGER2", ROOT.parent / "shared" / "corpus-swagger2")),
}


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    spec: Path
    operations: int
    bytes: int
    swagger2: bool


def missing() -> list[Path]:
    """The manifests that are not there."""
    return [folder / "MANIFEST.tsv" for folder in CORPORA.values() if not (folder / "MANIFEST.tsv").is_file()]


def entries() -> list[Entry]:
    """Every entry of every corpus present, in manifest order."""
    found = []
    for prefix, folder in CORPORA.items():
        manifest = folder / "MANIFEST.tsv"
        if not manifest.is_file():
            continue
        with manifest.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                # `entry`: relative to the corpus; `entry_path` (corpus-swagger2): relative to the entry's folder
                spec = folder / row["entry"] if row.get("entry") else folder / row["name"] / row["entry_path"]
                found.append(Entry(prefix + row["name"], row["name"], spec, int(row["operations"]),
                                   int(row.get("bytes") or 0), prefix == "swagger2/"))
    return found


def yaml_specs() -> list[Path]:
    """The YAML entry files of the OpenAPI 3.x corpus, in manifest order (for tests that edit real specs). Without
    the corpus: a failure under CI (env ``CI``), a skip otherwise."""
    manifest = CORPORA[""] / "MANIFEST.tsv"
    if not manifest.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{manifest} is missing (the corpus is required under CI)")
        pytest.skip(f"{manifest} is missing")
    return [e.spec for e in entries() if not e.swagger2 and e.spec.suffix in (".yaml", ".yml")]
