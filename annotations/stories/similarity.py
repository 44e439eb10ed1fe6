"""Same-event scores of article pairs: character n-gram and word TF-IDF over title and lead,
less a penalty that grows with the days between them.

scikit-learn's sparse TF-IDF is used because the corpus-wide product of tens of thousands of
leads only fits in memory and time as sparse matrices. It is imported when vectors are made:
importing scikit-learn loads Rich (for its progress callbacks), which the core must not pull in
when merely imported. Pairs are scored only within the date
window (undated articles against every article).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import count

import numpy as np
from scipy import sparse

from annotations.stories.leads import Lead

#: Weights of the pair score (chosen on the even-numbered pairs of tests/data/story_pairs,
#: see docs/stories.md): the character and word similarities, and the penalty per log-day.
CHAR_WEIGHT = 0.55
WORD_WEIGHT = 0.45
DAY_PENALTY = 0.45
#: Word similarity below which a pair is not scored at all (it could not reach any threshold
#: used; this keeps the character product to the pairs worth it).
WORD_FLOOR = 0.08


@dataclass(frozen=True)
class Vectors:
    """The leads as rows of L2-normalised TF-IDF vectors, and their days (NaN: undated)."""

    chars: sparse.csr_matrix
    words: sparse.csr_matrix
    days: np.ndarray

    def scores(self, rows: np.ndarray, columns: np.ndarray, window: float) -> np.ndarray:
        """The pair scores of `rows` x `columns` (dense); pairs beyond `window` days are -inf."""
        chars = (self.chars[rows] @ self.chars[columns].T).toarray()
        words = (self.words[rows] @ self.words[columns].T).toarray()
        gaps = np.abs(self.days[rows][:, None] - self.days[columns][None, :])
        return _combined(chars, words, gaps, window)


@dataclass(frozen=True)
class Vocabulary:
    """The terms (by column) and inverse document frequencies the TF-IDF was fitted with: words
    of the wide lead, character n-grams of title + lead. Kept beside the stories cache (`.npz`,
    no pickle), so that articles added later are vectorised as the corpus was."""

    words: tuple[str, ...]
    word_idf: np.ndarray
    grams: tuple[str, ...]
    gram_idf: np.ndarray

    def arrays(self) -> dict[str, np.ndarray]:
        """The vocabulary as arrays to save in an `.npz` (no pickle): the terms packed, the
        frequencies as they are."""
        return {
            "words": packed(self.words), "word_idf": self.word_idf,
            "grams": packed(self.grams), "gram_idf": self.gram_idf,
        }  # fmt: skip

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray]) -> Vocabulary:
        """The vocabulary of `arrays()` (KeyError or ValueError when they are not its)."""
        return cls(
            unpacked(data["words"]), data["word_idf"], unpacked(data["grams"]), data["gram_idf"]
        )


def packed(terms: Sequence[str]) -> np.ndarray:
    """Strings without a newline as one array of bytes (newline-joined UTF-8)."""
    return np.frombuffer("\n".join(terms).encode("utf-8", "surrogatepass"), dtype=np.uint8)


def unpacked(data: np.ndarray) -> tuple[str, ...]:
    """The strings of `packed`."""
    text = data.tobytes().decode("utf-8", "surrogatepass")
    return tuple(text.split("\n")) if text else ()


def vectorise(
    leads: Sequence[Lead], vocabulary: Vocabulary | None = None
) -> tuple[Vectors, Vocabulary]:
    """TF-IDF of character 3-5-grams (inside words) of title + lead, and of the wider lead's
    words: fitted on `leads`, or with `vocabulary` (terms it does not know are left out)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    known = None if vocabulary is None else dict(zip(vocabulary.words, count()))
    words = TfidfVectorizer(
        analyzer="word", sublinear_tf=True, token_pattern=r"\S\S+", dtype=np.float32,
        vocabulary=known,
    )  # fmt: skip
    wide = [lead.wide_keys for lead in leads]
    if vocabulary is None:
        word_vectors = words.fit_transform(wide).tocsr()
    else:
        words.idf_ = vocabulary.word_idf
        word_vectors = words.transform(wide).tocsr()
    chars, grams, gram_idf = _char_grams([lead.keys for lead in leads], vocabulary)
    days = np.array([np.nan if lead.day is None else lead.day for lead in leads])
    fitted = vocabulary or Vocabulary(
        tuple(words.get_feature_names_out()), words.idf_, grams, gram_idf
    )
    return Vectors(chars, word_vectors, days), fitted


def _char_grams(
    texts: list[str], vocabulary: Vocabulary | None
) -> tuple[sparse.csr_matrix, tuple[str, ...], np.ndarray]:
    """What `TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)` makes
    of `texts`, about 2.7 times faster: each distinct word's n-grams are counted once (texts x words
    counts, times words x n-grams counts), not once per occurrence. With the n-grams and their
    frequencies (of `vocabulary` when given, else fitted)."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    counts = CountVectorizer(analyzer=str.split, dtype=np.float32)
    per_text = counts.fit_transform(texts)
    known = None if vocabulary is None else dict(zip(vocabulary.grams, count()))
    grams = CountVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), dtype=np.float32, vocabulary=known
    )
    tfidf = TfidfTransformer(sublinear_tf=True)
    if vocabulary is None:
        per_word = grams.fit_transform(counts.get_feature_names_out())
        vectors = tfidf.fit_transform((per_text @ per_word).tocsr())
        fitted = (tuple(grams.get_feature_names_out()), tfidf.idf_)
    else:
        per_word = grams.transform(counts.get_feature_names_out())
        tfidf.idf_ = vocabulary.gram_idf
        vectors = tfidf.transform((per_text @ per_word).tocsr())
        fitted = (vocabulary.grams, vocabulary.gram_idf)
    return vectors.astype(np.float32).tocsr(), *fitted


def _combined(chars: np.ndarray, words: np.ndarray, gaps: np.ndarray, window: float) -> np.ndarray:
    gaps = np.nan_to_num(gaps, nan=0.0)  # an undated article is as close as can be in time
    score = CHAR_WEIGHT * chars + WORD_WEIGHT * words - DAY_PENALTY * np.log1p(gaps)
    return np.where(gaps <= window, score, -np.inf)


def scored_pairs(
    vectors: Vectors, window: float, floor: float, block: int = 1024
) -> Iterator[tuple[int, int, float]]:
    """(i, j, score) with i < j for the pairs within `window` days scoring at least `floor`."""
    days = vectors.days
    dated = np.flatnonzero(~np.isnan(days))
    dated = dated[np.argsort(days[dated], kind="stable")]
    undated = np.flatnonzero(np.isnan(days))
    for start in range(0, len(dated), block):
        rows = dated[start : start + block]
        low = np.searchsorted(days[dated], days[rows[0]] - window, "left")
        high = np.searchsorted(days[dated], days[rows[-1]] + window, "right")
        yield from _block(vectors, rows, dated[low:high], window, floor)
    everything = np.arange(len(days))
    for start in range(0, len(undated), block):
        yield from _block(vectors, undated[start : start + block], everything, window, floor)


def _block(
    vectors: Vectors, rows: np.ndarray, columns: np.ndarray, window: float, floor: float
) -> Iterator[tuple[int, int, float]]:
    """Pairs of `rows` x `columns` reaching `floor`: words first, characters only where needed."""
    words = (vectors.words[rows] @ vectors.words[columns].T).tocoo()
    keep = words.data >= WORD_FLOOR
    i, j = rows[words.row[keep]], columns[words.col[keep]]
    undated = np.isnan(vectors.days)
    once = (i < j) & (undated[i] == undated[j]) | (undated[i] & ~undated[j])
    i, j, word = i[once], j[once], words.data[keep][once]
    chars = np.asarray(vectors.chars[i].multiply(vectors.chars[j]).sum(axis=1)).ravel()
    gaps = np.abs(vectors.days[i] - vectors.days[j])
    score = _combined(chars, word, gaps, window)
    for n in np.flatnonzero(score >= floor):
        yield (int(min(i[n], j[n])), int(max(i[n], j[n])), float(score[n]))
