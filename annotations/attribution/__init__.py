"""Suggested attributions after PARC 3.0: who (source) says (cue) what (content), in offsets.

`suggest_attributions(text, entities=None)` returns `Suggestion`s in text order; the lexicon of
cues is data in `lexicon_data.py`. Nothing here imports Textual, Rich or `tui`.
"""

from annotations.attribution.evaluation import Score, load_gold, score
from annotations.attribution.model import (
    CUE_CLASSES,
    SOURCE_TYPES,
    Cue,
    CueClass,
    EntityLink,
    Source,
    SourceType,
    Span,
    Suggestion,
)
from annotations.attribution.recogniser import suggest_attributions

__all__ = [
    "CUE_CLASSES",
    "SOURCE_TYPES",
    "Cue",
    "CueClass",
    "EntityLink",
    "Score",
    "Source",
    "SourceType",
    "Span",
    "Suggestion",
    "load_gold",
    "score",
    "suggest_attributions",
]
