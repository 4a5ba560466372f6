"""The corpus run: every entry of the real-world corpora generated and checked in subprocesses, in the background.

The corpora live outside the repository (``../shared/corpus``: OpenAPI 3.x, ``../shared/corpus-swagger2``: Swagger
2.0; each listed in its ``MANIFEST.tsv``, see ``corpora.py``). Without them the module is skipped, except under CI (env
``CI`` set), where a missing corpus is a failure. Only the entries whose tests were selected run (``-k swagger2``).

The run starts in the background as soon as collection selects a corpus test, one worker per core, while the rest of
the suite runs; the corpus tests are moved to the end of the session, where they wait for it. Each entry goes through
every step in a subprocess: generate, import every module, ``mypy --strict``, then the generated SDK's in-process
tests (its Prism tests and README examples need a mock server per entry and are covered for our own specs and the
full spec; the Prism tests run for the few small entries of ``PRISM`` too). They run with ``--assert=plain``: rewriting the asserts of thousands of generated tests costs more
than running them, and a failure still names its test and line. An SDK with more than ``TEST_SAMPLE`` in-process tests
runs an evenly spaced sample of that many (``sample_plugin.py``): every test module of the largest SDKs still runs, at
a fraction of the cost.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpora  # beside this file

ROOT = corpora.ROOT
STEP_TIMEOUT = 900
TEST_SAMPLE = 1000  # in-process tests run per SDK at most (see sample_plugin.py)
ENTRIES = corpora.entries()
# small entries whose SDKs also run their Prism tests here (prism_all.py runs every entry's, both SDKs, on demand)
# (the Swagger 2.0 ones upgraded: a body parameter, collectionFormat, formData with a file, securityDefinitions)
PRISM = {"swagger-petstore3", "vonage-application", "readme-schema-circular", "swagger2/alertmanager", "swagger2/gotify"}


@dataclass
class Outcome:
    """What happened to one entry: the first failing step, with its output, or none."""

    name: str
    failed_step: str = ""
    output: str = ""
    methods: int = -1
    log: list[str] = field(default_factory=list)


def _run(step: str, outcome: Outcome, args: list[str], cwd: Path, env: dict[str, str] | None = None) -> bool:
    start = time.perf_counter()
    try:
        result = subprocess.run(
            args, cwd=cwd, capture_output=True, text=True, timeout=STEP_TIMEOUT, check=False,
            env={**os.environ, **(env or {})},
        )
    except subprocess.TimeoutExpired:
        outcome.failed_step, outcome.output = step, f"timed out after {STEP_TIMEOUT} s"
        return False
    outcome.log.append(f"{step}: exit {result.returncode} in {time.perf_counter() - start:.1f} s")
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


def _check_entry(entry: corpora.Entry, work: Path, mypy_caches: queue.Queue[Path]) -> Outcome:
    outcome = Outcome(entry.id)
    if _STOP.is_set():
        outcome.failed_step = "not run: the session ended first"
        return outcome
    out = work / entry.id
    package = _package_name(entry.name)
    spec = entry.spec
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
             "-k", "not args_prism", "-p", "sample_plugin", "--assert=plain"]
    env = {"PYTHONPATH": os.pathsep.join((str(out), str(HERE))), "SDKFORGE_TEST_SAMPLE": str(TEST_SAMPLE)}
    if _run("in-process tests", outcome, tests, out, env=env) and entry.id in PRISM:
        prism = [sys.executable, "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider", "-k", "args_prism", "--assert=plain"]
        _run("Prism tests", outcome, prism, out, env={**env, "SDKFORGE_PRISM": str(ROOT / "node_modules" / ".bin" / "prism")})
    return outcome


def _check_all(work: Path, selected: list[corpora.Entry]) -> dict[str, Outcome]:
    workers = max(1, os.cpu_count() or 1)
    caches: queue.Queue[Path] = queue.Queue()
    for slot in range(workers):  # one mypy cache per worker: shared stdlib/pydantic analysis, never written by two
        caches.put(work / f".mypy_cache_{slot}")
    # largest first, so the long entries do not end up alone at the tail
    ordered = sorted(selected, key=lambda e: -e.bytes)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(lambda e: _check_entry(e, work, caches), ordered))
    return {o.name: o for o in outcomes}


# --- the background run ------------------------------------------------------------------------------------------

_RUN: dict[str, object] = {}
_STOP = threading.Event()  # set when the session ends early: the entries not started yet are skipped


def _is_corpus(item: pytest.Item) -> bool:
    return Path(str(item.path)).resolve().parent == HERE


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Corpus tests last: they only wait for the background run, which overlaps everything before them."""
    items[:] = [i for i in items if not _is_corpus(i)] + [i for i in items if _is_corpus(i)]


def pytest_collection_finish(session: pytest.Session) -> None:
    ids = {getattr(i, "callspec", None) and i.callspec.id for i in session.items if _is_corpus(i)}
    selected = [e for e in ENTRIES if e.id in ids]
    if not selected or "future" in _RUN:
        return
    work = Path(tempfile.mkdtemp(prefix="sdkforge-corpus-"))
    _RUN["work"] = work
    _RUN["future"] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="corpus").submit(_check_all, work, selected)


def pytest_sessionfinish() -> None:
    future = _RUN.get("future")
    if isinstance(future, Future):
        _STOP.set()
        future.exception()  # wait for the entries in progress: they write into the folder removed below
    work = _RUN.get("work")
    if isinstance(work, Path):
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def corpus_outcomes() -> dict[str, Outcome]:
    absent = corpora.missing()
    if absent and os.environ.get("CI"):
        pytest.fail(f"a real-world spec corpus is missing: {', '.join(map(str, absent))}")
    if not ENTRIES:
        pytest.skip(f"the real-world spec corpora are not available at {', '.join(map(str, absent))}")
    future = _RUN["future"]
    assert isinstance(future, Future)
    return future.result()


