"""TypeScript client benchmark: compile the generated TypeScript SDK with the repository's tsc (ESM), then time
calls through an injected fetch against the bare fetch + JSON.parse path (ts_client.mjs)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from harness import BENCH, NODE_BIN, VIDEOS_TS_SDK, run_proc


def bench_ts_client(tmp: Path, batch: int, rounds: int, timeout: float) -> dict[str, Any]:
    if shutil.which("node") is None or not (NODE_BIN / "tsc").exists():
        return {"error": "node or node_modules/.bin/tsc missing (run `npm ci`)"}
    dist = tmp / "ts-client" / "dist"
    build = run_proc([str(NODE_BIN / "tsc"), "-p", str(VIDEOS_TS_SDK / "tsconfig.json"), "--outDir", str(dist),
                      "--declaration", "false", "--sourceMap", "false"], timeout=timeout, cwd=VIDEOS_TS_SDK)
    if not build.get("ok"):
        return {"error": f"tsc: {build.get('error')}"}
    (dist / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    index = (dist / "index.js").as_uri()
    res = run_proc(["node", str(BENCH / "ts_client.mjs"), index, str(batch), str(rounds)], timeout=timeout)
    if not res.get("ok"):
        return {"error": f"node: {res.get('error')}"}
    try:
        return json.loads(res["stdout"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": "ts_client.mjs printed no result"}
