"""Headline attributions: «البرهان: هدفنا ...», «فواز جرجس لـCNN: الأسد ينتصر ...».

A line of its own (a title or a headline inserted in the body) whose first words, before a colon,
name a speaker: the colon is the cue, the words before it the source (an addressee after ل left
out), the rest of the line the content. A country or a place alone before the colon is a topic
label («مصر: مقتل 4 ...») unless the words after it speak in the first person («سوريا: إنذار
خاطئ فعّل دفاعاتنا»).
"""

from __future__ import annotations

from annotations.attribution import lexicon_data as data
from annotations.attribution.confidence import confidence, evidence
from annotations.attribution.context import SentenceContext
from annotations.attribution.keyed_words import Words
from annotations.attribution.lexicon import key_set
from annotations.attribution.source_finder import forward_source, object_like
from annotations.attribution.suggestion import Cue, Suggestion

_MAX_LINE = 30  # tokens in a headline
_MAX_SPEAKER = 8  # tokens before its colon
_STATES = key_set(data.STATE_NAMES)
_FIRST_PERSON = key_set(data.PRONOUNS)


def headline_colon(words: Words, context: SentenceContext) -> Suggestion | None:
    """The attribution of a headline «X: ...» when `context` is a whole line that is one."""
    sentence, lo = context.sentence, context.lo
    text = words.text
    line_end = _line_end(text, sentence.start)
    hi = words.index_at(line_end)
    if hi - lo > _MAX_LINE or hi - lo < 3 or line_end < 0:
        return None
    colon = next(
        (at for at in range(lo + 1, min(hi, lo + _MAX_SPEAKER + 1)) if _colon_before(words, at)),
        None,
    )
    if colon is None or any(lo <= t < colon for t in context.cue_tokens) or object_like(words, lo):
        return None
    if any(_reads_as_verb(key) for key in words.keys[lo + 1 : colon]):
        return None  # السيسي يستنجد: ... (a verb that reports nothing)
    last = colon - 1
    addressed = last > lo and words.keys[last].startswith("ل")  # السيسي لماكرون: ...
    source = forward_source(words, lo, last if addressed else colon, context)
    content = words.excerpt(words.gap(colon)[0], line_end)
    if source is None or content is None:
        return None
    speaker_keys = words.keys[lo : words.index_at(source.end)]
    if _is_place(words, lo, speaker_keys) and not _first_person(words, colon, hi):
        return None  # مصر: مقتل 4 ... (a topic label)
    mark = text.index(":", words.gap(colon)[0])
    cue = Cue(mark, mark + 1, ":", "statement")
    key = evidence("headline", "written", False)
    return Suggestion(cue, source, (content,), None, confidence(key), evidence=key)


def _line_end(text: str, start: int) -> int:
    """Where the line that starts at `start` ends, or -1 when `start` is not a line's start."""
    before = start
    while before > 0 and text[before - 1] != "\n":
        if not text[before - 1].isspace():
            return -1  # (looked back over spaces only: no scan of a long line)
        before -= 1
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _reads_as_verb(key: str) -> bool:
    """A word in the imperfect of the third person (يستنجد، يحذر), not a short name (يوسف)."""
    return key.startswith("ي") and len(key) >= 5


def _colon_before(words: Words, at: int) -> bool:
    start, end = words.gap(at)
    return ":" in words.text[start:end]


def _is_place(words: Words, first: int, keys: list[str]) -> bool:
    """Whether the speaker words are a place: a place entity, a listed state, or one word ending in
    ا as most country names do (فنزويلا، كندا، روسيا)."""
    start = words.tokens[first].start
    if any(e.start == start and e.label == "LOC" for e in words.entities):
        return True
    return len(keys) == 1 and (keys[0] in _STATES or keys[0].endswith("ا"))


def _first_person(words: Words, first: int, end: int) -> bool:
    """Whether tokens `first`..`end` speak in the first person (نحن، دفاعاتنا)."""
    return any(
        words.keys[at] in _FIRST_PERSON or (word.endswith("نا") and len(word) > 3)
        for at, word in enumerate(words.plain[first:end], first)
    )
