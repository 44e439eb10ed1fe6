"""The app on a hostile corpus (issue 13): a lone surrogate in a text, escapes in a title, a line
nested 100,000 deep. The deep line is skipped at load with a warning, the rest is listed and
opens; nothing reaches the screen raw."""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot

from annotations.corpus import load_corpus
from tui.app import RawiApp
from tui.screens.error import ErrorScreen
from tui.screens.reader import ReaderScreen

ESCAPES = "\x1b]0;PWNED\x07\x1b[2J\x9b2J\u202e"


def hostile_corpus(folder: Path) -> Path:
    folder.mkdir()
    records = [
        {"id": "surrogate", "title": "بديل", "text": "قال الرئيس \ud800 إن الوضع جيد."},
        {"id": "escapes", "title": f"عنوان{ESCAPES}", "outlet": ESCAPES, "text": "نص آخر هنا."},
    ]
    lines = [json.dumps(record) for record in records]  # the surrogate as a JSON escape
    lines.append("[" * 100_000 + "]" * 100_000)
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def test_the_app_lists_and_opens_a_hostile_corpus(tmp_path: Path, drive, recogniser) -> None:
    warnings: list[str] = []
    corpus = load_corpus([hostile_corpus(tmp_path / "corpus")], on_warning=warnings.append)
    assert len(warnings) == 1 and sorted(corpus.ids()) == ["escapes", "surrogate"]
    app = RawiApp(
        corpus, tmp_path / "db.json", "ana", config_path=tmp_path / "c.toml",
        recogniser=recogniser,
    )  # fmt: skip

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        for _ in range(2):
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen), app.screen
            shown = app.export_screenshot()
            assert "PWNED" not in shown and not any(c in shown for c in "\x1b\x9b\u202e\ud800")
            await pilot.press("q")
            await pilot.pause()
            await pilot.press("down")
        assert not isinstance(app.screen, ErrorScreen)

    drive(app, scenario)
