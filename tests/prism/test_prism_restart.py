"""The generated tests' Prism server is started again when a request made it exit, in both SDKs' test helpers.

Prism 5 exits on some valid requests (an absent optional array header, a non-exploded array path parameter: a
TypeError in its parameter deserializers); with one server per session every later Prism test then failed with a
connection error. A stand-in ``prism`` (a small Python HTTP server that exits on ``GET /crash``) keeps this cheap.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.config import Target
from generator.pipeline import build_target

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests" / "fixtures" / "specs" / "webhooks_only.yaml"

FAKE_PRISM = """\
import http.server, os, sys
port = int(sys.argv[sys.argv.index("--port") + 1])
with open(os.environ["STARTS"], "a") as fh:
    fh.write("start\\n")
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/crash":
            os._exit(1)
        self.send_response(204)
        self.end_headers()
http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
"""

TESTS = """\
import httpx, pytest

def test_a_crash(prism_url: str) -> None:
    with pytest.raises(httpx.HTTPError):
        httpx.get(prism_url + "/crash")

def test_b_after(prism_url: str) -> None:
    assert httpx.get(prism_url + "/ok").status_code == 204

def test_c_same_server(prism_url: str) -> None:
    assert httpx.get(prism_url + "/ok").status_code == 204
"""


def _fake_prism(tmp_path: Path) -> Path:
    script = tmp_path / "prism"
    script.write_text(f"#!{sys.executable}\n{FAKE_PRISM}", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_python_conftest_restarts_prism_after_a_crash(tmp_path: Path) -> None:
    files = build_target(Target(spec=str(SPEC), output=str(tmp_path / "sdk"), package="fx_restart"), ROOT).files
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "conftest.py").write_text(files["tests/conftest.py"], encoding="utf-8")
    (tests / "test_restart.py").write_text(TESTS, encoding="utf-8")
    starts = tmp_path / "starts.txt"
    env = {**os.environ, "SDKFORGE_PRISM": str(_fake_prism(tmp_path)), "STARTS": str(starts)}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "3 passed" in result.stdout
    assert starts.read_text(encoding="utf-8").count("start") == 2  # once, and once after the crash only
