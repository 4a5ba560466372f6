"""Work done beside the main process on a second CPU: forked children that hand back plain values, and cache writes.

A generation is one process; on a machine with more than one usable CPU, parts of it that need only what the process
holds already (the plan, the files rendered so far) run in a forked child: ``beside`` for work whose result comes
back (pickled through a pipe: text and plain data), ``later`` and ``flush`` for work with no result (cache writes,
all in one child), reaped by ``settle`` when the command ends. A child never returns into the caller's code: it ends
with ``os._exit``, printing nothing, running no exit handlers and flushing no buffer it shares with the parent.

Everything falls back to running in the process itself, in the order the sequential code would: where fork does not
exist, with one usable CPU or none idle (neither the load average nor the tasks running at the instant leave one), with
a second thread running (a fork would copy its locks half-held), or with ``SDKFORGE_JOBS=1``; ``SDKFORGE_JOBS=2`` forks
even where it looks not to pay (what the tests compare). A child that fails hands back nothing: its work is run again in the parent, which then raises what the
sequential code would have raised, with its traceback. Ctrl-C or an error in the parent kills and reaps the child.
"""

from __future__ import annotations

import atexit
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")
#: How much of a CPU the 1-minute load average must leave idle beyond this process for a fork to pay: with none idle
#: the child only takes turns with the parent, and the copies of memory pages the fork causes are pure cost (measured
#: on the shared 2-CPU machine at load 4: cold generation 3.12 s in one process, 3.47 s forked)
IDLE = 0.25
#: Characters of spec text from which work on it (copying it, pickling its model) pays for a fork: below it, the copies
#: of memory pages a fork costs on first write take about what the work does
LARGE = 500_000
_children: dict[int, set[str]] = {}  # background children not reaped yet: pid -> the names of the files they write
_pending: list[tuple[Callable[[], object], str, int]] = []  # cache writes left for ``flush``: (work, name, size)


def forking(worth: bool = True) -> bool:
    """Whether work should go to a forked child: it can, a second CPU is there for it, and it is ``worth`` a fork
    (SDKFORGE_JOBS=2: always; SDKFORGE_JOBS=1: never)."""
    setting = os.environ.get("SDKFORGE_JOBS", "").strip()
    if setting == "1" or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    if setting:
        return True
    if not worth:
        return False
    try:
        cpus = len(os.sched_getaffinity(0))
        busy = min(os.getloadavg()[0], _running_now())  # this process counts as one
    except (AttributeError, OSError):  # no affinity call (macOS, Windows): stay in one process
        return False
    return cpus > 1 and busy < cpus - IDLE


def _running_now() -> float:
    """The tasks running or ready to run at this instant, this one included (Linux: /proc/loadavg), else infinity.
    The one-minute load average alone lags: the processes a script ran just before still count for a minute, and so
    does a process waiting on the disk (a benchmark's ``sync``), which left generation in one process on an idle
    machine; the average still speaks for a machine that is busy on the whole but idle at the instant asked."""
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            return float(fh.read().split()[3].partition("/")[0])
    except (OSError, ValueError, IndexError):
        return float("inf")


class Beside(Generic[T]):
    """The result of ``work`` run beside the caller; use as a context manager so that the child never outlives it."""

    def __init__(self, work: Callable[[], T], fork: bool) -> None:
        self.work = work
        self.pid = 0
        self.reader = -1
        if fork:
            self._start()

    def _start(self) -> None:
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never leaves this block
            status = 1
            try:
                os.close(reader)
                try:
                    data = pickle.dumps((True, self.work()), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:  # noqa: BLE001 - the parent runs the work again and raises it itself
                    data = pickle.dumps((False, None))
                with os.fdopen(writer, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(writer)
        self.pid, self.reader = pid, reader

    def result(self) -> T:
        """The child's value (read, then the child reaped), or ``work()`` run here if there was no child or it
        failed."""
        if not self.pid:
            work, self.work = self.work, _spent  # what the work holds is freed once it is done
            return work()
        with os.fdopen(self.reader, "rb") as pipe:
            self.reader = -1
            data = pipe.read()
        _reap(self.pid)
        self.pid = 0
        try:
            ok, value = pickle.loads(data)
        except Exception:  # noqa: BLE001 - the child died before it said anything (killed, out of memory)
            ok, value = False, None
        return value if ok else self.work()

    @property
    def forked(self) -> bool:
        return bool(self.pid)

    def __enter__(self) -> Beside[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        """A child whose result was not taken (the caller failed or was interrupted) is killed and reaped."""
        if self.reader >= 0:
            os.close(self.reader)
            self.reader = -1
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _reap(self.pid)
            self.pid = 0


def _spent() -> Any:
    raise RuntimeError("the work was done already")


def beside(work: Callable[[], T], *, worth: bool = True) -> Beside[T]:
    """``work`` started in a forked child when ``forking(worth)``, else left to run in this process on ``result()``."""
    return Beside(work, forking(worth))


class Shares:
    """``count`` jobs in ranges, handed to whichever process sharing them asks first: the ranges' starts are written
    into a pipe before a fork, and each read takes the next one, so two processes finish together however the cost
    is spread over the jobs (the files black formats cluster: a fixed split of the OpenAI SDK left one process ~65 ms
    of 330 behind the other). A process that asks after the last range is done gets none."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.size = max(8, -(-count // 4096))  # at most 4,096 ranges: 16 KiB, which a pipe holds without a reader
        self.reader, writer = os.pipe()
        try:
            tokens = memoryview(b"".join(start.to_bytes(4, "little") for start in range(0, count, self.size)))
            while tokens:
                tokens = tokens[os.write(writer, tokens):]
        finally:
            os.close(writer)

    def __iter__(self) -> Iterator[range]:
        while len(token := os.read(self.reader, 4)) == 4:  # a pipe read of a whole token is never split
            start = int.from_bytes(token, "little")
            yield range(start, min(start + self.size, self.count))

    def close(self) -> None:
        os.close(self.reader)


def now(work: Callable[[], object], name: str, *, worth: bool) -> bool:
    """A cache write of the file ``name`` (no result, failures ignored) started in a forked child at once, reaped by
    ``settle``; False, and nothing done, where a fork does not pay (see ``forking``)."""
    if not forking(worth):
        return False
    _background([work], {name})
    return True


def _background(works: list[Callable[[], object]], names: set[str]) -> None:
    """``works`` done in order in a forked child, which writes the files ``names`` and is reaped by ``settle``."""
    pid = os.fork()
    if pid == 0:
        try:
            for work in works:
                work()
        finally:
            os._exit(0)
    _children[pid] = names


def later(work: Callable[[], object], name: str, size: int) -> None:
    """A cache write of the file ``name`` (no result, failures ignored) left for ``flush``; ``size``: about how many
    characters it writes. A read of ``name`` before then (``settle(name)``) does it first."""
    _pending.append((work, name, size))


def flush() -> None:
    """The cache writes left for later, in one forked child reaped by ``settle`` when they are large enough to pay for
    a fork (forked late, when the command has done its heavy walks of the model: the pages the parent then touches
    are few), else here and now."""
    if not _pending:
        return
    works = list(_pending)
    _pending.clear()
    if not forking(sum(size for _work, _name, size in works) >= LARGE):
        for work, _name, _size in works:
            work()
        return
    _background([work for work, _name, _size in works], {name for _work, name, _size in works})


def settle(name: str | None = None) -> None:
    """Make sure the cache writes of ``name`` (before it is read), or all of them (before the command ends: the next
    one must find them), are done: those left for later are done now, the background children are waited for."""
    for item in [item for item in _pending if name is None or item[1] == name]:
        _pending.remove(item)
        item[0]()
    for pid, writes in list(_children.items()):
        if name is None or name in writes:
            del _children[pid]
            _reap(pid)


atexit.register(settle)  # no child outlives a process that forgot to settle


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:  # reaped already
        pass
