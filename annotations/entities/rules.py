"""Gazetteer matches and hand-written patterns: title + name."""

from __future__ import annotations

from annotations.arabic import NAME_LINKS
from annotations.entities.candidates import (
    NAME_LISTS,
    Candidate,
    Listed,
    is_arabic_word,
    is_name_word,
    known_label,
)
from annotations.entities.clitics import splits
from annotations.entities.trained_model import Model
from annotations.entities.words import Word

MAX_NAME_WORDS = 5
#: Frequency bands of Wikidata's person-name words that may open a foreign name.
OPENING_BANDS = frozenset({"3", "20"})
FOREIGN_NAME_CONFIDENCE = 0.6


def listed_phrase(
    words: list[Word], i: int, kinds: tuple[str, ...], model: Model
) -> tuple[int, str, int] | None:
    """(words, kind, clitic letters) of the longest listed phrase at word i, clitics tried."""
    gazetteer = model.resources.gazetteer
    found = gazetteer.lookup(words[i].key)
    if found.starts.isdisjoint(kinds):
        return None
    readings = found.readings
    end = i + 1
    while end < len(words) and words[end].joined and end - i < 6:
        end += 1
    keys = [w.key for w in words[i + 1 : end]]
    for clitic, first in readings:
        match = gazetteer.longest_phrase([first, *keys], 0, kinds)
        if match:
            return match[0], match[1], clitic
    return None


def gazetteer_candidates(words: list[Word], listed: list[Listed], model: Model) -> list[Candidate]:
    """Listed places, organisations and people (single words only when not common words)."""
    found = []
    for i, _ in listed:
        match = listed_phrase(words, i, tuple(NAME_LISTS), model)
        if not match:
            continue
        length, kind, clitic = match
        if length == 1 and not is_name_word(words[i], model):
            continue
        confidence = 0.9 if length > 1 else (0.6 if kind == "SURNAME" else 0.7)
        found.append(Candidate(i, i + length, NAME_LISTS[kind], "gazetteer", confidence, clitic))
    return found


def _skip_modifiers(words: list[Word], j: int, model: Model) -> int:
    """Index after the nationality adjectives and organisation words that follow a title."""
    gazetteer = model.resources.gazetteer
    while (
        j < len(words)
        and words[j].joined
        and (
            gazetteer.has(words[j].key, "NATIONALITY")
            or gazetteer.has(words[j].key, "ORG_MODIFIER")
        )
    ):
        j += 1
    return j


def _continues_name(word: Word, model: Model, first: bool) -> bool:
    """A known person or given name; after the first word also an unknown word without article."""
    gazetteer = model.resources.gazetteer
    if known_label(word.key, model) == "PER" or gazetteer.has(word.key, "GIVEN"):
        return True
    if first or not is_name_word(word, model) or word.key.startswith(("ال", "و")):
        return False
    return word.key not in model.entity_words and not gazetteer.kinds.get(word.key)


def _only_surname(word: Word, model: Model) -> bool:
    """A listed surname that is no given name (ترامب، بوتين): the end of a name."""
    kinds = model.resources.gazetteer.kinds.get(word.key, ())
    return "SURNAME" in kinds and "GIVEN" not in kinds and "PER" not in kinds


def _name_length(words: list[Word], j: int, model: Model) -> int:
    """How many words from j read as a person's name (links such as عبد and بن included); after
    a word that is only a surname, only a known name goes on («الرئيس ترامب مستاء»)."""
    n = 0
    while j + n < len(words) and n < MAX_NAME_WORDS and words[j + n].joined:
        word = words[j + n]
        if word.key in NAME_LINKS and n + 1 < MAX_NAME_WORDS:
            n += 1
            continue
        if n and _only_surname(words[j + n - 1], model) and known_label(word.key, model) != "PER":
            break
        if not _continues_name(word, model, first=n == 0):
            break
        n += 1
    while n and words[j + n - 1].key in NAME_LINKS:
        n -= 1
    return n


def title_candidates(words: list[Word], listed: list[Listed], model: Model) -> list[Candidate]:
    """A title (الرئيس، السفير، المتحدث باسم ...), modifiers, then a name: the name is PER."""
    found = []
    for i, _ in listed:
        match = listed_phrase(words, i, ("TITLE",), model)
        if not match:
            continue
        j = _skip_modifiers(words, i + match[0], model)
        n = _name_length(words, j, model) if j < len(words) and words[j].joined else 0
        if n:
            found.append(Candidate(j, j + n, "PER", "rule", 0.85))
    return found


def _unseen_name_word(word: Word, model: Model) -> bool:
    """An Arabic word without article or conjunction, no function or common word, no known place
    or organisation, and unseen in the text the word clusters were learned from, whole or after a
    proclitic when four letters or more remain (لإيقاف)."""
    key = word.key
    clusters = model.resources.clusters
    return (
        is_arabic_word(word)
        and is_name_word(word, model)
        and not key.startswith(("ال", "لل", "و"))
        and key not in clusters
        and not any(rest in clusters for _, rest in splits(key, 4))
        and known_label(key, model) not in ("LOC", "ORG")
    )


def foreign_name_candidates(words: list[Word], model: Model) -> list[Candidate]:
    """Two unseen words whose first is a word of Wikidata's person names seen three times or more
    (أكين أتالاي، فكرت إيلكيز، جبريل سيديبي): a person. A second word ending in ه (a pronoun or
    ta marbuta: «فرويد تركه») must be a name word too."""
    bands = model.resources.foreign_names
    found = []
    for i in range(len(words) - 1):
        second = words[i + 1]
        if (
            bands.get(words[i].key) in OPENING_BANDS
            and second.joined
            and _unseen_name_word(words[i], model)
            and _unseen_name_word(second, model)
            and (not second.key.endswith("ه") or second.key in bands)
        ):
            found.append(Candidate(i, i + 2, "PER", "rule", FOREIGN_NAME_CONFIDENCE))
    return found


def foreign_rule_words(bands: dict[str, str]) -> dict[str, str]:
    """The name words `foreign_name_candidates` reads: openers, and words ending in ه."""
    return {key: band for key, band in bands.items() if band in OPENING_BANDS or key[-1] == "ه"}
