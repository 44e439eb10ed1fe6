"""rawi's terminal side: the Textual app, the display layer and the command line.

Importing this package imports no Textual; only the app modules do.
"""
