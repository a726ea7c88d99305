"""Work counted, not timed: the lines of Python that postkit runs, and that run on its behalf.

A time depends on the machine and on what else it is doing; a count of executed
lines does not: the same input gives the same count on a quiet machine and on a
loaded one. `WorkCounter` counts every line run in a frame of the package, and in
every frame called from one (html.parser driven by postkit's tokenizer, Markdown's
helpers that postkit calls), but not Markdown's own work around it. A budget turns
a runaway loop into an exception after that many lines instead of a hang.

What a count cannot see is work inside one call to C: a `str.find` or a regex that
scans to the end of the text is one line however far it goes. The timings of
`benchmarks/hostile_shapes.py` are the check for that.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import mkdocs_postkit

PACKAGE = str(Path(mkdocs_postkit.__file__).resolve().parent) + "/"
T = TypeVar("T")


class WorkExceeded(BaseException):
    """Raised once the budget of lines is spent; a BaseException so that no `except Exception` swallows it."""


class WorkCounter:
    """`counter.run(call)` runs `call()` and adds the lines it made postkit run to `counter.lines`."""

    def __init__(self, budget: int | None = None, package: str = PACKAGE) -> None:
        self.lines = 0
        self.budget = budget
        self.package = package
        self._depth = 0  # frames of postkit, or called from one, now on the stack

    def run(self, call: Callable[[], T]) -> T:
        if sys.gettrace() is not None or threading.current_thread() is not threading.main_thread():
            raise RuntimeError("WorkCounter needs the main thread and no other tracer (a debugger or coverage)")
        sys.settrace(self._on_call)
        try:
            return call()
        finally:
            sys.settrace(None)
            self._depth = 0

    def _on_call(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        # Called for each new frame (and each resumption of a generator): trace it only inside postkit's work.
        if self._depth or frame.f_code.co_filename.startswith(self.package):
            self._depth += 1
            return self._in_frame
        return None

    def _in_frame(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "line":
            self.lines += 1
            if self.budget is not None and self.lines > self.budget:
                raise WorkExceeded(f"more than {self.budget} lines of postkit's work")
        elif event == "return":  # also on a generator's yield: its resumption is a new "call"
            self._depth -= 1
        return self._in_frame
