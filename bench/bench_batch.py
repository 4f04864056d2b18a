"""Benchmark: the command line on many letters, and how fast it starts.

- batch: `python -m outreach check --format jsonl` over LETTERS distinct ~320-word letters (the
  project's own letters, mixed and varied: bench/corpus.py) written to a temporary folder, with
  the default --jobs (every core) and with --jobs 1. Prints letters/s and the cores kept busy
  (CPU seconds of the command per second of wall time). Target (issue 15): 1,000 letters in <= 5 s.
- cold start: `python -m outreach check --format json` on one letter, a new process each time,
  median of STARTS runs with the cache folder filled (outreach/cache.py), and once with an
  empty cache folder (the first run on a machine). Target: <= 0.5 s.

The commands run as on a user's machine, where Python keeps the bytecode it compiles
(__pycache__). This machine's environment sets PYTHONDONTWRITEBYTECODE=1, under which every start
compiled the package's ~40 modules anew (~0.1 s of a 0.5 s start); the benchmark drops that
variable for its commands, so the first run writes the bytecode as a first run anywhere does.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from bench.corpus import real_letters

LETTERS = 1000
STARTS = 7


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the child, stdout) of `python -m outreach ARGS`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "outreach", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"outreach failed: {done.stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def main(count: int = LETTERS) -> dict[str, float]:
    result: dict[str, float] = {"letters": count, "cores": len(os.sched_getaffinity(0))}
    print(f"(load average {os.getloadavg()[0]:.1f} on {result['cores']} cores: other work on the machine "
          "takes cores from the batch)")
    with tempfile.TemporaryDirectory(prefix="outreach-batch-") as folder:
        env = dict(os.environ, PYTHONPATH=str(ROOT), OUTREACH_CACHE_DIR=str(Path(folder) / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode kept, as on a user's machine (see above)
        paths = []
        for i, text in enumerate(real_letters(count, seed=11)):
            path = Path(folder) / f"brief_{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        one = paths[0]
        first, _, _ = _run(["check", "--format", "json", one], env)  # fills the cache folder
        starts = [_run(["check", "--format", "json", one], env)[:2] for _ in range(STARTS)]
        result["cold_start_empty_cache_s"] = first
        result["cold_start_s"] = statistics.median(wall for wall, _ in starts)
        result["cold_start_cpu_s"] = statistics.median(cpu for _, cpu in starts)
        for label, extra in (("all_cores", []), ("one_job", ["--jobs", "1"])):
            wall, cpu, out = _run(["check", "--format", "jsonl", *extra, *paths], env)
            assert out.count("\n") == count, "one line per letter"
            result[f"{label}_s"] = wall
            result[f"{label}_letters_per_s"] = count / wall
            result[f"{label}_busy_cores"] = cpu / wall
            result[f"{label}_cpu_ms_per_letter"] = cpu / count * 1000  # start included; less load-bound than wall
    print(f"python -m outreach check --format jsonl, {count} distinct letters of ~320 words, "
          f"{result['cores']} cores")
    print(f"  all cores (default --jobs): {result['all_cores_s']:.1f} s, "
          f"{result['all_cores_letters_per_s']:.0f} letters/s, {result['all_cores_busy_cores']:.2f} cores busy, "
          f"{result['all_cores_cpu_ms_per_letter']:.1f} ms of CPU a letter "
          f"(target: {count} in <= 5 s: {'MET' if result['all_cores_s'] <= 5 else 'NOT MET'})")
    print(f"  --jobs 1:                   {result['one_job_s']:.1f} s, "
          f"{result['one_job_letters_per_s']:.0f} letters/s, {result['one_job_busy_cores']:.2f} cores busy, "
          f"{result['one_job_cpu_ms_per_letter']:.1f} ms of CPU a letter")
    print(f"  cold start, one letter:     median {result['cold_start_s']:.2f} s of {STARTS} "
          f"(target <= 0.5 s: {'MET' if result['cold_start_s'] <= 0.5 else 'NOT MET'}), "
          f"{result['cold_start_cpu_s']:.2f} s of CPU; {result['cold_start_empty_cache_s']:.2f} s with an "
          "empty cache folder")
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else LETTERS)
