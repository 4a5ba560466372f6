"""The peers sdkforge is compared with, each run as a whole process on the same spec: how to call them, and what
each one generates (a full client, or models/types only)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from harness import NODE_DIR, VENV, Result, run_proc

# what each peer's output covers, for the rows
SCOPE = {
    "opc": "openapi-python-client, full Python client, ruff hooks on",
    "opc_nofmt": "openapi-python-client, full Python client, post_hooks: []",
    "datamodel_codegen": "datamodel-code-generator, Python models only (pydantic v2), no client",
    "openapi_generator": "OpenAPI Generator `-g python --skip-validate-spec` (openapi-generator-cli's jar, Java 17), full client",
    "hey_api": "@hey-api/openapi-ts 0.95.0, full TypeScript fetch client",
    "openapi_typescript": "openapi-typescript 7, TypeScript types only, no client",
}


def openapi_python_client(spec: Path, out: Path, timeout: float, config: Path | None = None) -> Result:
    argv = [str(VENV / "bin" / "openapi-python-client"), "generate", "--path", str(spec), "--output-path", str(out),
            "--meta", "none", "--overwrite"]
    return run_proc(argv + (["--config", str(config)] if config else []), timeout=timeout, cwd=out.parent)


def opc_without_formatter(spec: Path, out: Path, timeout: float) -> Result:
    config = out.parent / "opc-nofmt.yaml"
    config.write_text("post_hooks: []\n")
    return openapi_python_client(spec, out, timeout, config)


def datamodel_codegen(spec: Path, out: Path, timeout: float) -> Result:
    out.mkdir()
    argv = [str(VENV / "bin" / "datamodel-codegen"), "--input", str(spec), "--input-file-type", "openapi",
            "--output-model-type", "pydantic_v2.BaseModel", "--output", str(out / "models.py")]
    return run_proc(argv, timeout=timeout, cwd=out.parent)


def openapi_generator(spec: Path, out: Path, timeout: float) -> Result:
    if shutil.which("java") is None:
        return Result(ok=False, seconds=0.0, error="no Java runtime (apt-get install openjdk-17-jre-headless)")
    argv = [str(VENV / "bin" / "openapi-generator-cli"), "generate", "-g", "python", "-i", str(spec), "-o", str(out),
            "--package-name", "openai_full", "--skip-validate-spec"]  # it rejects the spec's x-oai-* extensions
    return run_proc(argv, timeout=timeout, cwd=out.parent)


def _node_peer(name: str, args: list[str], out: Path, timeout: float) -> Result:
    tool = NODE_DIR / "node_modules" / ".bin" / name
    if not tool.exists():
        return Result(ok=False, seconds=0.0, error=f"{name} not installed in {NODE_DIR} (npm install failed?)")
    return run_proc([str(tool), *args], timeout=timeout, cwd=out.parent)


def hey_api(spec: Path, out: Path, timeout: float) -> Result:
    return _node_peer("openapi-ts", ["--input", str(spec), "--output", str(out)], out, timeout)


def openapi_typescript(spec: Path, out: Path, timeout: float) -> Result:
    out.mkdir()
    return _node_peer("openapi-typescript", [str(spec), "--output", str(out / "schema.d.ts")], out, timeout)


# the peers measured once per run by default (--peer-runs); openapi-python-client runs every round (a target)
GENERATORS: dict[str, Callable[[Path, Path, float], Result]] = {
    "opc_nofmt": opc_without_formatter,
    "datamodel_codegen": datamodel_codegen,
    "openapi_generator": openapi_generator,
    "hey_api": hey_api,
    "openapi_typescript": openapi_typescript,
}
