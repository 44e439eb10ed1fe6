"""`rawi report`: the figures as one self-contained HTML page (inline SVG charts, no script,
nothing fetched). No Textual here."""

from tui.report.html_report import report_html

__all__ = ["report_html"]
