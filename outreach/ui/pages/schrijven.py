"""The view "schrijven" (outreach/ui/pages/__init__.py)."""
from outreach.ui import view

view.run_view("write")
