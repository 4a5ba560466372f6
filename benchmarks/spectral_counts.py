"""Spectral beside `sdkforge validate --ruleset recommended`: per corpus spec, per rule sdkforge names after Spectral,
both finding counts.

    python benchmarks/spectral_counts.py [--corpus DIR] [--spectral BIN] [--cache DIR] [--only NAME ...]

Spectral (``spectral lint -r <ruleset extending spectral:oas "all"> --format json``) is slow on big specs: it runs
once per spec (niced) and its JSON is kept under ``--cache`` (default /tmp/sdkforge-spectral); delete a file there
to run it again. The binary is ``benchmarks/.node/node_modules/.bin/spectral`` unless ``--spectral`` or the
``SDKFORGE_SPECTRAL`` environment variable names another. Prints one row per spec and rule where either count is
non-zero, differences marked; exit status 0 (this reports, it does not judge).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.validate.rules import RULES

DEFAULT_SPECTRAL = ROOT / "benchmarks" / ".node" / "node_modules" / ".bin" / "spectral"
RULESET = 'extends: [["spectral:oas", "all"]]\n'
SPECTRAL_NAMES = {rule.name: rule.id for rule in RULES.values() if rule.ruleset == "recommended"
                  and rule.id < "SF130"}


def spectral_counts(spectral: str, name: str, spec: Path, cache: Path) -> collections.Counter[str]:
    out = cache / f"{name}.json"
    if not out.is_file():
        ruleset = cache / "ruleset.yaml"
        ruleset.write_text(RULESET)
        proc = subprocess.run(["nice", spectral, "lint", "-r", str(ruleset), "--format", "json", "--quiet",
                               str(spec)], capture_output=True, text=True, check=False)
        out.write_text(proc.stdout if proc.stdout.strip() else "[]")
    return collections.Counter(result["code"] for result in json.loads(out.read_text()))


def sdkforge_counts(spec: Path) -> collections.Counter[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "generator", "validate", "--ruleset", "recommended", "--format",
                           "json", str(spec)], capture_output=True, text=True, check=False, env=env)
    report = json.loads(proc.stdout)
    found = report["diagnostics"] if isinstance(report, dict) else report
    return collections.Counter(RULES[d["rule"]].name for d in found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent.parent / "shared" / "corpus")
    parser.add_argument("--spectral", default=os.environ.get("SDKFORGE_SPECTRAL", str(DEFAULT_SPECTRAL)))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/sdkforge-spectral"))
    parser.add_argument("--only", nargs="*", default=None, help="corpus entry names")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    with (args.corpus / "MANIFEST.tsv").open(encoding="utf-8") as manifest:
        entries = [(row["name"], args.corpus / row["entry"]) for row in csv.DictReader(manifest, delimiter="\t")]
    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    print("| spec | rule | spectral | sdkforge |\n|---|---|---:|---:|")
    for name, spec in entries:
        if args.only and name not in args.only:
            continue
        theirs, ours = spectral_counts(args.spectral, name, spec, args.cache), sdkforge_counts(spec)
        for rule in sorted(SPECTRAL_NAMES):
            a, b = theirs.get(rule, 0), ours.get(rule, 0)
            totals[rule][0] += a
            totals[rule][1] += b
            if a or b:
                print(f"| {name} | {rule} | {a} | {b}{'' if a == b else ' **≠**'} |")
    print("\n| rule | spectral | sdkforge |\n|---|---:|---:|")
    for rule in sorted(totals):
        a, b = totals[rule]
        print(f"| {rule} | {a} | {b}{'' if a == b else ' **≠**'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
