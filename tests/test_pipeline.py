"""The pipeline end to end: generate, determinism, check, writing without loss, errors, the installed wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
VIDEOS_SPEC = ROOT / "specs" / "openai-videos.yaml"
GENERATED = ROOT / "generated" / "openai-videos"


def sdkforge(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith((".mypy", ".ruff", ".pytest", "__pycache__")) for part in p.parts)
    }


def test_generate_one_spec_is_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        result = sdkforge("generate", str(VIDEOS_SPEC), "-o", str(out), "--package-name", "videos_sdk", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outs.append(tree(out))
    assert outs[0] == outs[1]
    assert {"pyproject.toml", "README.md", "videos_sdk/__init__.py", "videos_sdk/types/video.py", "tests/test_videos.py"} <= set(outs[0])


def test_committed_generated_tree_is_what_the_specs_produce() -> None:
    result = sdkforge("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_names_stale_missing_and_extra_files_and_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "specs", project / "specs")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    assert sdkforge("generate", cwd=project).returncode == 0
    out = project / "generated" / "openai-videos"
    (out / "openai_videos" / "types" / "video.py").write_text("# edited\n")
    (out / "README.md").unlink()
    before = tree(out)
    result = sdkforge("check", cwd=project)
    assert result.returncode == 1
    assert "stale: generated/openai-videos/openai_videos/types/video.py" in result.stdout
    assert "missing: generated/openai-videos/README.md" in result.stdout
    assert tree(out) == before


def test_regeneration_keeps_hand_written_files_and_refuses_to_overwrite_hand_edits(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    args = ("generate", str(VIDEOS_SPEC), "-o", str(out), "--package-name", "videos_sdk")
    assert sdkforge(*args).returncode == 0
    (out / "NOTES.md").write_text("mine\n")
    mtime = (out / "videos_sdk" / "types" / "video.py").stat().st_mtime_ns
    second = sdkforge(*args)
    assert second.returncode == 0 and " 0 written" in second.stdout
    assert (out / "videos_sdk" / "types" / "video.py").stat().st_mtime_ns == mtime
    edited = out / "videos_sdk" / "_client.py"
    edited.write_text(edited.read_text() + "\n# my change\n")
    refused = sdkforge(*args)
    assert refused.returncode == 3 and "videos_sdk/_client.py" in refused.stderr
    assert edited.read_text().endswith("# my change\n")
    assert sdkforge(*args, "--force").returncode == 0
    assert not edited.read_text().endswith("# my change\n")
    assert (out / "NOTES.md").read_text() == "mine\n"


def test_removed_operation_deletes_only_its_stale_files(tmp_path: Path) -> None:
    spec = yaml.safe_load(VIDEOS_SPEC.read_text())
    out = tmp_path / "sdk"
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(json.dumps(spec))
    assert sdkforge("generate", str(spec_path), "-o", str(out), "--package-name", "videos_sdk").returncode == 0
    assert (out / "videos_sdk" / "types" / "deleted_video.py").exists()
    del spec["paths"]["/videos/{video_id}"]["delete"]
    del spec["components"]["schemas"]["DeletedVideo"]
    spec_path.write_text(json.dumps(spec))
    assert sdkforge("generate", str(spec_path), "-o", str(out), "--package-name", "videos_sdk").returncode == 0
    assert not (out / "videos_sdk" / "types" / "deleted_video.py").exists()
    assert "def delete" not in (out / "videos_sdk" / "resources" / "videos.py").read_text()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("openapi: 3.1.0\ninfo: [unclosed\n", "invalid YAML"),
        ("", "empty"),
        ("- just\n- a list\n", "not a mapping"),
        ("openapi: 2.0\n", "unsupported or missing 'openapi' version"),
        ("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Missing'}\n", "bad.yaml:11:24: SF002 $ref '#/components/schemas/Missing' points at nothing"),
    ],
)
def test_bad_input_gets_one_clear_line_not_a_traceback(tmp_path: Path, content: str, expected: str) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(content)
    out = tmp_path / "out"
    result = sdkforge("generate", str(spec), "-o", str(out), "--package-name", "bad")
    assert result.returncode in (1, 2)
    assert expected in result.stderr
    assert str(spec) in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def REMIX_EXAMPLE() -> dict[str, object]:
    """The API reference's example response, kept verbatim on the remix operation's 200 response."""
    spec = yaml.safe_load(VIDEOS_SPEC.read_text())
    example: dict[str, object] = spec["paths"]["/videos/{video_id}/remix"]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["example"]
    return example


def test_video_round_trips_the_reference_example() -> None:
    sys.path.insert(0, str(GENERATED))
    try:
        from openai_videos.types import Video
    finally:
        sys.path.remove(str(GENERATED))
    example = REMIX_EXAMPLE()
    video = Video.model_validate(example)
    assert video.id == "video_456" and video.status == "queued" and video.remixed_from_video_id == "video_123"
    assert video.model_dump(mode="json", exclude_unset=True) == example


def test_open_enums_accept_unknown_values_and_closed_enums_are_literals() -> None:
    text = (GENERATED / "openai_videos" / "types" / "video_model.py").read_text()
    assert "VideoModel: TypeAlias = Union[" in text and 'str,' in text and '"sora-2-pro",' in text
    status = (GENERATED / "openai_videos" / "types" / "video_status.py").read_text()
    assert 'Literal["queued", "in_progress", "completed", "failed"]' in status
    sys.path.insert(0, str(GENERATED))
    try:
        from openai_videos.types import Video
    finally:
        sys.path.remove(str(GENERATED))
    example = REMIX_EXAMPLE()
    video = Video.model_validate({**example, "model": "sora-3-from-the-future", "seconds": "16"})
    assert video.model == "sora-3-from-the-future" and video.seconds == "16"


def test_non_editable_wheel_install_reproduces_generated_tree(tmp_path: Path) -> None:
    """`pip install .` (not editable) ships the templates and the runtime: generation from the wheel matches the
    committed tree."""
    target = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr
    python_target = target / "generator" / "targets" / "python"
    assert (python_target / "templates" / "sdk" / "package" / "_client.py.jinja").is_file()
    assert (python_target / "runtime" / "_base_client.py").is_file()  # the static runtime, copied into each SDK
    project = tmp_path / "copy"
    shutil.copytree(ROOT / "specs", project / "specs")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", "import generator, sys; assert 'site' in generator.__file__; from generator.cli import main; sys.exit(main(['generate']))"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    # CHANGELOG.md is history (a section per past spec change), not a function of today's spec: left out
    fresh, committed = tree(project / "generated" / "openai-videos"), tree(GENERATED)
    assert {k: v for k, v in fresh.items() if k != "CHANGELOG.md"} == {k: v for k, v in committed.items() if k != "CHANGELOG.md"}


# --- the spec copy the generated tests serve with Prism ---------------------------------------------------------

HOP_SPEC = """\
openapi: 3.1.0
info: {title: t, version: 2024-01-01}
paths:
  /speech:
    post:
      operationId: speech
      responses:
        200:
          description: audio
          headers:
            Transfer-Encoding: {schema: {type: string}, description: chunked}
            X-Request-Id: {schema: {type: string}}
          content:
            application/octet-stream:
              schema: {type: string, format: binary}
        "429": {$ref: "#/components/responses/Busy"}
  /ping:
    parameters:
      - {$ref: "#/components/parameters/Ids"}
    get:
      operationId: ping
      parameters:
        - {name: tags, in: query, schema: {type: [array, "null"], items: {type: string}}}
        - {name: limit, in: query, schema: {type: [integer, "null"]}}
  /events:
    get:
      operationId: events
      responses:
        "200":
          description: events
          content:
            application/json:
              schema: {type: array, items: {type: object}}
              examples:
                plain: {value: [{kind: a}]}
                filed: {value: [{$ref: "example.yaml"}]}
  /moved:
    get:
      operationId: moved
      responses:
        "307": {description: elsewhere, headers: {Connection: {schema: {type: string}}}}
components:
  parameters:
    Ids: {name: ids, in: query, schema: {type: array, nullable: true, items: {type: integer}}}
  responses:
    Busy:
      description: busy
      headers:
        Connection: {schema: {type: string}}
        Retry-After: {schema: {type: integer}}
"""


def _load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    from generator.load.document import load_spec

    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    return load_spec(path)


def test_mock_spec_copy_is_the_spec_text_unless_it_declares_hop_by_hop_headers(tmp_path: Path) -> None:
    from generator.targets.mock_spec import mock_spec_text

    plain = VIDEOS_SPEC.read_text(encoding="utf-8")
    assert mock_spec_text(_load(tmp_path, plain)) == plain
    doc = _load(tmp_path, HOP_SPEC)
    before = json.dumps(doc.data, default=str)
    copy = yaml.safe_load(mock_spec_text(doc))  # JSON text, read as YAML (the copy keeps its .yaml name)
    expected = yaml.safe_load(HOP_SPEC)
    expected["info"]["version"] = "2024-01-01"  # YAML 1.2 (Prism) reads the unquoted date as this string
    expected["paths"]["/speech"]["post"]["responses"]["200"] = expected["paths"]["/speech"]["post"]["responses"].pop(200)
    del expected["paths"]["/speech"]["post"]["responses"]["200"]["headers"]["Transfer-Encoding"]
    del expected["components"]["responses"]["Busy"]["headers"]["Connection"]
    # no success response (none at all, or a redirect only): a 204, the None the SDK's method returns
    no_content = {"204": {"description": "sdkforge: the spec declares no success response; the SDK returns None"}}
    expected["paths"]["/ping"]["get"]["responses"] = no_content
    # a parameter is never sent as null: its array schema loses the null Prism reads as "not an array"
    expected["paths"]["/ping"]["get"]["parameters"][0]["schema"]["type"] = "array"
    del expected["components"]["parameters"]["Ids"]["schema"]["nullable"]
    # an example holding a $ref to a file: Prism would resolve it relative to the copy and not start
    del expected["paths"]["/events"]["get"]["responses"]["200"]["content"]["application/json"]["examples"]["filed"]
    expected["paths"]["/moved"]["get"]["responses"] = {"307": {"description": "elsewhere", "headers": {}}, **no_content}
    assert copy == expected
    assert json.dumps(doc.data, default=str) == before  # the loaded document is not modified


def _prism_answers(spec: Path) -> list[tuple[int, dict[str, str]] | str]:
    """Serve ``spec`` with Prism, POST /speech and GET /ping?tags=a&ids=1: (status, headers), or the error httpx
    raised."""
    import socket
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    prism = ROOT / "node_modules" / ".bin" / "prism"
    process = subprocess.Popen(
        [str(prism), "mock", "--host", "127.0.0.1", "--port", str(port), str(spec)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.post(f"http://127.0.0.1:{port}/speech", timeout=5)
                ping = httpx.get(f"http://127.0.0.1:{port}/ping?tags=a&ids=1", timeout=5)
                return [(response.status_code, dict(response.headers)), (ping.status_code, dict(ping.headers))]
            except httpx.ConnectError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
            except httpx.HTTPError as exc:
                return [str(exc)]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_prism_serves_the_mock_spec_copy_to_httpx(tmp_path: Path) -> None:
    """The reason for the copy: Prism fakes a declared Transfer-Encoding, and httpx refuses that response; Prism
    answers 500 for an operation without responses and 422 for ``?tags=a`` when the array parameter allows null."""
    from generator.targets.mock_spec import mock_spec_text

    if not (ROOT / "node_modules" / ".bin" / "prism").exists():
        if os.environ.get("CI"):
            pytest.fail("Prism is not installed: run `npm ci`")
        pytest.skip("Prism is not installed (npm ci)")
    original = tmp_path / "original.yaml"
    original.write_text(HOP_SPEC, encoding="utf-8")
    (tmp_path / "example.yaml").write_text("{kind: b}\n", encoding="utf-8")  # found next to the original only
    assert "Transfer-Encoding" in str(_prism_answers(original))
    copy = tmp_path / "copy" / "copy.yaml"
    copy.parent.mkdir()
    copy.write_text(mock_spec_text(_load(tmp_path, HOP_SPEC)), encoding="utf-8")
    answer, ping = _prism_answers(copy)
    assert not isinstance(answer, str) and not isinstance(ping, str), answer
    status, headers = answer
    assert status == 200 and "transfer-encoding" not in headers and "x-request-id" in headers
    assert ping[0] == 204
