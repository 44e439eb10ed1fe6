"""The pipeline: model, gazetteer and rules, overlap resolution, propagation, analyst decisions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise

from annotations.arabic import surface_offset
from annotations.entities.bio import bio_spans
from annotations.entities.candidates import (
    NAME_LISTS,
    Candidate,
    clitic_reading,
    listed_words,
    model_clitic,
)
from annotations.entities.clitics import splits
from annotations.entities.dates import is_date
from annotations.entities.decisions import AnalystRule, surface_key
from annotations.entities.demonyms import is_demonym
from annotations.entities.descriptors import descriptor_candidates
from annotations.entities.entity import Entity
from annotations.entities.joins import join_across_marks
from annotations.entities.organisations import organisation_candidates
from annotations.entities.propagation import find_forms, index_forms, propagate
from annotations.entities.rules import (
    foreign_name_candidates,
    gazetteer_candidates,
    listed_phrase,
    title_candidates,
)
from annotations.entities.trained_model import Model
from annotations.entities.words import Text, Word, split_text

#: Below this the reader does not highlight by default (precision before recall).
DEFAULT_MIN_CONFIDENCE = 0.5
#: A listed name of two words or more beats the taggers' reading of the same words.
LISTED_PHRASE_CONFIDENCE = 0.99


def model_candidates(text: Text, model: Model) -> list[Candidate]:
    """Spans the CRF tags, confidence the mean marginal of their tags; punctuation breaks a span."""
    found = []
    every = model.tag([[surface for surface, _ in units] for units in text.sentences])
    for units, tagged in zip(text.sentences, every, strict=True):
        tags = [
            tag if index is not None else "O"
            for (tag, _), (_, index) in zip(tagged, units, strict=True)
        ]
        for first, end, label in bio_spans(tags):
            confidence = sum(p for _, p in tagged[first:end]) / (end - first)
            indices = [units[u][1] for u in range(first, end)]
            last = name_end(text.words, indices[0], indices[-1] + 1, label, model)
            for part in split_at_clitics(text.words, indices[0], last, model):
                found.append(_model_candidate(text.words, *part, label, confidence, model))
    return found


def name_end(words: list[Word], first: int, last: int, label: str, model: Model) -> int:
    """Where a model span's name ends. A person's before a later word with ل + the article (مون |
    للصحافيين: no person in ANERcorp train has one inside); an organisation with a proper name
    (no article, no organisation head) before a final nationality (بنفيكا | البرتغالي)."""
    if label == "PER":
        return next((i for i in range(first + 1, last) if words[i].key.startswith("لل")), last)
    gazetteer = model.resources.gazetteer
    if (
        label == "ORG"
        and last - first > 1
        and gazetteer.has(words[last - 1].key, "NATIONALITY")
        and not _definite(words[first].key)
        and gazetteer.clitic_of(words[first].key, "ORG_HEAD") is None
    ):
        return last - 1
    return last


def _definite(key: str) -> bool:
    """The word has the article, after a proclitic or not (والقوات)."""
    return any(rest.startswith("ال") for _, rest in ((0, key), *splits(key)))


def split_at_clitics(
    words: list[Word], first: int, last: int, model: Model
) -> list[tuple[int, int]]:
    """Cut a span before each later word that reads as clitic + known name (السيسي | لماكرون).

    Only the first word of a name carries a proclitic.
    """
    cuts = [
        i for i in range(first + 1, last) if (r := clitic_reading(words[i].key, model)) and r[0]
    ]
    bounds = [first, *cuts, last]
    return list(pairwise(bounds))


def _model_candidate(
    words: list[Word], first: int, last: int, label: str, confidence: float, model: Model
) -> Candidate:
    """A model span with its clitic: a listed name's reading, else `model_clitic`."""
    phrase = listed_phrase(words, first, tuple(NAME_LISTS), model)
    if phrase and phrase[0] <= last - first:
        clitic = phrase[2]
    else:
        clitic = model_clitic(words[first].key, label, model)
    return Candidate(first, last, label, "model", confidence, clitic)


def trusted_lists(listed: list[Candidate], from_model: list[Candidate]) -> list[Candidate]:
    """Listed names of two words or more made surer (`LISTED_PHRASE_CONFIDENCE`) than the
    taggers, unless a model span holds one and runs past its end («الولايات المتحدة
    الأمريكية»)."""
    ends = {}
    for c in from_model:
        for i in range(c.first, c.last):
            ends[i] = max(ends.get(i, 0), c.last)
    return [
        replace(c, confidence=LISTED_PHRASE_CONFIDENCE)
        if c.last - c.first > 1 and max(ends.get(i, 0) for i in range(c.first, c.last)) <= c.last
        else c
        for c in listed
    ]


def outside_longer(candidates: list[Candidate], longer: list[Candidate]) -> list[Candidate]:
    """Single-word candidates not inside a longer one (مدريد in ريال مدريد, الأسد in بشار الأسد)."""
    inside = {i for c in longer if c.last - c.first > 1 for i in range(c.first, c.last)}
    return [c for c in candidates if c.last - c.first > 1 or c.first not in inside]


def outside_descriptors(
    words: list[Word], candidates: list[Candidate], described: list[Candidate], model: Model
) -> list[Candidate]:
    """Candidates that do not start at a descriptor the descriptor rule left outside the name
    after it («منظمة فورو» when the rule found «منظمة [فورو بينال]»)."""
    descriptor_of = model.resources.gazetteer.clitic_of
    outside = {
        c.first - 1
        for c in described
        if c.first and descriptor_of(words[c.first - 1].key, "DESCRIPTOR") is not None
    }
    return [c for c in candidates if c.first not in outside]


def _score(candidate: Candidate) -> float:
    return candidate.confidence + 0.03 * (candidate.last - candidate.first - 1)


def resolve(candidates: Iterable[Candidate], kept: Iterable[Candidate] = ()) -> list[Candidate]:
    """`kept` plus the best-scoring candidates that overlap nothing already taken."""
    taken = list(kept)
    used = {i for c in taken for i in range(c.first, c.last)}
    for candidate in sorted(candidates, key=_score, reverse=True):
        span = range(candidate.first, candidate.last)
        if not used.intersection(span):
            taken.append(candidate)
            used.update(span)
    return taken


def apply_decisions(
    words: list[Word], accepted: list[Candidate], decisions: Iterable[AnalystRule]
) -> list[Candidate]:
    """Analyst labels at every occurrence of their keys; "never" removes spans equal to a key."""
    keys = [(tuple(surface_key(d.key).split()), d.label) for d in decisions]
    forms = index_forms((key, label) for key, label in keys if key)
    if not forms:
        return accepted
    occurrences = find_forms(words, forms)
    never = {(first, end) for first, end, _, label in occurrences if label is None}
    analyst = [Candidate(f, e, label, "analyst", 1.0, c) for f, e, c, label in occurrences if label]
    return resolve([c for c in accepted if (c.first, c.last) not in never], kept=resolve(analyst))


def to_entity(text: str, words: list[Word], candidate: Candidate) -> Entity:
    """The candidate in text offsets: whole words, name start after the clitic."""
    first = words[candidate.first].token
    start, end = first.start, words[candidate.last - 1].token.end
    return Entity(
        start,
        end,
        candidate.label,
        text[start:end],
        candidate.origin,
        round(min(1.0, candidate.confidence), 3),
        start + surface_offset(first.text, candidate.clitic),
    )


def find_entities(
    text: str,
    model: Model,
    decisions: Iterable[AnalystRule] | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[Entity]:
    """Entities of `text` with `model`; MISC only when an analyst asked for it."""
    split = split_text(text)
    words = split.words
    if not words:
        return []
    listed = listed_words(words, model)
    described = descriptor_candidates(text, words, listed, model)
    from_model = outside_descriptors(words, model_candidates(split, model), described, model)
    accepted = resolve(
        from_model
        + trusted_lists(
            outside_longer(gazetteer_candidates(words, listed, model), from_model), from_model
        )
        + title_candidates(words, listed, model)
        + organisation_candidates(words, listed, model)
        + described
        + foreign_name_candidates(words, model)
    )
    accepted = [
        c
        for c in accepted
        if c.confidence >= min_confidence
        and c.label != "MISC"
        and not is_date(words, c)
        and not is_demonym(words, c, model)
    ]
    accepted = join_across_marks(text, words, accepted)
    accepted = resolve(propagate(words, accepted, model), kept=accepted)
    accepted = apply_decisions(words, accepted, decisions or ())
    kept = [c for c in accepted if c.origin == "analyst" or c.confidence >= min_confidence]
    return sorted((to_entity(text, words, c) for c in kept), key=lambda e: e.start)
