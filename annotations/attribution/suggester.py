"""Suggest attributions (cue, source, content) in an Arabic news text, sentence by sentence.

Rule-based: cues come from the lexicon; after each cue the suggester looks for what opens its
content (`content.py`) and takes the words in between as the source, else the words before the
verb (`source_finder.py`). Participles and subjectless verbs inherit the previous source.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from annotations.arabic import match_key, surface_offset
from annotations.attribution import lexicon_data as data
from annotations.attribution.agreement import agrees
from annotations.attribution.confidence import Basis, SourceOrigin, confidence, evidence
from annotations.attribution.content import (
    COMPLEMENTISER_KEYS,
    PREPOSITION_FORMS,
    Intro,
    clause_from,
    find_introducer,
    introduced_content,
)
from annotations.attribution.context import SentenceContext
from annotations.attribution.headlines import headline_colon
from annotations.attribution.keyed_words import Words, plain
from annotations.attribution.lexicon import CueMatch, cue_at, key_set
from annotations.attribution.pro_drop import opening_subjects, passive, resumptive_after
from annotations.attribution.segments import Sentence, sentences
from annotations.attribution.source_finder import (
    HEADS,
    RELATIVES,
    back_source,
    forward_source,
    joined_by_wa,
    source_over,
    subject_after,
)
from annotations.attribution.suggestion import Cue, EntityLink, Excerpt, Source, Suggestion

_CLAUSE_CUES = frozenset({"participle", "source_first", "verb_first", "pronoun"})
_PREDICATES = frozenset({"verb", "noun", "participle"})
_SOURCE_LINKS = frozenset({"ل", "ما", "لما"})
_ANTECEDENTS = 3  # sources a subjectless cue may look back over for one that agrees with it
_LOOK_BACK = 40  # suggestions it may look back over at all (bounded work per cue)
_SAYING = "قائل"
_CLOSING_MARKS = "\"”»"
_SOURCE_ENDS = key_set((*data.SOURCE_STOP_WORDS, *data.TIME_WORDS))
_BARE_COMPLEMENTISERS = key_set(data.COMPLEMENTISERS)
_SPEAKER_WORDS = 10  # words between عن and قوله
_REPORTING = "نقل"
#: أنه، إنها، إنهم ...: a complementiser with its pronoun, the subject of the verb after it.
_PRONOUN_SUBJECTS = COMPLEMENTISER_KEYS - {match_key(word) for word in ("أن", "إن", "بأن")}
#: Words after which a cue's form is a verbal noun, not a verb (من تعهد، بعد إعلان).
_GOVERNING = PREPOSITION_FORMS | {plain(word) for word in ("بعد", "قبل", "منذ", "عقب", "إثر")}
_WHAT = frozenset({"ما", "بما", "مما", "لما"})
_FUNCTION = frozenset(map(plain, data.FUNCTION_WORDS))
_APPOSITION = 10  # words of an apposition between commas after a subject
_CALLS = frozenset({"دعوة", "دعوات"})  # reporting nouns that are a verb's object as often


def _opens_weak_cue(
    intro: Intro | None, after: int, words: Words, context: SentenceContext
) -> bool:
    """Whether a weak cue (رأى، اعتبر، ثمّن ...) is used for reporting: before أن/إن, a colon, its
    own preposition, or a quotation right after it, after a colon (وتابع قائلا: "...") or after
    a channel (عنونت جمهورييت على موقعها "...")."""
    if intro is None:
        return False
    if intro.kind == "quote" and intro.quotation is not None:
        colon = ":" in words.text[words.tokens[after - 1].end : intro.quotation.start]
        channel = any(
            c.entry.kind == "frame" and after <= c.first and c.first + c.length == intro.token
            for c in context.cues
        )
        return intro.token == after or colon or channel
    return intro.kind in ("complementiser", "colon", "preposition")


def _imperfect(key: str, lemma: str) -> bool:
    """Whether a verb cue's key is an imperfect form (يعتقد، تتوقع), not a perfect (توقعت)."""
    bare = key[1:] if joined_by_wa(key) or key[:1] == "ف" else key
    return bare[:1] in ("ي", "ت") and not bare.startswith(match_key(lemma)[:2])


def _complementiser(intro: Intro | None) -> bool:
    return intro is not None and intro.kind == "complementiser"


class LabelledRange(Protocol):
    """What the suggester reads from an entity of `annotations.entities.recognise`."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


def suggest_attributions(
    text: str, entities: Sequence[LabelledRange] | None = None
) -> list[Suggestion]:
    """The attributions suggested in `text`, in text order; `entities` sharpen the sources."""
    links = sorted(
        (EntityLink(e.start, e.end, e.label) for e in entities or ()), key=lambda e: e.start
    )
    reader = _Reader(Words(text, links))
    for sentence in sentences(text):
        reader.read(sentence)
    return _nest(reader.suggestions, reader.heirs)


def _nest(found: list[Suggestion], heirs: dict[int, int]) -> list[Suggestion]:
    """Set `nested_in` to the suggestion with the smallest content holding each cue; one that
    inherits its source (، مؤكداً ...) stands where the suggestion it inherits from stands.

    Contents are looked up by where they start: one holding a cue starts at most the longest
    content's length before it, so the work stays linear in the text."""
    spans = sorted((s.start, s.end, at) for at, other in enumerate(found) for s in other.content)
    starts = [start for start, _, _ in spans]
    reach = max((end - start for start, end, _ in spans), default=0)
    nested: list[Suggestion] = []
    for position, suggestion in enumerate(found):
        cue = suggestion.cue
        first = bisect.bisect_left(starts, cue.start - reach)
        near = spans[first : bisect.bisect_right(starts, cue.start)]
        holders = {index for start, end, index in near if cue.end <= end and index != position}
        outer = [(sum(s.end - s.start for s in found[index].content), index) for index in holders]
        if outer:
            nested_in: int | None = min(outer)[1]
        else:
            heir_of = heirs.get(position)
            nested_in = None if heir_of is None else nested[heir_of].nested_in
        nested.append(replace(suggestion, nested_in=nested_in))
    return nested


class _Reader:
    """Reads a text sentence by sentence, remembering the last source for participles."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.suggestions: list[Suggestion] = []
        self.heirs: dict[int, int] = {}  # suggestion -> the one whose source it inherits
        self.quoted_until: dict[int, int] = {}  # suggestion -> end of the quotation holding it
        self.last: int | None = None  # the last suggestion with a source
        self.last_outer: int | None = None  # the same, among those not nested
        self.sentence_start = 0  # the first suggestion of the sentence being read
        self.previous: Sentence | None = None  # the sentence before, in the same paragraph
        self.current: Sentence | None = None

    def read(self, sentence: Sentence) -> None:
        """Add the suggestions of one sentence."""
        same_paragraph = self.current is not None and "\n" not in self.words.text[
            self.current.end : sentence.start
        ]
        self.previous, self.current = (self.current if same_paragraph else None), sentence
        lo, hi = self.words.index_at(sentence.start), self.words.index_at(sentence.end)
        cues = self._cues(lo, hi)
        cuts = tuple(cut for cue in cues if (cut := self._clause_cut(cue)) is not None)
        context = SentenceContext(sentence, lo, hi, tuple(cues), cuts, len(self.suggestions))
        self.sentence_start = len(self.suggestions)
        self.last = self.last_outer
        headline = headline_colon(self.words, context)
        if headline is not None:
            self.suggestions.append(headline)
            self.last = self.last_outer = len(self.suggestions) - 1
        predicates = [c.first for c in cues if c.entry.kind in _PREDICATES]
        for cue in cues:
            later = bisect.bisect_right(predicates, cue.first)
            following = predicates[later] if later < len(predicates) else hi
            suggestion = self._suggest(cue, context, following)
            if suggestion is None:
                continue
            self.suggestions.append(suggestion)
            at = suggestion.cue.start
            quotation = next((q for q in sentence.quotations if q.start < at < q.inner[1]), None)
            if quotation is not None:
                self.quoted_until[len(self.suggestions) - 1] = quotation.end
            if suggestion.source is not None:
                self.last = len(self.suggestions) - 1
                if not self._is_nested(suggestion, sentence):
                    self.last_outer = self.last

    def _is_nested(self, suggestion: Suggestion, sentence: Sentence) -> bool:
        """Whether a suggestion stands inside another's content or inside a quotation."""
        cue = suggestion.cue
        # contents stay inside their sentence: only this sentence's suggestions can hold the cue
        earlier = self.suggestions[self.sentence_start : -1]  # the suggestion itself was just added
        return any(
            s.start <= cue.start < s.end for other in earlier for s in other.content
        ) or any(q.start < cue.start < q.inner[1] for q in sentence.quotations)

    def _antecedent(self, cue: CueMatch) -> int | None:
        """The suggestion whose source a subjectless cue inherits: the latest one from `last` back
        that agrees with the cue, skipping those inside a quotation closed before the cue."""
        if self.last is None:
            return None
        at = self.words.tokens[cue.first].start
        tried = 0
        for index in range(self.last, max(self.last - _LOOK_BACK, -1), -1):
            candidate = self.suggestions[index]
            if candidate.source is None or self.quoted_until.get(index, at + 1) <= at:
                continue
            if self._agreeing(cue, candidate.source, before=True) is not None:
                return index
            tried += 1
            if tried == _ANTECEDENTS:
                break
        return None

    def _cues(self, lo: int, hi: int) -> list[CueMatch]:
        found: list[CueMatch] = []
        at = lo
        while at < hi:
            match = cue_at(self.words.keys, at)
            if match is None or at + match.length > hi:
                at += 1
                continue
            if match.entry.kind == "verb_first" and at + match.length < hi:
                match = CueMatch(at, match.length + 1, match.entry)  # حسبما + أعلن
            if self._manner(match, found) or self._adverbial(match) or self._noun_in_ya(match):
                at += match.length
                continue  # وأضاف المصدر قائلا: the verb is the cue, قائلا only says how
            found.append(match)
            at += match.length
        return found

    def _noun_in_ya(self, cue: CueMatch) -> bool:
        """Whether a weak-final perfect (رأى، نفى) is written with ي: the noun (رأي، نفي) or a
        name (تشيانغ راي), not the verb."""
        lemma, word = cue.entry.lemma, self.words.plain[cue.first]
        bare = word[1:] if word[:1] in "وف" and len(word) > len(lemma) else word
        return lemma.endswith("ى") and bare == plain(lemma)[:-1] + "ي"

    def _adverbial(self, cue: CueMatch) -> bool:
        """Whether a participle stands with neither a comma nor و before it: an adverb (أكد كيم
        مجدداً)، not a cue that opens a clause (، مجدداً تأكيده / ومؤكداً)."""
        if cue.entry.kind != "participle":
            return False
        return not self.words.keys[cue.first].startswith("و") and not self._after_pause(cue.first)

    def _manner(self, cue: CueMatch, found: list[CueMatch]) -> bool:
        """Whether `cue` is قائلاً in the clause of a verb cue before it (no comma between)."""
        if cue.entry.lemma != _SAYING or self.words.comma_before(cue.first) is not None:
            return False
        return bool(found) and found[-1].entry.kind == "verb" and cue.first - found[-1].first < 8

    def _clause_cut(self, cue: CueMatch) -> int | None:
        """Where a cue that opens its own clause (، مشيرا / ، حسبما ...) ends the one before."""
        if cue.entry.kind not in _CLAUSE_CUES:
            return None
        return self.words.comma_before(cue.first)

    def _suggest(
        self, cue: CueMatch, context: SentenceContext, following: int
    ) -> Suggestion | None:
        kind = cue.entry.kind
        if kind in ("verb", "noun"):
            return self._verb(cue, context, following)
        if kind == "participle":
            return self._participle(cue, context, following)
        if kind in ("source_first", "verb_first"):
            return self._prepositional(cue, context)
        if kind == "pronoun" and len(self.suggestions) == context.first_suggestion:
            return self._pronoun(cue, context)
        if kind == "saying":
            return self._saying(cue, context, following)
        return None  # channels (في بيان) and narrator formulas (يذكر أن) start nothing

    def _verb(self, cue: CueMatch, context: SentenceContext, following: int) -> Suggestion | None:
        words, sentence = self.words, context.sentence
        if cue.entry.with_object and cue.first > 0 and words.keys[cue.first - 1] in _WHAT:
            return None  # مشيدا بما وصفه بـ ...: the pronoun is the relative's, no report
        after = cue.first + cue.length
        if cue.entry.lemma == _REPORTING:
            reported = self._reported(cue, context)
            if reported is not None:
                return reported
        intro = find_introducer(words, cue, context, following)
        if intro is None and cue.entry.weak and cue.entry.kind == "verb":
            intro = self._after_subject(after, context, following)
        if cue.entry.weak and not _opens_weak_cue(intro, after, words, context):
            return None
        governed = cue.first > context.lo and words.plain[cue.first - 1] in _GOVERNING
        if cue.entry.lemma in _CALLS and not governed and not self._after_pause(cue.first) and (
            cue.first > context.lo and not words.keys[cue.first].startswith("و")
        ):
            return None  # تعتزم دعوة الأطراف: after a verb «دعوة» is its object, not a report
        if governed:
            # بعد أيام من تعهد زعيم ...: after a preposition the word is a verbal noun
            if intro is None or intro.kind not in ("complementiser", "preposition"):
                return None
            source = forward_source(words, after, intro.token, context)
            content = introduced_content(words, intro, context)
            return None if source is None else self._finish(cue, source, [content], "verbal_noun")
        if passive(words.tokens[cue.first].text):
            return None  # اتُهمت روسيا بتدبيره: a passive report names no speaker, no attribution
        opening = words.quotation_before(cue.first, sentence)
        quoted = opening is None and words.inside_quotation(cue.first, sentence)
        if quoted and intro is None:
            return None  # inside a quotation a cue needs what opens its content
        resumptive = resumptive_after(words, cue.first + cue.length - 1)
        # a reporting noun's speaker follows it (دعوة الرئيس الأسد السوريين إلى العودة)
        back = None if resumptive or cue.entry.kind == "noun" else (
            back_source(words, cue.first, context)
        )
        back = self._agreeing(cue, back, before=True) or self._plural_before(cue, context)
        pronoun = cue.first > context.lo and words.keys[cue.first - 1] in _PRONOUN_SUBJECTS
        lead = 0  # words before the cue that belong to it (كما)
        if opening is not None and (back is not None or not _complementiser(intro)):
            # “أكدا تصميمهما ...”: the source stands before the quotation
            start = intro.content_start if intro else words.start_or(after, sentence.end)
            source, content, basis = back, words.excerpt(start, opening.inner[1]), "quotation"
        elif intro is not None:
            # إنه حض الطرفين على ...: the subject is the pronoun, its referent is inherited
            forward = None if pronoun else forward_source(words, after, intro.token, context)
            forward = self._agreeing(cue, forward, before=False)
            # الذي يقول عنه خبراء إنه: a subject written after the relative clause's verb
            relative = cue.first > context.lo and words.keys[cue.first - 1] in RELATIVES
            source = back if self._adjacent(back, cue) and not (relative and forward) else (
                forward or back
            )
            if back is not None and forward is not None and self._prepositional_phrase(forward):
                source = back  # محامي بابادوبولوس، توماس برين، أشار بأصابع الاتهام إلى ترامب
            if source is None and not pronoun:
                source = self._shared_subject(cue, context, resumptive)
            content = introduced_content(words, intro, context)
            basis = "quotation" if intro.quotation else intro.kind
        else:
            source, content = self._subject_and_object(after, cue, context, resumptive)
            basis = "object"
            if content is not None and content.end <= words.tokens[cue.first].start:
                lead = int(self._as_said(cue, context))  # the cue is «كما ذكرت»
        spoken = intro is not None and (intro.kind == "colon" or intro.quotation is not None)
        noun = cue.entry.kind == "noun"
        if cue.entry.weak and source is None and (noun or not (spoken or pronoun)):
            return None  # a weak cue needs its speaker written (a verb: or its pronoun: إنه حض)
        if cue.entry.with_object and cue.first > context.lo and (
            words.keys[cue.first - 1] in RELATIVES and (source is None or source.inherited)
        ):
            return None  # حركة حماس التي وصفتها بـ: a relative's verb names its speaker
        if quoted and source is None:
            return None  # a cue inside a quotation names its speaker (“... شكر كيم مون على ...”)
        return self._finish(cue, source, [content], basis, lead=lead)

    def _saying(self, cue: CueMatch, context: SentenceContext, following: int) -> Suggestion | None:
        """«... عن مصدر عسكري قوله إن ...»: the source stands between عن and قوله."""
        about = self._about_before(cue.first, context)
        if about is None:
            return None
        source = source_over(self.words, about + 1, cue.first)
        intro = find_introducer(self.words, cue, context, following)
        if intro is not None:
            content = introduced_content(self.words, intro, context)
        else:
            content = clause_from(self.words, cue.first + 1, context)
        return self._finish(cue, source, [content], "saying")

    def _reported(self, cue: CueMatch, context: SentenceContext) -> Suggestion | None:
        """«نقلت الوكالة عن مصدر قوله إن ...»: the agency reports the saying of the source; its
        content runs from the source after عن to the end of the saying's clause."""
        saying = next(
            (c for c in context.cues if c.first > cue.first and c.entry.kind == "saying"), None
        )
        about = None if saying is None else self._about_before(saying.first, context)
        if about is None or about <= cue.first + cue.length:
            return None
        source = source_over(self.words, cue.first + cue.length, about)
        start = self.words.tokens[about + 1].start
        content = self.words.excerpt(start, context.end_from(start))
        return self._finish(cue, source, [content], "saying")

    def _about_before(self, token: int, context: SentenceContext) -> int | None:
        """The عن that opens the quoted speaker before a saying (قوله) at `token`, if any."""
        for at in range(token - 1, max(context.lo, token - _SPEAKER_WORDS) - 1, -1):
            if at in context.cue_tokens:
                return None
            if self.words.keys[at] == "عن":
                return at
        return None

    def _subject_and_object(
        self, after: int, cue: CueMatch, context: SentenceContext, resumptive: bool
    ) -> tuple[Source | None, Excerpt | None]:
        """With no introducer: the subject before or right after the verb (or shared with the
        clause's opening verb), the object after it."""
        back = None if resumptive else back_source(self.words, cue.first, context)
        back = self._agreeing(cue, back, before=True) or self._plural_before(cue, context)
        # خطاباً اعترف فيه الاتهامات: after فيه comes the object, the subject is the clause's
        subject_end = None if resumptive else subject_after(self.words, after, context.hi)
        source = None if subject_end is None else source_over(self.words, after, subject_end)
        source = self._agreeing(cue, source, before=False)
        if back is not None and (self._adjacent(back, cue) or source is None):
            return back, clause_from(self.words, after, context)
        if source is None or subject_end is None:
            shared = self._shared_subject(cue, context, resumptive)
            if shared is None:
                return None, None
            return shared, clause_from(self.words, after + resumptive, context)
        after_subject = clause_from(self.words, subject_end, context)
        if not self._ends_clause(subject_end, context) and not (
            self._as_said(cue, context) and self._ends_report(subject_end, context)
        ):
            return source, after_subject
        # ...، كما قال رئيس المحكمة العليا (الذي ...). / ...، كما ذكرت منظمة غير حكومية، غداة ...
        return source, self._clause_before(cue, context) or after_subject

    def _ends_clause(self, token: int, context: SentenceContext) -> bool:
        """Whether the clause ends at token `token`: the sentence's end or a relative pronoun."""
        return token >= context.hi or self.words.keys[token] in RELATIVES

    def _ends_report(self, token: int, context: SentenceContext) -> bool:
        """Whether nothing reported follows a source ending at token `token`: the clause ends, a
        time word follows (كما أعلن الحوثيون الاثنين) or, inside a sentence, a comma (، كما ذكرت
        منظمة غير حكومية، غداة ...; at a sentence's start it may be an apposition: كما نفت
        موسكو، حليفتها، وقوع ...)."""
        words = self.words
        return (
            self._ends_clause(token, context) or words.keys[token] in _SOURCE_ENDS
            or (words.comma_before(token) is not None and words.keys[context.lo] != "كما")
        )

    def _as_said(self, cue: CueMatch, context: SentenceContext) -> bool:
        """Whether كما stands before the cue and opens a clause (، كما ذكرت X / . كما أعلن X)."""
        at = cue.first - 1
        return at >= context.lo and self.words.keys[at] == "كما" and (
            at == context.lo or self.words.comma_before(at) is not None
        )

    def _shared_subject(
        self, cue: CueMatch, context: SentenceContext, resumptive: bool
    ) -> Source | None:
        """The subject a verb with none written shares with the verb opening its clause: a verb
        joined by و/ف (عاد الرئيس الأميركي وقال) or one with فيه/فيها (خطاباً اعترف فيه)."""
        words = self.words
        if not (resumptive or joined_by_wa(words.keys[cue.first])):
            return None
        if words.inside_quotation(cue.first, context.sentence) or (
            cue.entry.weak and not resumptive and _imperfect(words.keys[cue.first], cue.entry.lemma)
        ):
            return None  # وأعتقد أن: the speaker's own words; ويعتقد أن: anyone's belief
        first = context.first_suggestion
        said = {  # the sources written or shared in this sentence, not those inherited
            words.index_at(s.cue.start): s.source
            for at, s in enumerate(self.suggestions[first:], first)
            if s.source is not None and at not in self.heirs
        }
        candidates = [*self._clause_cue_subjects(cue, context, said)] + [
            said.get(opening.verb, opening.source)  # its suggestion's source if any
            for opening in opening_subjects(words, context, cue.first)
        ]
        for subject in candidates:
            if self._agreeing(cue, subject, before=True) is not None:
                return replace(subject, inherited=True)
        return None

    def _clause_cue_subjects(
        self, cue: CueMatch, context: SentenceContext, said: dict[int, Source]
    ) -> list[Source]:
        """The source of the verb cue before `cue` in its clause (no comma between), or the
        subject standing right before it (الصحيفة ... ترفض هذه الاتهامات وتندد بـ ...)."""
        words = self.words
        earlier = [c for c in context.cues if c.first < cue.first and c.entry.kind == "verb"]
        if not earlier:
            return []
        verb = earlier[-1]
        if any(words.comma_before(at) is not None for at in range(verb.first + 1, cue.first + 1)):
            return []
        if verb.first in said:
            return [said[verb.first]]
        if joined_by_wa(words.keys[verb.first]) or resumptive_after(words, verb.first):
            return []
        back = back_source(words, verb.first, context)
        return [back] if back is not None and self._adjacent(back, verb) else []

    def _after_subject(self, after: int, context: SentenceContext, following: int) -> Intro | None:
        """أن/إن right after the subject of a weak verb, or after the comma ending its apposition
        (a channel between allowed), beyond the weak window: «ورأى أحمد عادل محلل قطاع الاتصالات
        بشركة بلتون فاينانشال، أنه ...»، «وصف وزير الخارجية الإيراني، محمد جواد ظريف، إن ...»."""
        words = self.words
        limit = min(following, context.hi)
        commas = [at for at in range(after + 1, min(limit, after + _APPOSITION)) if (
            words.comma_before(at) is not None
        )]
        subject_end = subject_after(words, after, limit)
        for at in [*([subject_end] if subject_end else []), *commas[:2]]:
            frame = next(
                (c for c in context.cues if c.first == at and c.entry.kind == "frame"), None
            )
            if frame is not None:  # ، في مقابلة مع "العربية"، أن
                at = frame.first + frame.length
                while at < limit and words.keys[at] not in COMPLEMENTISER_KEYS and (
                    words.comma_before(at) is None and at - frame.first < _APPOSITION
                ):
                    at += 1
            if at < limit and words.keys[at] in COMPLEMENTISER_KEYS:
                return self._complementiser_at(at, context)
        return None

    def _complementiser_at(self, at: int, context: SentenceContext) -> Intro:
        """The opener أن/إن at token `at` (with a pronoun, أنه، إنها, the pronoun is content)."""
        words = self.words
        bare = words.keys[at] in _BARE_COMPLEMENTISERS
        start = words.tokens[at].end if bare else words.tokens[at].start
        return Intro("complementiser", at, start, words.quotation_after(at, context.sentence))

    def _plural_before(self, cue: CueMatch, context: SentenceContext) -> Source | None:
        """The plural noun right before a plural verb, when no subject could be read before it:
        the noun a relative clause without الذين is about (للقضاء على مسلحين أعلنوا الولاء)."""
        at = cue.first - 1
        if cue.entry.agreement != "p" or at < context.lo or self.words.comma_before(cue.first):
            return None
        if not self.words.plain[at].endswith("ين") or self.words.plain[at] in _FUNCTION:
            return None
        return source_over(self.words, at, cue.first)

    def _prepositional_phrase(self, source: Source) -> bool:
        """Whether a source after its verb is ب + a noun in construct with a definite noun, outside
        any entity (بأصابع الاتهام): how the verb is done, not who does it, when a subject stands
        before the verb (a name in ب stands alone or before a name: بدوي، بطل أوروبا)."""
        words = self.words
        first, end = words.index_at(source.start), words.index_at(source.end)
        key = words.keys[first]
        return (
            end - first >= 2 and key[:1] == "ب" and key not in HEADS and not source.entities
            and words.keys[first + 1].startswith("ال")
        )

    def _adjacent(self, source: Source | None, cue: CueMatch) -> bool:
        """Whether `source` stands right before the cue, with no comma between (الروس أوضحوا،
        واشنطن تحذر، كانت موغيريني قد أكدت): a subject before its verb, not a clause before it."""
        if source is None or cue.entry.kind != "verb":
            return False  # a reporting noun's source follows it (إعلان وزير الداخلية أن)
        words = self.words
        between = range(words.index_at(source.end), cue.first + 1)
        return all(words.comma_before(at) is None for at in between)

    def _clause_before(self, cue: CueMatch, context: SentenceContext) -> Excerpt | None:
        """The clause before «، قال X» or «، كما قال X» that ends its sentence: what X said."""
        first = cue.first - (self.words.keys[cue.first - 1] == "كما")
        if first == context.lo and self.previous is not None and self._as_said(cue, context):
            # «... قتل 844 شخصا. كما أعلن المعهد الجيولوجي الأميركي.»: the sentence before
            return self.words.excerpt(self.previous.start, self.previous.end)
        comma = self.words.comma_before(first) if first > context.lo else None
        if comma is None:
            return None
        start = max([context.sentence.start, *(c for c in context.cuts if c < comma)])
        return self.words.excerpt(start, comma)

    def _agreeing(self, cue: CueMatch, source: Source | None, before: bool) -> Source | None:
        """`source` when it agrees with the cue's gender and number (standing `before` it)."""
        if source is None:
            return None
        words = self.words
        keys = words.keys[words.index_at(source.start) : words.index_at(source.end)]
        return source if keys and agrees(cue.entry.agreement, keys, before) else None

    def _participle(
        self, cue: CueMatch, context: SentenceContext, following: int
    ) -> Suggestion | None:
        """، مؤكداً أن ... / ومشيداً بـ ...: content after it, the source inherited."""
        coordinated = self.words.keys[cue.first].startswith("و")
        if not coordinated and not self._after_pause(cue.first):
            return None
        intro: Intro | None = find_introducer(self.words, cue, context, following)
        if intro is not None:
            content = introduced_content(self.words, intro, context)
        else:
            content = clause_from(self.words, cue.first + cue.length, context)
        return self._finish(
            cue, self._opening_speaker(cue, context), [content], "participle" if intro else "object"
        )

    def _opening_speaker(self, cue: CueMatch, context: SentenceContext) -> Source | None:
        """The subject of the sentence's opening verb for a participle after a comma when no
        speaker was found before it in the sentence (أصدر قادة الدول بياناً ...، مطالبة موسكو);
        after a closing quotation mark the last speaker goes on (“...” مضيفاً)."""
        if self.words.comma_before(cue.first) is None or any(
            s.source for s in self.suggestions[context.first_suggestion :]
        ):
            return None
        return self._opening_subject(cue, context)

    def _opening_subject(self, cue: CueMatch, context: SentenceContext) -> Source | None:
        """The subject of the sentence's opening verb, if it agrees with the cue."""
        for subject in reversed(opening_subjects(self.words, context, cue.first)):
            if self._agreeing(cue, subject.source, before=True) is not None:
                return replace(subject.source, inherited=True)
        return None

    def _after_pause(self, token: int) -> bool:
        """Whether a comma or a closing quotation mark stands right before token `token`."""
        start, end = self.words.gap(token)
        return self.words.comma_before(token) is not None or any(
            mark in self.words.text[start:end] for mark in _CLOSING_MARKS
        )

    def _prepositional(self, cue: CueMatch, context: SentenceContext) -> Suggestion | None:
        """بحسب X، ... (content after) or ...، حسبما أعلن X (content before)."""
        words = self.words
        after = cue.first + cue.length
        while after < context.hi and words.keys[after] in _SOURCE_LINKS:
            after += 1
        source = forward_source(words, after, context.hi, context, True, addressee=False)
        comma = words.comma_before(cue.first)
        if source is None:
            return self._said_by_last(cue, context, comma)
        end = comma if comma is not None else words.tokens[cue.first].start
        before = words.excerpt(context.sentence.start, end)
        leads = cue.first == context.lo or (cue.first - context.lo <= 4 and comma is not None)
        if not leads:
            # قالت وسائل إعلام نقلا عن مصدر عسكري، إن ... / وأبلغ الأسد ... وفق ما نقل موقع
            # الرئاسة عنه أن ...: what the verb before reports follows the source
            reported = self._reported_after(source, context)
            return self._finish(cue, source, [before, reported], "prepositional")
        after_source = clause_from(words, words.index_at(source.end), context)
        # وأضاف راضي، بحسب ما نشرته الوكالة، أن ...: the verb before is reported too
        reported_verb = any(
            context.lo <= c.first < cue.first and c.entry.kind in _PREDICATES for c in context.cues
        )
        excerpts = [before, after_source] if reported_verb else [after_source]
        return self._finish(cue, source, excerpts, "prepositional")

    def _said_by_last(
        self, cue: CueMatch, context: SentenceContext, comma: int | None
    ) -> Suggestion | None:
        """«...، حسبما أعلن.»: a verb-first cue ending its sentence with no source written
        reports the words before it for the last speaker, when nothing in the sentence is
        reported yet."""
        if cue.entry.kind != "verb_first" or cue.first + cue.length < context.hi:
            return None
        if len(self.suggestions) > context.first_suggestion or cue.first == context.lo:
            return None
        end = comma if comma is not None else self.words.tokens[cue.first].start
        before = self.words.excerpt(context.sentence.start, end)
        # وسخر ستفين ديول من ...، حسبما يقول: the sentence's opening subject, else the last speaker
        return self._finish(cue, self._opening_subject(cue, context), [before], "prepositional")

    def _reported_after(self, source: Source, context: SentenceContext) -> Excerpt | None:
        """The content opened by أن/إن right after a prepositional cue's source (a comma between
        allowed), or None."""
        words = self.words
        at = words.index_at(source.end)
        if at >= context.hi or words.keys[at] not in COMPLEMENTISER_KEYS:
            return None
        return introduced_content(words, self._complementiser_at(at, context), context)

    def _pronoun(self, cue: CueMatch, context: SentenceContext) -> Suggestion | None:
        """…، على حد قوله: the clause before, said by the previous source."""
        comma = self.words.comma_before(cue.first)
        end = comma if comma is not None else self.words.tokens[cue.first].start
        return self._finish(cue, None, [self.words.excerpt(context.sentence.start, end)], "pronoun")

    def _finish(
        self,
        cue: CueMatch,
        source: Source | None,
        content: Sequence[Excerpt | None],
        basis: Basis,
        lead: int = 0,
    ) -> Suggestion | None:
        """The suggestion, once it has content; a missing source is inherited when possible. Its
        confidence is the calibrated precision of its `basis` and how its source was found."""
        excerpts = tuple(excerpt for excerpt in content if excerpt is not None)
        if not excerpts:
            return None
        heir_of = None if source is not None else self._antecedent(cue)
        if heir_of is not None:
            source = replace(self.suggestions[heir_of].source, inherited=True)
            self.heirs[len(self.suggestions)] = heir_of
        shared = source is not None and source.inherited  # the clause's subject (pro_drop.py)
        origin: SourceOrigin = "written" if heir_of is None and not shared else "inherited"
        if source is None:
            origin = "none"
        found_by = evidence(basis, origin, cue.entry.weak)
        words = self.words
        first = cue.first - lead
        start = words.tokens[first].start
        key = words.keys[first]
        if key[0] in "وف" and (lead or cue_at([key[1:]], 0)):  # the conjunction stays out
            start += surface_offset(words.tokens[first].text, 1)
        end = words.tokens[cue.first + cue.length - 1].end
        return Suggestion(
            Cue(start, end, words.text[start:end], cue.entry.cls),
            source,
            excerpts,
            confidence=confidence(found_by),
            evidence=found_by,
        )
