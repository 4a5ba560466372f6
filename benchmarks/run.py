"""sdkforge performance benchmarks: every target of the performance issue, each against a baseline in the same run.

    python benchmarks/run.py [--quick] [--spec PATH] [--update-readme]
    python benchmarks/run.py --report-only [--update-readme]   # tables, chart and README from results.json

The first run creates ``benchmarks/.venv`` (gitignored) with the Python peers and tools (openapi-python-client,
datamodel-code-generator, openapi-generator-cli, openai, httpx2, matplotlib) and sdkforge itself, installs the
Node peers pinned in ``benchmarks/.node`` (package.json + lock, ``npm ci``; node_modules gitignored), then re-runs
inside the venv. Every figure is the best of N interleaved runs and every ratio is taken against a baseline measured in the same run, because the machines are
noisy. Every step runs under a time limit; a failing step is reported in its row, never fatal. Writes
``benchmarks/results.md`` (the exact table for the README), ``results.json`` and the chart ``results.png``;
``--update-readme`` also rewrites the README's block between the benchmark markers.

Modules: harness (processes, venv), specs (synthetic and changed specs), generation and peers (generator runs),
clients and ts_client (generated clients), lint (linters: sdkforge validate, redocly, spectral), report (rows, tables, chart, README).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import harness
from harness import BENCH, DEFAULT_SPEC, VENV_PY, VIDEOS_SPEC
from report import write_report


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: small N, the small videos spec by default")
    parser.add_argument("--spec", help="the large spec (default: the full OpenAI spec; --quick: the videos spec)")
    parser.add_argument("--skip-generator", action="store_true", help="client benchmarks only")
    parser.add_argument("--gen-runs", type=int, help="generator rounds (default 5, --quick 1)")
    parser.add_argument("--peer-runs", type=int, default=1, help="rounds that also run the peers (default 1)")
    parser.add_argument("--scale", help="synthetic spec size factors (default 4,10; --quick 2)")
    parser.add_argument("--scale-runs", type=int, default=1, help="runs per synthetic/videos spec (default 1)")
    parser.add_argument("--update-readme", action="store_true", help="rewrite the README block between the markers")
    parser.add_argument("--report-only", action="store_true", help="no measuring: report from results.json")
    return parser.parse_args()


def measure(args: argparse.Namespace, spec: Path) -> dict[str, Any]:
    import clients
    import generation
    import lint
    import ts_client

    q = args.quick
    n_gen = args.gen_runs or (1 if q else 5)  # best of 5: the machines' CPUs swing by a third from minute to minute
    factors = [int(f) for f in (args.scale or ("2" if q else "4,10")).split(",") if f.strip()]
    res: dict[str, Any] = {"spec": str(spec), "spec_mb": spec.stat().st_size / 1e6, "quick": q, "gen_runs": n_gen,
                           "started": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), "cpus": os.cpu_count()}
    res["node_peers_error"] = harness.ensure_node_peers()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sdkforge-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if not args.skip_generator:
            print("generator ...", file=sys.stderr)
            rounds = generation.GeneratorRounds(spec, tmp, timeout=120 if q else 300, peer_runs=args.peer_runs)
            res["generator"] = rounds.run(n_gen)
            print("scaling ...", file=sys.stderr)
            try:
                res["scaling"] = generation.bench_scaling(spec, res["generator"]["cold"], tmp, factors,
                                                          args.scale_runs, VIDEOS_SPEC)
            except Exception as exc:  # noqa: BLE001 - a row, not a crash
                res["scaling"] = [{"spec": "all", "mb": 0.0, "error": repr(exc)}]
        budget = 10 if q else 40
        loops = {"batch": 50 if q else 200, "rounds": 3 if q else 10, "concurrency": 100, "budget": budget}
        for name in ("mock", "local"):
            print(f"client: {name} ...", file=sys.stderr)
            res[name] = harness.worker(name, loops, timeout=budget * 3 + 60)
        print("client: parse ...", file=sys.stderr)
        res["parse"] = harness.worker("parse", {"rounds": 5 if q else 30, "budget": budget}, timeout=budget * 3 + 60)
        print("client: imports ...", file=sys.stderr)
        res["imports"] = clients.bench_imports(3 if q else 10, (res.get("generator") or {}).get("full_out"),
                                               timeout=60)
        print("client: TypeScript ...", file=sys.stderr)
        res["ts_client"] = ts_client.bench_ts_client(tmp, 200 if q else 2000, 3 if q else 20, timeout=300)
    print("lint: sdkforge validate, redocly lint, spectral lint ...", file=sys.stderr)
    res["lint"] = lint.bench_lint(1 if q else 3, timeout=300)
    res["elapsed"] = time.perf_counter() - t0
    return res


def main() -> int:
    args = parse_args()
    if args.report_only:
        write_report(json.loads((BENCH / "results.json").read_text(encoding="utf-8")), args.update_readme)
        return 0
    spec = Path(args.spec or (VIDEOS_SPEC if args.quick else DEFAULT_SPEC)).resolve()
    if not spec.is_file():
        print(f"spec not found: {spec}", file=sys.stderr)
        return 2
    write_report(measure(args, spec), args.update_readme)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_worker":
        import clients

        out = clients.WORKERS[sys.argv[2]](json.loads(sys.argv[3]))
        if out is not None:
            print(json.dumps(out))
        raise SystemExit(0)
    if not harness.in_venv():
        harness.ensure_venv()
        os.execv(str(VENV_PY), [str(VENV_PY), str(Path(__file__).resolve()), *sys.argv[1:]])
    raise SystemExit(main())
