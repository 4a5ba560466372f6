"""The TypeScript target: plan the SDK from the neutral model, write its modules; the static runtime goes to src/core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import model
from generator.config import Target as TargetConfig
from generator.targets.typescript.shapes import TsApi

HERE = Path(__file__).parent


class TypeScriptTarget:
    reuses_files = False  # every file rendered every time: cheap enough, and no keys to compare
    def checks(self, doc: Any) -> tuple[str, ...]:
        return ()  # every name is made safe and collisions get suffixes

    def plan(self, api: model.Api, config: TargetConfig, *, source: str = "", last: Any = None) -> Any:
        from generator.targets.typescript.plan import plan

        return _Planned(api, plan(api, config, source=source), config)

    def planned(self, plan: Any) -> Any:
        return None  # planned whole each time (its plan is a small part of a regeneration)

    def emit(
        self, plan: Any, templates: Path | None = None, *, spec_name: str = "openapi.yaml",
        on_stage: Callable[[str], None] = lambda stage: None, reuse: Any = None,
    ) -> dict[str, str]:
        on_stage("render")
        files = render(plan.api, plan.ts, plan.config)
        if templates is None:
            return files
        from generator.targets.typescript.overrides import apply_templates

        return apply_templates(files, templates, {"ts": plan.ts, "api": plan.api})


class _Planned:
    """The plan, with the model the generated tests draw their examples from."""

    def __init__(self, api: model.Api, ts: TsApi, config: TargetConfig) -> None:
        self.api = api
        self.ts = ts
        self.config = config
        self.resources = ts.resources
        self.warnings = ts.warnings


def render(api: model.Api, ts: TsApi, config: TargetConfig) -> dict[str, str]:
    from generator.targets.typescript import docs, sdk
    from generator.targets.typescript.examples import Examples
    from generator.targets.typescript.resources import render_resource
    from generator.targets.typescript.testgen import example_call, render_prism_tests, render_tests
    from generator.targets.typescript.types import TypeNames

    files = {f"src/core/{p.name}": p.read_text(encoding="utf-8") for p in sorted((HERE / "runtime").glob("*.ts"))}
    templates = HERE / "templates"
    files["src/internal/params.ts"] = (templates / "params.ts").read_text(encoding="utf-8")
    for name in ("tsconfig.json", "tsconfig.cjs.json", "tsconfig.test.json", "biome.json", "tests/helpers.ts",
                 "tests/prism.ts"):
        files[name] = (templates / name).read_text(encoding="utf-8")
    files[".gitignore"] = "node_modules/\ndist/\nbuild/\n"  # what npm install, build and test leave behind
    files["src/client.ts"] = sdk.client_ts(ts)
    files["src/types.ts"] = sdk.types_ts(ts)
    files["src/index.ts"] = sdk.index_ts(ts)
    type_names = set(ts.type_names)
    types = TypeNames.__new__(TypeNames)
    types.api, types.target, types.names, types.used = api, config, list(ts.type_names), set()
    examples = Examples(api, types)
    for resource in ts.resources:
        files[f"src/resources/{resource.file}.ts"] = render_resource(resource, type_names)
        files[f"tests/{resource.file}.test.ts"] = render_tests(ts, resource, examples)
    prism_tests = render_prism_tests(ts, examples)
    if prism_tests:
        files["tests/prism.test.ts"] = prism_tests
    files["package.json"] = docs.package_json(ts)
    files["README.md"] = docs.readme(ts, lambda resource, op: example_call(resource, op, examples))
    files["api.md"] = docs.api_md(ts)
    return files
