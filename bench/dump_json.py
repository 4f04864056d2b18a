"""The full JSON of analyze() over the bench corpus, to compare two versions of the engine.

A speed change must not change a single finding, score or offset. Run this in both checkouts and
compare the files (`cmp`): each line is one letter's analyze(...).to_dict(), analysed twice, first
with every per-word cache emptied (as bench_analyze.py's "cold") and then again warm; the script
stops if the two differ.

    .venv/bin/python -m bench.dump_json OUT [COUNT]          # in this checkout
    cd /tmp/base && PYTHONPATH=. python -m bench.dump_json OUT [COUNT]
"""
from __future__ import annotations

import json
import sys

from bench.bench_analyze import clear_word_caches
from bench.corpus import letters, real_letters


def main(out: str, count: int = 1000) -> None:
    from outreach.analysis import analyze, warm

    warm()
    texts = real_letters(count) + real_letters(count // 4, seed=3) + letters(count // 20)
    with open(out, "w", encoding="utf-8") as file:
        for i, text in enumerate(texts):
            clear_word_caches()
            cold = json.dumps(analyze(text).to_dict(file=str(i)), ensure_ascii=False, sort_keys=True)
            again = json.dumps(analyze(text).to_dict(file=str(i)), ensure_ascii=False, sort_keys=True)
            if cold != again:
                raise SystemExit(f"letter {i}: the warm analysis differs from the cold one")
            file.write(cold + "\n")
    print(f"{out}: {len(texts)} letters")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
