"""The Target protocol: what a language gives the pipeline, and the one place a configured language is looked up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # annotations only: `sdkforge validate` imports the Python target's naming without them
    from generator import model
    from generator.config import Target as TargetConfig


class Target(Protocol):
    """A language: its own checks of the spec, a plan of the SDK from the neutral model, and the files of a plan."""

    #: whether ``emit`` takes files from the last run (``reuse``): if not, the last run's files are never read
    reuses_files: bool

    def checks(self, doc: Any) -> tuple[str, ...]:
        """Problems only this language has with the spec (names it cannot spell, ...), as warnings."""
        ...

    def plan(self, api: model.Api, config: TargetConfig, *, source: str = "", last: Any = None) -> Any:
        """The language's plan of the SDK: every name, type and import decided. ``last``: the last model's schemas
        and operations, and the head and parts ``planned`` gave of the last plan of this target, which the plan may
        reuse where nothing they come from changed."""
        ...

    def planned(self, plan: Any) -> tuple[Any, list[Any]] | None:
        """What of ``plan`` the next plan may reuse, as a head and parts (kept in the cache one by one: plain values
        and the plan's own dataclasses), or None."""
        ...

    def emit(
        self, plan: Any, templates: Path | None = None, *, spec_name: str = "openapi.yaml",
        on_stage: Callable[[str], None] = lambda stage: None, reuse: Any = None,
    ) -> dict[str, str]:
        """The plan's files, formatted: relative path -> text. ``reuse`` (a cache.Reuse) holds the last run's files
        by the key of their inputs: a target may take a file from it instead of rendering it, and gives it every
        file's key."""
        ...


def target_for(language: str) -> Target:
    if language == "python":
        from generator.targets.python.target import PythonTarget

        return PythonTarget()
    if language == "typescript":
        from generator.targets.typescript.target import TypeScriptTarget

        return TypeScriptTarget()
    raise ValueError(f"no target for language {language!r}")
