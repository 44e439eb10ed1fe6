"""Textual widgets of the display layer."""
