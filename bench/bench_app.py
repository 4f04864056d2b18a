"""Benchmark: server-side time of the Streamlit page, measured with AppTest (no browser).

- cold start: the first run of app.py in this process (loads rule packs, segment model, word data);
- rerun after an edit: a new ~300-word letter typed into the text area, then the rerun; every
  letter is distinct, so the analysis cache never helps. Median over RERUNS edits. Target: 150 ms;
- rerun without an edit (e.g. a filter changed): the cached analysis, so this is the page's own cost.

Since issue 5 every edit is also saved to the SQLite workspace store (in a temporary folder here,
never ./data), and the page shows an overview of every variant. Two more figures:
- rerun after an edit with four variants: B, C and D hold other letters (their analyses cached);
- the comparison view after an edit of A: compare() analyses all four letters (A is new, so the
  comparison is not cached) and the report files are made.
"""
from __future__ import annotations

import logging
import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from streamlit.testing.v1 import AppTest

from bench.corpus import letters

RERUNS = 30
TARGET_MS = 150.0


def _text_key(at: AppTest, slot: str) -> str:
    """The plain text box of a variant: its key holds the open workspace's id."""
    from outreach.ui.workspace import BASE, editor_key

    return editor_key(at.session_state[BASE].id, slot, "text")


def _median_edit_ms(at: AppTest, texts: list[str], slot: str = "a") -> tuple[float, float]:
    """Median ms of (a rerun after typing each text, a rerun without an edit)."""
    edits, same = [], []
    for text in texts:
        at.text_area(key=_text_key(at, slot)).input(text)
        start = time.perf_counter()
        at.run()
        edits.append(time.perf_counter() - start)
        start = time.perf_counter()
        at.run()
        same.append(time.perf_counter() - start)
    if at.exception or at.error:
        raise SystemExit(f"the app showed an error: {at.exception or [e.value for e in at.error]}")
    return statistics.median(edits) * 1000, statistics.median(same) * 1000


def main() -> dict[str, float]:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="outreach-bench-") as folder:
        os.environ["OUTREACH_DATA_DIR"] = folder  # the workspace store of this run only
        return _measure()


def _measure() -> dict[str, float]:
    texts = letters(RERUNS * 2 + 4, seed=7)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    start = time.perf_counter()
    at.run()
    cold = time.perf_counter() - start
    if at.exception:
        raise SystemExit(f"the app failed: {at.exception}")
    at.text_area(key=_text_key(at, "a")).input(texts[0])
    at.run()  # first letter: warms the page's own code paths
    edit, same = _median_edit_ms(at, texts[1:RERUNS + 1])

    # Four variants: fill B, C and D once, then edit A again.
    for slot, text in zip("bcd", texts[RERUNS + 1:RERUNS + 4]):
        if slot != "b":
            at.button(key="ui.variant_add").click()
            at.run()
        at.segmented_control(key="ui.variant.nl").set_value(slot)
        at.run()
        at.text_area(key=_text_key(at, slot)).input(text)
        at.run()
    at.segmented_control(key="ui.variant.nl").set_value("a")
    at.run()
    four, _ = _median_edit_ms(at, texts[RERUNS + 4:RERUNS + 4 + RERUNS // 3])

    # The comparison view: an edit of A (done on the write view) and then the comparison's rerun.
    compare_ms = []
    for text in texts[:RERUNS // 3]:
        at.segmented_control(key="ui.view.nl").set_value("write")
        at.run()
        at.text_area(key=_text_key(at, "a")).input(text + "\nMet vriendelijke groet.\n")
        at.run()
        at.segmented_control(key="ui.view.nl").set_value("compare")
        start = time.perf_counter()
        at.run()
        compare_ms.append((time.perf_counter() - start) * 1000)
    if at.exception or at.error:
        raise SystemExit(f"the app showed an error: {at.exception or [e.value for e in at.error]}")
    result = {
        "cold_start_ms": cold * 1000,
        "rerun_after_edit_ms": edit,
        "rerun_no_edit_ms": same,
        "rerun_after_edit_four_variants_ms": four,
        "compare_view_after_edit_ms": statistics.median(compare_ms),
        "median_words": statistics.median(len(t.split()) for t in texts),
    }
    meets = result["rerun_after_edit_ms"] <= TARGET_MS
    print(f"Streamlit page via AppTest, {RERUNS} edits of distinct ~{result['median_words']:.0f}-word letters "
          "(each edit saved to SQLite)")
    print(f"  cold start (first run, loads all data):   {result['cold_start_ms']:.0f} ms")
    print(f"  rerun after an edit:        median {result['rerun_after_edit_ms']:.1f} ms "
          f"(target <= {TARGET_MS:.0f} ms: {'MET' if meets else 'NOT MET'})")
    print(f"  rerun without an edit:      median {result['rerun_no_edit_ms']:.1f} ms (cached analysis)")
    print(f"  rerun after an edit, four variants:   median {result['rerun_after_edit_four_variants_ms']:.1f} ms")
    print(f"  comparison view after an edit of A (four variants): median "
          f"{result['compare_view_after_edit_ms']:.1f} ms (compare + report files)")
    return result


if __name__ == "__main__":
    main()
