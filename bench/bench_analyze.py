"""Benchmark: outreach.analyze against textstat's Dutch Flesch reading ease, in one process.

Both run on the same distinct ~300-word letters (no text is analysed twice, so no per-text cache
helps either side). Prints the median time of each and the ratio. Target: ratio <= 2.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import textstat  # noqa: E402

import outreach  # noqa: E402
from bench.corpus import letters  # noqa: E402

COUNT = 200


def _time(fn, text: str) -> float:
    start = time.perf_counter()
    fn(text)
    return time.perf_counter() - start


def main() -> dict[str, float]:
    textstat.set_lang("nl")
    cold = time.perf_counter()
    outreach.analyze("Beste mevrouw,\n\nWij helpen u graag.\n")  # loads packs, wordfreq, pyphen
    cold = time.perf_counter() - cold
    textstat.flesch_reading_ease("Wij helpen u graag.")
    texts = letters(COUNT)
    words = statistics.median(len(t.split()) for t in texts)
    ours, theirs = [], []
    for text in texts:  # interleaved, so both see the same machine state
        theirs.append(_time(textstat.flesch_reading_ease, text))
        ours.append(_time(outreach.analyze, text))
    result = {
        "letters": COUNT, "median_words": words,
        "analyze_ms": statistics.median(ours) * 1000,
        "textstat_ms": statistics.median(theirs) * 1000,
        "cold_start_ms": cold * 1000,
    }
    result["ratio"] = result["analyze_ms"] / result["textstat_ms"]
    print(f"analyze vs textstat Dutch Flesch, {COUNT} distinct letters of ~{words:.0f} words")
    print(f"  outreach.analyze (full analysis + segments): median {result['analyze_ms']:.2f} ms")
    print(f"  textstat.flesch_reading_ease (nl):           median {result['textstat_ms']:.2f} ms")
    print(f"  ratio analyze / textstat: {result['ratio']:.2f}x (target <= 2x)")
    print(f"  cold start (first analysis, loads all data):  {result['cold_start_ms']:.0f} ms")
    return result


if __name__ == "__main__":
    main()
