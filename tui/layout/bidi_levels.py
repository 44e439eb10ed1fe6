"""Embedding levels of one paragraph by the Unicode Bidirectional Algorithm (UAX #9, rules X1-I2).

Pure Python over `unicodedata`; checked against the Unicode `BidiCharacterTest.txt`. Characters that
rule X9 removes (embedding controls, BN) get the level of the character before them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bidi.mirror import MIRRORED

MAX_DEPTH = 125
_EMBEDDINGS = frozenset(("RLE", "LRE", "RLO", "LRO"))
_ISOLATES = frozenset(("RLI", "LRI", "FSI"))
#: Classes that rule X9 removes from the algorithm.
REMOVED = frozenset(("RLE", "LRE", "RLO", "LRO", "PDF", "BN"))
_EXPLICIT = REMOVED - {"BN"} | _ISOLATES | {"PDI"}
_NEUTRAL = frozenset(("B", "S", "WS", "ON", "RLI", "LRI", "FSI", "PDI"))
_NEUTRAL_CODE = dict.fromkeys(_NEUTRAL, "n")
_NEUTRAL_RUN = re.compile("n+")
#: Rules I1-I2: how much a resolved type raises an even (0) or odd (1) level.
_RAISE = ({"R": 1, "AN": 2, "EN": 2}, {"L": 1, "EN": 1, "AN": 1})
_STRONG_AS = {"L": "L", "R": "R", "AL": "R", "EN": "R", "AN": "R"}
#: Opening bracket -> closing bracket (canonical equivalents folded, rule BD16).
_OPENING = {
    o: c
    for o, c in MIRRORED.items()
    if unicodedata.category(o) == "Ps" and unicodedata.category(c) == "Pe"
}


@lru_cache(maxsize=4096)
def bidi_class(char: str) -> str:
    """The Bidi_Class of `char` (unassigned code points count as L)."""
    return unicodedata.bidirectional(char) or "L"


def base_level(text: str) -> int:
    """Rules P2-P3: 1 if the first strong character (outside isolates) is R or AL, else 0."""
    depth = 0
    for char in text:
        kind = bidi_class(char)
        if kind in _ISOLATES:
            depth += 1
        elif kind == "PDI":
            depth = max(depth - 1, 0)
        elif kind == "B":
            break
        elif depth == 0 and kind in ("L", "R", "AL"):
            return 0 if kind == "L" else 1
    return 0


def bidi_classes(text: str) -> list[str]:
    """The Bidi_Class of every character of `text`."""
    table = {char: bidi_class(char) for char in set(text)}
    return list(map(table.__getitem__, text))


def paragraph_levels(text: str, paragraph_level: int) -> list[int]:
    """The resolved level (before rule L1) of every character of one paragraph."""
    classes = bidi_classes(text)
    present = set(classes)
    if present & _EXPLICIT:
        levels = _explicit_levels(text, classes, paragraph_level)
        kept = [i for i, kind in enumerate(classes) if kind not in REMOVED]
        sequences = _isolating_run_sequences(kept, classes, levels, paragraph_level)
    else:  # one isolating run sequence at the paragraph level: X1-X10 have nothing to do
        levels = [paragraph_level] * len(classes)
        direction = "R" if paragraph_level else "L"
        kept = [i for i, kind in enumerate(classes) if kind != "BN"] if "BN" in present else None
        sequence = list(range(len(classes))) if kept is None else kept
        sequences = [(sequence, direction, direction)] if sequence else []
    for sequence, sos, eos in sequences:
        _resolve_sequence(text, classes, levels, sequence, sos, eos)
    if "BN" not in present and not present & _EXPLICIT:
        return levels
    previous = paragraph_level
    for i, kind in enumerate(classes):
        if kind in REMOVED:
            levels[i] = previous
        previous = levels[i]
    return levels


def _explicit_levels(text: str, classes: list[str], paragraph_level: int) -> list[int]:
    """Rules X1-X8: embedding levels, with overrides written into `classes`."""
    levels = [paragraph_level] * len(classes)
    stack: list[tuple[int, str | None, bool]] = [(paragraph_level, None, False)]
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    for i, kind in enumerate(classes):
        level, override, _ = stack[-1]
        if kind in _EMBEDDINGS:
            new = (level + 1) | 1 if kind[0] == "R" else (level + 2) & ~1
            if new <= MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                stack.append((new, {"O": kind[0]}.get(kind[2]), False))
            elif not overflow_isolates:
                overflow_embeddings += 1
        elif kind in _ISOLATES:
            levels[i] = level
            if override:
                classes[i] = override
            if kind == "FSI":
                end = _matching_pdi(classes, i)
                rtl = base_level(text[i + 1 : end]) == 1
            else:
                rtl = kind == "RLI"
            new = (level + 1) | 1 if rtl else (level + 2) & ~1
            if new <= MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                valid_isolates += 1
                stack.append((new, None, True))
            else:
                overflow_isolates += 1
        elif kind == "PDI":
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            level, override, _ = stack[-1]
            levels[i] = level
            if override:
                classes[i] = override
        elif kind == "PDF":
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) > 1:
                stack.pop()
        elif kind not in ("B", "BN"):
            levels[i] = level
            if override:
                classes[i] = override
    return levels


def _matching_pdi(classes: list[str], opener: int) -> int:
    """Rule BD9: the index of the PDI matching the isolate initiator at `opener` (or the end)."""
    depth = 1
    for i in range(opener + 1, len(classes)):
        kind = classes[i]
        if kind in _ISOLATES:
            depth += 1
        elif kind == "PDI":
            depth -= 1
            if not depth:
                return i
        elif kind == "B":
            return i
    return len(classes)


def _isolating_run_sequences(
    kept: list[int], classes: list[str], levels: list[int], paragraph_level: int
) -> list[tuple[list[int], str, str]]:
    """Rules BD13 and X10: sequences of kept indices, each with its sos and eos types."""
    runs: list[list[int]] = []
    for i in kept:
        if runs and levels[runs[-1][-1]] == levels[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    position = {i: n for n, i in enumerate(kept)}
    matching: dict[int, int] = {}
    openers: list[int] = []
    for i in kept:
        if classes[i] in _ISOLATES:
            openers.append(i)
        elif classes[i] == "PDI" and openers:
            matching[openers.pop()] = i
    run_starting_at = {run[0]: run for run in runs}
    continued = set()
    sequences = []
    for run in runs:
        if run[0] in continued:
            continue
        sequence = list(run)
        while classes[sequence[-1]] in _ISOLATES and sequence[-1] in matching:
            follower = run_starting_at.get(matching[sequence[-1]])
            if follower is None:
                break
            continued.add(follower[0])
            sequence.extend(follower)
        first, last = position[sequence[0]], position[sequence[-1]]
        level = levels[sequence[0]]
        before = levels[kept[first - 1]] if first else paragraph_level
        if classes[sequence[-1]] in _ISOLATES or last + 1 == len(kept):
            after = paragraph_level
        else:
            after = levels[kept[last + 1]]
        sos = "R" if max(level, before) % 2 else "L"
        eos = "R" if max(level, after) % 2 else "L"
        sequences.append((sequence, sos, eos))
    return sequences


def _resolve_sequence(
    text: str, classes: list[str], levels: list[int], sequence: list[int], sos: str, eos: str
) -> None:
    """Rules W1-W7, N0-N2 and I1-I2 on one isolating run sequence."""
    original = [classes[i] for i in sequence]
    types = _resolve_weak(original, sos)
    embedding = "R" if levels[sequence[0]] % 2 else "L"
    _resolve_brackets(text, sequence, original, types, sos, embedding)
    _resolve_neutrals(types, sos, eos, embedding)
    level = levels[sequence[0]]  # one level for the whole isolating run sequence
    raise_by = _RAISE[level % 2]
    resolved = [level + raise_by.get(kind, 0) for kind in types]
    if sequence[-1] - sequence[0] + 1 == len(sequence):
        levels[sequence[0] : sequence[-1] + 1] = resolved
    else:
        for i, new in zip(sequence, resolved, strict=True):
            levels[i] = new


def _resolve_weak(types: list[str], sos: str) -> list[str]:
    """Rules W1-W7, each skipped when the classes it changes are absent."""
    types = list(types)
    present = set(types)
    if "NSM" in present:
        _resolve_nonspacing_marks(types, sos)
        present = set(types)
    if "EN" in present and "AL" in present:  # W2
        strong = sos
        for n, kind in enumerate(types):
            if kind in ("L", "R", "AL"):
                strong = kind
            elif kind == "EN" and strong == "AL":
                types[n] = "AN"
    if "AL" in present:  # W3
        types = ["R" if kind == "AL" else kind for kind in types]
    separators = [n for n, kind in enumerate(types) if kind in ("ES", "CS", "ET")]
    if separators:
        _resolve_separators(types, separators)
    if "EN" in present:  # W7
        strong = sos
        for n, kind in enumerate(types):
            if kind in ("L", "R"):
                strong = kind
            elif kind == "EN" and strong == "L":
                types[n] = "L"
    return types


def _resolve_separators(types: list[str], separators: list[int]) -> None:
    """Rules W4-W6 at the positions of ES, CS and ET characters (in increasing order)."""
    last = len(types) - 1
    for n in separators:  # W4
        kind = types[n]
        if 0 < n < last and types[n - 1] == types[n + 1]:
            before = types[n - 1]
            if (kind == "ES" and before == "EN") or (kind == "CS" and before in ("EN", "AN")):
                types[n] = before
    for n in separators:  # W5: runs of ET next to EN
        if types[n] != "ET" or (n and types[n - 1] == "ET"):
            continue
        end = n
        while end <= last and types[end] == "ET":
            end += 1
        if (n and types[n - 1] == "EN") or (end <= last and types[end] == "EN"):
            types[n:end] = ["EN"] * (end - n)
    for n in separators:  # W6
        if types[n] in ("ES", "CS", "ET"):
            types[n] = "ON"


def _resolve_nonspacing_marks(types: list[str], sos: str) -> None:
    """Rule W1: a mark takes the type of what it follows (ON after an isolate boundary)."""
    previous = sos
    for n, kind in enumerate(types):
        if kind == "NSM":
            types[n] = "ON" if previous in ("LRI", "RLI", "FSI", "PDI") else previous
        previous = types[n]


def _resolve_brackets(
    text: str,
    sequence: list[int],
    original: list[str],
    types: list[str],
    sos: str,
    embedding: str,
) -> None:
    """Rule N0: paired brackets take the direction of what they enclose or surround."""
    pairs = _bracket_pairs(text, sequence, types)
    for open_n, close_n in pairs:
        inside = {_STRONG_AS.get(t) for t in types[open_n + 1 : close_n]}
        if embedding in inside:
            direction = embedding
        elif inside - {None}:
            context = sos
            for t in reversed(types[:open_n]):
                if t in _STRONG_AS:
                    context = _STRONG_AS[t]
                    break
            direction = context
        else:
            continue
        for n in (open_n, close_n):
            types[n] = direction
            follower = n + 1
            while follower < len(types) and original[follower] == "NSM":
                types[follower] = direction
                follower += 1


def _bracket_pairs(text: str, sequence: list[int], types: list[str]) -> list[tuple[int, int]]:
    """Rule BD16: positions (in the sequence) of paired brackets, sorted by the opening one."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for n, i in enumerate(sequence):
        if types[n] != "ON":
            continue
        char = unicodedata.normalize("NFD", text[i])
        if char in _OPENING:
            if len(stack) == 63:
                break
            stack.append((unicodedata.normalize("NFD", _OPENING[char]), n))
        else:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], n))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_neutrals(types: list[str], sos: str, eos: str, embedding: str) -> None:
    """Rules N1-N2: runs of neutrals take their surroundings' direction, else the embedding's."""
    codes = "".join([_NEUTRAL_CODE.get(kind, "s") for kind in types])
    for run in _NEUTRAL_RUN.finditer(codes):
        start, end = run.span()
        before = _STRONG_AS.get(types[start - 1], sos) if start else sos
        after = _STRONG_AS.get(types[end], eos) if end < len(types) else eos
        types[start:end] = [before if before == after else embedding] * (end - start)
