"""Python client benchmarks: workers that run in a fresh bench-venv interpreter (``run.py _worker NAME ARGS``) and
print one JSON line, and the import-time processes."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import BENCH, VENV_PY, Series, child_env, run_proc

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


REMIX_URL = "/videos/video_123/remix"
HEADERS = {"Authorization": "Bearer sk-test"}


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


async def best_concurrent(calls: dict[str, Callable[[], Any]], conc: int, rounds: int, budget: float) -> dict:
    """Interleaved rounds of ``conc`` concurrent calls of each; the best round's wall time divided by ``conc``."""
    for call in calls.values():  # open the pooled connections first
        await asyncio.gather(*(call() for _ in range(conc)))
    best = {name: float("inf") for name in calls}
    deadline = time.perf_counter() + budget
    for _ in range(rounds):
        for name, call in calls.items():
            t = time.perf_counter()
            await asyncio.gather(*(call() for _ in range(conc)))
            best[name] = min(best[name], (time.perf_counter() - t) / conc)
        if time.perf_counter() > deadline:
            break
    return best


def timed(call: Callable[[], Any], batch: int) -> Callable[[], float]:
    """A batch of sequential calls; returns seconds per call."""

    def run() -> float:
        t = time.perf_counter()
        for _ in range(batch):
            call()
        return (time.perf_counter() - t) / batch

    return run


def _openai_http():
    """The HTTP library the installed openai package is built on (httpx2 in openai 3.x, httpx before)."""
    import openai._base_client as base

    return getattr(base, "httpx", None) or base.httpx2


def _library_of(client: Any):
    """The HTTP library (httpx or httpx2) a generated client was built on by default."""
    import httpx

    http = getattr(client, "_client", None)
    name = type(http).__module__.split(".")[0] if http is not None else "httpx"
    return sys.modules.get(name, httpx)


def bare_post(http: Any, url: str) -> Any:
    return json.loads(http.post(url, json={"prompt": "p"}, headers=HEADERS).content)


async def abare_post(http: Any, url: str) -> Any:
    return json.loads((await http.post(url, json={"prompt": "p"}, headers=HEADERS)).content)


def w_mock(args: dict[str, Any]) -> dict[str, Any]:
    """Per-call client cost above each SDK's own bare HTTP client, all on one MockTransport (no network)."""
    import httpx
    import openai
    from openai_videos import AsyncOpenAIVideos, OpenAIVideos

    ohttp = _openai_http()
    batch, rounds, conc, budget = args["batch"], args["rounds"], args["concurrency"], args["budget"]

    def transport(lib: Any) -> Any:
        reply = lambda request: lib.Response(200, content=VIDEO_BYTES, headers={"content-type": "application/json"})
        return lib.MockTransport(reply)

    base = "http://mock.test/v1"
    url = base + REMIX_URL
    ours = OpenAIVideos(api_key="sk-test", base_url=base, max_retries=0,
                        http_client=httpx.Client(transport=transport(httpx)))
    theirs = openai.OpenAI(api_key="sk-test", base_url=base, max_retries=0,
                           http_client=ohttp.Client(transport=transport(ohttp)))
    bare, obare = httpx.Client(transport=transport(httpx)), ohttp.Client(transport=transport(ohttp))
    assert ours.videos.remix("video_123", prompt="p").id == "video_123"
    assert theirs.videos.remix("video_123", prompt="p").id == "video_123"
    sync = best_per_call({
        "ours": timed(lambda: ours.videos.remix("video_123", prompt="p"), batch),
        "openai": timed(lambda: theirs.videos.remix("video_123", prompt="p"), batch),
        "bare_httpx": timed(lambda: bare_post(bare, url), batch),
        "bare_openai_http": timed(lambda: bare_post(obare, url), batch),
    }, rounds, budget)

    async def run_async() -> dict[str, float]:
        aours = AsyncOpenAIVideos(api_key="sk-test", base_url=base, max_retries=0,
                                  http_client=httpx.AsyncClient(transport=transport(httpx)))
        atheirs = openai.AsyncOpenAI(api_key="sk-test", base_url=base, max_retries=0,
                                     http_client=ohttp.AsyncClient(transport=transport(ohttp)))
        abare = httpx.AsyncClient(transport=transport(httpx))
        aobare = ohttp.AsyncClient(transport=transport(ohttp))
        return await best_concurrent({
            "ours": lambda: aours.videos.remix("video_123", prompt="p"),
            "openai": lambda: atheirs.videos.remix("video_123", prompt="p"),
            "bare_httpx": lambda: abare_post(abare, url),
            "bare_openai_http": lambda: abare_post(aobare, url),
        }, conc, rounds, budget)

    return {"sync": sync, "async": asyncio.run(run_async()), "openai_version": openai.__version__,
            "openai_http": ohttp.__name__}


def w_server(args: dict[str, Any]) -> None:
    """A minimal keep-alive HTTP/1.1 server answering every request with the Video JSON; prints its port."""
    response = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                + str(len(VIDEO_BYTES)).encode() + b"\r\n\r\n" + VIDEO_BYTES)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
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
    """Against a 127.0.0.1 server in another process: a sync call of ours vs a bare post on the HTTP library our
    client is built on; 100 concurrent async calls of ours vs the official SDK, each on its default HTTP client."""
    import httpx
    import openai
    from openai_videos import AsyncOpenAIVideos, OpenAIVideos

    argv = [sys.executable, str(BENCH / "run.py"), "_worker", "server", "{}"]
    server = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{int(server.stdout.readline())}/v1"
        url = base + REMIX_URL
        batch, rounds, conc, budget = args["batch"], args["rounds"], args["concurrency"], args["budget"]
        ours = OpenAIVideos(api_key="sk-test", base_url=base, max_retries=0)
        lib = _library_of(ours)
        theirs = openai.OpenAI(api_key="sk-test", base_url=base, max_retries=0)
        bare = lib.Client()
        assert ours.videos.remix("video_123", prompt="p").id == "video_123"
        assert theirs.videos.remix("video_123", prompt="p").id == "video_123"
        sync = best_per_call({
            "ours": timed(lambda: ours.videos.remix("video_123", prompt="p"), batch),
            "bare": timed(lambda: bare_post(bare, url), batch),
            "openai": timed(lambda: theirs.videos.remix("video_123", prompt="p"), batch),
        }, rounds, budget)

        async def run_async() -> dict[str, float]:
            aours = AsyncOpenAIVideos(api_key="sk-test", base_url=base, max_retries=0)
            atheirs = openai.AsyncOpenAI(api_key="sk-test", base_url=base, max_retries=0)
            return await best_concurrent({
                "ours": lambda: aours.videos.remix("video_123", prompt="p"),
                "openai": lambda: atheirs.videos.remix("video_123", prompt="p"),
            }, conc, rounds, budget)

        return {"sync": sync, "async": asyncio.run(run_async()), "library": lib.__name__,
                "openai_http": _openai_http().__name__, "versions": {"httpx": httpx.__version__}}
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

    return best_per_call({
        "ours": timed(lambda: validate_type(ours_t, data), 1),  # what the client's response parse does
        "openai": timed(lambda: construct_type(type_=theirs_t, value=data), 1),  # openai's non-strict parse
    }, args["rounds"], args["budget"])


WORKERS = {"mock": w_mock, "server": w_server, "local": w_local, "parse": w_parse}


def full_client_call(client_py: Path) -> str | None:
    """``Client(<first credential>='x')`` for the full SDK's sync client: its credential parameter is named by the
    spec's security schemes (``api_key`` for one scheme, ``api_key_auth``... for several)."""
    text = client_py.read_text(encoding="utf-8") if client_py.is_file() else ""
    match = re.search(r"^class (\w+)\(SyncAPIClient\)", text, re.MULTILINE)
    if not match:
        return None
    init = re.search(r"def __init__\((.*?)\)\s*(?:->[^:]*)?:", text[match.end():], re.DOTALL)
    params = re.findall(r"\b(\w*(?:key|token)\w*)\s*:", init[1]) if init else []
    return f"{match[1]}({params[0]}='x')" if params else f"{match[1]}()"


def bench_imports(n: int, full_out: str | None, timeout: float) -> dict[str, Any]:
    py = str(VENV_PY)
    cases = {
        "startup": "pass",
        "openai_videos": "import openai_videos",
        "openai": "import openai",
        "openai_client_videos": "import openai; openai.OpenAI(api_key='x').videos",
    }
    full_client = full_client_call(Path(full_out) / "openai_full" / "_client.py") if full_out else None
    if full_client:
        cases["openai_full_videos"] = f"import openai_full; openai_full.{full_client}.videos"
    env = child_env()
    if full_out:
        env["PYTHONPATH"] = full_out + os.pathsep + env["PYTHONPATH"]
    series = {name: Series(name) for name in cases}
    for _ in range(n):
        for name, code in cases.items():
            series[name].add(run_proc([py, "-c", code], timeout=timeout, env=env))
    return {name: s.summary() for name, s in series.items()}
