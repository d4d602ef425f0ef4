"""Generated Designer forms (scripts/build_ui.py). Do not edit."""
