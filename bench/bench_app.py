"""Benchmark: server-side time of the Streamlit page, measured with AppTest (no browser).

- cold start: the first run of app.py in this process (loads rule packs, segment model, word data);
- rerun after an edit: a new ~300-word letter typed into the text area, then the rerun; every
  letter is distinct, so the analysis cache never helps. Median over RERUNS edits. Target: 150 ms;
- rerun without an edit (e.g. a filter changed): the cached analysis, so this is the page's own cost.
"""
from __future__ import annotations

import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.corpus import letters  # noqa: E402

RERUNS = 30
TARGET_MS = 150.0


def main() -> dict[str, float]:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    texts = letters(RERUNS + 1, seed=7)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    start = time.perf_counter()
    at.run()
    cold = time.perf_counter() - start
    if at.exception:
        raise SystemExit(f"the app failed: {at.exception}")
    at.text_area(key="a.text").input(texts[0])
    at.run()  # first letter: warms the page's own code paths
    edits, same = [], []
    for text in texts[1:]:
        at.text_area(key="a.text").input(text)
        start = time.perf_counter()
        at.run()
        edits.append(time.perf_counter() - start)
        start = time.perf_counter()
        at.run()
        same.append(time.perf_counter() - start)
    if at.exception or at.error:
        raise SystemExit(f"the app showed an error: {at.exception or [e.value for e in at.error]}")
    result = {
        "cold_start_ms": cold * 1000,
        "rerun_after_edit_ms": statistics.median(edits) * 1000,
        "rerun_no_edit_ms": statistics.median(same) * 1000,
        "median_words": statistics.median(len(t.split()) for t in texts),
    }
    meets = result["rerun_after_edit_ms"] <= TARGET_MS
    print(f"Streamlit page via AppTest, {RERUNS} edits of distinct ~{result['median_words']:.0f}-word letters")
    print(f"  cold start (first run, loads all data):   {result['cold_start_ms']:.0f} ms")
    print(f"  rerun after an edit:        median {result['rerun_after_edit_ms']:.1f} ms "
          f"(target <= {TARGET_MS:.0f} ms: {'MET' if meets else 'NOT MET'})")
    print(f"  rerun without an edit:      median {result['rerun_no_edit_ms']:.1f} ms (cached analysis)")
    return result


if __name__ == "__main__":
    main()
