"""`rawi doctor`: what an opened store holds and what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotations.model import ArticleLookup, Span
from annotations.store.checks import well_formed
from annotations.store.store import Store


@dataclass
class Checkup:
    """Problems make `rawi doctor` fail; notes are worth knowing but harmless."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check(store: Store, articles: ArticleLookup) -> Checkup:
    """Malformed records, dangling links, spans that disagree with their article, orphans,
    copies kept aside."""
    checkup = Checkup()
    for article_id in store.article_ids():
        saved = {
            table: list(
                well_formed(table, store.state.in_article(table, article_id), checkup.problems)
            )
            for table in ("spans", "relations", "attributions", "claims")
        }
        spans = {s.id: s for s in saved["spans"]}
        attributions = {a.id for a in saved["attributions"]}
        for relation in saved["relations"]:
            if not {relation.head, relation.child} <= spans.keys():
                checkup.problems.append(f"relation {relation.id} links a missing span")
        for attribution in saved["attributions"]:
            linked = {attribution.source, attribution.cue, *attribution.content} - {None}
            if not linked <= spans.keys():
                checkup.problems.append(f"attribution {attribution.id} names a missing span")
            if attribution.nested_in not in (None, *attributions):
                checkup.problems.append(
                    f"attribution {attribution.id} is nested in a missing attribution"
                )
        for claim in saved["claims"]:
            if claim.span not in spans:
                checkup.problems.append(f"claim {claim.id} is on a missing span")
            if claim.attribution not in (None, *attributions):
                checkup.problems.append(f"claim {claim.id} names a missing attribution")
        _check_spans(article_id, list(spans.values()), articles, checkup)
    for copy in sorted(store.path.parent.glob(f"{store.path.name}.*-*")):
        checkup.notes.append(f"a copy kept aside earlier: {copy}")
    return checkup


def _check_spans(
    article_id: str, spans: list[Span], articles: ArticleLookup, checkup: Checkup
) -> None:
    if orphans := sum(s.orphan for s in spans):
        checkup.notes.append(f"article {article_id}: {orphans} orphan span(s) (text edited)")
    article = articles(article_id)
    if article is None:
        checkup.notes.append(f"article {article_id} is not in the corpus")
        return
    stale = 0
    for span in spans:
        if span.text_sha256 != article.sha256:
            stale += 1
        elif article.text[span.start : span.end] != span.text:
            checkup.problems.append(f"span {span.id} does not match its article's text")
    if stale:
        checkup.notes.append(
            f"article {article_id}: {stale} span(s) saved against an older text; "
            "they are re-anchored when the article is opened"
        )
