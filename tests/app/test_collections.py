"""Full garbage collections while the analyst tags a long article: the collector walks every
object the app holds (45-115 ms with a 20,000-word article and 100,000 annotations), so one that
lands in a key press sets the key's p95."""

from __future__ import annotations

import gc
import time

from textual.pilot import Pilot

from annotations.corpus import Article, Corpus
from tui.app import RawiApp

TAGS = 100


def long_article(seeds: Corpus, words: int = 10_000) -> Article:
    """The seeds' paragraphs repeated until the article has `words` words."""
    paragraphs = [p for article in seeds for p in article.text.split("\n") if p.strip()]
    text: list[str] = []
    while sum(len(p.split()) for p in text) < words:
        text.append(paragraphs[len(text) % len(paragraphs)])
    return Article("long", "\n\n".join(text), title="مقال طويل")


def test_tagging_a_long_article_seldom_waits_for_a_full_collection(
    seeds, tmp_path, recogniser, drive
) -> None:
    """100 tags, each redrawing thousands of marks: at most one full collection among them
    (8 with Python's default thresholds), and the app leaves the thresholds as it found them."""
    before = gc.get_threshold()
    full: list[float] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(time.perf_counter())

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        gc.collect()
        gc.callbacks.append(count)
        try:
            for _ in range(TAGS):
                await pilot.press("s", "w")
        finally:
            gc.callbacks.remove(count)
        assert len(app.store.spans("long")) == TAGS
        assert len(full) <= 1

    app = RawiApp(
        Corpus([long_article(seeds)]),
        tmp_path / "db.json",
        "ana",
        config_path=tmp_path / "c.toml",
        recogniser=recogniser,
    )
    drive(app, scenario, open_reader=True)
    assert gc.get_threshold() == before
