"""Name forms found elsewhere in the same text: full names, surnames, clitic forms, analyst keys."""

from __future__ import annotations

from collections.abc import Iterable

from annotations.entities.candidates import Candidate, is_name_word, known_label
from annotations.entities.clitics import cliticised, splits
from annotations.entities.trained_model import Model
from annotations.entities.words import Word

Forms = dict[str, list[tuple[tuple[str, ...], object]]]


def name_keys(words: list[Word], candidate: Candidate, model: Model) -> tuple[str, ...]:
    """The keys of a candidate's words with the clitic of the first one removed."""
    key = words[candidate.first].key
    rest = key[candidate.clitic :]
    if candidate.clitic and not known_label(rest, model) and known_label("ا" + rest, model):
        rest = "ا" + rest  # ل + ال with the alef elided: للرئاسة -> الرئاسة
    return (rest, *(w.key for w in words[candidate.first + 1 : candidate.last]))


def index_forms(forms: Iterable[tuple[tuple[str, ...], object]]) -> Forms:
    """Forms by their first key, longest first."""
    index: Forms = {}
    for keys, value in sorted(forms, key=lambda form: -len(form[0])):
        index.setdefault(keys[0], []).append((keys, value))
    return index


def find_forms(words: list[Word], forms: Forms) -> list[tuple[int, int, int, object]]:
    """(first word, end word, clitic letters, value) of each occurrence, clitics allowed."""
    found = []
    wanted = set().union(*map(cliticised, forms))  # most words are none of these
    for i, word in enumerate(words):
        if word.key not in wanted:
            continue
        rests = splits(word.key)
        if word.key not in forms and not any(rest in forms for _, rest in rests):
            continue
        for clitic, first in ((0, word.key), *rests):
            entries = forms.get(first)
            if not entries:
                continue
            match = next(
                (
                    (keys, value)
                    for keys, value in entries
                    if i + len(keys) <= len(words)
                    and all(
                        words[i + n].joined and words[i + n].key == k
                        for n, k in enumerate(keys[1:], 1)
                    )
                ),
                None,
            )
            if match:
                found.append((i, i + len(match[0]), clitic, match[1]))
                break
    return found


def propagate(
    words: list[Word], accepted: list[Candidate], model: Model, floor: float = 0.5
) -> list[Candidate]:
    """Candidates for other occurrences of accepted names and of full person names' surnames."""
    forms: dict[tuple[str, ...], tuple[str, float]] = {}
    for candidate in accepted:
        if candidate.confidence < floor or candidate.label == "MISC":
            continue
        keys = name_keys(words, candidate, model)
        value = (candidate.label, min(0.9, candidate.confidence) * 0.95)
        forms.setdefault(keys, value)
        surname = words[candidate.last - 1]
        if (
            candidate.label == "PER"
            and len(keys) > 1
            and len(surname.key) > 2
            and is_name_word(surname, model)
        ):
            forms.setdefault((surname.key,), value)
    return [
        Candidate(first, end, label, "propagation", confidence, clitic)
        for first, end, clitic, (label, confidence) in find_forms(words, index_forms(forms.items()))
    ]
