"""`Store`: the annotation API the app, the importer and the exporter use.

Every write method returns once the change is durable; every read sees other processes' saves.
Write methods name the `annotator`, whose undo history records the change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from annotations.model import (
    LAYERS,
    STATUSES,
    ArticleRecord,
    ArticleStatus,
    Attribution,
    AttributionType,
    Claim,
    EntityDecision,
    EntityScope,
    Record,
    Rejection,
    Relation,
    Span,
    SpanOrigin,
    Status,
    StoryDecision,
    TextSource,
    anchor,
    check_span,
    new_id,
    new_span,
    now,
    to_dict,
)
from annotations.store import history
from annotations.store.cascade import Cascade, attribution_cascade, span_cascade
from annotations.store.checks import well_formed
from annotations.store.database import Database
from annotations.store.grouping import article_record, count_records, group_by_annotator
from annotations.store.integrity import (
    ATTRIBUTION_FIELDS,
    CLAIM_FIELDS,
    SPAN_FIELDS,
    check_attribution,
    check_fields,
    existing,
    same_article,
)
from annotations.store.reanchor import FoldedText, locate
from annotations.store.state import ARTICLE_TABLES, MODEL_TABLES

#: The tables whose records can point at a span: what a deletion cascades to.
_DEPENDENT_TABLES = ("relations", "attributions", "claims")
TABLE_OF: dict[type, str] = {cls: table for table, cls in MODEL_TABLES.items()}


@dataclass(frozen=True)
class Action:
    """An action of an annotator's undo history (what `undo` or `redo` replayed, or a line of
    `history`): its label, the article it was made in, what it was about (a span's text or a
    decided name; None when neither), when it was made and whether it is undone."""

    label: str
    article_id: str | None
    about: str | None = None
    at: str = ""
    undone: bool = False


@dataclass(frozen=True)
class ReanchorReport:
    """What `reanchor` did: spans already in place, moved, and left as orphans (ids)."""

    unchanged: int
    moved: int
    orphans: tuple[str, ...]


@dataclass(frozen=True)
class MergeReport:
    """What `merge` did: records added, already present, and conflicting (kept as they were)."""

    added: int
    unchanged: int
    conflicts: tuple[str, ...]


class Store(Database):
    """The annotation database. `with Store.open(path) as store: ...`"""

    # -- spans -------------------------------------------------------------------------------

    def add_span(
        self,
        article: TextSource,
        layer: str,
        label: str,
        start: int,
        end: int,
        *,
        annotator: str,
        origin: SpanOrigin = "manual",
        attrs: dict[str, Any] | None = None,
    ) -> Span:
        """Tag `article.text[start:end]`; returns the saved span."""
        span = new_span(
            article, layer, label, start, end, annotator=annotator, origin=origin, attrs=attrs
        )
        with self._transaction(annotator, f"tag {label}") as txn:
            txn.put("spans", span)
        return span

    def update_span(
        self, span_id: str, *, annotator: str, article: TextSource | None = None, **changes: Any
    ) -> Span:
        """Relabel, resize (needs `article`), or change attrs or origin of a span."""
        check_fields(changes, SPAN_FIELDS)
        with self._transaction(annotator, "edit " + "/".join(changes)) as txn:
            span = replace(existing(txn, "spans", span_id), **changes, updated=now())
            if {"start", "end"} & changes.keys() and (
                article is None or article.id != span.article_id
            ):
                raise ValueError("resizing a span needs its article")
            if article is None:
                check_span(span)
            else:
                span = anchor(span, article)
            txn.put("spans", span)
        return span

    def delete_span(self, span_id: str, *, annotator: str) -> Cascade:
        """Delete a span with its relations and claim, and take it out of attributions (an
        attribution left empty goes, its claims and nested attributions detached): one undo
        step. Returns what went (`span_deletion` tells it beforehand)."""
        with self._transaction(annotator, "delete") as txn:
            span = existing(txn, "spans", span_id)
            cascade = span_cascade(
                span, *(txn.in_article(t, span.article_id) for t in _DEPENDENT_TABLES)
            )
            cascade.apply(txn)
        return cascade

    def span_deletion(self, span_id: str) -> Cascade:
        """What `delete_span` would delete and detach."""
        span = self.span(span_id)
        if span is None:
            raise KeyError(f"no span {span_id!r}")
        return span_cascade(
            span, *(self._of_article(t, span.article_id, None) for t in _DEPENDENT_TABLES)
        )

    def span(self, span_id: str) -> Span | None:
        """One span by id."""
        self._refresh()
        return self.state.get("spans", span_id)

    def spans(
        self, article_id: str, annotator: str | None = None, layer: str | None = None
    ) -> list[Span]:
        """The article's spans in text order."""
        spans = self._of_article("spans", article_id, annotator)
        if layer is not None:
            spans = [s for s in spans if s.layer == layer]
        return sorted(spans, key=lambda s: (s.start, s.end, s.layer, s.label, s.created, s.id))

    # -- relations, attributions, claims ----------------------------------------------------

    def add_relation(self, head: str, child: str, label: str, *, annotator: str) -> Relation:
        """Link span `head` to span `child` of the same article."""
        with self._transaction(annotator, f"link {label}") as txn:
            article_id, sha = same_article(txn, [head, child])
            stamp = now()
            relation = Relation(
                new_id(), article_id, head, child, label, sha, annotator, stamp, stamp
            )
            txn.put("relations", relation)
        return relation

    def delete_relation(self, relation_id: str, *, annotator: str) -> None:
        with self._transaction(annotator, "unlink") as txn:
            existing(txn, "relations", relation_id)
            txn.delete("relations", relation_id)

    def relations(self, article_id: str, annotator: str | None = None) -> list[Relation]:
        return sorted(
            self._of_article("relations", article_id, annotator), key=lambda r: (r.created, r.id)
        )

    def add_attribution(
        self,
        *,
        source: str | None,
        cue: str | None,
        content: Iterable[str] = (),
        annotator: str,
        type: AttributionType = "assertion",
        nested_in: str | None = None,
    ) -> Attribution:
        """A PARC attribution over existing spans of one article."""
        content = tuple(content)
        with self._transaction(annotator, "attribute") as txn:
            spans = [s for s in (source, cue, *content) if s is not None]
            article_id, sha = same_article(txn, spans)
            stamp = now()
            attribution = Attribution(
                new_id(),
                article_id,
                source,
                cue,
                content,
                sha,
                annotator,
                type,
                nested_in,
                stamp,
                stamp,
            )
            check_attribution(txn, attribution)
            txn.put("attributions", attribution)
        return attribution

    def update_attribution(
        self, attribution_id: str, *, annotator: str, **changes: Any
    ) -> Attribution:
        check_fields(changes, ATTRIBUTION_FIELDS)
        if "content" in changes:
            changes["content"] = tuple(changes["content"])
        with self._transaction(annotator, "edit attribution") as txn:
            attribution = replace(
                existing(txn, "attributions", attribution_id), **changes, updated=now()
            )
            check_attribution(txn, attribution)
            txn.put("attributions", attribution)
        return attribution

    def delete_attribution(self, attribution_id: str, *, annotator: str) -> Cascade:
        """Delete an attribution; its claims and the attributions nested in it are detached."""
        with self._transaction(annotator, "delete attribution") as txn:
            attribution = existing(txn, "attributions", attribution_id)
            article_id = attribution.article_id
            cascade = attribution_cascade(
                attribution,
                txn.in_article("attributions", article_id),
                txn.in_article("claims", article_id),
            )
            cascade.apply(txn)
        return cascade

    def attributions(self, article_id: str, annotator: str | None = None) -> list[Attribution]:
        return sorted(
            self._of_article("attributions", article_id, annotator), key=lambda a: a.created
        )

    def add_claim(self, span_id: str, *, annotator: str, **attributes: Any) -> Claim:
        """Claim attributes (verifiable, check_worthy, harmful, topic, verdict, note) on a span."""
        check_fields(attributes, CLAIM_FIELDS)
        with self._transaction(annotator, "claim") as txn:
            article_id, sha = same_article(txn, [span_id])
            stamp = now()
            claim = Claim(
                new_id(),
                article_id,
                span_id,
                sha,
                annotator,
                created=stamp,
                updated=stamp,
                **attributes,
            )
            txn.put("claims", claim)
        return claim

    def update_claim(self, claim_id: str, *, annotator: str, **changes: Any) -> Claim:
        check_fields(changes, CLAIM_FIELDS)
        with self._transaction(annotator, "edit claim") as txn:
            claim = replace(existing(txn, "claims", claim_id), **changes, updated=now())
            txn.put("claims", claim)
        return claim

    def delete_claim(self, claim_id: str, *, annotator: str) -> None:
        with self._transaction(annotator, "delete claim") as txn:
            existing(txn, "claims", claim_id)
            txn.delete("claims", claim_id)

    def claims(self, article_id: str, annotator: str | None = None) -> list[Claim]:
        return sorted(
            self._of_article("claims", article_id, annotator), key=lambda c: (c.created, c.id)
        )

    # -- status, entity decisions, rejected suggestions -------------------------------------

    def set_status(self, article_id: str, annotator: str, status: Status) -> ArticleStatus:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        record = ArticleStatus(article_id, annotator, status, now())
        with self._transaction(annotator, f"mark {status}") as txn:
            txn.put("status", record)
        return record

    def status(self, article_id: str, annotator: str) -> Status:
        """The annotator's status for the article ("todo" when never set)."""
        self._refresh()
        record = self.state.get(
            "status", ArticleStatus.id_of(article_id=article_id, annotator=annotator)
        )
        return record.status if record else "todo"

    def decide_entity(
        self,
        key: str,
        label: str | None,
        annotator: str,
        *,
        article_id: str | None = None,
        scope: EntityScope = "corpus",
        mention: tuple[int, int] | None = None,
    ) -> EntityDecision:
        """Always an entity of type `label` for this matching key, or never (None): in every
        article (`scope` "corpus"), in `article_id` ("article"), or at the `mention` (token
        range) of `article_id` ("mention"). The undo step belongs to `article_id`, where the
        decision was made, when given."""
        if label is not None and label not in LAYERS["entity"]:
            raise ValueError(f"entity label must be one of {LAYERS['entity']} or None")
        if scope != "corpus" and article_id is None:
            raise ValueError(f"a decision for one {scope} needs its article_id")
        if (scope == "mention") != (mention is not None):
            raise ValueError("a mention is given for, and only for, a decision of one mention")
        start, end = mention or (None, None)
        decision = EntityDecision(
            key,
            label,
            annotator,
            now(),
            article_id=None if scope == "corpus" else article_id,
            start=start,
            end=end,
        )
        with self._transaction(annotator, "entity decision") as txn:
            txn.article_id = txn.article_id or article_id
            txn.put("entity_decisions", decision)
        return decision

    def forget_entity(self, key: str, annotator: str) -> None:
        """Drop the annotator's every-article decision about `key`."""
        with self._transaction(annotator, "forget entity decision") as txn:
            txn.delete("entity_decisions", EntityDecision.id_of(annotator=annotator, key=key))

    def entity_decisions(
        self, annotator: str | None = None, *, article_id: str | None = None
    ) -> list[EntityDecision]:
        """The decisions (of `annotator`, when given); with `article_id`, only those that
        apply there: every-article ones and that article's."""
        self._refresh()
        decisions = self.state.records["entity_decisions"].values()
        return sorted(
            (
                d
                for d in decisions
                if annotator in (None, d.annotator)
                and (article_id is None or d.article_id in (None, article_id))
            ),
            key=lambda d: (d.key, d.annotator, d.article_id or "", d.start or 0),
        )

    def reject_suggestion(self, article_id: str, key: str, *, annotator: str) -> Rejection:
        """Remember that the annotator rejected the suggestion `key` (an attribution's key)."""
        rejection = Rejection(article_id, key, annotator, now())
        with self._transaction(annotator, "reject suggestion") as txn:
            txn.put("rejections", rejection)
        return rejection

    def rejected_suggestions(self, article_id: str, annotator: str) -> frozenset[str]:
        """The keys of the suggestions the annotator rejected in the article."""
        return frozenset(r.key for r in self._of_article("rejections", article_id, annotator))

    # -- story decisions ---------------------------------------------------------------------

    def decide_stories(
        self, article_ids: Iterable[str], joins: str | None, *, annotator: str
    ) -> list[StoryDecision]:
        """Put each article in the story of article `joins`, or apart from every story (None):
        one undo step, kept apart from the tags' (`history.STORIES`)."""
        stamp = now()
        decisions = [StoryDecision(a, annotator, joins, stamp) for a in article_ids if a != joins]
        if not decisions:
            raise ValueError("a story decision needs an article other than the one it joins")
        label = "split story" if joins is None else "merge stories"
        with self._transaction(annotator, label) as txn:
            for decision in decisions:
                txn.put("story_decisions", decision)
            txn.article_id = history.STORIES
        return decisions

    def story_decisions(self, annotator: str | None = None) -> list[StoryDecision]:
        """The story decisions (of `annotator`, when given), in the order they were made."""
        self._refresh()
        decisions = self.state.records["story_decisions"].values()
        return sorted(
            (d for d in decisions if annotator in (None, d.annotator)),
            key=lambda d: (d.updated, d.annotator, d.article_id),
        )

    # -- undo / redo -------------------------------------------------------------------------

    def undo(self, annotator: str, *, article_id: str | None = None) -> Action | None:
        """Revert the annotator's last change (made in `article_id`, when given); None when
        there is nothing to undo."""
        with self._transaction(annotator, "undo", undoable=False) as txn:
            action = history.undo(txn, article_id)
        return _action(action) if action else None

    def redo(self, annotator: str, *, article_id: str | None = None) -> Action | None:
        """Re-apply the annotator's last undone change (made in `article_id`, when given); None
        when there is nothing to redo."""
        with self._transaction(annotator, "redo", undoable=False) as txn:
            action = history.redo(txn, article_id)
        return _action(action) if action else None

    def history(
        self, annotator: str, *, article_id: str | None = None, limit: int = 50
    ) -> list[Action]:
        """The annotator's latest undoable actions (made in `article_id`, when given), newest
        first, undone ones included."""
        self._refresh()
        return [_action(a) for a in history.latest(self.state, annotator, article_id, limit)]

    # -- re-anchoring, merging, export -------------------------------------------------------

    def reanchor(self, article: TextSource, *, annotator: str = "rawi") -> ReanchorReport:
        """Move the article's spans saved against another version of its text; flag the lost."""
        unchanged = moved = 0
        orphans: list[str] = []
        folded: FoldedText | None = None
        with self._transaction(annotator, "re-anchor", undoable=False) as txn:
            for span in txn.in_article("spans", article.id):
                if span.text_sha256 == article.sha256:
                    unchanged += 1
                    continue
                folded = folded or FoldedText(article.text)
                place = locate(span, article.text, folded)
                if place is None:
                    orphans.append(span.id)
                    txn.put("spans", replace(span, orphan=True))
                    continue
                moved += place != (span.start, span.end)
                unchanged += place == (span.start, span.end)
                start, end = place
                txn.put("spans", anchor(replace(span, start=start, end=end, orphan=False), article))
            for table in ("relations", "attributions", "claims"):
                for record in txn.in_article(table, article.id):
                    txn.put(table, replace(record, text_sha256=article.sha256))
        return ReanchorReport(unchanged, moved, tuple(orphans))

    def merge(self, records: Iterable[Record], *, annotator: str) -> MergeReport:
        """Save records as given (import), all or none: same id and content is skipped; another
        content under a saved id is a conflict, and then nothing is saved."""
        unchanged = 0
        fresh: list[tuple[str, Record]] = []
        conflicts: list[str] = []
        with self._transaction(annotator, "import", undoable=False) as txn:
            for record in records:
                table = TABLE_OF[type(record)]
                saved = txn.get(table, record.id)
                if saved is None:
                    fresh.append((table, record))
                elif _content(saved) == _content(record):
                    unchanged += 1
                else:
                    name = getattr(record, "local_id", None) or record.id
                    conflicts.append(f"{table[:-1]} {name} differs from the saved one")
            if conflicts:
                return MergeReport(0, 0, tuple(conflicts))
            for table, record in fresh:
                txn.put(table, record)
        return MergeReport(len(fresh), unchanged, ())

    def saved(self, table: str, record_id: str) -> Any:
        """The record `record_id` of `table` as saved (inside a batch: as the batch leaves it)."""
        if self._txn is not None:
            return self._txn.get(table, record_id)
        self._refresh()
        return self.state.get(table, record_id)

    def article_ids(self) -> list[str]:
        """Every article with at least one record, sorted."""
        self._refresh()
        return sorted({a for table in ARTICLE_TABLES for a in self.state.by_article[table]})

    def records(
        self,
        *,
        annotator: str | None = None,
        article_id: str | None = None,
        layer: str | None = None,
        label: str | None = None,
        since: str | None = None,
        malformed: list[str] | None = None,
    ) -> Iterator[ArticleRecord]:
        """One record per (article, annotator), lazily, for export. `since`: ISO time of update.

        Malformed records (a field of the wrong type, e.g. saved by an older rawi) are left out
        and described in `malformed`."""
        left_out = [] if malformed is None else malformed
        for article in [article_id] if article_id else self.article_ids():
            tables = {
                t: well_formed(t, self.state.in_article(t, article), left_out)
                for t in ARTICLE_TABLES
            }
            for who, group in group_by_annotator(tables, annotator, since):
                record = article_record(article, who, group, layer, label)
                if record is not None:
                    yield record

    def counts(self, article_id: str | None = None) -> dict[str, int]:
        """Records per table, spans per label, orphans and articles (of one article if given);
        the whole database's from the counts each save keeps up to date."""
        self._refresh()
        counts: Counter[str] = Counter()
        if article_id is None:
            for kept in self.state.counts.values():
                counts.update(kept)
            counts = +counts
            if counts["spans"]:
                counts.setdefault("orphans", 0)
        else:
            for table in ARTICLE_TABLES:
                count_records(counts, table, self.state.in_article(table, article_id))
        counts["articles"] = len(self.article_ids()) if article_id is None else 1
        counts["entity_decisions"] = len(self.state.records["entity_decisions"])
        return dict(counts)

    def counts_by_article(self, annotator: str | None = None) -> dict[str, dict[str, int]]:
        """`counts(article_id)`-style counts for every article at once (for the article list),
        from the counts each save keeps up to date: no record is walked."""
        self._refresh()
        result: dict[str, Counter[str]] = {}
        for (article_id, who), counts in self.state.counts.items():
            if annotator in (None, who):
                result.setdefault(article_id, Counter()).update(counts)
        return {article_id: dict(+counts) for article_id, counts in result.items()}

    def statuses(self, annotator: str) -> dict[str, Status]:
        """The annotator's status of every article that has one set."""
        self._refresh()
        records = self.state.records["status"].values()
        return {r.article_id: r.status for r in records if r.annotator == annotator}

    def _of_article(self, table: str, article_id: str, annotator: str | None) -> list[Any]:
        self._refresh()
        records = self.state.in_article(table, article_id)
        return [r for r in records if annotator in (None, r.annotator)]


def _action(action: dict[str, Any]) -> Action:
    return Action(
        action["label"],
        action["article_id"],
        history.touched(action),
        action.get("at", ""),
        action["undone"],
    )


def _content(record: Record) -> dict[str, Any]:
    return {k: v for k, v in to_dict(record).items() if k not in ("created", "updated", "local_id")}
