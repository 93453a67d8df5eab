"""`make bench`: run every benchmark, each in its own process so peak memory is its own.

Usage: python -m benchmarks.run [NAME_FILTER ...]
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import resource
import statistics
import subprocess
import sys
from pathlib import Path

from .harness import BenchContext, Measure, time_runs

HERE = Path(__file__).resolve().parent


def bench_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_")
    )


def measures_of(module_name: str, ctx: BenchContext) -> list[Measure]:
    module = importlib.import_module(f"benchmarks.{module_name}")
    return list(module.measures(ctx))


def run_one(module_name: str, index: int) -> dict[str, object]:
    """Run one measure in this process and return its figures."""
    ctx = BenchContext()
    measure = measures_of(module_name, ctx)[index]
    times = time_runs(measure)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "name": measure.name,
        "median_s": statistics.median(times),
        "min_s": min(times),
        "runs": len(times),
        "peak_mb": peak_kb / 1024,
        "target": measure.target,
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(run_one(argv[1], int(argv[2]))))
        return 0
    filters = [a.lower() for a in argv]
    ctx = BenchContext()
    print("preparing the large generated project (cached in .bench/)...", flush=True)
    print(f"{'benchmark':<58} {'median':>11}", flush=True)
    ctx.large_project()
    rows = []
    for module_name in bench_modules():
        for index, measure in enumerate(measures_of(module_name, ctx)):
            if filters and not any(f in measure.name.lower() for f in filters):
                continue
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks.run", "--one", module_name, str(index)],
                capture_output=True, text=True, env=os.environ.copy(), check=False,
            )
            if proc.returncode != 0:
                tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
                rows.append({"name": measure.name, "error": tail, "target": measure.target})
            else:
                rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            _print_row(rows[-1])
    return 1 if any("error" in r for r in rows) else 0


def _print_row(row: dict[str, object]) -> None:
    if "error" in row:
        print(f"{row['name']:<58} FAILED: {row['error']}", flush=True)
        return
    median = float(row["median_s"])  # type: ignore[arg-type]
    figure = f"{median * 1000:8.1f} ms" if median < 1 else f"{median:8.2f} s "
    print(
        f"{row['name']:<58} {figure}  (min {float(row['min_s']) * 1000:.1f} ms, "  # type: ignore[arg-type]
        f"{row['runs']} runs)  peak {float(row['peak_mb']):6.0f} MB  "  # type: ignore[arg-type]
        f"target {row['target'] or '-'}",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
