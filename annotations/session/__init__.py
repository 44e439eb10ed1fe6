"""The annotation workflow without a display: what each reader key does.

`ReadingSession` holds one article open for one annotator; the app only maps keys to its methods
and to those of its `WordCursor` (`session.cursor`), and draws what they expose (`marks()`,
`cursor.word_range()`, `cursor.selection()`, `counts()`, `pending_suggestions()`).
`SuggestionReview` reviews the suggested attributions of an article.
"""

from annotations.session.adjudication import Adjudication
from annotations.session.article_find import ArticleFind
from annotations.session.article_stats import StoreStats, progress_summary, store_stats
from annotations.session.citation import citation
from annotations.session.entity_corrections import (
    SCOPE_WORDS,
    Correction,
    Reach,
    corpus_reach,
    correction_message,
)
from annotations.session.entity_marks import (
    Recogniser,
    corpus_recogniser,
    default_recogniser,
    entity_decisions,
    precomputed_recogniser,
)
from annotations.session.history_lines import HistoryLine, history_lines
from annotations.session.mark import Mark
from annotations.session.proposal import AttributionSequence, Proposal
from annotations.session.reading import PanelItem, ReadingSession
from annotations.session.suggestion_review import SuggestionReview
from annotations.session.text_units import clause_around, quotation_around, sentence_ranges
from annotations.session.word_cursor import WordCursor

__all__ = [
    "SCOPE_WORDS",
    "Adjudication",
    "ArticleFind",
    "AttributionSequence",
    "Correction",
    "HistoryLine",
    "Mark",
    "PanelItem",
    "Proposal",
    "Reach",
    "ReadingSession",
    "Recogniser",
    "StoreStats",
    "SuggestionReview",
    "WordCursor",
    "citation",
    "clause_around",
    "corpus_reach",
    "corpus_recogniser",
    "correction_message",
    "default_recogniser",
    "entity_decisions",
    "history_lines",
    "precomputed_recogniser",
    "progress_summary",
    "quotation_around",
    "sentence_ranges",
    "store_stats",
]
