"""Dialogs of the window, each composing one generated Designer form."""
