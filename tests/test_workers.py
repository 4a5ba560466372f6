"""Generation on two CPUs (generator/workers.py): the forked paths write what the sequential ones write, byte for byte,
with the same warnings; a child that fails is redone in the parent; a failed run leaves the last output as it was;
no child outlives its caller (an error, Ctrl-C)."""

from __future__ import annotations

import copy
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import workers
from generator.cli import main
from generator.cli.exit_codes import EXIT_BUG
from generator.targets.python.render import Renderer

SPEC = Path(__file__).resolve().parent / "fixtures" / "specs" / "shapes.yaml"


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _no_children() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def _spec(tmp_path: Path, name: str, change: bool) -> Path:
    data: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    data["components"]["schemas"]["Pet"]["properties"]["colour"] = {"type": "string", "default": 3}  # an SF020 warning
    if change:  # a surface change: the CHANGELOG gets a section
        data = copy.deepcopy(data)
        data["components"]["schemas"]["Pet"]["properties"]["nickname"] = {"type": "string"}
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("language", ["python", "typescript"])
def test_forked_and_sequential_generation_write_the_same_bytes_and_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    before, after = _spec(tmp_path, "before", False), _spec(tmp_path, "after", True)
    results = {}
    for jobs in ("1", "2"):  # 2: every fork taken, however small the work
        monkeypatch.setenv("SDKFORGE_JOBS", jobs)
        monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / f"cache-{jobs}"))
        out = tmp_path / f"out-{jobs}"
        said = []
        for spec in (before, after, after):  # cold, one change (rendered from the last run's files), nothing changed
            args = ["generate", str(spec), "-o", str(out), "--package-name", "shapes", "--language", language]
            assert main(args) == 0
            captured = capsys.readouterr()
            said.append((captured.err, captured.out.replace(f"out-{jobs}", "out").split(" in ")[0]))
        results[jobs] = (_tree(out), said)
        assert _no_children()
    assert "SF020" in results["1"][1][0][0]
    assert "## " in results["1"][0]["CHANGELOG.md"].decode()  # the change made a section
    assert results["2"] == results["1"]


def test_a_child_that_fails_is_redone_in_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    parent = os.getpid()

    def work() -> str:
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return "done here"

    with workers.beside(work) as other:
        assert other.forked
        assert other.result() == "done here"
    assert _no_children()


def test_an_error_in_both_is_raised_with_its_own_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKFORGE_JOBS", "2")

    def work() -> None:
        raise KeyError("everywhere")

    with pytest.raises(KeyError), workers.beside(work) as other:
        other.result()
    assert _no_children()


def test_shared_ranges_are_each_taken_once_by_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    shares = workers.Shares(1003)
    try:
        with workers.beside(lambda: [(r.start, r.stop) for r in shares]) as other:
            assert other.forked
            mine = [(r.start, r.stop) for r in shares]
            theirs = other.result()
    finally:
        shares.close()
    taken = sorted(mine + theirs)
    assert [i for start, stop in taken for i in range(start, stop)] == list(range(1003))  # each job once, all jobs
    assert _no_children()


def test_the_ranges_a_failed_render_child_took_are_rendered_in_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = _spec(tmp_path, "before", False)
    trees = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("SDKFORGE_JOBS", jobs)
        monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / f"cache-{jobs}"))
        if jobs == "2":
            parent, part = os.getpid(), Renderer.part

            def child_breaks(self: Renderer, jobs: range | None = None) -> Any:
                if os.getpid() != parent:
                    raise RuntimeError("a bug in the child only")  # after it took a range
                time.sleep(0.05)  # the child takes ranges meanwhile
                return part(self, jobs)

            monkeypatch.setattr(Renderer, "part", child_breaks)
        out = tmp_path / f"out-{jobs}"
        assert main(["generate", str(spec), "-o", str(out), "--package-name", "shapes", "-q"]) == 0
        trees[jobs] = _tree(out)
    assert trees["2"] == trees["1"]
    assert _no_children()


def test_a_failed_run_leaves_the_last_output_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    assert main(["generate", str(_spec(tmp_path, "before", False)), "-o", str(out), "--package-name", "shapes"]) == 0
    written = _tree(out)

    def broken(self: Renderer, jobs: range | None = None) -> Any:
        raise RuntimeError("a bug while rendering")  # in the parent and in its child alike

    monkeypatch.setattr(Renderer, "part", broken)
    args = ["generate", str(_spec(tmp_path, "after", True)), "-o", str(out), "--package-name", "shapes"]
    assert main(args) == EXIT_BUG
    assert _tree(out) == written
    assert _no_children()


def test_an_interrupted_caller_kills_and_reaps_its_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt), workers.beside(lambda: time.sleep(60)) as other:
        assert other.forked
        raise KeyboardInterrupt  # Ctrl-C while the child works
    assert time.monotonic() - started < 30
    assert _no_children()


@pytest.mark.parametrize("flushed", [True, False])
def test_a_write_left_for_later_is_done_before_a_read_of_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flushed: bool
) -> None:
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    target = tmp_path / "record"

    def slow_write() -> None:
        time.sleep(0.3)
        target.write_text("written", encoding="utf-8")

    workers.later(slow_write, "record", 1)
    if flushed:
        workers.flush()  # in a child, not waited for
    workers.settle("another file")
    assert not target.exists()
    workers.settle("record")
    assert target.read_text(encoding="utf-8") == "written"
    assert _no_children()


def test_no_fork_with_one_job_or_a_second_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKFORGE_JOBS", "1")
    assert not workers.forking()
    assert not workers.beside(lambda: 1).forked
    monkeypatch.setenv("SDKFORGE_JOBS", "2")
    assert workers.forking(worth=False)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not workers.forking()  # a fork would copy the other thread's locks half-held
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize(("average", "now", "forks"), [(0.2, 1, True), (1.9, 1, True), (0.5, 3, True), (1.9, 3, False)])
def test_a_fork_needs_an_idle_cpu_by_the_load_average_or_at_the_instant(
    monkeypatch: pytest.MonkeyPatch, average: float, now: float, forks: bool
) -> None:
    """The one-minute average lags (a process that just ended, one waiting on the disk); the tasks running now are one
    instant: a second CPU counts as idle when either says so."""
    monkeypatch.delenv("SDKFORGE_JOBS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (average, average, average))
    monkeypatch.setattr(workers, "_running_now", lambda: now)
    assert workers.forking() is forks


def test_what_the_templates_either_process_rendered_read_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    """The table of what each template reads (inputs.Keys) holds the templates only the render's child rendered:
    without them, the first regeneration after a cold one parses those templates again."""
    import pickle

    from generator.targets.python import render, target

    monkeypatch.setattr(target, "SPLIT_FROM", 1)  # the small spec's render shared between two processes
    spec = _spec(tmp_path, "before", False)
    tables = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("SDKFORGE_JOBS", jobs)
        monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(tmp_path / f"cache-{jobs}"))
        kept = tmp_path / f"compiled-{jobs}"
        kept.mkdir()
        monkeypatch.setattr(render, "compiled_folder", lambda user_templates, kept=kept: kept)
        assert main(["generate", str(spec), "-o", str(tmp_path / f"out-{jobs}"), "--package-name", "shapes", "-q"]) == 0
        (table,) = kept.glob("reads-*.pickle")
        tables[jobs] = pickle.loads(table.read_bytes())
    assert len(tables["1"]) > 5
    assert tables["2"] == tables["1"]
