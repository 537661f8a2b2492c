"""What the benchmark scripts share: a result row and a median of timed calls (not itself a benchmark)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def row(name: str, value: float, baseline: float, unit: str = "ms") -> None:
    """One result `name | value | baseline | ratio`, as run_all.py collects them."""
    ratio = value / baseline if baseline else float("nan")
    print(f"{name} | {value:.3f} {unit} | {baseline:.3f} {unit} | {ratio:.2f}", flush=True)


def p50_ms(fn: Callable[..., Any], args_list: list[tuple[Any, ...]]) -> float:
    """Median milliseconds of `fn(*args)` over the argument tuples, each call timed on its own."""
    samples = []
    for args in args_list:
        start = time.perf_counter()
        fn(*args)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000
