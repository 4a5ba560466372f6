"""The Python target: plan the SDK from the neutral model, render the templates, format with black."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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

    def plan(self, api: model.Api, config: TargetConfig, *, source: str = "", last: Any = None) -> PyApi:
        from generator.targets.python.plan import last_plan, plan

        return plan(api, config, source=source, last=last_plan(last))

    def planned(self, plan: PyApi) -> Any:
        from generator.targets.python.plan import planned

        return planned(plan)

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
        shares = workers.Shares(len(renderer.jobs)) if workers.forking(whole) else None
        try:
            if shares is not None:
                renderer.prepare()
            with workers.beside(lambda: _emitted(renderer, shares), worth=whole) as other:
                files, _found = _emitted(renderer, shares, on_stage)
                if other.forked:
                    theirs, (keys, reads) = other.result()
                    files.update(theirs)
                    if reuse is not None and renderer.keys is not None:
                        reuse.keys.update(keys)
                        renderer.keys.learn(reads)  # what the templates only the other process rendered read
        finally:
            if shares is not None:
                shares.close()
        paths = renderer.paths
        missing = [range(i, i + 1) for i, path in enumerate(paths) if path not in files]
        if missing:  # the other process's ranges, when it failed: done here
            files.update(_emitted(renderer, missing)[0])
        files = {path: files[path] for path in paths}  # in the jobs' order, whoever did which
        extra = renderer.finish()
        return {**files, **format_files(extra)} if extra else files


def _emitted(renderer: Any, shares: Iterable[range] | None, on_stage: Callable[[str], None] = lambda stage: None,
             ) -> tuple[dict[str, str], tuple[dict[str, str], dict[str, Any]]]:
    """The files of the job ranges this process takes from ``shares`` (all of them without), rendered and formatted
    (or taken from the last run), and the input keys and template reads it noted. Shared ranges are formatted as they
    are rendered, so that the processes balance the whole cost ("format" then marks what follows this process's
    part)."""
    from generator.targets.python.format import format_files

    if shares is None:
        rendered, reused = renderer.part()
        on_stage("format")
        return {**format_files(rendered), **reused}, _found(renderer)
    files: dict[str, str] = {}
    for jobs in shares:
        rendered, reused = renderer.part(jobs)
        files.update(format_files(rendered))
        files.update(reused)
    on_stage("format")
    return files, _found(renderer)


def _found(renderer: Any) -> tuple[dict[str, str], dict[str, Any]]:
    """The input keys of the files rendered here, and what the templates rendered here read (inputs.Keys)."""
    if renderer.reuse is None or renderer.keys is None:
        return {}, {}
    return dict(renderer.reuse.keys), renderer.keys.table()
