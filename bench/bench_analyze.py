"""Benchmark: outreach.analyze against proselint (a real prose linter: 120+ checks, Python), interleaved.

One process, one run: for each of COUNT letters, proselint lints an English letter and analyze()
analyses a Dutch one of the same length (~320 words), alternating, so both see the same machine
state. The Dutch letters are the project's own letters (corpus/, tests/letters/, the scenarios),
mixed by paragraph with their digits drawn anew: each letter has its own vocabulary.

analyze is timed twice per letter: "cold" with every per-word cache (lemmas, syllables, word
familiarity, the term index's candidates per word form) emptied just before, as for a letter full of words never seen; "warm" on a copy of
the letter run right after. Data loaded once stays loaded in both: the rule book, the segment model,
and the word tables (wordfreq's lists, simplemma's and pyphen's dictionaries, and the precomputed
word data of outreach/text/words.py: a word found there is one dict lookup even "cold"). Prints medians, means and the ratio analyze/proselint.
Target (issue 15): ratio <= 1.0, stretch 0.75.
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path


import outreach
from bench.corpus import english_letter, real_letters

COUNT = 200
WORDS = 320
TARGET = 1.0


def clear_word_caches() -> None:
    """Empty every per-word cache of the engine: the next letter starts with no word seen."""
    from outreach.analysis import clear_word_caches as clear

    clear("nl")


def proselint_linter():
    """proselint's own lint call, as its command line sets it up."""
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    return lambda text: LintFile("<bench>", text).lint()


def _time(fn, text: str) -> float:
    start = time.perf_counter()
    fn(text)
    return time.perf_counter() - start


def _summary(times: list[float]) -> tuple[float, float]:
    return statistics.median(times) * 1000, statistics.fmean(times) * 1000


def main(count: int = COUNT) -> dict[str, float]:
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: other work on the machine slows both sides)")
    lint = proselint_linter()
    dutch = real_letters(count, WORDS)
    english = [english_letter(i, len(text.split())) for i, text in enumerate(dutch)]  # same length, pairwise
    from outreach.analysis import warm

    warm()  # what the app and `check` on many letters do first: rule book, segment model, word data
    lint(english[-1])
    clear_word_caches()
    cold, warm, peer = [], [], []
    for nl, en in zip(dutch, english):  # interleaved: the same machine state for both
        peer.append(_time(lint, en))
        clear_word_caches()
        cold.append(_time(outreach.analyze, nl))
        warm.append(_time(outreach.analyze, nl + " "))  # a new string: no cache keyed on the text helps
    # "running": a second set of distinct letters, one after the other with the per-word caches
    # kept, as in the app or a worker of `check`: the words met in earlier letters stay cached,
    # a letter's own new words do not help it
    later = real_letters(count, WORDS, seed=2)
    running, running_peer = [], []
    for i, nl in enumerate(later):
        running_peer.append(_time(lint, english_letter(count + i, len(nl.split()))))
        running.append(_time(outreach.analyze, nl))
    result = {"letters": count,
              "dutch_words": statistics.median(len(t.split()) for t in dutch),
              "english_words": statistics.median(len(t.split()) for t in english)}
    for name, times in (("analyze_cold", cold), ("analyze_warm", warm), ("proselint", peer),
                        ("analyze_running", running), ("proselint_running", running_peer)):
        result[f"{name}_ms"], result[f"{name}_mean_ms"] = _summary(times)
    result["ratio_cold"] = result["analyze_cold_ms"] / result["proselint_ms"]
    result["ratio_warm"] = result["analyze_warm_ms"] / result["proselint_ms"]
    result["ratio_running"] = result["analyze_running_ms"] / result["proselint_running_ms"]
    print(f"analyze vs proselint, interleaved, {count} distinct letters of ~{result['dutch_words']:.0f} words "
          f"(Dutch) and ~{result['english_words']:.0f} words (English)")
    print(f"  proselint (English):               median {result['proselint_ms']:.2f} ms "
          f"(mean {result['proselint_mean_ms']:.2f})")
    print(f"  analyze, per-word caches cold:     median {result['analyze_cold_ms']:.2f} ms "
          f"(mean {result['analyze_cold_mean_ms']:.2f})")
    print(f"  analyze, warm (same letter again): median {result['analyze_warm_ms']:.2f} ms "
          f"(mean {result['analyze_warm_mean_ms']:.2f})")
    print(f"  analyze, running (caches kept):    median {result['analyze_running_ms']:.2f} ms "
          f"(mean {result['analyze_running_mean_ms']:.2f}), proselint beside it "
          f"{result['proselint_running_ms']:.2f} ms")

    def verdict(ratio: float) -> str:
        return "met" if ratio <= TARGET else "not met"

    print(f"  ratio analyze/proselint: warm {result['ratio_warm']:.2f} ({verdict(result['ratio_warm'])}), "
          f"running {result['ratio_running']:.2f} ({verdict(result['ratio_running'])}), "
          f"cold {result['ratio_cold']:.2f} ({verdict(result['ratio_cold'])}); target <= {TARGET:.2f}")
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else COUNT)
