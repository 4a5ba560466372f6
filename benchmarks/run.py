"""sdkforge performance benchmarks: the generator and the generated client, each against a baseline in the same run.

    python benchmarks/run.py [--quick] [--spec PATH]

The first run creates ``benchmarks/.venv`` (gitignored) with the comparison tools (openapi-python-client, openai,
httpx2, matplotlib) and sdkforge itself, then re-runs inside it. Every figure is the best of N interleaved runs and
every ratio is taken against a baseline measured in the same run, because the machines are noisy. Every measurement
runs under a time limit; a failing step (for instance full-spec generation) is reported in its row, never fatal.
Writes ``benchmarks/results.md``, ``benchmarks/results.json`` and ``benchmarks/results.png``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV = BENCH / ".venv"
VENV_PY = VENV / "bin" / "python"
VIDEOS_SPEC = ROOT / "specs" / "openai-videos.yaml"
VIDEOS_SDK = ROOT / "generated" / "openai-videos"
DEFAULT_SPEC = ROOT.parent / "shared" / "specs" / "openai-openapi.yaml"
REQUIREMENTS = ["openapi-python-client", "openai", "httpx2", "matplotlib", "pyyaml", "openapi-pydantic"]

VIDEO = {
    "id": "video_123",
    "object": "video",
    "created_at": 1_760_000_000,
    "completed_at": None,
    "expires_at": None,
    "error": None,
    "model": "sora-2",
    "progress": 0,
    "prompt": "a red fox in the snow, but at night",
    "remixed_from_video_id": "video_000",
    "seconds": "8",
    "size": "1280x720",
    "status": "queued",
}
VIDEO_BYTES = json.dumps(VIDEO).encode()


# ---------------------------------------------------------------------------------------------------------------
# environment


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


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(VENV / "bin") + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.pathsep.join([str(VIDEOS_SDK), str(ROOT)])
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


# ---------------------------------------------------------------------------------------------------------------
# measurement helpers


class Result(dict):
    """ok, seconds, rss_mb, error."""


def run_proc(argv: list[str], *, timeout: float, env: dict[str, str] | None = None, cwd: Path | None = None) -> Result:
    """Run a child; wall time and peak RSS (wait4 rusage: the child and the descendants it waited for)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        return _run_proc(argv, timeout=timeout, env=env, cwd=cwd, out=out, err=err)


def _run_proc(
    argv: list[str], *, timeout: float, env: dict[str, str] | None, cwd: Path | None, out: Any, err: Any
) -> Result:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env or child_env(), cwd=cwd, start_new_session=True)
    timed_out = []

    def kill() -> None:
        timed_out.append(True)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    err.seek(0)
    stdout = out.read().decode(errors="replace")
    stderr = err.read().decode(errors="replace")
    res = Result(
        ok=proc.returncode == 0 and not timed_out, seconds=seconds, rss_mb=usage.ru_maxrss / 1024, stdout=stdout
    )
    if timed_out:
        res["error"] = f"timed out after {timeout:.0f} s"
    elif proc.returncode != 0:
        lines = [line for line in (stderr or stdout).strip().splitlines() if line.strip()]
        res["error"] = f"exit {proc.returncode}: " + (lines[-1][:160] if lines else "")
    return res


class Series:
    """Repeated measurements of one thing; failures are remembered, not raised."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.times: list[float] = []
        self.rss: list[float] = []
        self.error: str | None = None

    def add(self, res: Result) -> bool:
        if res.get("ok"):
            self.times.append(res["seconds"])
            self.rss.append(res.get("rss_mb", 0.0))
            return True
        self.error = res.get("error", "failed")
        return False

    @property
    def ok(self) -> bool:
        return bool(self.times)

    @property
    def best(self) -> float | None:
        return min(self.times) if self.times else None

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def peak_mb(self) -> float | None:
        return max(self.rss) if self.rss else None

    def summary(self) -> dict[str, Any]:
        return {
            "best": self.best,
            "median": self.median,
            "n": len(self.times),
            "peak_mb": self.peak_mb,
            "error": None if self.ok else self.error,
        }


def worker(name: str, args: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Run one in-process benchmark in a fresh interpreter of the bench venv; returns its JSON or an error."""
    res = run_proc([str(VENV_PY), str(Path(__file__).resolve()), "_worker", name, json.dumps(args)], timeout=timeout)
    if not res["ok"]:
        return {"error": res.get("error", "failed")}
    try:
        return json.loads(res["stdout"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": "worker printed no result"}


# ---------------------------------------------------------------------------------------------------------------
# synthetic specs


def write_scaled_spec(spec: dict[str, Any], factor: int, path: Path) -> None:
    """The spec with every component and path duplicated (factor-1) times under new names, refs rewritten."""
    import copy

    import yaml

    out = copy.deepcopy(spec)
    components = spec.get("components") or {}
    tags = spec.get("tags") or []
    for k in range(2, factor + 1):
        suffix = f"Copy{k}"

        def rename(node: Any, suffix: str = suffix) -> Any:
            if isinstance(node, dict):
                new = {}
                for key, value in node.items():
                    if (key == "$ref" and isinstance(value, str) and value.startswith("#/components/")) or (
                        key == "operationId" and isinstance(value, str)
                    ):
                        new[key] = value + suffix
                    elif key == "tags" and isinstance(value, list) and all(isinstance(t, str) for t in value):
                        new[key] = [t + suffix for t in value]
                    else:
                        new[key] = rename(value)
                return new
            if isinstance(node, list):
                return [rename(v) for v in node]
            return node

        for section, entries in components.items():
            if isinstance(entries, dict) and section != "securitySchemes":
                target = out["components"][section]
                for name, value in entries.items():
                    target[name + suffix] = rename(value)
        for route, item in (spec.get("paths") or {}).items():
            out["paths"][f"/copy{k}{route}"] = rename(item)
        for tag in tags:
            if isinstance(tag, dict) and "name" in tag:
                out.setdefault("tags", []).append({**tag, "name": tag["name"] + suffix})
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(out, Dumper=dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------------
# generator benchmarks


def sdkforge_generate(
    spec: Path, out: Path, cache: Path, timeout: float, package: str = "openai_full", quiet: bool = True
) -> Result:
    argv = [str(VENV_PY), "-m", "generator", "generate", str(spec), "-o", str(out), "--package-name", package]
    argv += ["-q"] if quiet else []
    return run_proc(argv, timeout=timeout, env=child_env(SDKFORGE_CACHE_DIR=str(cache)), cwd=out.parent)


def opc_generate(spec: Path, out: Path, config: Path | None, timeout: float) -> Result:
    argv = [
        str(VENV / "bin" / "openapi-python-client"),
        "generate",
        "--path",
        str(spec),
        "--output-path",
        str(out),
        "--meta",
        "none",
        "--overwrite",
    ]
    if config is not None:
        argv += ["--config", str(config)]
    return run_proc(argv, timeout=timeout, cwd=out.parent)


def bench_generator(spec: Path, n: int, quick: bool, tmp: Path) -> dict[str, Any]:
    timeout = 120 if quick else 300
    load_code = "import yaml,sys; yaml.load(open(sys.argv[1],encoding='utf-8').read(), Loader=yaml.CSafeLoader)"
    parse_code = (
        "import yaml,sys; from openapi_pydantic import parse_obj; "
        "parse_obj(yaml.load(open(sys.argv[1],encoding='utf-8').read(), Loader=yaml.CSafeLoader))"
    )
    s = {key: Series(key) for key in ["load_proc", "parse_proc", "cold", "regen", "regen_one", "opc", "opc_nofmt"]}
    one_change, changed_schema = write_one_schema_change(spec, tmp / spec.name)
    rewritten: list[str] = []
    nofmt = tmp / "opc-nofmt.yaml"
    nofmt.write_text("post_hooks: []\n")
    full_out = None
    for i in range(n):  # interleaved: noise hits every tool alike
        print(f"  generator round {i + 1}/{n}", file=sys.stderr)
        s["load_proc"].add(run_proc([str(VENV_PY), "-c", load_code, str(spec)], timeout=timeout))
        s["parse_proc"].add(run_proc([str(VENV_PY), "-c", parse_code, str(spec)], timeout=timeout))
        if s["cold"].ok or i == 0:
            run_dir = tmp / f"sdkforge-{i}"
            run_dir.mkdir()
            out, cache = run_dir / "out", run_dir / "cache"
            if s["cold"].add(sdkforge_generate(spec, out, cache, timeout)):
                s["regen"].add(sdkforge_generate(spec, out, cache, timeout))
                full_out = out
                res = sdkforge_generate(one_change, out, cache, timeout, quiet=False)
                if s["regen_one"].add(res):
                    rewritten = [line for line in res["stdout"].splitlines() if " written, " in line][-1:]
                sdkforge_generate(spec, out, cache, timeout)  # back to the original, for the client benchmarks
        for key, cfg in (("opc", None), ("opc_nofmt", nofmt)):
            if s[key].ok or i == 0:
                out = tmp / f"{key}-{i}" / "out"
                out.parent.mkdir()
                s[key].add(opc_generate(spec, out, cfg, timeout))
                shutil.rmtree(out.parent, ignore_errors=True)
    result = {key: series.summary() for key, series in s.items()}
    result["inproc"] = worker("floor", {"spec": str(spec), "n": n}, timeout=timeout * n)
    result["full_out"] = str(full_out) if full_out else None
    result["regen_one"]["changed_schema"] = changed_schema
    counts = re.search(r"(\d+) written, (\d+) unchanged", rewritten[0]) if rewritten else None
    written, unchanged = (int(counts[1]), int(counts[2])) if counts else (0, 0)
    result["regen_one"]["rewritten"] = f"{written} of {written + unchanged} files rewritten" if counts else None
    return result


def write_one_schema_change(spec: Path, path: Path) -> tuple[Path, str]:
    """A copy of the spec text with one component schema's one-line description changed, nothing else."""
    import yaml

    text = spec.read_text(encoding="utf-8")
    schemas = yaml.load(text, Loader=yaml.CSafeLoader)["components"]["schemas"]
    for name in sorted(schemas):
        description = schemas[name].get("description") if isinstance(schemas[name], dict) else None
        needle = f"      description: {description}\n"
        if isinstance(description, str) and "\n" not in description and text.count(needle) == 1:
            path.write_text(text.replace(needle, f"      description: {description} (changed)\n"), encoding="utf-8")
            return path, name
    raise RuntimeError("no schema with a unique one-line description to change")


def bench_validate(spec: Path, n: int, timeout: float) -> dict[str, Any]:
    res = run_proc([str(VENV_PY), str(BENCH / "bench_validate.py"), str(spec), "-n", str(n)], timeout=timeout)
    if not res["ok"]:
        return {"error": res.get("error")}
    found: dict[str, Any] = {}
    for line in res["stdout"].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("yaml.load"):
            found["load"] = float(cells[1])
        elif len(cells) == 3 and cells[0] == "sdkforge validate":
            found["validate"] = float(cells[1])
    return found if len(found) == 2 else {"error": "could not read bench_validate.py output"}


def bench_scaling(
    spec: Path, full_cold: dict[str, Any], n: int, quick: bool, tmp: Path, factors: list[int]
) -> list[dict[str, Any]]:
    import yaml

    rows: list[dict[str, Any]] = []
    data = yaml.load(spec.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    specs: list[tuple[str, Path]] = [("videos", VIDEOS_SPEC), ("full", spec)]
    for factor in factors:
        path = tmp / f"openai-x{factor}.yaml"
        write_scaled_spec(data, factor, path)
        specs.append((f"synthetic {factor}x", path))
    for label, path in specs:
        if label == "full":
            summary = full_cold
        else:
            series = Series(label)
            for i in range(n):
                run_dir = tmp / f"scale-{label.replace(' ', '-')}-{i}"
                run_dir.mkdir()
                # bounded, but generous enough for a linear generator: 3x the linear extrapolation
                limit = max(180.0, 3 * (path.stat().st_size / spec.stat().st_size) * (full_cold.get("best") or 60))
                if not series.add(sdkforge_generate(path, run_dir / "out", run_dir / "cache", timeout=limit)):
                    break
                shutil.rmtree(run_dir, ignore_errors=True)
            summary = series.summary()
        rows.append({"spec": label, "mb": path.stat().st_size / 1e6, **summary})
    return rows


# ---------------------------------------------------------------------------------------------------------------
# client benchmarks (workers: run in a fresh bench-venv interpreter)


def best_per_call(fns: dict[str, Callable[[], float]], rounds: int, budget: float) -> dict[str, float]:
    """Interleaved rounds; each fn runs one batch and returns seconds per call; keep the best per fn."""
    best = {name: float("inf") for name in fns}
    deadline = time.perf_counter() + budget
    for _ in range(rounds):
        for name, fn in fns.items():
            best[name] = min(best[name], fn())
        if time.perf_counter() > deadline:
            break
    return best


def _openai_http():
    """The HTTP library the installed openai package is built on (httpx2 in openai 3.x, httpx before)."""
    import openai._base_client as base

    return getattr(base, "httpx", None) or base.httpx2


def w_floor(args: dict[str, Any]) -> dict[str, Any]:
    import yaml
    from openapi_pydantic import parse_obj

    text = Path(args["spec"]).read_text(encoding="utf-8")
    parse_obj(yaml.load(VIDEOS_SPEC.read_text(), Loader=yaml.CSafeLoader))  # import warm-up
    load = parse = float("inf")
    for _ in range(args["n"]):
        t = time.perf_counter()
        data = yaml.load(text, Loader=yaml.CSafeLoader)
        load = min(load, time.perf_counter() - t)
        t = time.perf_counter()
        parse_obj(yaml.load(text, Loader=yaml.CSafeLoader))
        parse = min(parse, time.perf_counter() - t)
        del data
    return {"load": load, "load_parse": parse}


def w_mock(args: dict[str, Any]) -> dict[str, Any]:
    import httpx
    import openai
    from openai_videos import AsyncOpenAIVideos, OpenAIVideos

    ohttp = _openai_http()
    batch, rounds, conc = args["batch"], args["rounds"], args["concurrency"]

    def handler(request):
        return httpx.Response(200, content=VIDEO_BYTES, headers={"content-type": "application/json"})

    def ohandler(request):
        return ohttp.Response(200, content=VIDEO_BYTES, headers={"content-type": "application/json"})

    base = "http://mock.test/v1"
    ours = OpenAIVideos(
        api_key="sk-test",
        base_url=base,
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    theirs = openai.OpenAI(
        api_key="sk-test",
        base_url=base,
        max_retries=0,
        http_client=ohttp.Client(transport=ohttp.MockTransport(ohandler)),
    )
    bare = httpx.Client(transport=httpx.MockTransport(handler))
    obare = ohttp.Client(transport=ohttp.MockTransport(ohandler))
    headers = {"Authorization": "Bearer sk-test"}
    url = base + "/videos/video_123/remix"
    assert ours.videos.remix("video_123", prompt="p").id == "video_123"
    assert theirs.videos.remix("video_123", prompt="p").id == "video_123"

    def timed(call: Callable[[], Any]) -> Callable[[], float]:
        def run() -> float:
            t = time.perf_counter()
            for _ in range(batch):
                call()
            return (time.perf_counter() - t) / batch

        return run

    sync = best_per_call(
        {
            "ours": timed(lambda: ours.videos.remix("video_123", prompt="p")),
            "openai": timed(lambda: theirs.videos.remix("video_123", prompt="p")),
            "bare_httpx": timed(lambda: json.loads(bare.post(url, json={"prompt": "p"}, headers=headers).content)),
            "bare_openai_http": timed(
                lambda: json.loads(obare.post(url, json={"prompt": "p"}, headers=headers).content)
            ),
        },
        rounds,
        args["budget"],
    )

    async def run_async() -> dict[str, float]:
        aours = AsyncOpenAIVideos(
            api_key="sk-test",
            base_url=base,
            max_retries=0,
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        )
        atheirs = openai.AsyncOpenAI(
            api_key="sk-test",
            base_url=base,
            max_retries=0,
            http_client=ohttp.AsyncClient(transport=ohttp.MockTransport(ohandler)),
        )
        abare = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        aobare = ohttp.AsyncClient(transport=ohttp.MockTransport(ohandler))

        async def bare_call(client):
            return json.loads((await client.post(url, json={"prompt": "p"}, headers=headers)).content)

        calls = {
            "ours": lambda: aours.videos.remix("video_123", prompt="p"),
            "openai": lambda: atheirs.videos.remix("video_123", prompt="p"),
            "bare_httpx": lambda: bare_call(abare),
            "bare_openai_http": lambda: bare_call(aobare),
        }
        best = {name: float("inf") for name in calls}
        deadline = time.perf_counter() + args["budget"]
        for _ in range(rounds):
            for name, call in calls.items():
                t = time.perf_counter()
                await asyncio.gather(*(call() for _ in range(conc)))
                best[name] = min(best[name], (time.perf_counter() - t) / conc)
            if time.perf_counter() > deadline:
                break
        return best

    return {
        "sync": sync,
        "async": asyncio.run(run_async()),
        "openai_version": openai.__version__,
        "openai_http": ohttp.__name__,
    }


def w_server(args: dict[str, Any]) -> None:
    """A minimal keep-alive HTTP/1.1 server answering every request with the Video JSON; prints its port."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        response = (
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
            + str(len(VIDEO_BYTES)).encode()
            + b"\r\n\r\n"
            + VIDEO_BYTES
        )
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line[:15].lower() == b"content-length:":
                        length = int(line[15:])
                if length:
                    await reader.readexactly(length)
                writer.write(response)
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=512)
        print(server.sockets[0].getsockname()[1], flush=True)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def w_local(args: dict[str, Any]) -> dict[str, Any]:
    import httpx
    import httpx2
    import openai
    from openai_videos import OpenAIVideos

    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "_worker", "server", "{}"], stdout=subprocess.PIPE, text=True
    )
    try:
        port = int(server.stdout.readline())
        base = f"http://127.0.0.1:{port}/v1"
        url = base + "/videos/video_123/remix"
        headers = {"Authorization": "Bearer sk-test"}
        batch, rounds, conc = args["batch"], args["rounds"], args["concurrency"]
        ohttp = _openai_http()
        ours = OpenAIVideos(api_key="sk-test", base_url=base, max_retries=0, http_client=httpx.Client())
        theirs = openai.OpenAI(api_key="sk-test", base_url=base, max_retries=0, http_client=ohttp.Client())
        bare = httpx.Client()
        assert ours.videos.remix("video_123", prompt="p").id == "video_123"
        assert theirs.videos.remix("video_123", prompt="p").id == "video_123"

        def timed(call: Callable[[], Any]) -> Callable[[], float]:
            def run() -> float:
                t = time.perf_counter()
                for _ in range(batch):
                    call()
                return (time.perf_counter() - t) / batch

            return run

        sync = best_per_call(
            {
                "ours": timed(lambda: ours.videos.remix("video_123", prompt="p")),
                "bare_httpx": timed(lambda: json.loads(bare.post(url, json={"prompt": "p"}, headers=headers).content)),
                "openai": timed(lambda: theirs.videos.remix("video_123", prompt="p")),
            },
            rounds,
            args["budget"],
        )

        async def run_async() -> dict[str, float]:
            clients = {"httpx": httpx.AsyncClient(), "httpx2": httpx2.AsyncClient()}

            async def call(client):
                return json.loads((await client.post(url, json={"prompt": "p"}, headers=headers)).content)

            for client in clients.values():  # open the pooled connections first
                await asyncio.gather(*(call(client) for _ in range(conc)))
            best = {name: float("inf") for name in clients}
            deadline = time.perf_counter() + args["budget"]
            for _ in range(rounds):
                for name, client in clients.items():
                    t = time.perf_counter()
                    await asyncio.gather(*(call(client) for _ in range(conc)))
                    best[name] = min(best[name], (time.perf_counter() - t) / conc)
                if time.perf_counter() > deadline:
                    break
            return best

        return {
            "sync": sync,
            "async": asyncio.run(run_async()),
            "versions": {"httpx": httpx.__version__, "httpx2": httpx2.__version__},
        }
    finally:
        server.kill()
        server.wait()


def w_parse(args: dict[str, Any]) -> dict[str, Any]:
    from openai._models import construct_type
    from openai.types import Video as TheirVideo
    from openai_videos._models import validate_type
    from openai_videos.types import Video as OurVideo

    data = [dict(VIDEO, id=f"video_{i}", progress=i % 100) for i in range(1000)]
    ours_t, theirs_t = list[OurVideo], list[TheirVideo]
    assert validate_type(ours_t, data)[999].id == "video_999"
    assert construct_type(type_=theirs_t, value=data)[999].id == "video_999"

    def timed(fn: Callable[[], Any]) -> Callable[[], float]:
        def run() -> float:
            t = time.perf_counter()
            fn()
            return time.perf_counter() - t

        return run

    return best_per_call(
        {
            "ours": timed(lambda: validate_type(ours_t, data)),  # what the client's response parse does
            "openai": timed(lambda: construct_type(type_=theirs_t, value=data)),  # what openai's non-strict parse does
        },
        args["rounds"],
        args["budget"],
    )


WORKERS = {"floor": w_floor, "mock": w_mock, "server": w_server, "local": w_local, "parse": w_parse}


def bench_imports(n: int, full_out: str | None, timeout: float) -> dict[str, Any]:
    py = str(VENV_PY)
    cases = {
        "startup": "pass",
        "openai_videos": "import openai_videos",
        "openai": "import openai",
        "openai_client_videos": "import openai; openai.OpenAI(api_key='x').videos",
    }
    full_client = None
    if full_out:
        pkg = Path(full_out) / "openai_full"
        import re

        text = (pkg / "_client.py").read_text(encoding="utf-8") if (pkg / "_client.py").is_file() else ""
        match = re.search(r"^class (\w+)\(SyncAPIClient\)", text, re.MULTILINE)
        if match:
            full_client = match.group(1)
            cases["openai_full_videos"] = f"import openai_full; openai_full.{full_client}(api_key='x').videos"
    env = child_env()
    if full_out:
        env["PYTHONPATH"] = full_out + os.pathsep + env["PYTHONPATH"]
    series = {name: Series(name) for name in cases}
    for _ in range(n):
        for name, code in cases.items():
            series[name].add(run_proc([py, "-c", code], timeout=timeout, env=env))
    return {name: s.summary() for name, s in series.items()}


# ---------------------------------------------------------------------------------------------------------------
# report


def fmt_s(x: float | None) -> str:
    if x is None:
        return "n/a"
    if x >= 1:
        return f"{x:.2f} s"
    if x >= 1e-3:
        return f"{x * 1e3:.1f} ms"
    return f"{x * 1e6:.1f} µs"


def build_rows(res: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def row(
        metric: str,
        ours: float | None,
        base_label: str,
        base: float | None,
        target: float | None,
        unit: Callable[[float | None], str] = fmt_s,
        note: str = "",
    ) -> None:
        ratio = ours / base if ours is not None and base not in (None, 0) else None
        met = None if target is None or ratio is None else ratio <= target
        rows.append(
            {
                "metric": metric,
                "ours": unit(ours) if ours is not None else f"failed{note}",
                "baseline": f"{base_label}: {unit(base) if base is not None else 'n/a'}",
                "ratio": ratio,
                "target": target,
                "met": met,
            }
        )

    g = res.get("generator", {})
    err = lambda key: f" ({g.get(key, {}).get('error')})" if g.get(key, {}).get("error") else ""
    cold, regen = g.get("cold", {}).get("best"), g.get("regen", {}).get("best")
    opc, opc_nofmt = g.get("opc", {}).get("best"), g.get("opc_nofmt", {}).get("best")
    floor = g.get("parse_proc", {}).get("best")
    row(
        "Cold generation (black-clean, all files) vs openapi-python-client",
        cold,
        "openapi-python-client",
        opc,
        1 / 3,
        note=err("cold"),
    )
    row(
        "Cold generation vs openapi-python-client without formatter",
        cold,
        "opc, post_hooks: []",
        opc_nofmt,
        None,
        note=err("cold"),
    )
    row("Cold generation vs load+parse floor (process)", cold, "load+parse", floor, 3.0, note=err("cold"))
    row(
        "Regeneration, nothing changed, vs load+parse floor (process)",
        regen,
        "load+parse",
        floor,
        1.5,
        note=err("regen") or err("cold"),
    )
    one = g.get("regen_one", {})
    row(
        f"Regeneration, one schema changed ({one.get('changed_schema')}: {one.get('rewritten')}), vs load+parse floor",
        one.get("best"),
        "load+parse",
        floor,
        1.5,
        note=err("regen_one") or err("cold"),
    )
    inproc = g.get("inproc", {})
    row(
        "Load+parse floor in-process vs C-loader load",
        inproc.get("load_parse"),
        "yaml CSafeLoader",
        inproc.get("load"),
        None,
    )
    v = res.get("validate", {})
    row(
        "sdkforge validate vs C-loader load (bench_validate.py)",
        v.get("validate"),
        "yaml CSafeLoader",
        v.get("load"),
        2.0,
        note=f" ({v['error']})" if v.get("error") else "",
    )
    mb = lambda x: "n/a" if x is None else f"{x:.0f} MB"
    row(
        "Peak memory, cold generation",
        g.get("cold", {}).get("peak_mb"),
        "openapi-python-client",
        g.get("opc", {}).get("peak_mb"),
        1.0,
        unit=mb,
        note=err("cold"),
    )
    scaling = [r for r in res.get("scaling", []) if r.get("best")]
    by = {r["spec"]: r for r in scaling}
    synthetic = [r for r in scaling if r["spec"].startswith("synthetic")]
    if "full" in by and synthetic:
        big = max(synthetic, key=lambda r: r["mb"])
        per_mb = lambda r: r["best"] / r["mb"]
        spm = lambda x: "n/a" if x is None else f"{x:.2f} s/MB"
        row(
            f"Scaling: time per MB at {big['spec'].split()[-1]} spec vs at 1x (linear if <= 1.2)",
            per_mb(big),
            "full spec",
            per_mb(by["full"]),
            1.2,
            unit=spm,
        )
    else:
        rows.append(
            {
                "metric": "Scaling: time per MB at 4x spec vs at 1x",
                "ours": "failed",
                "baseline": "full spec",
                "ratio": None,
                "target": 1.2,
                "met": None,
            }
        )

    m = res.get("mock", {})
    for mode in ("sync", "async"):
        d = m.get(mode)
        if d:
            o, t = d["ours"] - d["bare_httpx"], d["openai"] - d["bare_openai_http"]
            row(
                f"Client overhead per videos.remix, MockTransport, {mode}"
                + (" (100 concurrent)" if mode == "async" else "")
                + ", above bare HTTP client",
                o,
                "openai",
                t,
                0.5,
            )
        else:
            row(
                f"Client overhead per videos.remix, MockTransport, {mode}",
                None,
                "openai",
                None,
                0.5,
                note=f" ({m.get('error')})",
            )
    loc = res.get("local", {})
    ls = loc.get("sync")
    row(
        "videos.remix per call, local 127.0.0.1 server",
        ls and ls["ours"],
        "bare httpx post + json.loads",
        ls and ls["bare_httpx"],
        1.1,
        note=f" ({loc.get('error')})" if loc.get("error") else "",
    )
    row(
        "(info) openai videos.remix per call, local server",
        ls and ls["openai"],
        "bare httpx post + json.loads",
        ls and ls["bare_httpx"],
        None,
    )
    imp = res.get("imports", {})
    start = (imp.get("startup") or {}).get("best")

    def cost(name: str) -> float | None:
        b = (imp.get(name) or {}).get("best")
        return None if b is None or start is None else max(b - start, 0.0)

    row(
        "Import time `import openai_videos` (minus interpreter start)",
        cost("openai_videos"),
        "import openai",
        cost("openai"),
        0.5,
    )
    row(
        "Import `openai_full` + first `client.videos`",
        cost("openai_full_videos"),
        "import openai + client.videos",
        cost("openai_client_videos"),
        0.5,
        note="" if "openai_full_videos" in imp else " (full SDK not generated)",
    )
    p = res.get("parse", {})
    row(
        "Parse a list of 1,000 Video objects",
        p.get("ours"),
        "openai construct_type",
        p.get("openai"),
        1.0,
        note=f" ({p.get('error')})" if p.get("error") else "",
    )
    la = loc.get("async")
    if la:
        faster = "httpx2" if la["httpx2"] < la["httpx"] else "httpx"
        row(
            f"(info) httpx2 vs httpx AsyncClient, 100 concurrent, local server: {faster} is faster",
            la["httpx2"],
            "httpx",
            la["httpx"],
            None,
        )
    return rows


def render_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| metric | ours | baseline | ratio | target | met? |", "| --- | ---: | ---: | ---: | ---: | :---: |"]
    for r in rows:
        ratio = "n/a" if r["ratio"] is None else f"{r['ratio']:.2f}"
        target = "—" if r["target"] is None else f"≤ {r['target']:.2f}"
        met = "—" if r["target"] is None else ("n/a" if r["met"] is None else ("yes" if r["met"] else "**no**"))
        lines.append(f"| {r['metric']} | {r['ours']} | {r['baseline']} | {ratio} | {target} | {met} |")
    return "\n".join(lines)


def render_scaling(rows: list[dict[str, Any]]) -> str:
    lines = ["| spec | size | cold generation | s/MB |", "| --- | ---: | ---: | ---: |"]
    for r in rows:
        t = r.get("best")
        cell = fmt_s(t) if t else "failed (" + str(r.get("error")) + ")"
        per_mb = "" if not t else "%.2f" % (t / r["mb"])
        lines.append(f"| {r['spec']} | {r['mb']:.2f} MB | {cell} | {per_mb} |")
    return "\n".join(lines)


def draw_chart(rows: list[dict[str, Any]], scaling: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plotted = [r for r in rows if r["ratio"] is not None and r["target"] is not None]
    fig, (ax, ax2) = plt.subplots(
        1, 2, figsize=(15, 0.45 * max(len(plotted), 6) + 1.5), gridspec_kw={"width_ratios": [2.2, 1]}
    )
    names = [r["metric"][:60] for r in plotted]
    ys = range(len(plotted))
    colors = ["tab:green" if r["met"] else "tab:red" for r in plotted]
    ax.barh(list(ys), [r["ratio"] for r in plotted], color=colors)
    ax.scatter([r["target"] for r in plotted], list(ys), marker="|", s=400, color="black", label="target", zorder=3)
    ax.set_yticks(list(ys), names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("ratio ours / baseline (log; lower is better)")
    ax.legend(loc="lower right")
    ax.set_title("sdkforge vs baselines (same run)")
    ok = [r for r in scaling if r.get("best")]
    if ok:
        ax2.plot([r["mb"] for r in ok], [r["best"] for r in ok], "o-")
        for r in ok:
            ax2.annotate(r["spec"], (r["mb"], r["best"]), fontsize=8, textcoords="offset points", xytext=(4, -10))
    ax2.set_xlabel("spec size (MB)")
    ax2.set_ylabel("cold generation (s)")
    ax2.set_title("scaling")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# ---------------------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small N, for a smoke run")
    parser.add_argument("--spec", default=str(DEFAULT_SPEC), help="the large spec (default: the full OpenAI spec)")
    parser.add_argument("--skip-generator", action="store_true", help="client benchmarks only")
    parser.add_argument("--gen-runs", type=int, help="generator runs per tool (default 2, --quick 1)")
    parser.add_argument("--scale", default="2,4", help="synthetic spec size factors (default 2,4)")
    parser.add_argument("--scale-runs", type=int, help="runs per synthetic/videos spec (default 1)")
    args = parser.parse_args()
    spec = Path(args.spec).resolve()
    if not spec.is_file():
        print(f"spec not found: {spec}", file=sys.stderr)
        return 2
    q = args.quick
    n_gen = args.gen_runs or (1 if q else 2)
    factors = [int(f) for f in args.scale.split(",") if f.strip()]
    res: dict[str, Any] = {
        "spec": str(spec),
        "spec_mb": spec.stat().st_size / 1e6,
        "quick": q,
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cpus": os.cpu_count(),
    }
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sdkforge-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if not args.skip_generator:
            print("generator ...", file=sys.stderr)
            res["generator"] = bench_generator(spec, n_gen, q, tmp)
            print("validate ...", file=sys.stderr)
            res["validate"] = bench_validate(spec, 2 if q else 5, timeout=300)
            print("scaling ...", file=sys.stderr)
            try:
                res["scaling"] = bench_scaling(spec, res["generator"]["cold"], args.scale_runs or 1, q, tmp, factors)
            except Exception as exc:  # noqa: BLE001 - a row, not a crash
                res["scaling"] = [{"spec": "all", "mb": 0.0, "error": repr(exc)}]
        print("client: MockTransport ...", file=sys.stderr)
        budget = 10 if q else 40
        res["mock"] = worker(
            "mock",
            {"batch": 50 if q else 200, "rounds": 3 if q else 10, "concurrency": 100, "budget": budget},
            timeout=budget * 3 + 60,
        )
        print("client: local server ...", file=sys.stderr)
        res["local"] = worker(
            "local",
            {"batch": 50 if q else 200, "rounds": 3 if q else 10, "concurrency": 100, "budget": budget},
            timeout=budget * 3 + 60,
        )
        print("client: parse ...", file=sys.stderr)
        res["parse"] = worker("parse", {"rounds": 5 if q else 30, "budget": budget}, timeout=budget * 3 + 60)
        print("client: imports ...", file=sys.stderr)
        res["imports"] = bench_imports(3 if q else 10, (res.get("generator") or {}).get("full_out"), timeout=60)
    res["elapsed"] = time.perf_counter() - t0
    rows = build_rows(res)
    res["rows"] = rows
    scaling = res.get("scaling", [])
    m = res.get("mock", {})
    header = (
        f"Spec: `{spec.name}` ({res['spec_mb']:.1f} MB); {os.cpu_count()} CPUs; "
        f"{'--quick' if q else 'full'} run of {res['elapsed']:.0f} s on {res['started']} UTC; "
        f"best of N interleaved runs (generator N={n_gen}); openai {m.get('openai_version', '?')} (on {m.get('openai_http', '?')})."
    )
    md = ["# sdkforge benchmarks", "", header, "", render_table(rows), ""]
    if scaling:
        md += ["Scaling (sdkforge cold generation, fresh cache and output):", "", render_scaling(scaling), ""]
    md += [
        (
            "Client overheads are per call minus a bare call on each SDK's own HTTP library through the same "
            "MockTransport; import costs are `python -c` wall time minus bare interpreter start-up; generation "
            "times are whole processes (interpreter start included), as is the load+parse floor they are compared "
            "with."
        ),
        "",
    ]
    text = "\n".join(md)
    print(text)
    (BENCH / "results.md").write_text(text, encoding="utf-8")
    (BENCH / "results.json").write_text(json.dumps(res, indent=2, default=str), encoding="utf-8")
    try:
        draw_chart(rows, scaling, BENCH / "results.png")
    except Exception as exc:  # noqa: BLE001
        print(f"chart failed: {exc!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_worker":
        out = WORKERS[sys.argv[2]](json.loads(sys.argv[3]))
        if out is not None:
            print(json.dumps(out))
        raise SystemExit(0)
    if not in_venv():
        ensure_venv()
        os.execv(str(VENV_PY), [str(VENV_PY), str(Path(__file__).resolve()), *sys.argv[1:]])
    raise SystemExit(main())
