"""A reading session over a small article, a real store in tmp and a fake recogniser."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotations.corpus import Article
from annotations.entities import Entity
from annotations.session import ReadingSession
from annotations.store import Store

TEXT = (
    "وقال المتحدث باسم الرئاسة بسام راضي إن “مصر تساند الجيش الليبي” اليوم. "
    "وأكد راضي أن لماكرون دورا، حسبما أعلن."
)


def fake_recogniser(text: str, decisions) -> list[Entity]:
    """Every راضي is a PER (ل stripped from لماكرون); decisions relabel or remove by key."""
    found = []
    for name, label in (("راضي", "PER"), ("ماكرون", "PER")):
        start = text.find(name)
        while start >= 0:
            token_start = start - 1 if text[start - 1] == "ل" else start
            found.append(
                Entity(
                    token_start,
                    start + len(name),
                    label,
                    text[token_start : start + len(name)],
                    "model",
                    0.9,
                    start,
                )
            )
            start = text.find(name, start + 1)
    rules = {d.key: d.label for d in decisions}
    kept = []
    for entity in found:
        key = text[entity.name_start : entity.end]
        if key in rules:
            if rules[key] is None:
                continue
            entity = Entity(
                entity.start, entity.end, rules[key], entity.text, "analyst", 1.0, entity.name_start
            )
        kept.append(entity)
    return sorted(kept, key=lambda e: e.start)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "db.json") as opened:
        yield opened


def _reading(store: Store, article_id: str = "a1") -> ReadingSession:
    article = Article(id=article_id, text=TEXT, title="t")
    opened = ReadingSession(article, store, "ana", recogniser=fake_recogniser)
    opened.entities = opened.recognise_entities()
    return opened


@pytest.fixture
def session(store: Store) -> ReadingSession:
    return _reading(store)


@pytest.fixture
def reading() -> Callable[..., ReadingSession]:
    """`reading(store, article_id)`: a session of ana on the small article under that id."""
    return _reading


def _go_to(session: ReadingSession, word: str, occurrence: int = 0) -> None:
    hits = [i for i, token in enumerate(session.cursor.words) if token.text == word]
    session.cursor.go(hits[occurrence])


@pytest.fixture
def go_to() -> Callable[..., None]:
    """`go_to(session, word, occurrence=0)`: the cursor on that occurrence of `word`."""
    return _go_to


@pytest.fixture
def text() -> str:
    return TEXT
