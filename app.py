"""Streamlit entry point: `streamlit run app.py` (or `python3 dev.py app`).

Only the page lives here; rendering helpers are in outreach/ui, all analysis in outreach.
"""
from outreach.ui.view import render_page

render_page()
