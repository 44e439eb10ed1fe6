"""Organisation phrases: a head noun and its construct-state chain and adjectives.

«وزارة الخارجية الروسية», «مجلس الأمن الدولي», «منظمة حظر الأسلحة الكيماوية», «الحكومة التركية»,
«المؤسسة الوطنية للنفط». A head without the article (وزارة، مجلس ...) is in construct state: up to
`MAX_CONSTRUCT` nouns without the article follow, then one with it (or a known place) ends the
chain. A head with the article (الجيش، الحكومة ...) takes adjectives only and needs at least one.
Adjectives are the listed organisation modifiers and nationalities, and nisba adjectives
(الـ...ي / الـ...ية) other than the listed descriptive ones (الرسمية، السابق ...), which stay
outside as the annotation conventions say. After an adjective, one «لل» phrase with its own
adjectives may follow («للطاقة الذرية»).
"""

from __future__ import annotations

from annotations.arabic import match_key
from annotations.entities.candidates import (
    Candidate,
    Listed,
    is_arabic_word,
    is_name_word,
    known_label,
    rare_name,
)
from annotations.entities.clitics import splits
from annotations.entities.features import STOP_SURFACES
from annotations.entities.trained_model import Model
from annotations.entities.words import Word

MAX_CONSTRUCT = 1
MAX_WORDS = 7
CONFIDENCE = 0.7
#: Longest name after a descriptor, in words.
MAX_DESCRIBED = 4
#: Descriptors that belong to the name they precede.
INCLUDED_DESCRIPTORS = frozenset({"وكاله"})
OPENING_QUOTES = frozenset("\"“«'")
#: Office nouns whose genitive is a portfolio, not an organisation (وزير الخارجية الياباني).
OFFICES = frozenset({"وزير", "وزيره", "وزيرا", "وزراء", "وكيل", "مساعد"})
#: Days and time words, which end a phrase rather than name an organisation.
TIME_WORDS = frozenset(
    match_key(word)
    for word in (
        *("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"),
        *("اليوم", "أمس", "الليلة", "الماضي", "المقبل"),
    )
)
#: A noun in construct state does not start with a preposition or a conjunction.
PREPOSITIONS = ("و", "ف", "ب", "ل", "ك")


def is_adjective(word: Word, model: Model) -> bool:
    """A listed modifier or nationality, or a nisba adjective with the article not listed as
    descriptive."""
    gazetteer = model.resources.gazetteer
    key = word.key
    if not key.startswith("ال"):
        return False
    if gazetteer.has(key, "ORG_MODIFIER"):
        return True
    return _nisba(key) and is_arabic_word(word) and not gazetteer.has(key, "ORG_DESCRIPTIVE")


def _nisba(key: str) -> bool:
    """A word of the shape of a nisba adjective with the article (الـ...ي / الـ...ية)."""
    return key.startswith("ال") and len(key) >= 5 and key.endswith(("ي", "يه"))


def _genitive(word: Word, model: Model) -> str | None:
    """'end' for a definite noun or known place ending the construct chain, 'more' for a noun in
    construct state itself, else None."""
    key = word.key
    gazetteer = model.resources.gazetteer
    if gazetteer.has(key, "ORG_MODIFIER"):
        return "end"
    if not is_arabic_word(word) or word.plain in STOP_SURFACES or key in TIME_WORDS:
        return None
    if gazetteer.has(key, "ORG_DESCRIPTIVE") or gazetteer.has(key, "TITLE"):
        return None
    if gazetteer.has("ال" + key, "NATIONALITY"):  # an adjective: «محكمة تركية» names none
        return None
    label = known_label(key, model)
    if gazetteer.has(key, "GIVEN") or (label == "PER" and not _nisba(key)):
        return None
    if key.startswith("ال") or label == "LOC":
        return "end"
    return None if key.startswith(PREPOSITIONS) else "more"


def _is_office(word: Word) -> bool:
    """An office noun, with or without a proclitic (ووزير، لوزيرة)."""
    return word.key in OFFICES or any(rest in OFFICES for _, rest in splits(word.key))


def chain_end(words: list[Word], head: int, definite: bool, model: Model) -> int:
    """Index after the organisation phrase whose head is `words[head]`; `head + 1` if none."""
    end = head + 1
    j = head + 1
    state = "adjectives" if definite else "construct"
    construct_nouns = 0
    preposition_used = False
    limit = min(len(words), head + MAX_WORDS)
    while j < limit and words[j].joined:
        word = words[j]
        if state == "construct":
            kind = _genitive(word, model)
            if kind == "more" and rare_name(word, "ORG", model):
                break  # a proper name: the descriptor rule's («[وكالة آكي] الإيطالية»)
            if kind == "more" and construct_nouns < MAX_CONSTRUCT:
                construct_nouns += 1
            elif kind == "end":
                state, end = "adjectives", j + 1
            else:
                break
        elif is_adjective(word, model):
            end = j + 1
            state = "adjectives"
        elif (
            not preposition_used
            and end == j
            and end > head + 1
            and is_adjective(words[j - 1], model)
            and word.key.startswith("لل")
            and len(word.key) > 4
            and is_arabic_word(word)
            and is_name_word(word, model)
        ):
            preposition_used = True
            end = j + 1
        else:
            break
        j += 1
    return end


def organisation_candidates(
    words: list[Word], listed: list[Listed], model: Model
) -> list[Candidate]:
    """Each organisation head word (وزارة، مجلس، الجيش ...) with its chain, one word at least."""
    found = []
    for i, lookup in listed:
        clitic = lookup.clitics.get("ORG_HEAD")
        if clitic is None:
            continue
        word = words[i]
        definite = word.key[clitic:].startswith("ال") or (
            clitic > 0 and word.key[clitic - 1 :].startswith("لل")
        )
        if definite and i and word.joined and _is_office(words[i - 1]):
            continue
        end = chain_end(words, i, definite, model)
        if end > i + 1:
            found.append(Candidate(i, end, "ORG", "rule", CONFIDENCE, clitic))
    return found
