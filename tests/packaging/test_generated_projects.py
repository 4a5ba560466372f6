"""Generated SDKs package the way their ecosystem does: the Python SDK's pyproject.toml builds an sdist and a wheel
with its standard backend and passes `twine check`; `npm pack` accepts the TypeScript SDK's package.json and packs
the built files its `main`, `types` and `exports` name."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*command: str | Path, cwd: Path = ROOT) -> str:
    result = subprocess.run([str(c) for c in command], check=False, cwd=cwd, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def test_python_sdk_builds_with_its_backend_and_passes_twine_check(tmp_path: Path) -> None:
    sdk = ROOT / "generated" / "openai-videos"
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", tmp_path, sdk)  # hatchling, as pyproject asks
    built = sorted(tmp_path.iterdir())
    assert [p.name for p in built] == ["openai_videos-0.1.0-py3-none-any.whl", "openai_videos-0.1.0.tar.gz"]
    assert run(sys.executable, "-m", "twine", "check", "--strict", *built).count("PASSED") == 2
    with zipfile.ZipFile(built[0]) as zf:
        names = set(zf.namelist())
        metadata = zf.read("openai_videos-0.1.0.dist-info/METADATA").decode()
    assert {"openai_videos/__init__.py", "openai_videos/py.typed", "openai_videos/types/video.py"} <= names
    assert "Description-Content-Type: text/markdown" in metadata and "Classifier: Typing :: Typed" in metadata
    with tarfile.open(built[1]) as tf:
        assert "openai_videos-0.1.0/CHANGELOG.md" in tf.getnames()


def test_typescript_package_packs_the_built_files_its_entries_name(tmp_path: Path) -> None:
    sdk = tmp_path / "sdk"
    shutil.copytree(ROOT / "generated" / "openai-videos-ts", sdk)
    (sdk / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)  # tsc for `prepare`
    package = json.loads((sdk / "package.json").read_text(encoding="utf-8"))
    packed = json.loads(run("npm", "pack", "--dry-run", "--json", cwd=sdk))  # `prepare` builds dist first
    files = {entry["path"] for entry in packed[0]["files"]}

    conditions = package["exports"]["."]
    entries = {package["main"], package["types"], *conditions["import"].values(), *conditions["require"].values()}
    assert entries == {"./dist/index.js", "./dist/index.d.ts", "./dist/cjs/index.js", "./dist/cjs/index.d.ts"}
    assert "dist/cjs/package.json" in files  # marks dist/cjs CommonJS inside a "type": "module" package
    assert {entry.removeprefix("./") for entry in entries} <= files
    for source in (p for p in files if p.startswith("src/") and p.endswith(".ts")):
        built = "dist/" + source.removeprefix("src/").removesuffix(".ts")
        assert {built + ".js", built + ".d.ts"} <= files, source
    assert {"package.json", "README.md", "CHANGELOG.md", "api.md"} <= files
    assert all(p.split("/")[0] in {"dist", "src"} or "/" not in p for p in files)  # no tests, build output or config
    assert not {p for p in files if p.split("/")[0] not in {"dist", "src"}} - {*package["files"], "package.json"}
    _loads_from_esm_and_commonjs(sdk, package["name"], tmp_path / "consumer")


def _loads_from_esm_and_commonjs(sdk: Path, name: str, consumer: Path) -> None:
    """The built package (dist, made by `prepare` above) by its name: `import` from an ES module gets the ES build,
    `require` from a CommonJS file (a package without "type": "module", as ts-node, tsx and Jest setups run) the
    CommonJS build, without Node's require(esm)."""
    (consumer / "node_modules").mkdir(parents=True)
    (consumer / "node_modules" / name).symlink_to(sdk, target_is_directory=True)
    (consumer / "package.json").write_text('{"name": "consumer", "private": true}\n', encoding="utf-8")
    check = "const client = new sdk.OpenAIVideos({ apiKey: 'k' }); if (typeof client.videos.remix !== 'function') process.exit(3);"
    which = f"if (!require.resolve({json.dumps(name)}).endsWith('/dist/cjs/index.js')) process.exit(4);"
    (consumer / "use.cjs").write_text(f"const sdk = require({json.dumps(name)});\n{check}\n{which}\n", encoding="utf-8")
    (consumer / "use.mjs").write_text(f"import * as sdk from {json.dumps(name)};\n{check}\n", encoding="utf-8")
    for script in ("use.cjs", "use.mjs"):
        result = subprocess.run(["node", script], cwd=consumer, capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, (script, result.stdout + result.stderr)
        assert "ExperimentalWarning" not in result.stderr, result.stderr  # no require(esm)
