"""Generator benchmarks: sdkforge's cold and repeated generation (Python and TypeScript), validate and check, each
as a whole process next to the floors and peers it is compared with, interleaved round by round."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import peers
from harness import NODE_BIN, ROOT, VENV_PY, Result, Series, child_env, run_proc

import specs

LOAD_CODE = "import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"  # the C-loader process
PARSE_CODE = (
    "import yaml,sys; from openapi_pydantic import parse_obj; "
    "parse_obj(yaml.load(open(sys.argv[1],encoding='utf-8').read(), Loader=yaml.CSafeLoader))"
)


def sdkforge(args: list[str], *, timeout: float, cache: Path, cwd: Path, ok_codes: tuple[int, ...] = (0,)) -> Result:
    argv = [str(VENV_PY), "-m", "generator", *args]
    return run_proc(argv, timeout=timeout, env=child_env(SDKFORGE_CACHE_DIR=str(cache)), cwd=cwd, ok_codes=ok_codes)


def generate_py(spec: Path, out: Path, cache: Path, timeout: float, quiet: bool = True) -> Result:
    args = ["generate", str(spec), "-o", str(out), "--package-name", "openai_full"] + (["-q"] if quiet else [])
    return sdkforge(args, timeout=timeout, cache=cache, cwd=out.parent)


def rewritten(res: Result) -> str | None:
    """'N of M files rewritten', read from generate's summary line."""
    counts = re.findall(r"(\d+) written, (\d+) unchanged", res.get("stdout", ""))
    if not counts:
        return None
    written, unchanged = (int(x) for x in counts[-1])
    return f"{written} of {written + unchanged} files rewritten"


class GeneratorRounds:
    """Every generator measurement, one round after another so that machine noise hits all of them alike. Nothing a
    round wrote is deleted until the whole run ends (its temporary folder): deleting thousands of files makes the disk
    slow to create files for seconds after (ext4 mounted with ``discard``: a cold generation's write stage took
    1.2-2.4 s right after three earlier outputs were deleted, 0.26-0.63 s on a quiet disk), which would charge one
    generator for another's cleanup."""

    def __init__(self, spec: Path, tmp: Path, timeout: float, peer_runs: int) -> None:
        self.spec, self.tmp, self.timeout, self.peer_runs = spec, tmp, timeout, peer_runs
        self.series: dict[str, Series] = {}
        self.info: dict[str, Any] = {}
        self.one_change, self.info["changed_schema"] = specs.write_one_schema_change(spec, tmp / spec.name)
        self.full_out: Path | None = None
        self.last_code: int | None = None

    def s(self, key: str) -> Series:
        return self.series.setdefault(key, Series(key))

    def measure(self, key: str, run: Callable[[], Result]) -> bool:
        """One timed step, skipped once it has failed (its first failure is its row)."""
        if not self.s(key).worth_repeating():
            return False
        res = run()
        self.last_code = res.get("code")
        return self.s(key).add(res)

    def run(self, n: int) -> dict[str, Any]:
        for i in range(n):
            print(f"  generator round {i + 1}/{n}", file=sys.stderr)
            self.floors()
            self.python(i)
            self.typescript(i)
            self.validate_and_check(i)
            self.peer("opc", peers.openapi_python_client, i)
            if i < self.peer_runs:
                for key, generate in peers.GENERATORS.items():
                    self.peer(key, generate, i)
        result: dict[str, Any] = {key: series.summary() for key, series in self.series.items()}
        result.update(info=self.info, full_out=str(self.full_out) if self.full_out else None)
        return result

    def peer(self, key: str, generate: Callable[[Path, Path, float], Result], i: int) -> None:
        out = self.fresh(f"{key}-{i}")
        self.measure(key, lambda: generate(self.spec, out, self.timeout))

    def fresh(self, name: str) -> Path:
        """A new run folder (each round's name is its own); its ``out`` does not exist yet."""
        folder = self.tmp / name
        folder.mkdir()
        return folder / "out"

    def floors(self) -> None:
        self.measure("load_proc", lambda: run_proc([str(VENV_PY), "-c", LOAD_CODE, str(self.spec)], timeout=self.timeout))
        self.measure("parse_proc", lambda: run_proc([str(VENV_PY), "-c", PARSE_CODE, str(self.spec)],
                                                    timeout=self.timeout))

    def python(self, i: int) -> None:
        """Cold (fresh cache and output), then nothing changed, then one schema changed, then back."""
        out = self.fresh(f"py-{i}")
        cache = out.parent / "cache"
        if not self.measure("cold", lambda: generate_py(self.spec, out, cache, self.timeout)):
            return
        self.full_out = out
        self.measure("regen", lambda: generate_py(self.spec, out, cache, self.timeout))
        res = generate_py(self.one_change, out, cache, self.timeout, quiet=False)
        if self.s("regen_one").worth_repeating() and self.s("regen_one").add(res):
            self.info["rewritten"] = rewritten(res)
        generate_py(self.spec, out, cache, self.timeout)  # back to the original, for the client benchmarks

    def typescript(self, i: int) -> None:
        """Cold TypeScript generation; biome is run (and timed) only if the output is not already biome-clean."""
        if not self.s("cold_ts").worth_repeating():
            return
        out = self.fresh(f"ts-{i}")
        config = specs.write_ts_config(self.spec, out, out.parent / "sdkforge.yaml")
        res = sdkforge(["generate", "--config", str(config), "-q"], timeout=self.timeout, cache=out.parent / "cache",
                       cwd=out.parent)
        formatting = 0.0
        if res.get("ok"):
            if "biome_clean" not in self.info:
                self.info["biome_clean"] = biome(out, write=False).get("ok", False)
            formatting = 0.0 if self.info["biome_clean"] else biome(out, write=True).get("seconds", 0.0)
        if self.s("cold_ts").add(res, extra_seconds=formatting):
            # the same output and cache, from the spec with one schema's description changed
            changed = specs.write_ts_config(self.one_change, out, out.parent / "sdkforge-changed.yaml")
            self.measure("regen_one_ts", lambda: sdkforge(["generate", "--config", str(changed), "-q"],
                                                          timeout=self.timeout, cache=out.parent / "cache",
                                                          cwd=out.parent))

    def validate_and_check(self, i: int) -> None:
        # validate exits 1 when the spec has errors: still a complete run
        self.measure("validate_proc", lambda: sdkforge(["validate", str(self.spec)], timeout=self.timeout,
                                                       cache=self.tmp / "validate-cache", cwd=self.tmp,
                                                       ok_codes=(0, 1)))
        cache = self.tmp / "check-cache"
        if i == 0:  # a pre-commit hook's steady state: the cache filled by an earlier run
            sdkforge(["check"], timeout=self.timeout, cache=cache, cwd=ROOT, ok_codes=(0, 1))
        if self.measure("check", lambda: sdkforge(["check"], timeout=self.timeout, cache=cache, cwd=ROOT,
                                                  ok_codes=(0, 1))):
            self.info["check_stale"] = self.info.get("check_stale") or self.last_code == 1


def biome(sdk: Path, *, write: bool) -> Result:
    """`biome format` over the SDK, run from it (biome refuses a folder under another project's biome.json)."""
    argv = [str(NODE_BIN / "biome"), "format", "--config-path", "biome.json", *(["--write"] if write else []), "src"]
    return run_proc(argv, timeout=300, cwd=sdk)


def bench_scaling(spec: Path, full_cold: dict[str, Any], tmp: Path, factors: list[int], runs: int,
                  videos_spec: Path) -> list[dict[str, Any]]:
    """Cold generation of the videos spec and synthetic N-times copies of the full spec; the full spec's row is
    the cold figure measured with the rest."""
    data = specs.load(spec)
    cases: list[tuple[str, Path]] = [("videos", videos_spec), ("1x", spec)]
    for factor in factors:
        path = tmp / f"openai-x{factor}.yaml"
        specs.write_scaled_spec(data, factor, path)
        cases.append((f"synthetic {factor}x", path))
    del data
    rows: list[dict[str, Any]] = []
    for label, path in cases:
        summary = full_cold if label == "1x" else _cold_series(label, path, spec, full_cold, tmp, runs)
        rows.append({"spec": label, "mb": path.stat().st_size / 1e6, **summary})
    return rows


def _cold_series(label: str, path: Path, spec: Path, full_cold: dict[str, Any], tmp: Path, runs: int) -> dict:
    series = Series(label)
    # bounded, but generous enough for a linear generator: 3x the linear extrapolation
    limit = max(180.0, 3 * (path.stat().st_size / spec.stat().st_size) * (full_cold.get("best") or 60))
    for i in range(runs):
        run_dir = tmp / f"scale-{label.replace(' ', '-')}-{i}"
        run_dir.mkdir()
        if not series.add(generate_py(path, run_dir / "out", run_dir / "cache", timeout=limit)):
            break
    return series.summary()
