"""Suggested attributions after PARC 3.0: who (source) says (cue) what (content), in offsets.

`suggest_attributions(text, entities=None)` returns `Suggestion`s in text order, each with a
calibrated `confidence` (`confidence.py`); `shown(suggestions, minimum)` keeps those that reach a
threshold. The lexicon of cues is data in `lexicon_data.py`. Nothing here imports Textual, Rich
or `tui`.
"""

from annotations.attribution.confidence import DEFAULT_SUGGESTION_THRESHOLD, shown
from annotations.attribution.evaluation import Score, load_gold, score
from annotations.attribution.suggester import suggest_attributions
from annotations.attribution.suggestion import (
    CUE_CLASSES,
    SOURCE_TYPES,
    Cue,
    CueClass,
    EntityLink,
    Excerpt,
    Source,
    SourceType,
    Suggestion,
)

__all__ = [
    "CUE_CLASSES",
    "DEFAULT_SUGGESTION_THRESHOLD",
    "SOURCE_TYPES",
    "Cue",
    "CueClass",
    "EntityLink",
    "Excerpt",
    "Score",
    "Source",
    "SourceType",
    "Suggestion",
    "load_gold",
    "score",
    "shown",
    "suggest_attributions",
]
