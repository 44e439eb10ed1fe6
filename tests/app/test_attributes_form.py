"""The attributes form of `a`, one per label, driven with Pilot: what the store holds after
ctrl+s, and what `rawi export` writes of it."""

from __future__ import annotations

import json

from click.testing import CliRunner
from textual.pilot import Pilot

from annotations.session.annotation_attributes import form_fields
from annotations.store import Store
from tui.app import RawiApp
from tui.cli import cli
from tui.config import Config
from tui.screens.attributes import AttributesScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.tick_box import TickBox

SEED = "000_fddd474ca5b3a723"


def form(app: RawiApp) -> AttributesScreen:
    assert isinstance(app.screen, AttributesScreen)
    return app.screen


def fields(app: RawiApp) -> list[str]:
    box = form(app).query_one("#attributes-box")
    return [w.id for w in box.query("TickBox, Select, ArabicInput")]


def test_claim_form_saves_flags_topic_verdict_stance_and_note(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("k", "a")
        await pilot.pause()
        assert fields(app) == [field.name for field in form_fields("CLAIM")]
        verifiable = form(app).query_one("#verifiable", TickBox)
        assert str(verifiable.render()).startswith("[ ] Verifiable")
        verifiable.focus()
        await pilot.press("space")
        assert str(verifiable.render()).startswith("[x] Verifiable")  # readable without colour
        form(app).query_one("#verdict").value = "mostly true"
        form(app).query_one("#stance").value = "endorses"
        form(app).query_one("#topic").value = "سياسة"
        form(app).query_one("#note").value = "راجع"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)

    config = Config(verdicts=["true", "mostly true", "false"])
    drive(build(config=config), scenario, open_reader=True)
    with Store.open(db_path) as store:
        (claim,) = store.claims(SEED, "ana")
        assert (claim.verifiable, claim.check_worthy, claim.harmful) == (True, None, None)
        assert (claim.topic, claim.verdict, claim.note) == ("سياسة", "mostly true", "راجع")
        assert store.span(claim.span).attrs == {"stance": "endorses"}
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "export", "--no-entities"], catch_exceptions=False
    )
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    (exported,) = record["claims"]
    assert {k: exported[k] for k in ("verifiable", "topic", "verdict", "note")} == {
        "verifiable": True,
        "topic": "سياسة",
        "verdict": "mostly true",
        "note": "راجع",
    }
    assert record["spans"][0]["attrs"] == {"stance": "endorses"}


def test_source_and_cue_forms_have_their_own_field(build, db_path, drive) -> None:
    async def scenario(pilot: Pilot, app: RawiApp) -> None:
        await pilot.press("s", "a")
        await pilot.pause()
        assert fields(app) == ["source_type", "note"]  # no claim flags on a SOURCE
        form(app).query_one("#source_type").value = "official_role"
        await pilot.press("ctrl+s")
        await pilot.press("w", "c", "a")
        await pilot.pause()
        assert fields(app) == ["cue_class", "note"]
        form(app).query_one("#cue_class").value = "denial"
        await pilot.press("ctrl+s")
        await pilot.press("w", "m", "a")
        await pilot.pause()
        assert fields(app) == ["note"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)

    drive(build(), scenario, open_reader=True)
    with Store.open(db_path) as store:
        attrs = {s.label: s.attrs for s in store.spans(SEED, "ana")}
        assert attrs == {
            "SOURCE": {"source_type": "official_role"},
            "CUE": {"cue_class": "denial"},
            "CONTENT": {},
        }
        assert store.claims(SEED, "ana") == []
