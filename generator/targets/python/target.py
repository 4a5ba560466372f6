"""The Python target: plan the SDK from the neutral model, render the templates, format with black."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import model, workers
from generator.cache import Reuse
from generator.config import Target as TargetConfig
from generator.targets.python.shapes import PyApi

SPLIT_FROM = 1000  # files from which a whole render is split over two processes


class PythonTarget:
    reuses_files = True
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
        from generator.targets.python.render import Renderer

        on_stage("render")
        renderer = Renderer(plan, templates, spec_name=spec_name, reuse=reuse)
        # every file of a large SDK to render and format: worth a second process (measured: the OpenAI spec's 2,386
        # files gain ~0.2 s of 0.65 s; radarr's 408 gain nothing, the fork's memory copies cost what the halves save)
        whole = (reuse is None or not reuse.previous) and len(renderer.jobs) >= SPLIT_FROM
        if workers.forking(whole):
            renderer.prepare()
        with workers.beside(lambda: _emitted(renderer, 1, 2), worth=whole) as other:
            files, _keys = _emitted(renderer, 0, 2 if other.forked else 1, on_stage)
            if other.forked:
                theirs, keys = other.result()
                files.update(theirs)
                if reuse is not None:
                    reuse.keys.update(keys)
        extra = renderer.finish()
        return {**files, **format_files(extra)} if extra else files


def _emitted(renderer: Any, index: int, count: int, on_stage: Callable[[str], None] = lambda stage: None,
             ) -> tuple[dict[str, str], dict[str, str]]:
    """One part of the files, rendered and formatted (or taken from the last run), and the input keys it noted."""
    from generator.targets.python.format import format_files

    rendered, reused = renderer.part(index, count)
    on_stage("format")
    return {**format_files(rendered), **reused}, dict(renderer.reuse.keys) if renderer.reuse is not None else {}
