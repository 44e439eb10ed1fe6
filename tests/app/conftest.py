"""An app over the five seeds with a database and a config file in tmp, and a small
deterministic recogniser (the real one is tested in tests/entities)."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from annotations.corpus import Corpus
from annotations.entities import Entity, surface_key
from tui.app import RawiApp
from tui.config import Config
from tui.screens.error import ErrorScreen

SIZE = (120, 36)

NAMES = {"السيسي": "PER", "ماكرون": "PER", "مصر": "LOC", "ليبيا": "LOC"}
_NAME_RE = re.compile(r"(?<!\w)(ل|و|ب)?(" + "|".join(NAMES) + r")(?!\w)")


def fake_recogniser(text: str, decisions) -> list[Entity]:
    """Known names (with an optional clitic), relabelled or dropped by the analyst's decisions."""
    rules = {d.key: d.label for d in decisions}
    found = []
    for match in _NAME_RE.finditer(text):
        name_start = match.start(2)
        label = NAMES[match.group(2)]
        key = surface_key(match.group(2))
        if key in rules:
            if rules[key] is None:
                continue
            label = rules[key]
        found.append(
            Entity(match.start(), match.end(), label, match.group(), "model", 0.9, name_start)
        )
    words = {surface_key(m.group()): m for m in re.finditer(r"\w+", text)}
    for key, label in rules.items():
        if label and key not in NAMES and key in words:
            for match in re.finditer(rf"(?<!\w){re.escape(words[key].group())}(?!\w)", text):
                found.append(
                    Entity(
                        match.start(),
                        match.end(),
                        label,
                        match.group(),
                        "analyst",
                        1.0,
                        match.start(),
                    )
                )
    return sorted(found, key=lambda e: e.start)


@pytest.fixture
def size() -> tuple[int, int]:
    """The terminal size of every app test."""
    return SIZE


@pytest.fixture
def recogniser():
    return fake_recogniser


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    return tmp_path / "config.toml"


@pytest.fixture
def build(seeds: Corpus, db_path: Path, config_path: Path) -> Callable[..., RawiApp]:
    """`build(config=None, bidi=None)`: a fresh app on the same database and config file."""

    def factory(config: Config | None = None, bidi: str | None = None) -> RawiApp:
        return RawiApp(
            seeds,
            db_path,
            "ana",
            config=config,
            config_path=config_path,
            recogniser=fake_recogniser,
            bidi=bidi,
        )

    return factory


Scenario = Callable[[Pilot, RawiApp], Awaitable[None]]


async def store_open(app: RawiApp, timeout: float = 60) -> None:
    """Once the database is open or its error shown (a worker opens it after the first frame)."""
    deadline = time.monotonic() + timeout
    while app.store is None and not isinstance(app.screen, ErrorScreen):
        assert time.monotonic() < deadline, "the database was neither opened nor refused"
        await asyncio.sleep(0.01)


@pytest.fixture
def wait_for_store() -> Callable[[RawiApp], Awaitable[None]]:
    """`await wait_for_store(app)`: until the database is open."""
    return store_open


@pytest.fixture
def drive() -> Callable[..., None]:
    """`drive(app, scenario, open_reader=False)`: run the app headless at `SIZE`, optionally
    open the first article and wait for its entities, then play `scenario(pilot, app)`."""

    def run(app: RawiApp, scenario: Scenario, *, open_reader: bool = False) -> None:
        async def play() -> None:
            async with app.run_test(size=SIZE) as pilot:
                await store_open(app)
                await pilot.pause()
                if open_reader:
                    await pilot.press("enter")
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                await scenario(pilot, app)

        asyncio.run(play())

    return run
