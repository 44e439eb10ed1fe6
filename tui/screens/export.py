"""`ExportScreen`: `rawi export` from the app: format, layer and file chosen in a form, a
progress bar while it runs. A file (or a brat folder) already there is replaced only after the
analyst says so, and atomically (`annotations.session.exporting.export_to`)."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label, ProgressBar, Select, Static
from textual.worker import get_current_worker

from annotations.exchange import FORMATS, ExportReport
from annotations.model import LAYERS
from annotations.session.exporting import (
    DEFAULT_OUTPUTS,
    ExportCancelled,
    ExportRequest,
    export_to,
    incomplete,
    not_written,
    report_lines,
    would_replace,
)
from annotations.store import Store, StoreError
from tui.printable import printable
from tui.widgets.arabic_input import ArabicInput


class ExportScreen(ModalScreen[None]):
    """The export form; the export runs in a thread, `escape` stops it (nothing replaced)."""

    BINDINGS = [
        Binding("ctrl+s", "export", "Export", id="export.run"),
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(self, folder: Path | None = None) -> None:
        """`folder`: where a relative file name goes (the current directory by default)."""
        super().__init__()
        self.folder = folder or Path.cwd()
        #: The path the analyst agreed to replace (the second ctrl+s).
        self.confirmed: Path | None = None
        self.running = False

    def compose(self) -> ComposeResult:
        mine = printable(f"{self.app.annotator}'s only")  # type: ignore[attr-defined]
        with Vertical(id="export-box"):
            yield Label("Export annotations", id="export-title")
            yield _row("Format", _choice("format", [(fmt, fmt) for fmt in FORMATS]))
            layers = [("every layer", ""), *((f"{layer} only", layer) for layer in LAYERS)]
            yield _row("Layers", _choice("layer", layers))
            yield _row("Whose work", _choice("who", [(mine, "mine"), ("every annotator's", "all")]))
            entities = [("as you see them", "with"), ("left out", "without")]
            yield _row("Entities", _choice("entities", entities))
            path = ArabicInput(
                DEFAULT_OUTPUTS["native"], placeholder="File", compact=True, id="export-path"
            )
            yield _row("File", path)
            yield Static("", id="export-message", markup=False)
            yield ProgressBar(show_eta=False, id="export-progress")
            with Horizontal(id="export-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", compact=True, id="export")
                yield Button("Cancel (esc)", compact=True, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-progress").display = False
        self.query_one("#export-path", ArabicInput).focus()

    # -- the form ------------------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new format: the file name follows it while it is still a default one."""
        if event.select.id != "export-format":
            return
        field = self.query_one("#export-path", ArabicInput)
        if field.value.strip() in DEFAULT_OUTPUTS.values() or not field.value.strip():
            field.value = DEFAULT_OUTPUTS[str(event.value)]
        self.confirmed = None
        self.say("")

    def on_arabic_input_changed(self) -> None:
        self.confirmed = None

    def request(self) -> ExportRequest:
        def chosen(name: str) -> str:
            return str(self.query_one(f"#export-{name}", Select).value)

        mine = chosen("who") == "mine"
        return ExportRequest(
            chosen("format"),
            annotator=self.app.annotator if mine else None,  # type: ignore[attr-defined]
            layer=chosen("layer") or None,
            no_entities=chosen("entities") == "without",
        )

    def path(self) -> Path | None:
        typed = self.query_one("#export-path", ArabicInput).value.strip()
        return self.folder / Path(typed).expanduser() if typed else None

    def say(self, message: str) -> None:
        self.query_one("#export-message", Static).update(printable(message))

    # -- actions -------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()
        else:
            self.action_cancel()

    def action_export(self) -> None:
        if self.running:
            return
        path, request = self.path(), self.request()
        if path is None:
            self.say("Name the file to write.")
            return
        there = would_replace(path, request.fmt)
        if there is not None and self.confirmed != path:
            self.confirmed = path
            self.say(f"{path} is {there}: ctrl+s again replaces it, esc keeps it.")
            return
        self.running = True
        self.say(f"exporting to {path} …")
        bar = self.query_one("#export-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.run_export(request, path)

    @work(thread=True, exclusive=True, group="export", description="export annotations")
    def run_export(self, request: ExportRequest, path: Path) -> None:
        """The export, with its own read-only view of the database (the app's store stays
        with the app's thread)."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise ExportCancelled
            self.app.call_from_thread(self._advance, done, total)

        app = self.app
        try:
            with Store.open(app.db_path, read_only=True) as store:  # type: ignore[attr-defined]
                corpus, recogniser = app.corpus, app.recogniser  # type: ignore[attr-defined]
                report = export_to(store, corpus, request, path, progress, recogniser)
        except ExportCancelled:
            app.call_from_thread(self._stopped, "Export stopped: nothing was replaced.")
        except StoreError as error:
            app.call_from_thread(self._stopped, str(error))
        except OSError as error:
            app.call_from_thread(self._stopped, not_written(str(path), error))
        else:
            app.call_from_thread(self._finished, report, path)

    def _advance(self, done: int, total: int) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=total, progress=done)

    def _stopped(self, message: str) -> None:
        self.running = False
        self.query_one("#export-progress").display = False
        self.confirmed = None
        self.say(message)

    def _finished(self, report: ExportReport, path: Path) -> None:
        lines = report_lines(report)
        severity = "warning" if incomplete(report) else "information"
        self.app.notify(
            "\n".join(printable(line) for line in [f"{lines[-1]} to {path}", *lines[:-1]]),
            severity=severity,
            timeout=8,
            markup=False,
        )
        self.dismiss(None)

    def action_cancel(self) -> None:
        if self.running:
            self.workers.cancel_group(self, "export")
            return
        self.dismiss(None)


def _choice(name: str, options: list[tuple[str, str]]) -> Select[str]:
    """A select of `options` (shown, value), the first chosen, never blank."""
    return Select(
        options, value=options[0][1], allow_blank=False, compact=True, id=f"export-{name}"
    )


def _row(label: str, field: Widget) -> Horizontal:
    """A labelled line of the form."""
    return Horizontal(Label(label), field, classes="export-row")
