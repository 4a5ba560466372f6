"""Every real-world spec in ``../shared/corpus`` becomes an SDK that imports, passes ``mypy --strict`` and its own tests.

The corpus lives outside the repository (``../shared/corpus``, listed in its ``MANIFEST.tsv``). Without it the module
is skipped, except under CI (env ``CI`` set), where a missing corpus is a failure.

Each entry is generated once per session; the entries run in parallel (one worker per core), each through every step
in a subprocess: generate, import every module, ``mypy --strict``, then the generated SDK's in-process tests (its
Prism tests and README examples need a mock server per entry and are covered for our own specs and the full spec).
The generated API reference must list exactly as many methods as the manifest counts operations: a silently dropped
operation is a failure, not a smaller SDK.
"""

from __future__ import annotations

import csv
import os
import queue
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("SDKFORGE_CORPUS", ROOT.parent / "shared" / "corpus"))
MANIFEST = CORPUS / "MANIFEST.tsv"
STEP_TIMEOUT = 900


def _entries() -> list[dict[str, str]]:
    if not MANIFEST.is_file():
        return []
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


ENTRIES = _entries()


@dataclass
class Outcome:
    """What happened to one entry: the first failing step, with its output, or none."""

    name: str
    failed_step: str = ""
    output: str = ""
    methods: int = -1
    log: list[str] = field(default_factory=list)


def _run(step: str, outcome: Outcome, args: list[str], cwd: Path, env: dict[str, str] | None = None) -> bool:
    try:
        result = subprocess.run(
            args, cwd=cwd, capture_output=True, text=True, timeout=STEP_TIMEOUT, check=False,
            env={**os.environ, **(env or {})},
        )
    except subprocess.TimeoutExpired:
        outcome.failed_step, outcome.output = step, f"timed out after {STEP_TIMEOUT} s"
        return False
    outcome.log.append(f"{step}: exit {result.returncode}")
    if result.returncode != 0:
        outcome.failed_step, outcome.output = step, (result.stdout + result.stderr)[-6000:]
        return False
    return True


_IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for module in pkgutil.walk_packages(package.__path__, sys.argv[1] + "."):
    importlib.import_module(module.name)
"""


def _package_name(entry: str) -> str:
    return re.sub(r"\W", "_", entry).strip("_") + "_sdk"


def _check_entry(entry: dict[str, str], work: Path, mypy_caches: queue.Queue[Path]) -> Outcome:
    name = entry["name"]
    outcome = Outcome(name)
    out = work / name
    package = _package_name(name)
    spec = CORPUS / entry["entry"]
    generate = [sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out), "--package-name", package, "-q"]
    if not _run("generate", outcome, generate, ROOT):
        return outcome
    outcome.methods = (out / "api.md").read_text(encoding="utf-8").count("<code title=")
    if not _run("import", outcome, [sys.executable, "-c", _IMPORT_ALL, package], out):
        return outcome
    cache = mypy_caches.get()
    try:
        if not _run("mypy --strict", outcome, [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), package], out):
            return outcome
    finally:
        mypy_caches.put(cache)
    # every test but those that need the Prism server (named ``..._args_prism[_async]``) and the README examples
    tests = [sys.executable, "-m", "pytest", "tests", "-q", "-x", "-p", "no:cacheprovider", "--ignore=tests/test_readme.py",
             "-k", "not args_prism"]
    _run("in-process tests", outcome, tests, out, env={"PYTHONPATH": str(out)})
    return outcome


@pytest.fixture(scope="session")
def corpus_outcomes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Outcome]]:
    if not ENTRIES:
        if os.environ.get("CI"):
            pytest.fail(f"the real-world spec corpus is missing: {MANIFEST}")
        pytest.skip(f"the real-world spec corpus is not available at {MANIFEST}")
    work = tmp_path_factory.mktemp("corpus")
    workers = max(1, os.cpu_count() or 1)
    caches: queue.Queue[Path] = queue.Queue()
    for slot in range(workers):  # one mypy cache per worker: shared stdlib/pydantic analysis, never written by two
        caches.put(work / f".mypy_cache_{slot}")
    # largest first, so the long entries do not end up alone at the tail
    ordered = sorted(ENTRIES, key=lambda e: -int(e.get("bytes") or 0))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(lambda e: _check_entry(e, work, caches), ordered))
    yield {o.name: o for o in outcomes}


@pytest.mark.parametrize("entry", ENTRIES or [{"name": "missing"}], ids=lambda e: e["name"])
def test_corpus_entry(entry: dict[str, str], corpus_outcomes: dict[str, Outcome]) -> None:
    outcome = corpus_outcomes[entry["name"]]
    assert not outcome.failed_step, f"{entry['name']}: {outcome.failed_step} failed\n{outcome.output}"
    assert outcome.methods == int(entry["operations"]), (
        f"{entry['name']}: {outcome.methods} methods generated for {entry['operations']} operations"
    )
