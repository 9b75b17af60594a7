"""Work in a forked child process, its result sent back through a pipe.

The engine hands Dockerfiles to a child (parse, per-file checks, suppression directives) while it
parses and checks the YAML itself: the two halves of a mixed run overlap on two cores. A fork (not
a spawned interpreter) starts in microseconds with every rule already imported, and the child
sees the parent's memory as it was at the fork, so nothing but the inputs' indexes and the
findings crosses the pipe. Where ``os.fork`` does not exist (Windows) or the child fails for any
reason, the caller does the work itself: a child can only make a run faster, never different.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# Runs this small are done in one process: a fork and the pickled findings cost more than they save.
MIN_FILES = 24


class ChildFailed(Exception):
    """The child raised, crashed or was killed; the message says which."""


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "win32"


def default_jobs() -> int:
    """Processes to use: the CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Forked(Generic[T]):
    """``work()`` running in a child process; ``result()`` waits for it."""

    def __init__(self, work: Callable[[], T]) -> None:
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the caller's code
            os.close(read_end)
            _child(work, write_end)
        os.close(write_end)
        self._pid = pid
        self._read_end = read_end

    def result(self) -> T:
        with os.fdopen(self._read_end, "rb") as pipe:
            data = pipe.read()  # read before waiting: a large result fills the pipe
        _, status = os.waitpid(self._pid, 0)
        if not data:
            raise ChildFailed(f"the worker process ended with status {os.waitstatus_to_exitcode(status)}")
        ok, payload = pickle.loads(data)
        if not ok:
            raise ChildFailed(payload)
        result: T = payload
        return result


def _child(work: Callable[[], Any], write_end: int) -> None:
    try:
        try:
            message = (True, work())
        except BaseException:  # every failure goes to the parent, which redoes the work
            message = (False, traceback.format_exc(limit=5))
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    finally:
        # No interpreter teardown (atexit handlers, buffered output of the parent, finalizers):
        # the child shares them with the parent and must not run them twice.
        os._exit(0)
