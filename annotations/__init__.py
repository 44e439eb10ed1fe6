"""rawi's domain core: corpus, Arabic text, entities, annotations and their store.

Nothing in this package imports Textual, Rich or `tui`: it is usable from a script or a notebook.
"""

__version__ = "0.1.0"
