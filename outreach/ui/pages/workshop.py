"""The view "workshop" (outreach/ui/pages/__init__.py)."""
from outreach.ui import view

view.run_view("workshop")
