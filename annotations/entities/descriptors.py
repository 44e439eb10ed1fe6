"""Names after a descriptor: «جريدة "[جمهورييت]"», «منظمة [فورو بينال]», «منطقة [مسطرد]».

A descriptor (صحيفة، شركة، منظمة ... for organisations; مدينة، منطقة، مقاطعة، معبر ... for places)
followed by words that read as a rare or foreign name makes them a name of that type; the
descriptor stays outside as the annotation conventions say, except «وكالة», which press agencies
keep («[وكالة بلومبرغ]»). A rare name is a known name of that type, or an Arabic word without the
article that is no function or common word, no adjective, and unseen in the text the word clusters
were learned from.
"""

from __future__ import annotations

from annotations.entities.candidates import Candidate, is_name_word, known_label
from annotations.entities.organisations import is_arabic_word
from annotations.entities.trained_model import Model
from annotations.entities.words import Word

#: Gazetteer lists of descriptors and the type of the name they introduce.
DESCRIPTORS = {"ORG_DESCRIPTOR": "ORG", "LOC_DESCRIPTOR": "LOC"}
#: Descriptors that belong to the name they follow (match keys).
INCLUDED = frozenset({"وكاله"})
#: Longest name after a descriptor, in words.
MAX_WORDS = 4
CONFIDENCE = 0.7
OPENING_QUOTES = frozenset('"“«\'')
NOT_NAMES = ("NATIONALITY", "ORG_MODIFIER", "ORG_DESCRIPTIVE", "DEMONYM")


def rare_name(word: Word, label: str, model: Model) -> bool:
    """Whether the word reads as a rare or foreign name of type `label` (module docstring)."""
    key = word.key
    gazetteer = model.resources.gazetteer
    if not is_arabic_word(word) or not is_name_word(word, model):
        return False
    if any(gazetteer.has(key, kind) for kind in NOT_NAMES):
        return False
    known = known_label(key, model)
    if known:
        return known == label
    return not key.startswith(("ال", "لل")) and key not in model.resources.clusters


def _follows(text: str, words: list[Word], j: int) -> bool:
    """Word j follows word j - 1 with only spaces, or spaces and an opening quotation mark."""
    gap = text[words[j - 1].token.end : words[j].token.start].strip()
    return not gap or gap in OPENING_QUOTES


def _descriptor(word: Word, model: Model) -> tuple[int, str] | None:
    """(clitic letters, type of the name it introduces) when the word is a descriptor."""
    for kind, label in DESCRIPTORS.items():
        clitic = model.resources.gazetteer.clitic_of(word.key, kind)
        if clitic is not None:
            return clitic, label
    return None


def descriptor_candidates(text: str, words: list[Word], model: Model) -> list[Candidate]:
    """Each descriptor followed by a rare name: the name, as the descriptor's type."""
    found = []
    for i, word in enumerate(words[:-1]):
        described = _descriptor(word, model)
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
