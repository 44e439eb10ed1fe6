"""The shipped taggers (CRF, neural when present) and their word lists: `load_model()`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from annotations.entities.bio import joint_marginals, mix_tokens
from annotations.entities.crf import CrfWeights
from annotations.entities.features import Resources, tagger_features
from annotations.entities.gazetteer import gazetteer_from_lists, load_gazetteer
from annotations.entities.neural import WEIGHTS_FILE, NeuralTagger, load_neural
from annotations.long_lived import long_lived

DATA_DIR = Path(__file__).parent / "data"
MODEL_FILE = "model.crfsuite"
META_FILE = "model.json"
CLUSTERS_FILE = "clusters.json"
LEXICON_FILE = "lexicon.json"
NAMES_FILE = "names.json"
#: Words of foreign person names -> frequency band (optional: a model trained without has none).
FOREIGN_NAMES_FILE = "foreign_names.json"
#: Units (words and punctuation) tagged in one pass: a text's sentences go to the taggers in
#: batches of about this many, so that their memory stays bounded and packing stays fast.
BATCH_UNITS = 2048


@dataclass(frozen=True)
class Model:
    """A CRF (crfsuite's weights, run in numpy), optionally a neural tagger, and the training-data
    word lists the rules consult.

    `entity_words` maps keys tagged as an entity in most of their training occurrences to that
    type; `common_words` are keys almost always outside entities.
    """

    crf: CrfWeights
    resources: Resources
    entity_words: dict[str, str]
    common_words: frozenset[str]
    neural: NeuralTagger | None = None

    def tag(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
        """BIO tag of each token of each sentence with its probability (1 for O with the CRF
        alone); with a neural tagger, the best path through the mean of both models' marginals.

        Sentences are tagged independently, in batches of about `BATCH_UNITS` units."""
        return [tagged for batch in _batches(sentences) for tagged in self._tag_batch(batch)]

    def _tag_batch(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
        features = [tagger_features(s, self.resources) for s in sentences]
        if self.neural is None:
            return [_tagged(probs, tags, self.crf.tags) for probs, tags in self.crf.tag(features)]
        if not any(sentences):
            return [[] for _ in sentences]
        packing, crf = self.crf.chain(features)
        _, neural = self.neural.chain([s for s in sentences if s])
        lengths = [len(s) for s in sentences]
        return mix_tokens(*joint_marginals(packing, [crf, neural]), lengths)


def _batches(sentences: list[list[str]]) -> Iterator[list[list[str]]]:
    """Consecutive runs of sentences holding about `BATCH_UNITS` units each."""
    batch: list[list[str]] = []
    units = 0
    for sentence in sentences:
        batch.append(sentence)
        units += len(sentence)
        if units >= BATCH_UNITS:
            yield batch
            batch, units = [], 0
    if batch:
        yield batch


def _tagged(probs: np.ndarray, tags: list[str], names: tuple[str, ...]) -> list[tuple[str, float]]:
    """One sentence's best tags with their marginals (1 for O)."""
    column = {name: i for i, name in enumerate(names)}
    return [
        (tag, 1.0 if tag == "O" else float(probs[i, column[tag]])) for i, tag in enumerate(tags)
    ]


@cache
def model_version() -> str:
    """A digest of the package's code and data: what the recogniser's output depends on."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def load_model(directory: Path = DATA_DIR) -> Model:
    """Open the model in `directory` (the package's data by default); cached per directory.

    Its word lists are large dicts that every full collection would walk again (7% of the
    recogniser's time on the bench): they are loaded as `long_lived`.
    """
    with long_lived():
        return _open_model(directory)


def _open_model(directory: Path) -> Model:
    crf = CrfWeights.read(directory / MODEL_FILE)
    clusters = json.loads((directory / CLUSTERS_FILE).read_text(encoding="utf-8"))
    lexicon = json.loads((directory / LEXICON_FILE).read_text(encoding="utf-8"))
    names = json.loads((directory / NAMES_FILE).read_text(encoding="utf-8"))
    foreign = directory / FOREIGN_NAMES_FILE
    foreign_names = json.loads(foreign.read_text(encoding="utf-8")) if foreign.exists() else {}
    return Model(
        crf,
        Resources(
            load_gazetteer(),
            {key: tuple(ids) for key, ids in clusters.items()},
            gazetteer_from_lists(names),
            {attribute.decode(): row for attribute, row in crf.index.items()},
            foreign_names,
        ),
        lexicon["entity"],
        frozenset(lexicon["common"]),
        load_neural(directory) if (directory / WEIGHTS_FILE).exists() else None,
    )
