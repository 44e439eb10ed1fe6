"""`E` chooses where entity corrections apply (kept in the config); `1`-`4` and `0` then say how
many mentions in how many articles they changed, and the store holds the decision's scope."""

from __future__ import annotations

import re
from pathlib import Path

from textual.pilot import Pilot

from annotations.store import Store
from tui.app import RawiApp
from tui.config import load_config
from tui.screens.reader import ReaderScreen

SEED = "000_fddd474ca5b3a723"


def reader(app: RawiApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def test_scoped_corrections_from_the_keys(build, db_path: Path, config_path: Path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("E")
        assert reader(app).message == "entity corrections apply to this mention"
        await pilot.press("E")
        assert reader(app).session.entity_scope == "article"
        await pilot.press("2")  # السيسي, in this article
        mentions = len([e for e in reader(app).session.entities if "السيسي" in e.text])
        assert reader(app).message.endswith(
            f"is always ORG in this article: {mentions} mention{'s' * (mentions != 1)}"
        )
        await pilot.press("E", "w", "0")  # لماكرون: never, in every article
        await app.workers.wait_for_complete()
        await pilot.pause()
        texts = [app.corpus[i].text for i in app.corpus.ids()]
        found = [len(re.findall(r"(?<!\w)[وبل]?ماكرون(?!\w)", text)) for text in texts]
        reach = f"{sum(found)} mentions in {sum(map(bool, found))} articles"
        assert sum(map(bool, found)) > 1  # the seeds name him in several articles
        assert reader(app).message.endswith(f"is never an entity in every article: {reach}")

    drive(build(), scenario, open_reader=True)
    assert load_config(config_path).entity_scope == "corpus"
    with Store.open(db_path) as store:
        scopes = {d.key: (d.scope, d.article_id) for d in store.entity_decisions("ana")}
    assert scopes == {"السيسي": ("article", SEED), "ماكرون": ("corpus", None)}


def test_the_configured_scope_is_the_default(build, db_path: Path, drive) -> None:
    from tui.config import Config

    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("w", "1")
        assert "in this mention: 1 mention" in reader(app).message

    drive(build(Config(entity_scope="mention")), scenario, open_reader=True)
    with Store.open(db_path) as store:
        (decision,) = store.entity_decisions("ana")
    assert decision.scope == "mention" and decision.article_id == SEED
