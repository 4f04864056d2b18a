"""Benchmark: is analyze linear in the length of a letter?

- letters of 300, 1,000, 5,000 and 20,000 words (the project's letters, topped up with paragraphs
  of others: bench/corpus.py), LETTERS of each size, per-word caches emptied before each: the
  median microseconds per word. Linear means the same per word at every length.
- odd shapes (tests/reliability/test_odd_text.py: one endless word, no spaces, only dots, ...) at
  50,000 and 200,000 characters: the growth of the time per character from the one to the other
  (1.0 is linear; 4.0 would be quadratic).
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path


import outreach
from bench.bench_analyze import clear_word_caches
from bench.corpus import real_letters

SIZES = (300, 1000, 5000, 20000)
LETTERS = 5
ODD_SIZES = (50_000, 200_000)


def _seconds(text: str, repeat: int = 1) -> float:
    """Fastest of `repeat` runs, per-word caches emptied before each."""
    best = float("inf")
    for _ in range(repeat):
        clear_word_caches()
        start = time.perf_counter()
        outreach.analyze(text)
        best = min(best, time.perf_counter() - start)
    return best


def _cut(text: str, size: int) -> str:
    """The text repeated or cut to `size` characters."""
    return (text * (1 + size // len(text)))[:size]


def main() -> dict[str, float]:
    from tests.reliability.test_odd_text import ODD_TEXTS

    outreach.analyze(real_letters(1, seed=5)[0])  # loads the data
    result: dict[str, float] = {}
    print(f"analyze by letter length, {LETTERS} letters each, per-word caches cold")
    for size in SIZES:
        texts = real_letters(LETTERS, size, seed=size)
        per_word = [_seconds(t, 2) / len(t.split()) * 1e6 for t in texts]
        result[f"us_per_word_{size}"] = statistics.median(per_word)
        words = statistics.median(len(t.split()) for t in texts)
        print(f"  {size:>6} words (median {words:.0f}): {result[f'us_per_word_{size}']:5.1f} us/word")
    long = [result[f"us_per_word_{size}"] for size in SIZES if size >= 1000]
    result["per_word_spread"] = max(long) / min(long)
    print(f"  from 1,000 words on, largest / smallest us/word: {result['per_word_spread']:.2f} (1.0 is linear); "
          "a short letter pays more per word for the fixed work of a letter (document-level rules, "
          "segments)")
    print("odd shapes at 50,000 and 200,000 characters (fastest of 3): time per character grows by "
          "(1.0 is linear, 4.0 quadratic)")
    worst = 0.0
    for name, text in ODD_TEXTS.items():
        small, large = (_seconds(_cut(text, size), 3) for size in ODD_SIZES)
        if large < 0.005:  # a few milliseconds at the maximum length: nothing to grow
            print(f"  {name:20} {small * 1000:7.1f} ms {large * 1000:7.1f} ms  (too fast to tell)")
            continue
        growth = (large / ODD_SIZES[1]) / (small / ODD_SIZES[0])
        result[f"odd_growth_{name}"] = growth
        worst = max(worst, growth)
        print(f"  {name:20} {small * 1000:7.1f} ms {large * 1000:7.1f} ms  {growth:4.2f}")
    result["odd_worst_growth"] = worst
    print(f"  worst growth: {worst:.2f}")
    return result


if __name__ == "__main__":
    main()
