"""The Streamlit interface's building blocks.

Pure helpers (strings, highlight, tables, charts, uploads, readability) import no Streamlit and
are unit-tested; `resources` and `view` hold the Streamlit-facing code that app.py calls.
"""
