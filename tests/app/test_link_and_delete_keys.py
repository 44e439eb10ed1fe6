"""Typed links, a claim's attribution, links in the panel and highlighted, and `x` confirming
what else goes, driven with Pilot; the store is checked after each step."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from textual.pilot import Pilot

from annotations.store import Store
from tui.app import RawiApp
from tui.cli import cli
from tui.config import Config
from tui.screens.confirm import ConfirmScreen
from tui.screens.link_type import LinkTypeScreen
from tui.screens.reader import ReaderScreen

SEED = "000_fddd474ca5b3a723"


def reader(app: RawiApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def opened(db_path: Path) -> Store:
    return Store.open(db_path)


def exported(db_path: Path) -> list[dict]:
    """What `rawi export` writes of the database (native, without entities)."""
    args = ["--db", str(db_path), "export", "--no-entities"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_link_takes_a_type_from_the_config_and_shows_in_the_panel(
    build, db_path, drive
) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("s", "w", "w", "k", "g", "r", "w", "w", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LinkTypeScreen)
        assert app.screen.choices == ["backs", "rebuts"]  # no attribution: relations only
        await pilot.press("2")
        await pilot.pause()
        with opened(db_path) as store:
            (relation,) = store.relations(SEED, "ana")
            assert relation.label == "rebuts"
        session = reader(app).session
        assert [s.label for s in session.linked_to_cursor()] == ["SOURCE"]
        await pilot.press("t")
        await pilot.pause()
        panel = app.screen.query_one("#panel")
        assert any("rebuts" in str(panel.get_option_at_index(i).prompt) for i in range(3))
        await pilot.press("t", "g", "r", "w", "w", "enter", "escape")  # a link cancelled
        await pilot.pause()
        assert reader(app).session.link_head is not None  # still linking: Esc clears it
        with opened(db_path) as store:
            assert len(store.relations(SEED, "ana")) == 1

    drive(build(config=Config(relation_labels=["backs", "rebuts"])), scenario, open_reader=True)
    (record,) = exported(db_path)
    spans = {span["id"]: span["label"] for span in record["spans"]}
    (relation,) = record["relations"]
    assert (spans[relation["head"]], spans[relation["child"]], relation["label"]) == (
        "SOURCE",
        "CLAIM",
        "rebuts",
    )


def test_a_claim_linked_to_an_attribution_and_deleting_its_source(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("s", "w", "c", "w", "m", "enter")  # SOURCE, CUE, CONTENT: attribution
        await pilot.press("w", "k", "r", "b", "enter")  # CLAIM linked to the CONTENT
        await pilot.pause()
        assert isinstance(app.screen, LinkTypeScreen)
        assert app.screen.choices[0] == "attribution"
        await pilot.press("enter")
        await pilot.pause()
        with opened(db_path) as store:
            (attribution,) = store.attributions(SEED, "ana")
            (claim,) = store.claims(SEED, "ana")
            assert claim.attribution == attribution.id
        await pilot.press("g", "x")  # the SOURCE: its attribution would lose it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "loses its SOURCE" in " ".join(app.screen.lines)
        await pilot.press("escape")
        await pilot.pause()
        with opened(db_path) as store:
            assert len(store.spans(SEED, "ana")) == 4  # nothing deleted
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "deleted SOURCE" in reader(app).message
        with opened(db_path) as store:
            (attribution,) = store.attributions(SEED, "ana")
            assert attribution.source is None and attribution.cue is not None
            assert store.claims(SEED, "ana")[0].attribution == attribution.id
        await pilot.press("u")  # one step brings the SOURCE back into its attribution
        await pilot.pause()
        with opened(db_path) as store:
            assert store.attributions(SEED, "ana")[0].source is not None

    drive(build(), scenario, open_reader=True)
    (record,) = exported(db_path)
    (attribution,) = record["attributions"]
    assert record["claims"][0]["attribution"] == attribution["id"]


def test_deleting_an_annotation_nothing_uses_asks_nothing(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("k", "x")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        with opened(db_path) as store:
            assert store.spans(SEED, "ana") == [] and store.claims(SEED, "ana") == []

    drive(build(), scenario, open_reader=True)
