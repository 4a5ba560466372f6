"""Benchmark: `sdkforge validate` (in-process) against a bare C-loader YAML load of the same spec.

    python benchmarks/bench_validate.py [SPEC] [-n N] [--ruleset NAME]...

Prints a markdown table with the best of N runs of each and the ratio (target: validate <= 2x load).
The import of openapi-pydantic is paid once before timing (a warm-up validate), as a long-lived process would.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.targets.python.checks import NAMES
from generator.validate import checks
from generator.validate.rulesets import DEFAULT, with_rulesets

RULESETS: list[str] = list(DEFAULT)


def validate_paths(paths: list[Path]) -> list:
    # what `sdkforge validate [--ruleset NAME]...` runs
    return checks.validate_paths(paths, with_rulesets({}, RULESETS), names=NAMES)

DEFAULT_SPEC = ROOT.parent / "shared" / "specs" / "openai-openapi.yaml"


def best_of(n: int, fn) -> float:
    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", nargs="?", default=str(DEFAULT_SPEC))
    parser.add_argument("-n", type=int, default=5, help="runs of each (best is kept)")
    parser.add_argument("--ruleset", action="append", default=None, help="rulesets to run (default: sdk)")
    args = parser.parse_args()
    RULESETS[:] = args.ruleset or list(DEFAULT)
    spec = Path(args.spec)
    if not spec.is_file():
        print(f"spec not found: {spec}", file=sys.stderr)
        return 2
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def load() -> None:
        yaml.load(spec.read_text(encoding="utf-8"), Loader=loader)

    diagnostics = validate_paths([spec])  # warm-up: imports
    errors = sum(1 for d in diagnostics if d.severity == "error")
    t_load = t_validate = float("inf")
    for _ in range(args.n):  # interleaved, so machine noise hits both alike
        t_load = min(t_load, best_of(1, load))
        t_validate = min(t_validate, best_of(1, lambda: validate_paths([spec])))
    ratio = t_validate / t_load
    print(f"spec: `{spec.name}` ({spec.stat().st_size / 1e6:.1f} MB), best of {args.n}\n")
    print("| step | seconds | ratio |")
    print("| --- | ---: | ---: |")
    print(f"| yaml.load (C loader) | {t_load:.3f} | 1.00 |")
    print(f"| sdkforge validate --ruleset {' '.join(RULESETS)} | {t_validate:.3f} | {ratio:.2f} |")
    print(f"\n{errors} error(s), {len(diagnostics) - errors} warning(s); target ratio <= 2.0: "
          f"{'met' if ratio <= 2.0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
