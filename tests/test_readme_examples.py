"""The README's Python examples type-check (mypy --strict) against the SDK its quickstart generates, as printed.

(Its TypeScript examples: tests/typescript/test_ts_target.py::test_readme_examples_typecheck.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_python_readme_examples_typecheck_against_the_quickstart_sdk(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"sdkforge generate (specs/\S+) -o \S+ --package-name (\w+)", readme)
    assert command, "the quickstart's generate command"
    spec, package = command.groups()
    snippets = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert snippets and f"from {package} import" in snippets[0], snippets
    sdk = tmp_path / "sdk"
    generate = subprocess.run(
        [sys.executable, "-m", "generator", "generate", spec, "-o", str(sdk), "--package-name", package, "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert generate.returncode == 0, generate.stdout + generate.stderr
    files = []
    for index, snippet in enumerate(snippets):
        files.append(tmp_path / f"readme_{index}.py")
        files[-1].write_text(snippet, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(sdk)}
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), *map(str, files)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
