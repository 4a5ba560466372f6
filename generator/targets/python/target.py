"""The Python target: plan the SDK from the neutral model, render the templates, format with black."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import model
from generator.cache import Reuse
from generator.config import Target as TargetConfig
from generator.targets.python.shapes import PyApi


class PythonTarget:
    def checks(self, doc: Any) -> tuple[str, ...]:
        return ()  # name collisions are resolved by suffixes, never refused

    def plan(self, api: model.Api, config: TargetConfig, *, source: str = "") -> PyApi:
        from generator.targets.python.plan import plan

        return plan(api, config, source=source)

    def surface(self, api: model.Api, config: TargetConfig, *, source: str = "") -> Any:
        """What users of the SDK see of ``api`` (names, annotations): how ``sdkforge diff`` reports changes."""
        from generator.targets.python.surface import surface

        return surface(api, config, source=source)

    def emit(
        self, plan: PyApi, templates: Path | None = None, *, spec_name: str = "openapi.yaml",
        on_stage: Callable[[str], None] = lambda stage: None, reuse: Reuse | None = None,
    ) -> dict[str, str]:
        from generator.targets.python.format import format_files
        from generator.targets.python.render import render

        on_stage("render")
        rendered, reused = render(plan, templates, spec_name=spec_name, reuse=reuse)
        on_stage("format")
        return {**format_files(rendered), **reused}
