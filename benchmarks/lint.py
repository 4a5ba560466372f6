"""Linting as a whole process: `sdkforge validate --ruleset recommended` against `redocly lint` (its recommended
ruleset) and `spectral lint` (spectral:oas), on a spec split over ~500 files and on a ~1 MB single-file spec.

    python benchmarks/lint.py [-n N] [--merge]   # just these rows (any environment with sdkforge); --merge stores them
                                                # in results.json (under "lint") and rewrites results.md

Every tool exits 1 when it finds problems: exit codes 0 and 1 both count as a run. sdkforge and Redocly run N times,
interleaved; Spectral (slow: tens of seconds) once. The specs come from ../shared/corpus (see its MANIFEST.tsv).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import NODE_DIR, ROOT, Result, ensure_node_peers, run_proc

CORPUS = ROOT.parent / "shared" / "corpus"
SPECS = {  # kind -> (label, entry)
    "split": ("lob (475 files, 0.9 MB entry)", CORPUS / "lob" / "lob-api-public.yml"),
    "single": ("intercom (1.3 MB, one YAML file)", CORPUS / "intercom" / "api.intercom.io.yaml"),
}
OK = (0, 1)


def sdkforge(spec: Path, _tmp: Path, timeout: float) -> Result:
    return run_proc([sys.executable, "-m", "generator", "validate", "--ruleset", "recommended", str(spec)],
                    timeout=timeout, cwd=ROOT, ok_codes=OK)


def redocly(spec: Path, tmp: Path, timeout: float) -> Result:
    tool = NODE_DIR / "node_modules" / ".bin" / "redocly"
    if not tool.exists():
        return Result(ok=False, seconds=0.0, error="redocly not installed (npm ci in benchmarks/.node failed?)")
    return run_proc([str(tool), "lint", "--extends", "recommended", str(spec)], timeout=timeout, cwd=tmp,
                    ok_codes=OK)


def spectral(spec: Path, tmp: Path, timeout: float) -> Result:
    tool = NODE_DIR / "node_modules" / ".bin" / "spectral"
    if not tool.exists():
        return Result(ok=False, seconds=0.0, error="spectral not installed (npm ci in benchmarks/.node failed?)")
    ruleset = tmp / ".spectral.yaml"
    ruleset.write_text('extends: ["spectral:oas"]\n', encoding="utf-8")
    return run_proc([str(tool), "lint", "--ruleset", str(ruleset), str(spec)], timeout=timeout, cwd=tmp,
                    ok_codes=OK)


def _best(runs: list[Result]) -> dict[str, Any]:
    good = [r for r in runs if r.get("ok")]
    if not good:
        return {"error": (runs[-1].get("error") or f"exit {runs[-1].get('code')}") if runs else "not run"}
    return {"best": min(r["seconds"] for r in good), "runs": [round(r["seconds"], 3) for r in good],
            "peak_mb": max(r.get("rss_mb", 0.0) for r in good)}


def bench_lint(runs: int, timeout: float) -> dict[str, Any]:
    """{kind: {label, sdkforge, redocly, spectral}} with the best whole-process seconds of each."""
    result: dict[str, Any] = {"node_peers_error": ensure_node_peers(), "runs": runs,
                              "started": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())}
    with tempfile.TemporaryDirectory(prefix="sdkforge-lint-") as tmpdir:
        tmp = Path(tmpdir)
        for kind, (label, spec) in SPECS.items():
            if not spec.is_file():
                result[kind] = {"label": label, "error": f"{spec} not found"}
                continue
            measured: dict[str, list[Result]] = {"sdkforge": [], "redocly": [], "spectral": []}
            sdkforge(spec, tmp, timeout)  # warm-up: the file cache, .pyc files
            for i in range(runs):  # interleaved, so the machine's drift hits both alike
                measured["sdkforge"].append(sdkforge(spec, tmp, timeout))
                measured["redocly"].append(redocly(spec, tmp, timeout))
                if i == 0:
                    measured["spectral"].append(spectral(spec, tmp, timeout * 3))
            result[kind] = {"label": label, **{name: _best(rs) for name, rs in measured.items()}}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3, help="runs of sdkforge and redocly (best is kept)")
    parser.add_argument("--merge", action="store_true", help="store in results.json and rewrite results.md")
    args = parser.parse_args()
    res = bench_lint(args.n, timeout=300)
    print(json.dumps(res, indent=2))
    if args.merge:
        from harness import BENCH
        from report import write_report

        results = json.loads((BENCH / "results.json").read_text(encoding="utf-8"))
        results["lint"] = res
        write_report(results, to_readme=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
