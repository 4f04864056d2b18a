"""Streamlit entry point: `streamlit run app.py` (or `python3 dev.py app`).

Only the page lives here; rendering helpers are in outreach/ui, all analysis in outreach.

Streamlit runs this file as `__main__` (its script runner puts the script's module there), so a
process started with `forkserver` or `spawn` (the "Eerst doen" workers, outreach/advice/pool.py)
imports this file again as `__mp_main__` to set itself up. The guard keeps the page out of those
workers: without it every worker drew the whole page without a browser (loading the UI, analysing
the letter, reading the workspace) and tried to start workers of its own, which multiprocessing
refuses while a process is still starting (the RuntimeError in the log).
"""
if __name__ == "__main__":
    from outreach.ui.view import render_page

    render_page()
