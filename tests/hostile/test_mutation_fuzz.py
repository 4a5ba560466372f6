"""Mutated real specs (hypothesis): corpus specs with random subtrees deleted, duplicated or retyped. ``validate`` gives
located diagnostics and ``generate`` (both targets) gives an SDK, warnings, or one located SpecError; any other
exception is an internal error, and fails.

In process (the pipeline's functions, no subprocess), seeded (``derandomize=True``) and bounded for CI:
``EXAMPLES`` mutated specs per run. A longer search: ``SDKFORGE_FUZZ_EXAMPLES=2000 pytest
tests/hostile/test_mutation_fuzz.py``. Each internal error it found has a fixture of its own beside its fix.
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import Target
from generator.errors import SpecError
from generator.pipeline import build_target
from generator.validate.checks import validate_paths

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("SDKFORGE_CORPUS", ROOT.parent / "shared" / "corpus"))
EXAMPLES = int(os.environ.get("SDKFORGE_FUZZ_EXAMPLES", "100"))
# small single-file corpus entries that together hold most constructs (security kinds, unions, recursion, styles,
# forms, XML, links, $refs into other schemas), plus our own spec
ENTRIES = (
    "readme-security/security.yaml",
    "swagger-petstore3/openapi.yaml",
    "readme-polymorphism/polymorphism.json",
    "readme-discriminators/discriminators.yaml",
    "readme-schema-circular/schema-circular.yaml",
    "readme-parameters-style/parameters-style.yaml",
    "vonage-application/application.yml",
    "vonage-number-insight/number-insight.yml",
)
# what a retyped subtree becomes: every JSON type, empty and not
VALUES: tuple[Any, ...] = (None, True, 0, -1, 2.5, "", "x", "#/components/schemas/Nope", [], [1, "a"], {}, {"a": 1})


@cache
def _spec(entry: str) -> Any:
    path = ROOT / "specs" / "openai-videos.yaml" if entry == "openai-videos" else CORPUS / entry
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing (the corpus is required under CI)")
        pytest.skip(f"{path} is missing")
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _places(node: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path (keys and indexes) of every node under ``node``, the root excluded."""
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield at + (key,)
        yield from _places(child, at + (key,))


def _get(doc: Any, at: tuple[Any, ...]) -> Any:
    for key in at:
        doc = doc[key]
    return doc


def _mutate(doc: Any, kind: str, at: tuple[Any, ...], other: tuple[Any, ...], value: Any) -> None:
    parent = _get(doc, at[:-1])
    if kind == "delete":
        del parent[at[-1]]
    elif kind == "retype":
        parent[at[-1]] = copy.deepcopy(value)
    elif kind == "duplicate":  # another node's subtree in this node's place
        parent[at[-1]] = copy.deepcopy(_get(doc, other))
    elif isinstance(parent, dict):  # "twin": a copy of the subtree under a second key beside it
        parent[f"{at[-1]}2"] = copy.deepcopy(parent[at[-1]])
    else:
        parent.append(copy.deepcopy(parent[at[-1]]))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any, list[str]]:
    entry = draw(st.sampled_from(("openai-videos", *ENTRIES)))
    doc = copy.deepcopy(_spec(entry))
    done = []
    for _ in range(draw(st.integers(1, 3))):
        places = list(_places(doc))
        if not places:
            break
        at = places[draw(st.integers(0, len(places) - 1))]
        other = places[draw(st.integers(0, len(places) - 1))]
        if at[: len(other)] == other or other[: len(at)] == at:
            other = at[:-1] or at  # never a node into itself
        kind = draw(st.sampled_from(("delete", "retype", "duplicate", "twin")))
        value = draw(st.sampled_from(VALUES))
        _mutate(doc, kind, at, other, value)
        done.append(f"{kind} /{'/'.join(map(str, at))}" + (f" <- /{'/'.join(map(str, other))}" if kind == "duplicate"
                                                             else f" = {value!r}" if kind == "retype" else ""))
    return entry, doc, done


def _located(error: SpecError, spec: Path) -> bool:
    return bool(error.message) and error.file.startswith(str(spec.parent))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(mutated())
def test_mutated_corpus_spec_gives_diagnostics_never_an_internal_error(case: tuple[str, Any, list[str]]) -> None:
    entry, doc, done = case
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        spec = root / "spec.yaml"
        spec.write_text(yaml.dump(doc, Dumper=yaml.CSafeDumper, sort_keys=False), encoding="utf-8")
        previous = os.environ.get("SDKFORGE_CACHE_DIR")
        os.environ["SDKFORGE_CACHE_DIR"] = str(root / "cache")  # nothing of a mutant left in the user's cache
        try:
            for diagnostic in validate_paths([spec]):
                assert diagnostic.rule and diagnostic.file, (entry, done, diagnostic)
            for language in ("python", "typescript"):
                try:
                    build_target(Target(spec="spec.yaml", output="out", package="fuzz", language=language), root)
                except SpecError as exc:
                    assert _located(exc, spec), (entry, done, exc)
        except AssertionError:
            raise
        except Exception as exc:
            raise AssertionError(f"internal error on {entry} after {done}: {exc!r}") from exc
        finally:
            if previous is None:
                os.environ.pop("SDKFORGE_CACHE_DIR", None)
            else:
                os.environ["SDKFORGE_CACHE_DIR"] = previous
