"""python -m outreach.text [--write] [LANGUAGE ...]: check (or make anew) the precomputed word data
of a language, text/words.tsv.gz (outreach/text/words.py)."""
import sys

from outreach.text import words

sys.exit(words.main(sys.argv[1:]))
