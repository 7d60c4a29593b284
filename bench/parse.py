"""How fast the seed resolution parses: in-process, and as a cold ``kehoach parse`` run.

    .venv/bin/python bench/parse.py [--runs N] [--cli-runs N]

Prints figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
import timeit
from importlib.resources import as_file, files
from pathlib import Path

from kehoach.parsing import parse_text

SEED = files("kehoach").joinpath("data", "nq-74-2023-phuong-1.txt")


def in_process_ms(text: str, runs: int) -> list[float]:
    for _ in range(max(3, runs // 20)):  # warm-up: imports, regex compilation, caches
        parse_text(text)
    timer = timeit.Timer(lambda: parse_text(text))
    return [seconds * 1000 for seconds in timer.repeat(repeat=runs, number=1)]


def cli_ms(seed: Path, runs: int) -> list[float]:
    script = Path(sys.executable).with_name("kehoach")
    command = [str(script) if script.exists() else (shutil.which("kehoach") or "kehoach"), "parse", str(seed), "--json"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200, help="in-process parses (default 200)")
    parser.add_argument("--cli-runs", type=int, default=5, help="CLI runs (default 5)")
    args = parser.parse_args()

    text = SEED.read_text(encoding="utf-8")
    parses = in_process_ms(text, args.runs)
    print(f"seed: {len(text)} characters")
    print(
        f"parse_text, in process: median {statistics.median(parses):.2f} ms "
        f"(min {min(parses):.2f}, max {max(parses):.2f}, {len(parses)} runs)"
    )
    with as_file(SEED) as seed:
        cold = cli_ms(seed, args.cli_runs)
    print(
        f"kehoach parse SEED --json, cold start: median {statistics.median(cold):.0f} ms "
        f"(min {min(cold):.0f}, max {max(cold):.0f}, {len(cold)} runs)"
    )


if __name__ == "__main__":
    main()
