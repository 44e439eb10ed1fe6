"""How each article names each actor: the titles and appositions it puts beside a person's name
("رئيس الانقلاب المصري عبد الفتاح السيسي", "السيسي، الرئيس المصري،").

An actor is the people entities sharing a surname (the folded last word of the name: السيسي,
عبد الفتاح السيسي and عبدالفتاح السيسي are one actor). A title is the run of words just before
the name that starts with a title word (رئيس، الرئيس، المشير، الجنرال، وزير...) and goes on with
words carrying the article (الانقلاب المصري), or the same run right after the name behind a comma.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from annotations.arabic import WORD_RE
from annotations.corpus.search_keys import search_key
from annotations.entities import Entity

#: Folded head words a title starts with (the article-less form too: رئيس الانقلاب).
TITLE_HEADS = frozenset(
    map(
        search_key,
        """
        رئيس الرئيس رئيسة الرئيسة المشير الجنرال الفريق اللواء العقيد العميد الملك الأمير
        الشيخ السيد السيدة الزعيم قائد القائد وزير الوزير وزيرة الوزيرة نائب النائب المتحدث
        الناطق المستشار السفير الأمين المبعوث زعيم المرشد الإمام البابا ولي حاكم الحاكم
        مدرب المدرب اللاعب النجم المهاجم الحارس الدكتور المعارض الناشط الديكتاتور
        الطاغية السفاح المجرم الإرهابي المخلوع
        """.split(),  # noqa: SIM905 (a word list reads better as text)
    )
)
#: How many words a title may have at most.
MAX_TITLE_WORDS = 6


@dataclass(frozen=True, slots=True)
class Naming:
    """One title an article puts beside an actor's name: `text == article_text[start:end]`."""

    actor: str
    article: str
    start: int
    end: int
    text: str


def actor_key(entity: Entity) -> str | None:
    """The actor a person entity names: its folded surname (None for other entities)."""
    if entity.label != "PER":
        return None
    words = WORD_RE.findall(entity.name)
    return search_key(words[-1]) if words else None


def namings(article_id: str, text: str, entities: Sequence[Entity]) -> list[Naming]:
    """The titles `text` puts beside each person of `entities`."""
    words = [(m.start(), m.end(), search_key(m.group())) for m in WORD_RE.finditer(text)]
    starts = {start: n for n, (start, _, _) in enumerate(words)}
    ends = {end: n for n, (_, end, _) in enumerate(words)}
    found = []
    for entity in entities:
        actor = actor_key(entity)
        if actor is None or entity.start not in starts or entity.end not in ends:
            continue
        for first, last in (
            _title_before(words, text, starts[entity.start]),
            _title_after(words, text, ends[entity.end]),
        ):
            if first is not None:
                start, end = words[first][0], words[last][1]
                found.append(Naming(actor, article_id, start, end, text[start:end]))
    return found


def _title_before(words, text: str, name: int) -> tuple[int | None, int]:
    """The first and last word index of the title ending right before word `name`."""
    n, head = name - 1, None
    while n >= 0 and name - n <= MAX_TITLE_WORDS and _joined(text, words[n], words[n + 1]):
        key = words[n][2]
        if key in TITLE_HEADS:
            head = n
        elif not key.startswith("ال"):
            break
        n -= 1
    return head, name - 1


def _title_after(words, text: str, name: int) -> tuple[int | None, int]:
    """The apposition after word `name` behind a comma: a title head and its article words."""
    first = name + 1
    if first >= len(words) or words[first][2] not in TITLE_HEADS:
        return None, first
    if text[words[name][1] : words[first][0]].strip() not in ("،", ","):
        return None, first
    last = first
    while (
        last + 1 < len(words)
        and last + 1 - first < MAX_TITLE_WORDS
        and words[last + 1][2].startswith("ال")
        and _joined(text, words[last], words[last + 1])
    ):
        last += 1
    return first, last


def _joined(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Whether only spaces stand between two words (no punctuation ends the title)."""
    return not text[left[1] : right[0]].strip()


def counted(found: Sequence[Naming]) -> list[dict]:
    """[{text, count}] of `found`, most frequent first (texts compared folded, the first
    wording kept)."""
    wording: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for naming in found:
        key = " ".join(search_key(w) for w in WORD_RE.findall(naming.text))
        wording.setdefault(key, naming.text)
        counts[key] += 1
    return [{"text": wording[key], "count": n} for key, n in counts.most_common()]
