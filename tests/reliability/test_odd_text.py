"""Letters of odd shapes are analysed in time linear in their length: each 200,000-character case
(the maximum) in a few seconds, in a child with a memory limit. Findings on normal letters are
kept by tests/test_golden.py."""
from __future__ import annotations

import json
import random

import pytest

from .helpers import run_python

random.seed(14)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
ODD_TEXTS = {
    "one-word-2500": "a" * 2500,
    "one-word-200k": "a" * 200_000,
    "133-words-of-1500": " ".join("".join(random.choice(_LETTERS) for _ in range(1500)) for _ in range(133)),
    "no-spaces": ("dezebriefheeftgeenspaties" * 8000)[:200_000],
    "no-sentence-end": ("deze brief heeft geen einde en gaat maar door " * 5000)[:200_000],
    "digits": "1234567890" * 20_000,
    "dots": "." * 200_000,
    "punctuation": "!?.,;:" * 33_000,
    "hyphen-chain": "-a" * 100_000,
    "whitespace": " \t" * 100_000,
    "newlines": "\n" * 200_000,
    "bullets": "- \n" * 66_000,
    "short-sentences": "a. " * 66_000,
    "abbreviations": "a.u.b. " * 28_000,
    "at-signs": "ab@" * 66_000,
    "paragraphs": "a\n\n" * 66_000,
}
LIMIT_SECONDS = 5.0


@pytest.fixture(scope="module")
def timings() -> dict[str, float]:
    code = (
        "import json, sys, time\n"
        "from outreach import analyze\n"
        "from tests.reliability.test_odd_text import ODD_TEXTS\n"
        "analyze('Beste Anna, wij helpen graag.')\n"
        "out = {}\n"
        "for name, text in ODD_TEXTS.items():\n"
        "    t = time.perf_counter(); analyze(text); out[name] = time.perf_counter() - t\n"
        "print(json.dumps(out))\n")
    status, out, err = run_python(code, timeout=120, memory_mb=2000)
    assert status == 0, err[-2000:]
    return json.loads(out)


@pytest.mark.parametrize("name", list(ODD_TEXTS))
def test_an_odd_letter_is_analysed_in_seconds(name, timings):
    assert timings[name] < LIMIT_SECONDS, f"{name}: {timings[name]:.1f} s"
