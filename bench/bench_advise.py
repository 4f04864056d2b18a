"""Benchmark: outreach.advise, the top five changes for a ~320-word letter (target: median <= 150 ms).

Distinct letters (no text twice, so no per-text cache helps). `advise(limit=5)` measures the eight
candidates a quick finding-level guess rates best and returns the five that help most, each with
its effect measured by a full re-analysis. For comparison: measuring every candidate (`limit=None`,
what `check --fixes` does), and one plain analysis.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path


import outreach
from bench.corpus import letter

COUNT = 40
WORDS = 300  # the corpus fills up to at least this: ~320 words


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> dict[str, float]:
    outreach.advise("Beste mevrouw,\n\nWij helpen u graag.\n", plans=False)  # loads all data
    texts = [letter(1000 + seed, WORDS) for seed in range(COUNT)]
    words = statistics.median(len(t.split()) for t in texts)
    top5, every, plain = [], [], []
    for text in texts:
        plain.append(_time(lambda: outreach.analyze(text)))
        top5.append(_time(lambda: outreach.advise(text, limit=5, plans=False)))
        every.append(_time(lambda: outreach.advise(text + " ", plans=False)))
    result = {"letters": COUNT, "median_words": words,
              "top5_ms": statistics.median(top5) * 1000, "all_ms": statistics.median(every) * 1000,
              "analyze_ms": statistics.median(plain) * 1000}
    print(f"advise on {COUNT} distinct letters of ~{words:.0f} words")
    print(f"  top five (advise(limit=5)):        median {result['top5_ms']:.0f} ms (target <= 150 ms)")
    print(f"  every candidate measured (check --fixes): median {result['all_ms']:.0f} ms")
    print(f"  one analyze, for scale:            median {result['analyze_ms']:.1f} ms")
    return result


if __name__ == "__main__":
    main()
