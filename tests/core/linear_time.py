"""How an operation's CPU time grows when its input doubles: the ratio, never a limit.

CPU time of this process (``time.process_time``), so the other programs sharing
the machine do not count; the median of a few runs of each size, the two sizes
taken in turn, so a slow moment weighs on both alike. A linear operation gives
about 2; a quadratic one about 4, an exponential one far more.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import TypeVar

Input = TypeVar("Input")

# Linear with room for noise; a quadratic operation gives 4 and more.
LINEAR_RATIO = 3.5


def _cpu_seconds(run: Callable[[], object]) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


def growth(
    operation: Callable[[Input], object], small: Input, large: Input, *, runs: int = 5
) -> float:
    """CPU time of ``operation(large)`` over that of ``operation(small)``, medians of ``runs``."""
    operation(small)  # imports and caches, once, before anything is timed
    small_times: list[float] = []
    large_times: list[float] = []
    for _ in range(runs):
        small_times.append(_cpu_seconds(lambda: operation(small)))
        large_times.append(_cpu_seconds(lambda: operation(large)))
    # A floor of a millisecond: below it the clock's grain, not the work, is measured.
    return statistics.median(large_times) / max(statistics.median(small_times), 1e-3)
