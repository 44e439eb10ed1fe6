"""Train the shipped CRF: `python -m annotations.entities.training.train [--dev [K]] [--sample F]
[--analyst FILE.conll ...]`.

Data (in `$RAWI_EVAL_DIR`, else `../shared/eval` beside the checkout; see its README.md):
ANERcorp train, AQMAR and WikiFANE Gold, all CC BY-SA; the words of Wikidata's person names
(CC0, `$RAWI_LEXICONS_DIR`, else `../shared/lexicons`), written beside the model for the
foreign-name rule. With `--dev K` the K-th tenth of ANERcorp
train (the last by default) is held out, the model goes to `--out` (a scratch folder) and is
scored on that tenth; the test splits are never used here. `--analyst` adds the entities analysts
reviewed in rawi (`rawi export --format conll`) to the training sentences.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from annotations.arabic import match_key
from annotations.entities.training import missing

try:
    import pycrfsuite
except ModuleNotFoundError:
    raise missing("train", "python-crfsuite", ".venv/bin/pip install 'rawi[train]'") from None

from annotations.entities.features import Resources, sentence_features
from annotations.entities.gazetteer import gazetteer_from_lists, load_gazetteer
from annotations.entities.rules import foreign_rule_words
from annotations.entities.trained_model import (
    CLUSTERS_FILE,
    DATA_DIR,
    FOREIGN_NAMES_FILE,
    LEXICON_FILE,
    META_FILE,
    MODEL_FILE,
    NAMES_FILE,
)
from annotations.entities.training import conll
from annotations.entities.training.name_lexicon import learn_name_lexicon
from annotations.entities.training.pyarabic_names import pyarabic_name_lists
from annotations.entities.training.wikidata_names import PROVENANCE as WIKIDATA_PROVENANCE
from annotations.entities.training.wikidata_names import wikidata_name_bands
from annotations.entities.training.word_clusters import learn_clusters

PROVENANCE = {
    "training_data": [
        "ANERcorp, CAMeL Lab train split (Benajiba & Rosso 2008; Obeid et al. 2020), CC BY-SA 4.0",
        "AQMAR Arabic Wikipedia NER corpus (Mohit et al. 2012), CC BY-SA 3.0",
        "WikiFANE Gold 2014 (Alotaibi & Lee 2014), CC BY-SA 3.0: unlabelled text (word clusters,"
        " the neural tagger's word vectors) and the name lexicon (words mostly in names of one"
        " type)",
        WIKIDATA_PROVENANCE + ": the list of the foreign-name rule (`foreign_names.json`)",
    ],
    "licence": "CC BY-SA 4.0 (model and word lists derived from CC BY-SA training data)",
}
#: What a model trained with `--pyarabic-names` says of itself instead.
PYARABIC_PROVENANCE = {
    "training_data": [
        *PROVENANCE["training_data"],
        "pyarabic's proper-noun lists (pyarabic.propernouns, GPL-3.0) in the name lexicon",
    ],
    "licence": (
        "GPL-3.0-or-later: derived from CC BY-SA data (which CC BY-SA 4.0 lets adaptations carry"
        " under GPLv3) and from pyarabic's GPL-3.0 name lists"
    ),
}


def split_data(
    dev: int | None, tag_wikifane: bool = False, analyst: Sequence[Path] = ()
) -> tuple[list[conll.Sentence], list[conll.Sentence], list[conll.Sentence], list[conll.Sentence]]:
    """(CRF training sentences, held-out ANERcorp sentences, cluster text, WikiFANE).

    With `dev` = k (0-9) the k-th tenth of ANERcorp train is held out; with None nothing is.
    The sentences of the `analyst` files (`rawi export --format conll`) are labelled data too.

    WikiFANE's text always feeds the clusters and its tags the name lexicon; they train the CRF
    only with `tag_wikifane` (on held-out data they cost 1-3 points: its classes do not follow
    ANERcorp's conventions, and the name-lexicon features are then over-trusted).
    """
    anercorp = conll.anercorp("train")
    n = len(anercorp)
    start, end = (n * dev // 10, n * (dev + 1) // 10) if dev is not None else (n, n)
    held_out = anercorp[start:end]
    reviewed = [sentence for path in analyst for sentence in conll.read_conll(path)]
    labelled = anercorp[:start] + anercorp[end:] + conll.aqmar() + reviewed
    wikifane = conll.wikifane()
    training = labelled + (wikifane if tag_wikifane else [])
    return training, held_out, labelled + wikifane, wikifane


def word_lists(sentences: list[conll.Sentence]) -> dict:
    """Keys mostly tagged as one entity type (at least twice) and keys almost never in an entity."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            counts[match_key(token)][tag[2:] or "O"] += 1
    entity, common = {}, []
    for key, by_type in counts.items():
        total = sum(by_type.values())
        kind, n = by_type.most_common(1)[0]
        if kind not in ("O", "MISC") and n >= 2 and n / total >= 0.6:
            entity[key] = kind
        elif kind == "O" and total >= 5 and n / total >= 0.97:
            common.append(key)
    return {"entity": dict(sorted(entity.items())), "common": sorted(common)}


def train_crf(examples: list[tuple[list[list[str]], list[str]]], params: dict, path: Path) -> None:
    """Train a CRF on (features, tags) sentences and write it to `path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in examples:
        trainer.append(features, tags)
    trainer.set_params(params)
    trainer.train(str(path))


def build_model(args: argparse.Namespace) -> None:
    started = time.time()
    analyst = [Path(path) for path in args.analyst]
    sentences, held_out, unlabelled, wikifane = split_data(args.dev, args.tag_wikifane, analyst)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    clusters = learn_clusters(s.tokens for s in unlabelled)
    (out / CLUSTERS_FILE).write_text(json.dumps(clusters, ensure_ascii=False), encoding="utf-8")
    (out / LEXICON_FILE).write_text(
        json.dumps(word_lists(sentences), ensure_ascii=False), encoding="utf-8"
    )
    names = learn_name_lexicon(wikifane, min_count=args.name_min_count)
    if args.pyarabic_names:
        names.update(pyarabic_name_lists())
    (out / NAMES_FILE).write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
    print(
        f"clusters for {len(clusters)} words, {sum(map(len, names.values()))} name-lexicon entries"
        f" ({time.time() - started:.0f} s)"
    )
    foreign = wikidata_name_bands()
    if not args.wikidata_features:
        foreign = foreign_rule_words(foreign)
    text = json.dumps(foreign, ensure_ascii=False, separators=(",", ":"))
    (out / FOREIGN_NAMES_FILE).write_text(text, encoding="utf-8")
    resources = Resources(
        load_gazetteer(),
        clusters,
        gazetteer_from_lists(names),
        foreign_names=foreign if args.wikidata_features else {},
    )
    if args.sample < 1:
        sentences = random.Random(0).sample(sentences, int(len(sentences) * args.sample))
    examples = [(sentence_features(list(s.tokens), resources), list(s.tags)) for s in sentences]
    params = {
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
        "feature.minfreq": args.minfreq,
    }
    print(f"features ready for {len(examples)} sentences ({time.time() - started:.0f} s)")
    train_crf(examples, params, out / MODEL_FILE)
    meta = {
        **PROVENANCE,
        "params": params,
        "sentences": len(sentences),
        "wikifane_tags": args.tag_wikifane,
        "wikidata_features": args.wikidata_features,
        "analyst_files": [path.name for path in analyst],
        **(PYARABIC_PROVENANCE if args.pyarabic_names else {}),
        "held_out_anercorp_sentences": len(held_out),
        "trained_seconds": round(time.time() - started),
    }
    (out / META_FILE).write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"model in {out} ({time.time() - started:.0f} s)")
    if args.dev is not None:
        from annotations.entities.training.evaluate import print_report, score_sentences

        title = f"held-out ANERcorp train, tenth {args.dev}"
        print_report(title, score_sentences(held_out, model_dir=out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dev",
        type=int,
        nargs="?",
        const=9,
        help="hold out tenth K (0-9, default the last) of ANERcorp train and score it",
    )
    parser.add_argument(
        "--out", default=str(DATA_DIR), help="output folder (default: the package data)"
    )
    parser.add_argument(
        "--sample", type=float, default=1.0, help="fraction of sentences to train on"
    )
    parser.add_argument("--tag-wikifane", action="store_true", help="train on its tags too")
    parser.add_argument(
        "--analyst",
        action="append",
        default=[],
        metavar="FILE",
        help="reviewed entities from `rawi export --format conll` to train on too (repeatable)",
    )
    parser.add_argument(
        "--name-min-count", type=int, default=1, help="name-lexicon words: times seen in names"
    )
    parser.add_argument(
        "--pyarabic-names",
        action="store_true",
        help="add pyarabic's proper-noun lists to the name lexicon (not in the shipped model:"
        " see docs/entities.md)",
    )
    parser.add_argument(
        "--wikidata-features",
        action="store_true",
        help="weigh the words of Wikidata's person names as CRF features (not in the shipped"
        " model: see docs/entities.md); the foreign-name rule's list is written either way",
    )
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--minfreq", type=float, default=2)
    build_model(parser.parse_args())


if __name__ == "__main__":
    main()
