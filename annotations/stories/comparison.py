"""A story's articles compared: the quotes they share, how each names each actor, whom each
quotes (and how many of its quotes are officials'), and what each reports that no other outlet
does (`rawi compare`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotations.corpus import Article
from annotations.corpus.search_keys import index_text
from annotations.entities import Entity, recognise
from annotations.stories.naming import Naming, actor_key, counted, namings
from annotations.stories.quoted import official_actors, who_is_quoted
from annotations.stories.quotes import QuoteMatch, contains, innermost, match_quotes
from annotations.stories.statements import Statement, statements_of


@dataclass(frozen=True)
class Comparison:
    """What `compare` finds; `record()` is the `rawi compare --json` object."""

    articles: tuple[Article, ...]
    statements: tuple[Statement, ...]
    quotes: tuple[QuoteMatch, ...]
    names: tuple[Naming, ...]
    actors: frozenset[str]

    def outlet(self, article_id: str) -> str:
        """An article's outlet; one without an outlet counts as its own."""
        found = next(a for a in self.articles if a.id == article_id)
        return found.outlet or f"({found.id})"

    def omissions(self) -> list[tuple[Statement, list[str]]]:
        """Each statement whose words are found in no other outlet's article (anywhere in its
        text, folded, by partial alignment), with the ids of those articles."""
        outlets = {a.id: self.outlet(a.id) for a in self.articles}
        folded = {a.id: index_text(a.text)[0] for a in self.articles}
        found = []
        for statement in innermost(self.statements):
            others = [a for a, o in outlets.items() if o != outlets[statement.article]]
            key = index_text(statement.text)[0]
            if others and not any(contains(folded[other], key) for other in others):
                found.append((statement, others))
        return found

    def sources(self) -> list[dict[str, Any]]:
        """[{outlet, source, type, cue, count}]: who each outlet quotes, with which cue."""
        counts: Counter[tuple[str, str, str, str]] = Counter()
        wording: dict[tuple[str, str, str, str], tuple[str, str]] = {}
        for s in self.statements:
            if s.source is None:
                continue
            outlet = self.outlet(s.article)
            key = (outlet, index_text(s.source)[0], s.source_type or "", index_text(s.cue or "")[0])
            counts[key] += 1
            wording.setdefault(key, (s.source, s.cue or ""))
        return [
            {"outlet": key[0], "source": wording[key][0], "type": key[2] or None,
             "cue": wording[key][1] or None, "count": n}
            for key, n in sorted(counts.items(), key=lambda item: (item[0][0], -item[1]))
        ]

    def _ids(self) -> list[str]:
        return [a.id for a in self.articles]

    def record(self) -> dict[str, Any]:
        """The comparison as `rawi compare --json` prints it."""
        return {
            "articles": [
                {"id": a.id, "title": a.title, "outlet": self.outlet(a.id),
                 "published": a.published}
                for a in self.articles
            ],
            "quotes": [self._quote_record(match) for match in self.quotes],
            "names": self._names_record(),
            "sources": self.sources(),
            "quoted": who_is_quoted(
                self.statements, dict.fromkeys(map(self.outlet, self._ids())), self.outlet,
                official_actors(self.names),
            ),
            "omissions": [
                {"article": s.article, "start": s.start, "end": s.end, "text": s.text,
                 "cue": s.cue, "source": s.source, "suggested": s.suggested,
                 "missing_in": others}
                for s, others in self.omissions()
            ],
        }

    def _quote_record(self, match: QuoteMatch) -> dict[str, Any]:
        return {
            "key": match.key,
            "occurrences": [
                {"article": o.statement.article, "outlet": self.outlet(o.statement.article),
                 "start": o.start, "end": o.end, "text": o.text, "cue": o.statement.cue,
                 "source": o.statement.source, "suggested": o.statement.suggested,
                 "differences": [list(d) for d in o.differences]}
                for o in match.occurrences
            ],
        }

    def _names_record(self) -> list[dict[str, Any]]:
        records = []
        for actor in sorted(self.actors):
            own = [n for n in self.names if n.actor == actor]
            if not own:
                continue
            by_article = {
                a.id: counted([n for n in own if n.article == a.id]) for a in self.articles
            }
            by_outlet: dict[str, list[dict]] = {}
            for outlet in dict.fromkeys(self.outlet(a.id) for a in self.articles):
                ids = {a.id for a in self.articles if self.outlet(a.id) == outlet}
                by_outlet[outlet] = counted([n for n in own if n.article in ids])
            records.append({"actor": actor, "by_article": by_article, "by_outlet": by_outlet})
        return records


def compare(
    articles: Sequence[Article],
    analyst: Mapping[str, Sequence[Statement]] | None = None,
    entities: Mapping[str, Sequence[Entity]] | None = None,
) -> Comparison:
    """Compare `articles` (two or more, of one story); `analyst` holds the analyst's statements
    of the articles they annotated (the others get the suggester's), `entities` their entities
    (recognised when absent)."""
    analyst, entities = analyst or {}, dict(entities or {})
    statements, names, mentioned = [], [], []
    for article in articles:
        found = entities.get(article.id)
        if found is None:
            found = recognise(article.text)
        statements += statements_of(article, found, analyst.get(article.id))
        names += namings(article.id, article.text, found)
        mentioned.append({key for e in found if (key := actor_key(e))})
    shared_actors = frozenset(
        actor for actor in set().union(*mentioned) if sum(actor in m for m in mentioned) > 1
    )
    texts = {a.id: a.text for a in articles}
    return Comparison(
        tuple(articles), tuple(statements), tuple(match_quotes(statements, texts)),
        tuple(names), shared_actors,
    )
