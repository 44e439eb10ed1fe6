"""The figures of a corpus and its annotation, display-free: what `rawi report` and the
statistics screen show (articles per outlet, progress per annotator, tags per label ...)."""

from annotations.figures.figures import (
    NO_OUTLET,
    NO_SOURCE_TYPE,
    NO_VERDICT,
    Figures,
    Progress,
    Tally,
    compute_figures,
    corpus_figures,
)

__all__ = [
    "NO_OUTLET",
    "NO_SOURCE_TYPE",
    "NO_VERDICT",
    "Figures",
    "Progress",
    "Tally",
    "compute_figures",
    "corpus_figures",
]
