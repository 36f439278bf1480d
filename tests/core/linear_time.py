"""How an operation's CPU time grows when its input doubles: the ratio, never a limit.

CPU time of this process (``time.process_time``), so the other programs sharing
the machine do not count; the garbage collector held off while a run is timed;
the median of a few runs of each size, the two sizes taken in turn, so a slow
moment weighs on both alike. A linear operation gives about 2; a quadratic one
about 4, an exponential one far more.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from typing import TypeVar

Input = TypeVar("Input")

# Linear with room for noise; a quadratic operation gives 4 and more.
LINEAR_RATIO = 3.5


def _cpu_seconds(run: Callable[[], object]) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        run()
        return time.process_time() - started
    finally:
        gc.enable()


def _ratio(operation: Callable[[Input], object], small: Input, large: Input, runs: int) -> float:
    small_times: list[float] = []
    large_times: list[float] = []
    for _ in range(runs):
        small_times.append(_cpu_seconds(lambda: operation(small)))
        large_times.append(_cpu_seconds(lambda: operation(large)))
    # A floor of a millisecond: below it the clock's grain, not the work, is measured.
    return statistics.median(large_times) / max(statistics.median(small_times), 1e-3)


def growth(
    operation: Callable[[Input], object], small: Input, large: Input, *, runs: int = 5
) -> float:
    """CPU time of ``operation(large)`` over that of ``operation(small)``, medians of ``runs``.

    A ratio above :data:`LINEAR_RATIO` is measured once more with twice the runs,
    and the lower kept: a shared machine's moment of contention does not repeat,
    a quadratic cost does.
    """
    operation(small)  # imports and caches, once, before anything is timed
    ratio = _ratio(operation, small, large, runs)
    if ratio >= LINEAR_RATIO:
        ratio = min(ratio, _ratio(operation, small, large, 2 * runs))
    return ratio
