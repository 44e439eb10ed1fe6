"""Words of person names from Wikidata in Arabic letters (CC0): the foreign-name rule's list.

The list (`wikidata_arabic_name_words.tsv.gz` in `$RAWI_LEXICONS_DIR`, else `../shared/lexicons`
beside the checkout) holds about 65,000 words of person names transliterated from Latin, mostly
foreign names (أتالاي، سيديبي، كريستوبال) that the labelled corpora never show, with how often each
was seen. Each match key gets a frequency band; function words are left out. Many common Arabic
words are also names (سليم، جميل): the rule asks for more than the list (`rules.py`). `train
--wikidata-features` also makes the bands CRF features (not shipped: docs/entities.md).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from annotations.arabic import match_key
from annotations.entities.features import STOP_SURFACES
from annotations.entities.training.conll import eval_dir

LEXICONS_DIR_VARIABLE = "RAWI_LEXICONS_DIR"
WIKIDATA_FILE = "wikidata_arabic_name_words.tsv.gz"
#: Lower bounds of the frequency bands, highest first.
BANDS = (20, 3, 1)
PROVENANCE = (
    "Wikidata person-name words in Arabic letters (GitHub steveash/NETransliteration-COLING2018,"
    " data/wd_arabic.normalized.aligned.tokens), CC0"
)


def lexicons_dir() -> Path:
    """`$RAWI_LEXICONS_DIR`, else `lexicons` beside the evaluation corpora's folder."""
    configured = os.environ.get(LEXICONS_DIR_VARIABLE)
    return Path(configured).expanduser() if configured else eval_dir().parent / "lexicons"


def wikidata_name_bands(path: Path | None = None) -> dict[str, str]:
    """Match key -> frequency band (`"20"`, `"3"` or `"1"`: times seen, at least) of each name
    word of two letters or more that is no function word."""
    path = path or lexicons_dir() / WIKIDATA_FILE
    counts: dict[str, int] = {}
    stop = {match_key(word) for word in STOP_SURFACES}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            _, spaced, count = line.rstrip("\n").split("\t")
            key = match_key(spaced.replace(" ", ""))
            if len(key) > 1 and key not in stop:
                counts[key] = counts.get(key, 0) + int(count)
    return {key: str(next(b for b in BANDS if n >= b)) for key, n in sorted(counts.items())}
