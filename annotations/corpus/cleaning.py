"""Web page text to an article's canonical text.

Drops what is not article body (tickers, comment prompts, navigation, copyright footers, trailing
related headlines, outlet credits, section labels), re-flows hard-wrapped lines into paragraphs and
records every removal. Letters are never changed: the canonical text is what all offsets point into.
Paragraphs in the canonical text are separated by one blank line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from annotations.corpus.article import Removal
from annotations.corpus.sanitizing import sanitize

_BOILERPLATE = [
    ("ticker header", re.compile(r"^(آخر|اخر|أحدث) ال[أا]خبار$")),
    ("comment prompt", re.compile(r"^(أ|ا|إ)ضف تعليق(ا|اً|ك)?$|^اترك (تعليق(ا|اً)?|ردا|رداً)$")),
    (
        "comment prompt",
        re.compile(r"لن يتم نشر عنوان بريدك الإلكتروني|الحقول الإلزامية مشار إليها"),
    ),
    ("navigation", re.compile(r"^زر الذهاب إلى الأعلى$|^(مقالات|أخبار|مواضيع) (ذات صلة|متعلقة)$")),
    ("navigation", re.compile(r"^[إا]قر[أا] (أيضا|أيضاً|ايضا)\b")),
    ("navigation", re.compile(r"^(شارك|تابعنا|اشترك)( على| في|:|$)")),
    (
        "copyright footer",
        re.compile(r"جميع الحقوق محفوظة|لا مانع من ال[إا]قتباس|تعبر عن رأي أصحابها|©"),
    ),
]
_LATIN_LETTER = re.compile("[A-Za-z]")
_OUTLET = re.compile(r"^وكالة .+ للأنباء$|أون لاين$|نيوز$|^(صحيفة|جريدة|موقع|بوابة|قناة) \S+")
#: A line ends a sentence: final punctuation, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"”»’')\]]*$")
#: Runs of horizontal white space; a run keeps one no-break space only if it has no plain space.
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_MAX_HEADLINE_WORDS = 25
_MAX_RELATED_WORDS = 15
_TICKER_REPEATS = 3


@dataclass(frozen=True)
class CleanPage:
    """The result of cleaning one page."""

    text: str
    title: str
    outlet: str | None
    removed: tuple[Removal, ...]


def clean_page(raw: str) -> CleanPage:
    """Clean a raw page into canonical text, with its headline and outlet where they show."""
    text, sanitized = sanitize(raw)
    removed = [Removal(reason, f"{count} removed") for reason, count in sanitized.items()]
    lines = [_SPACES.sub(_one_space, line).strip() for line in text.split("\n")]
    lines = _drop_boilerplate(lines, removed)
    lines, outlet = _take_outlet(lines, removed)
    lines = _drop_section_label(lines, removed)
    lines = _drop_related_headlines(lines, removed)
    headline = _headline(lines)
    paragraphs = _reflow(lines)
    title = headline or _first_words(paragraphs[0] if paragraphs else "")
    return CleanPage("\n\n".join(paragraphs), title, outlet, tuple(removed))


def _one_space(run: re.Match[str]) -> str:
    return " " if " " in run.group() else "\u00a0"


def _words(line: str) -> int:
    return len(line.split())


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def _is_ticker(line: str) -> bool:
    """A run of headlines glued together by a repeated Latin marker ("garaanews ...")."""
    if not _LATIN_LETTER.search(line):
        return False
    latin = Counter(word for word in line.split() if word.isascii() and word.isalpha())
    return any(count >= _TICKER_REPEATS for count in latin.values())


def _drop_boilerplate(lines: list[str], removed: list[Removal]) -> list[str]:
    kept = []
    for line in lines:
        reason = next((reason for reason, pattern in _BOILERPLATE if pattern.search(line)), None)
        if reason is None and _is_ticker(line):
            reason = "news ticker"
        if reason:
            removed.append(Removal(reason, line))
        else:
            kept.append(line)
    return kept


def _content_indexes(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line]


def _take_outlet(lines: list[str], removed: list[Removal]) -> tuple[list[str], str | None]:
    """A short credit line naming the outlet, near the top or at the very end."""
    content = _content_indexes(lines)
    candidates = content[1:3] + content[-2:]
    for index in candidates:
        line = lines[index]
        if _words(line) <= 6 and not _ends_sentence(line) and _OUTLET.search(line):
            removed.append(Removal("outlet credit", line))
            return lines[:index] + lines[index + 1 :], line
    return lines, None


def _drop_section_label(lines: list[str], removed: list[Removal]) -> list[str]:
    """A one- or two-word label ("مصر") above the headline, set apart by a blank line."""
    content = _content_indexes(lines)
    if len(content) >= 2:
        first, second = content[0], content[1]
        if _words(lines[first]) <= 2 and second > first + 1 and not _ends_sentence(lines[second]):
            removed.append(Removal("section label", lines[first]))
            return lines[second:]
    return lines


def _drop_related_headlines(lines: list[str], removed: list[Removal]) -> list[str]:
    """Two or more short unpunctuated lines that close the page after a finished paragraph."""
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    start = end
    while (
        start
        and lines[start - 1]
        and _words(lines[start - 1]) <= _MAX_RELATED_WORDS
        and not _ends_sentence(lines[start - 1])
    ):
        start -= 1
    if end - start >= 2 and start and _ends_sentence(lines[start - 1]):
        removed.extend(Removal("related headlines", line) for line in lines[start:end])
        return lines[:start]
    return lines


def _headline(lines: list[str]) -> str:
    """The first line when it reads as a headline: short, unfinished, followed by a blank line."""
    content = _content_indexes(lines)
    if not content:
        return ""
    first = content[0]
    line = lines[first]
    followed_by_blank = first + 1 < len(lines) and not lines[first + 1]
    if followed_by_blank and _words(line) <= _MAX_HEADLINE_WORDS and not line.endswith("."):
        return line
    return ""


def _reflow(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line that does not end a sentence continues on the next."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if _ends_sentence(line):
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def _first_words(paragraph: str, count: int = 12) -> str:
    """A title for a page without a headline: the start of its first sentence."""
    sentence = re.split(r"(?<=[.!?؟])\s", paragraph, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
