"""Where the bundled seed articles are: inside the installed package, or in the checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_COPY = Path(__file__).parent / "bundled_seeds"
_CHECKOUT_COPY = Path(__file__).resolve().parents[2] / "seeds"


def bundled_seeds_dir() -> Path:
    """The folder of the five seed articles shipped with rawi."""
    return _PACKAGE_COPY if _PACKAGE_COPY.is_dir() else _CHECKOUT_COPY
