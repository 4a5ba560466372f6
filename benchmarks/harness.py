"""The benchmark harness: paths, the bench venv, timed child processes and series of repeated measurements."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV = BENCH / ".venv"
VENV_PY = VENV / "bin" / "python"
NODE_DIR = BENCH / ".node"  # the Node peers: package.json + lock committed, node_modules git-ignored
NODE_BIN = ROOT / "node_modules" / ".bin"  # the repository's own tsc and biome
VIDEOS_SPEC = ROOT / "specs" / "openai-videos.yaml"
VIDEOS_SDK = ROOT / "generated" / "openai-videos"
VIDEOS_TS_SDK = ROOT / "generated" / "openai-videos-ts"
DEFAULT_SPEC = ROOT.parent / "shared" / "specs" / "openai-openapi.yaml"
REQUIREMENTS = [
    "openapi-python-client",
    "openai",
    "httpx2",
    "matplotlib",
    "pyyaml",
    "openapi-pydantic",
    "datamodel-code-generator",
    "openapi-generator-cli",
]
def ensure_venv() -> None:
    """Create benchmarks/.venv with the comparison tools and sdkforge (editable), once."""
    marker = VENV / ".sdkforge-bench"
    wanted = "\n".join(REQUIREMENTS)
    if VENV_PY.exists() and marker.exists() and marker.read_text() == wanted:
        return
    print(f"setting up {VENV} ...", file=sys.stderr)
    if not VENV_PY.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV_PY), "-m", "pip", "install", "-q", *REQUIREMENTS, "-e", str(ROOT)], check=True)
    marker.write_text(wanted)


def ensure_node_peers() -> str | None:
    """Install the Node peers pinned in benchmarks/.node (package.json + package-lock.json) with ``npm ci``, once per
    lock file; None, or why they are missing."""
    lock = NODE_DIR / "package-lock.json"
    marker = NODE_DIR / "node_modules" / ".sdkforge-bench"
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest() if lock.is_file() else ""
    if not wanted:
        return f"{lock} is missing"
    if marker.exists() and marker.read_text() == wanted:
        return None
    print(f"installing the Node peers of {NODE_DIR / 'package.json'} (npm ci) ...", file=sys.stderr)
    argv = ["npm", "ci", "--no-audit", "--no-fund"]
    try:
        done = subprocess.run(argv, cwd=NODE_DIR, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"npm ci failed: {exc}"
    if done.returncode != 0:
        return "npm ci failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:160]
    marker.write_text(wanted)
    return None


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(VENV / "bin") + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.pathsep.join([str(VIDEOS_SDK), str(ROOT)])
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


class Result(dict):
    """ok, seconds, rss_mb, stdout, error."""


def run_proc(
    argv: list[str],
    *,
    timeout: float,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    ok_codes: tuple[int, ...] = (0,),
) -> Result:
    """Run a child; wall time and peak RSS (wait4 rusage: the child and the descendants it waited for). The disk is
    settled first (``os.sync``, not timed): the files an earlier step wrote are still being written back for seconds,
    and creating files meanwhile waited on that (a cold generation's 2,389 files: 60 ms on a settled disk, up to 650 ms
    after a peer's run)."""
    os.sync()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env or child_env(), cwd=cwd,
                                    start_new_session=True)
        except OSError as exc:
            return Result(ok=False, seconds=0.0, rss_mb=0.0, stdout="", error=f"cannot start: {exc}")
        timer = threading.Timer(timeout, _kill_group, (proc.pid,))
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    timed_out = seconds >= timeout
    res = Result(ok=code in ok_codes and not timed_out, seconds=seconds, rss_mb=usage.ru_maxrss / 1024,
                 stdout=stdout, code=code)
    if timed_out:
        res["error"] = f"timed out after {timeout:.0f} s"
    elif code not in ok_codes:
        res["error"] = f"exit {code}: " + last_message(stderr or stdout)[:160]
    return res


def last_message(output: str) -> str:
    """The last line naming an error (not a Java stack frame), else the last line."""
    lines = [line.strip() for line in output.splitlines() if line.strip() and not line.lstrip().startswith("at ")]
    errors = [line for line in lines if "rror" in line or "xception" in line]
    return (errors or lines or [""])[-1]


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Series:
    """Repeated measurements of one thing; failures are remembered, not raised."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.times: list[float] = []
        self.rss: list[float] = []
        self.error: str | None = None
        self.attempted = False

    def add(self, res: Result, extra_seconds: float = 0.0) -> bool:
        self.attempted = True
        if res.get("ok"):
            self.times.append(res["seconds"] + extra_seconds)
            self.rss.append(res.get("rss_mb", 0.0))
            return True
        self.error = res.get("error", "failed")
        return False

    def worth_repeating(self) -> bool:
        """A failed step (timeout, crash) is not run again: one failure is its row."""
        return self.ok or not self.attempted

    @property
    def ok(self) -> bool:
        return bool(self.times)

    def summary(self) -> dict[str, Any]:
        return {
            "best": min(self.times) if self.times else None,
            "median": statistics.median(self.times) if self.times else None,
            "n": len(self.times),
            "peak_mb": max(self.rss) if self.rss else None,
            "error": None if self.ok else self.error,
        }


def worker(name: str, args: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Run one in-process benchmark in a fresh bench-venv interpreter; returns its JSON or an error."""
    argv = [str(VENV_PY), str(BENCH / "run.py"), "_worker", name, json.dumps(args)]
    res = run_proc(argv, timeout=timeout)
    if not res["ok"]:
        return {"error": res.get("error", "failed")}
    try:
        return json.loads(res["stdout"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": "worker printed no result"}
