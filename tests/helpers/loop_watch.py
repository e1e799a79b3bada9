"""How long the event loop goes without serving a 10 ms timer: the window's freezes.

:class:`LoopWatch` ticks a ``QTimer`` and keeps the gap between ticks. A gap is the
time the GUI thread spent away from the loop — running our slots and paints, or
waiting (a lock, the GIL held by a worker, a file). On Linux it also reads how
much of each gap the thread spent *runnable but waiting for a CPU*
(``/proc/thread-self/schedstat``): time another process took, which a test on a
shared machine must not blame on the window. Used by the UI tests and
``bench/bench_ui.py``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

_SCHEDSTAT = Path("/proc/thread-self/schedstat")


def cpu_wait() -> float:
    """Seconds this thread has spent runnable but not running (0 where unknown)."""
    try:
        return int(_SCHEDSTAT.read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class LoopWatch:
    def __init__(self, interval_ms: int = 10):
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[tuple[float, float, float, str]] = []  # (wall, waiting for a CPU, running, label)
        self.label = ""
        self._last = self._last_wait = self._last_cpu = 0.0

    def start(self) -> LoopWatch:
        self._last, self._last_wait, self._last_cpu = time.perf_counter(), cpu_wait(), time.thread_time()
        self.timer.start()
        return self

    def stop(self) -> None:
        self.timer.stop()

    def mark(self, label: str) -> None:
        """Name what the user does next (for the report)."""
        self.label = label

    def _tick(self) -> None:
        now, wait, cpu = time.perf_counter(), cpu_wait(), time.thread_time()
        self.gaps.append((now - self._last, wait - self._last_wait, cpu - self._last_cpu, self.label))
        self._last, self._last_wait, self._last_cpu = now, wait, cpu

    @property
    def longest(self) -> float:
        """The longest gap, in seconds, less the time the thread waited for a CPU."""
        return max((max(wall - wait, 0.0) for wall, wait, _, _ in self.gaps), default=0.0)

    @property
    def longest_running(self) -> float:
        """The most CPU time the GUI thread spent in one gap: its own work, whatever the load."""
        return max((cpu for _, _, cpu, _ in self.gaps), default=0.0)

    @property
    def longest_wall(self) -> float:
        return max((wall for wall, _, _, _ in self.gaps), default=0.0)

    def report(self) -> str:
        wall, wait, cpu, label = max(self.gaps, key=lambda g: g[0] - g[1], default=(0.0, 0.0, 0.0, ""))
        return (
            f"event loop blocked {1000 * (wall - wait):.0f} ms while: {label or '?'} "
            f"(gap {1000 * wall:.0f} ms: {1000 * cpu:.0f} ms running, {1000 * wait:.0f} ms waiting for a CPU; "
            f"longest gap overall {1000 * self.longest_wall:.0f} ms, {len(self.gaps)} ticks)"
        )


def machine_overloaded() -> bool:
    """More runnable threads than CPUs (other processes competing): the GUI thread then
    also waits for the GIL while a worker thread waits for a CPU, time ``cpu_wait``
    cannot see; on such a machine only the GUI thread's own running time is its fault."""
    try:
        return os.getloadavg()[0] > (os.cpu_count() or 1)
    except OSError:
        return False
