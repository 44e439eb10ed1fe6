"""Agreement between annotators: span F1 (exact and by overlap), word-level Cohen's and Fleiss'
kappa, Krippendorff's unitized alpha and attribution agreement (see docs/agreement.md)."""

from annotations.agreement.report import agreement

__all__ = ["agreement"]
