"""Every corpus entry's generated Prism tests in both SDKs: ``python tests/corpus/prism_all.py [NAME ...] [--jobs N]``.

Opt-in and heavy (a Prism server per SDK, a TypeScript compile per entry): run it before resolving a change to what
the SDKs send or accept. For each entry of both corpora (``tests/corpus/corpora.py``; ``swagger2/<name>`` for the
Swagger 2.0 one), or the NAMEs given: generate the Python and the TypeScript SDK in process, run the Python SDK's
Prism tests (``pytest -k args_prism``) and the TypeScript SDK's ``tests/prism.test.ts`` (compiled, on ``node
--test``), and print passed / failed / skipped per entry and language.
Exit status 1 when a test failed or a step broke. CI runs a fixed subset of small entries through the corpus runs
that generate those SDKs anyway (``PRISM`` in tests/corpus/conftest.py and tests/typescript/test_ts_corpus.py).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import corpora  # beside this file

ROOT = Path(__file__).resolve().parents[2]
NODE_BIN = ROOT / "node_modules" / ".bin"
TIMEOUT = 1200


@dataclass
class Result:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    broken: str = ""  # the step that could not run (generate, compile...), with its output's tail

    def line(self) -> str:
        return f"{self.passed:5} {self.failed:5} {self.skipped:5}  {self.broken.splitlines()[0] if self.broken else ''}"


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT,
                              check=False, env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, 124, "", f"timed out after {TIMEOUT} s")


def _generate(spec: Path, out: Path, language: str) -> str:
    """The SDK written to ``out``; the error's first line when generation stops."""
    from generator.config import Target
    from generator.pipeline import build_target

    try:
        files = build_target(Target(spec=str(spec), output=str(out), package="corpus_sdk", language=language),
                             ROOT).files
    except Exception as exc:  # noqa: BLE001 - reported as the entry's broken step
        return f"generate: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return ""


def python_prism(spec: Path, work: Path) -> Result:
    out = work / "py"
    broken = _generate(spec, out, "python")
    if broken:
        return Result(broken=broken)
    env = {"PYTHONPATH": str(out), "SDKFORGE_PRISM": str(NODE_BIN / "prism"), "COLUMNS": "400"}
    result = _run([sys.executable, "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider", "-k", "args_prism",
                   "--assert=plain"], out, env)
    counts = {kind: int(n) for n, kind in re.findall(r"(\d+) (passed|failed|skipped|errors?)\b", result.stdout)}
    found = Result(counts.get("passed", 0), counts.get("failed", 0) + counts.get("error", 0) + counts.get("errors", 0),
                   counts.get("skipped", 0))
    if result.returncode not in (0, 1, 5):  # 5: nothing selected (no operations)
        found.broken = f"pytest: exit {result.returncode}\n{result.stdout[-3000:]}{result.stderr[-2000:]}"
    elif found.failed:
        found.broken = "failures:\n" + "\n".join(re.findall(r"^(?:FAILED|ERROR) .*$", result.stdout, re.MULTILINE)[:20])
    return found


def typescript_prism(spec: Path, work: Path) -> Result:
    out, build = work / "ts", work / "ts-build"
    broken = _generate(spec, out, "typescript")
    if broken:
        return Result(broken=broken)
    if not (out / "tests" / "prism.test.ts").is_file():
        return Result()  # no operations: nothing to call
    (out / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    compiled = _run([NODE_BIN / "tsc", "-p", out / "tsconfig.test.json", "--outDir", build], ROOT)
    if compiled.returncode != 0:
        return Result(broken=f"tsc: exit {compiled.returncode}\n{compiled.stdout[-3000:]}")
    (build / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    for copy in (out / "tests").glob("openapi.*"):
        shutil.copy(copy, build / "tests" / copy.name)
    env = {k: v for k, v in os.environ.items() if k != "SDKFORGE_NO_PRISM"}
    result = subprocess.run(["node", "--test", str(build / "tests" / "prism.test.js")], cwd=ROOT, capture_output=True,
                            text=True, timeout=TIMEOUT, check=False, env=env)
    counts = {kind: int(n) for kind, n in re.findall(r"^# (pass|fail|skipped|cancelled) (\d+)$", result.stdout, re.MULTILINE)}
    found = Result(counts.get("pass", 0), counts.get("fail", 0) + counts.get("cancelled", 0), counts.get("skipped", 0))
    if found.failed or result.returncode != 0:
        names = re.findall(r"^\s*not ok \d+ - (.*)$", result.stdout, re.MULTILINE)
        found.broken = f"node --test: exit {result.returncode}; failing: " + ", ".join(names[:20])
    return found


def check_entry(name: str, spec: Path) -> tuple[str, Result, Result]:
    with tempfile.TemporaryDirectory(prefix=f"prism-{name.replace('/', '-')}-") as tmp:
        work = Path(tmp)
        return name, python_prism(spec, work), typescript_prism(spec, work)


def entries(names: list[str]) -> list[tuple[str, Path]]:
    rows = [(entry.id, entry.spec) for entry in corpora.entries()]
    unknown = set(names) - {name for name, _ in rows}
    if unknown:
        raise SystemExit(f"not in the corpora: {', '.join(sorted(unknown))}")
    return [row for row in rows if not names or row[0] in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="corpus entries (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="entries at a time (each starts its own Prism servers)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the failures of each SDK")
    args = parser.parse_args(argv)
    bad = 0
    print(f"{'entry':26} {'language':10} {'pass':>5} {'fail':>5} {'skip':>5}", flush=True)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for name, *results in pool.map(lambda e: check_entry(*e), entries(args.names)):
            for language, result in zip(("python", "typescript"), results):
                print(f"{name:26} {language:10} {result.line()}", flush=True)
                if args.verbose and "\n" in result.broken:
                    print("    " + result.broken.split("\n", 1)[1].replace("\n", "\n    "), flush=True)
                bad += bool(result.failed or result.broken)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
