"""Versions of the code and models that compute results, for caches that must not outlive them.

A version is a digest of rawi's version and of every file (code and model data) of the packages
that compute a result: a retrained model or an edited rule gives another version, so a result
kept under the old one is computed again rather than trusted.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path

from annotations import __version__


def package_digest(*modules: str) -> str:
    """A 16-hex-digit digest of rawi's version and of the files of `modules` (packages whole)."""
    digest = hashlib.sha256(__version__.encode())
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(name)
        origin = Path(spec.origin)
        root = origin.parent if spec.submodule_search_locations else origin
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def recogniser_version() -> str:
    """The version of the entity recogniser (its code, models and word lists)."""
    return package_digest("annotations.entities", "annotations.arabic")


@cache
def suggester_version() -> str:
    """The version of the attribution suggester (its code and lexicons)."""
    return package_digest("annotations.attribution", "annotations.arabic")


@cache
def stories_version() -> str:
    """The version of the story features (leads, statements, namings) of an article."""
    return package_digest("annotations.stories", "annotations.corpus.search_keys")
