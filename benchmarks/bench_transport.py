"""Transport benchmark: the generated client over httpx vs httpx2, against a 127.0.0.1 server, in one run.

    python benchmarks/bench_transport.py [--rounds 20] [--sync-calls 2000]

Async: ``--rounds`` rounds of 100 concurrent ``videos.retrieve`` calls (one client, default pool). Sync: ``--sync-calls``
sequential calls. Each transport runs alternately (A B A B ...) to spread noise; the best and median rounds are
reported with the httpx2/httpx ratio (below 1: httpx2 faster). The server is tests/network/net_server.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "network"), str(ROOT / "generated" / "openai-videos")]

import httpx
import openai_videos
from net_server import SECRET, VIDEO, LocalServer, Reply

try:
    import httpx2
except ImportError:  # recorded in the output
    httpx2 = None

CONCURRENCY = 100


def _sync_round(make_http: Any, url: str, calls: int) -> float:
    with make_http() as http:
        client = openai_videos.OpenAIVideos(api_key=SECRET, base_url=url, http_client=http, max_retries=0)
        client.videos.retrieve("video_123")  # warm the connection
        start = time.perf_counter()
        for _ in range(calls):
            client.videos.retrieve("video_123")
        return time.perf_counter() - start


def _async_round(make_http: Any, url: str) -> float:
    async def main() -> float:
        async with make_http() as http:
            client = openai_videos.AsyncOpenAIVideos(api_key=SECRET, base_url=url, http_client=http, max_retries=0)
            await asyncio.gather(*(client.videos.retrieve("video_123") for _ in range(CONCURRENCY)))  # warm the pool
            start = time.perf_counter()
            await asyncio.gather(*(client.videos.retrieve("video_123") for _ in range(CONCURRENCY)))
            return time.perf_counter() - start

    return asyncio.run(main())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--sync-calls", type=int, default=2000)
    args = parser.parse_args()
    transports: dict[str, tuple[Any, Any]] = {"httpx": (httpx.Client, httpx.AsyncClient)}
    if httpx2 is not None:
        transports["httpx2"] = (httpx2.Client, httpx2.AsyncClient)
    server = LocalServer().start()
    server.handler = lambda request: Reply.json(VIDEO)
    url = server.url + "/v1"
    results: dict[str, dict[str, list[float]]] = {name: {"async": [], "sync": []} for name in transports}
    try:
        for _ in range(args.rounds):
            for name, (sync_cls, async_cls) in transports.items():
                results[name]["async"].append(_async_round(async_cls, url))
                server.requests.clear()
        for _ in range(max(3, args.rounds // 4)):
            for name, (sync_cls, _async_cls) in transports.items():
                results[name]["sync"].append(_sync_round(sync_cls, url, args.sync_calls // max(3, args.rounds // 4)))
                server.requests.clear()
    finally:
        server.stop()
    report: dict[str, Any] = {
        "versions": {
            "python": sys.version.split()[0],
            "httpx": httpx.__version__,
            "httpx2": getattr(httpx2, "__version__", "not installed"),
        },
        "async": f"{args.rounds} rounds of {CONCURRENCY} concurrent calls",
        "sync": f"{args.sync_calls} sequential calls",
    }
    for name, modes in results.items():
        report[name] = {
            mode: {"best_s": round(min(times), 5), "median_s": round(statistics.median(times), 5)}
            for mode, times in modes.items()
        }
    if "httpx2" in results:
        report["ratio_httpx2_over_httpx"] = {
            mode: {
                stat: round(fn(results["httpx2"][mode]) / fn(results["httpx"][mode]), 3)
                for stat, fn in (("best", min), ("median", statistics.median))
            }
            for mode in ("async", "sync")
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
