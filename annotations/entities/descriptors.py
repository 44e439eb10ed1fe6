"""Names after a descriptor: «جريدة "[جمهورييت]"», «منظمة [فورو بينال]», «منطقة [مسطرد]».

A descriptor (صحيفة، شركة، منظمة ... for organisations; مدينة، منطقة، مقاطعة، معبر ... for places)
followed by words that read as a rare or foreign name makes them a name of that type; the
descriptor stays outside as the annotation conventions say, except «وكالة», which press agencies
keep («[وكالة بلومبرغ]»). What reads as a rare name: `candidates.rare_name`.
"""

from __future__ import annotations

from annotations.entities.candidates import Candidate, Listed, rare_name
from annotations.entities.gazetteer import Lookup
from annotations.entities.trained_model import Model
from annotations.entities.words import Word

#: Gazetteer lists of descriptors and the type of the name they introduce.
DESCRIPTORS = {"ORG_DESCRIPTOR": "ORG", "LOC_DESCRIPTOR": "LOC"}
#: Descriptors that belong to the name they follow (match keys).
INCLUDED = frozenset({"وكاله"})
#: Longest name after a descriptor, in words.
MAX_WORDS = 4
CONFIDENCE = 0.7
OPENING_QUOTES = frozenset("\"“«'")


def _follows(text: str, words: list[Word], j: int) -> bool:
    """Word j follows word j - 1 with only spaces, or spaces and an opening quotation mark."""
    gap = text[words[j - 1].token.end : words[j].token.start].strip()
    return not gap or gap in OPENING_QUOTES


def _descriptor(word: Word, lookup: Lookup, model: Model) -> tuple[int, str] | None:
    """(clitic letters, type of the name it introduces) when the word is a descriptor without the
    article («والمنطقة بأسرها» names nothing)."""
    gazetteer = model.resources.gazetteer
    clitic = lookup.clitics.get("DESCRIPTOR")
    if clitic is None or word.key[:clitic].endswith(("ال", "لل")):
        return None
    for letters, rest in lookup.readings:
        for kind, label in DESCRIPTORS.items():
            if letters == clitic and gazetteer.has(rest, kind):
                return clitic, label
    return None


def descriptor_candidates(
    text: str, words: list[Word], listed: list[Listed], model: Model
) -> list[Candidate]:
    """Each descriptor followed by a rare name: the name, as the descriptor's type."""
    found = []
    for i, lookup in listed:
        word = words[i]
        if i + 1 == len(words):
            continue
        described = _descriptor(word, lookup, model)
        if described is None or not _follows(text, words, i + 1):
            continue
        clitic, label = described
        end = i + 1
        while (
            end < len(words)
            and end - i <= MAX_WORDS
            and (end == i + 1 or words[end].joined)
            and rare_name(words[end], label, model)
        ):
            end += 1
        if end == i + 1:
            continue
        if word.key[clitic:] in INCLUDED:
            found.append(Candidate(i, end, label, "rule", CONFIDENCE, clitic))
        else:
            found.append(Candidate(i + 1, end, label, "rule", CONFIDENCE))
    return found
