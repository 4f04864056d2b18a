"""Benchmark: this checkout against another one (an older commit), letter by letter, interleaved.

On a shared machine the load moves from minute to minute, so two benchmark runs one after the
other compare the load as much as the code. Here two processes, one per checkout, analyse the
same letters in turn (A, B, A, B ...): each letter meets both versions within milliseconds. Per
letter each side times, in CPU time of its own process and in wall time:
  cold   analyze() with every per-word cache emptied first (as bench_analyze.py);
  warm   analyze() of the same letter again (a copy of it);
  line   what `check --format jsonl` does for a letter in a worker: read the file, analyse, one JSON line.
With `batch` instead, each side only writes the JSON line of letter after letter with its caches
kept, as a worker of `check --format jsonl` does (words seen in earlier letters stay cached).
Prints the medians and the ratio B/A (B: this checkout).

    git worktree add /tmp/base <commit>     # or: git archive <commit> | tar -x -C /tmp/base
    .venv/bin/python -m bench.bench_ab /tmp/base [LETTERS] [batch]
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from bench.corpus import real_letters

CHILD = r"""
import json, sys, time
root = sys.argv[1]
from outreach import analysis, batch
from bench.bench_analyze import clear_word_caches
if hasattr(analysis, "warm"):
    analysis.warm()
else:
    batch._warm("nl")
batch._job = batch.Job("nl", None, "jsonl")
batch._analyse(sys.argv[2])  # the first JSON line (imports what writing it needs)
print("ready", flush=True)
def timed(fn, *args):
    c, w = time.process_time(), time.perf_counter()
    fn(*args)
    return time.process_time() - c, time.perf_counter() - w
for line in sys.stdin:
    path = line.strip()
    if sys.argv[3] == "batch":  # as in a worker of `check`: letter after letter, caches kept
        print(json.dumps([timed(batch._analyse, path)]), flush=True)
        continue
    text = open(path, encoding="utf-8").read()
    clear_word_caches()
    cold = timed(analysis.analyze, text)
    warm = timed(analysis.analyze, text + " ")
    batch_line = timed(batch._analyse, path)
    print(json.dumps([cold, warm, batch_line]), flush=True)
"""
KINDS = ("cold", "warm", "line")


def main(base: str, count: int = 200, mode: str = "letters") -> dict[str, float]:
    kinds = ("batch",) if mode == "batch" else KINDS
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start)")
    with tempfile.TemporaryDirectory(prefix="outreach-ab-") as folder:
        paths = []
        for i, text in enumerate(real_letters(count, seed=7)):
            path = Path(folder) / f"brief_{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        sides = {}
        for name, root in (("A", str(Path(base).resolve())), ("B", str(ROOT))):
            sides[name] = subprocess.Popen([sys.executable, "-c", CHILD, root, paths[0], mode], cwd=root, text=True,
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                           env=dict(os.environ, PYTHONPATH=root))
            assert sides[name].stdout.readline().strip() == "ready"
        times = {name: {kind: ([], []) for kind in kinds} for name in sides}
        for i, path in enumerate(paths):
            order = ("A", "B") if i % 2 == 0 else ("B", "A")  # neither side always goes first
            for name in order:
                sides[name].stdin.write(path + "\n")
                sides[name].stdin.flush()
                for kind, (cpu, wall) in zip(kinds, json.loads(sides[name].stdout.readline())):
                    times[name][kind][0].append(cpu)
                    times[name][kind][1].append(wall)
        for side in sides.values():
            side.stdin.close()
            side.wait()
    print(f"A = {base}, B = {ROOT}: {count} letters, interleaved (load average {os.getloadavg()[0]:.1f} at the end)")
    result: dict[str, float] = {}
    for kind in kinds:
        for index, clock in ((0, "cpu"), (1, "wall")):
            a = statistics.median(times["A"][kind][index]) * 1000
            b = statistics.median(times["B"][kind][index]) * 1000
            result[f"{kind}_{clock}_a_ms"], result[f"{kind}_{clock}_b_ms"] = a, b
            mean_a = statistics.fmean(times["A"][kind][index]) * 1000
            mean_b = statistics.fmean(times["B"][kind][index]) * 1000
            print(f"  {kind:5} {clock:4}: median A {a:6.2f} ms   B {b:6.2f} ms   B/A {b / a:.2f};"
                  f"  mean A {mean_a:6.2f} ms   B {mean_b:6.2f} ms   B/A {mean_b / mean_a:.2f}")
    return result


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200, sys.argv[3] if len(sys.argv) > 3 else "letters")
