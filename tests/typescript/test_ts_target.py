"""The TypeScript target on openai-videos: generates, type-checks strictly, is biome-formatted, its node:test suite
passes, and generated/openai-videos-ts is what the generator writes today."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_config
from generator.pipeline import build_target
from generator.write.files import compare

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "generated" / "openai-videos-ts"


def _ts_target():
    config, _ = load_config(ROOT / "pyproject.toml")
    return next(t for t in config.targets if t.language == "typescript")


@pytest.fixture(scope="module")
def sdk(ts, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ts-sdk")
    ts.write(_ts_target(), out)
    return out


def test_committed_sdk_is_up_to_date() -> None:
    result = compare(COMMITTED, build_target(_ts_target(), ROOT).files)
    assert result.clean, f"regenerate with `python -m generator`: {result}"


def test_sdk_typechecks_strictly(ts, sdk: Path) -> None:
    print(f"tsc --noEmit: {ts.typecheck(sdk):.2f} s")


def test_sdk_is_formatted(ts, sdk: Path) -> None:
    ts.check_format(sdk)


def test_generated_tests_pass(ts, sdk: Path, tmp_path: Path) -> None:
    result = ts.run_tests(sdk, tmp_path)
    assert "# pass 17" in result and "# skipped 0" in result  # 10 in-process, 7 against Prism


def test_surface(sdk: Path) -> None:
    """The shape issue #16 asks for: positional path parameters, a params interface, APIPromise, pages, polling."""
    videos = (sdk / "src" / "resources" / "videos.ts").read_text()
    assert "remix(videoId: string, params: VideoRemixParams, options?: RequestOptions): APIPromise<Video> {" in videos
    assert "list(params: VideoListParams = {}, options?: RequestOptions): PagePromise<CursorPage<Video>, Video> {" in videos
    assert "createAndPoll(params: VideoCreateParams, options?: RequestOptions & PollOptions): Promise<Video> {" in videos
    assert "  /**\n   * Remix a finished video\n" in videos and "@deprecated" not in videos  # current, as the reference has it
    types = (sdk / "src" / "types.ts").read_text()
    assert "export type VideoModel =\n  | (string & {})\n  | 'sora-2'" in types or "(string & {}) | 'sora-2'" in types
    # the five nullable Video fields as openai-node types them: always present, `| null`
    for line in ("completed_at: number | null", "error: VideoCreateError | null", "expires_at: number | null",
                 "prompt: string | null", "remixed_from_video_id: string | null"):
        assert f"  {line};" in types, line
    assert "  first_id: string | null;" in types
    package = (sdk / "package.json").read_text()
    assert '"type": "module"' in package and '"dependencies"' not in package


def test_readme_examples_typecheck(ts, sdk: Path) -> None:
    """The TypeScript snippets of this repository's README and of the generated README compile against the SDK."""
    snippets = []
    for readme in (ROOT / "README.md", sdk / "README.md"):
        text = readme.read_text(encoding="utf-8")
        snippets += [block.split("```", 1)[0] for block in text.split("```ts\n")[1:]]
    assert len(snippets) >= 2
    for index, snippet in enumerate(snippets):
        code = snippet.replace("from 'openai-videos'", "from '../src/index.js'")
        (sdk / "tests" / f"readme{index}.ts").write_text(code + "export {};\n", encoding="utf-8")
    try:
        ts.typecheck(sdk)
    finally:
        for index in range(len(snippets)):
            (sdk / "tests" / f"readme{index}.ts").unlink()
