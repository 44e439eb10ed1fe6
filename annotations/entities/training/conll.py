"""Token-per-line NER corpora ("token tag", blank line between sentences) as PER/LOC/ORG/MISC BIO.

Each source's tag set is mapped here and nowhere else: ANERcorp (PERS, LOC, ORG, MISC), AQMAR
(PER, LOC, ORG, MIS0-3 with release typos) and WikiFANE Gold (50 fine classes). The corpora are
read from `$RAWI_EVAL_DIR`, else from `../shared/eval` beside the checkout.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import annotations as _package

EVAL_DIR_VARIABLE = "RAWI_EVAL_DIR"
#: The entity types scored and learned from (MISC is read but neither scored nor shipped).
TYPES = ("PER", "LOC", "ORG")

_WIKIFANE = {
    "PER": "Politician Other_PER Artist Scientist Religious_PER Athlete Businessperson Engineer"
    " Lawyer Police",
    "LOC": "Nation Population-Center State-or-Province Continent Water-Body Land-Region-Natural"
    " GPE-Cluster County-or-District",
    "ORG": "Government Commercial Non-Governmental Educational Media Sports Religious_ORG"
    " Medical-Science Entertainment",
    "O": "Group",
}
WIKIFANE_CLASSES = {fine: coarse for coarse, names in _WIKIFANE.items() for fine in names.split()}
_COARSE = {"PER": "PER", "PERS": "PER", "LOC": "LOC", "ORG": "ORG"}
_INVISIBLE = str.maketrans(dict.fromkeys(map(ord, "\ufeff\u200e\u200f\r"), None))


def eval_dir() -> Path:
    """The folder of the evaluation corpora: `$RAWI_EVAL_DIR`, else `../shared/eval` beside the
    checkout (the folder holding the `annotations` package)."""
    configured = os.environ.get(EVAL_DIR_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    return Path(_package.__file__).resolve().parent.parent.parent / "shared" / "eval"


def missing_eval_dir() -> str | None:
    """Why the evaluation corpora cannot be read (for a test's skip reason), or None."""
    folder = eval_dir()
    if folder.is_dir():
        return None
    return f"evaluation corpora not found in {folder}: set ${EVAL_DIR_VARIABLE} to their folder"


@dataclass(frozen=True, slots=True)
class Sentence:
    """Tokens and their BIO tags over PER/LOC/ORG/MISC."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def map_tag(raw: str, fine_classes: dict[str, str] | None = None) -> str:
    """One source tag as B-/I- PER, LOC, ORG or MISC, or O (typos like `I--ORG`, `OO` tolerated)."""
    raw = raw.strip().strip("`")
    prefix, _, kind = raw.partition("-")
    if prefix not in ("B", "I") or not kind:
        return "O"
    kind = kind.lstrip("-")
    coarse = fine_classes.get(kind, "MISC") if fine_classes else _COARSE.get(kind, "MISC")
    return "O" if coarse == "O" else f"{prefix}-{coarse}"


def read_conll(path: Path, fine_classes: dict[str, str] | None = None) -> Iterator[Sentence]:
    """The sentences of one file; `fine_classes` maps a fine tag set (WikiFANE) to coarse types."""
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").translate(_INVISIBLE).splitlines():
        parts = line.split()
        if len(parts) < 2:
            if tokens:
                yield Sentence(tuple(tokens), tuple(tags))
            tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(map_tag(parts[-1], fine_classes))
    if tokens:
        yield Sentence(tuple(tokens), tuple(tags))


def anercorp(split: str) -> list[Sentence]:
    """ANERcorp: `train`, `test` (official) or `test.bugfixed`."""
    name = (
        "ANERCorp_CamelLab_train.reconstructed.txt"
        if split == "train"
        else f"ANERCorp_CamelLab_{split}.txt"
    )
    return list(read_conll(eval_dir() / "anercorp" / name))


def aqmar() -> list[Sentence]:
    """The 28 AQMAR Wikipedia articles."""
    return [s for path in sorted((eval_dir() / "aqmar").glob("*.txt")) for s in read_conll(path)]


def wikifane() -> list[Sentence]:
    """WikiFANE Gold, fine classes mapped to PER/LOC/ORG (artefacts, works, facilities as MISC)."""
    path = eval_dir() / "wikifane_gold" / "WikiFANE_Gold_2014_500K.txt"
    return list(read_conll(path, WIKIFANE_CLASSES))
