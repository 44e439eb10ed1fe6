"""Train the tagger of `neural.py` with PyTorch.

Run `python -m annotations.entities.training.train_neural [--dev K] [--out DIR] [--against DIR]`.

Torch is a training-time tool only, not a project dependency: `.venv/bin/pip install torch==2.13.0`
(CPU). Data as `train.py`: ANERcorp train (less tenth K with `--dev K`) + AQMAR tags; their text
plus WikiFANE's trains the word vectors (skip-gram, negative sampling) that start the word
embedding. With `--dev K` the held-out tenth is scored with the numpy tagger; `--against DIR` also
scores the CRF trained on the same split (`train --dev K --out DIR`) and mixes of the two.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from annotations.entities.training import missing

try:
    import torch
    from torch import nn
except ModuleNotFoundError:
    raise missing("train_neural", "PyTorch", ".venv/bin/pip install torch") from None

from annotations.entities.bio import TAGS, bio_constraints, bio_spans, mix
from annotations.entities.neural import (
    UNK,
    VOCAB_FILE,
    WEIGHTS_FILE,
    NeuralTagger,
    char_ids,
    load_neural,
    word_key,
)
from annotations.entities.training import conll
from annotations.entities.training.evaluate import Scores
from annotations.entities.training.train import PROVENANCE, split_data

TAG_INDEX = {tag: i for i, tag in enumerate(TAGS)}


def vocabularies(text: list[list[str]], min_count: int) -> tuple[list[str], list[str]]:
    """Word keys seen `min_count` times and characters seen 5 times, after the reserved ids."""
    words = Counter(key for sentence in text for key in sentence)
    chars = Counter(char for key, n in words.items() for char in key for _ in range(n))
    reserved = ["<pad>", "<unk>", "<w>", "</w>"]
    return (
        reserved[:2] + [w for w, n in words.most_common() if n >= min_count],
        reserved + [c for c, n in chars.most_common() if n >= 5],
    )


def word_vectors(
    text: list[list[str]], words: dict[str, int], dim: int, epochs: int, seed: int
) -> np.ndarray:
    """Skip-gram vectors with negative sampling (window 4, frequent words subsampled)."""
    rng = np.random.default_rng(seed)
    ids = np.array([words.get(key, UNK) for sentence in text for key in sentence])
    sentence_of = np.repeat(np.arange(len(text)), [len(s) for s in text])
    counts = np.bincount(ids, minlength=len(words)).astype(np.float64)
    counts[:2] = 0
    keep = np.minimum(1.0, np.sqrt(1e-4 * counts.sum() / np.maximum(counts, 1)))
    noise = torch.tensor(counts**0.75 / (counts**0.75).sum())
    inside = nn.Embedding(len(words), dim, sparse=True)
    outside = nn.Embedding(len(words), dim, sparse=True)
    nn.init.uniform_(inside.weight, -0.5 / dim, 0.5 / dim)
    nn.init.zeros_(outside.weight)
    optimiser = torch.optim.SparseAdam([*inside.parameters(), *outside.parameters()], lr=0.003)
    for _ in range(epochs):
        kept = (ids > UNK) & (rng.random(len(ids)) < keep[ids])
        tokens, sentences = ids[kept], sentence_of[kept]
        pairs = []
        for d in range(1, 5):
            near = (sentences[:-d] == sentences[d:]) & (rng.random(len(tokens) - d) < (5 - d) / 4)
            pairs += [(tokens[:-d][near], tokens[d:][near]), (tokens[d:][near], tokens[:-d][near])]
        centre = torch.tensor(np.concatenate([p[0] for p in pairs]))
        context = torch.tensor(np.concatenate([p[1] for p in pairs]))
        order = torch.randperm(len(centre))
        for batch in order.split(4096):
            c, o = inside(centre[batch]), outside(context[batch])
            negatives = outside(torch.multinomial(noise, len(batch) * 5, True).view(-1, 5))
            loss = (
                -nn.functional.logsigmoid((c * o).sum(1)).mean()
                - nn.functional.logsigmoid(-(negatives @ c.unsqueeze(2)).squeeze(2)).sum(1).mean()
            )
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    vectors = inside.weight.detach().numpy().copy()
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True).mean() + 1e-9)


def valid_bio(tags: tuple[str, ...]) -> list[int]:
    """Tag ids with each I- that does not continue its type read as B- (as `bio_spans` does)."""
    fixed = []
    for tag in tags:
        if tag.startswith("I-") and (not fixed or fixed[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return [TAG_INDEX[tag] for tag in fixed]


class Tagger(nn.Module):
    """Char CNN + word embedding -> bidirectional QRNN layers -> linear emissions (+ CRF)."""

    def __init__(self, n_words: int, n_chars: int, args: argparse.Namespace) -> None:
        super().__init__()
        self.word_emb = nn.Embedding(n_words, args.word_dim, padding_idx=0)
        self.char_emb = nn.Embedding(n_chars, args.char_dim, padding_idx=0)
        self.conv = nn.Conv1d(args.char_dim, args.filters, 3, padding=1)
        sizes = [args.word_dim + args.filters] + [2 * args.hidden] * (args.layers - 1)
        self.layers = nn.ModuleList(
            nn.ModuleList(nn.Linear(args.window * size, 3 * args.hidden) for _ in range(2))
            for size in sizes
        )
        self.window = args.window
        self.out = nn.Linear(2 * args.hidden, len(TAGS))
        self.transitions = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
        self.start = nn.Parameter(torch.zeros(len(TAGS)))
        self.end = nn.Parameter(torch.zeros(len(TAGS)))
        self.drop = nn.Dropout(args.dropout)
        transitions, start = bio_constraints()
        self.register_buffer("forbidden", torch.tensor(transitions))
        self.register_buffer("forbidden_start", torch.tensor(start))

    def spell(self, chars: torch.Tensor) -> torch.Tensor:
        """(words, filters) max-pooled char CNN features of (words, positions) char ids."""
        spelled = self.conv(self.char_emb(chars).transpose(1, 2)).tanh().transpose(1, 2)
        return torch.where(chars.unsqueeze(2) > 0, spelled, -1.0).max(1).values

    def emissions(
        self, words: torch.Tensor, chars: torch.Tensor, unique: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        """(batch, time, tags) scores; `unique` indexes each token's row of `chars`."""
        mask = mask.unsqueeze(2)
        x = self.drop(torch.cat([self.word_emb(words), self.spell(chars)[unique]], 2)) * mask
        for forward, backward in self.layers:
            before, after = x, x
            if self.window == 2:
                before = torch.cat([x, nn.functional.pad(x, (0, 0, 1, 0))[:, :-1]], 2)
                after = torch.cat([x, nn.functional.pad(x, (0, 0, 0, 1))[:, 1:]], 2)
            states = [
                _direction(forward(before), mask, False),
                _direction(backward(after), mask, True),
            ]
            x = self.drop(torch.cat(states, 2)) * mask
        return self.out(x)

    def nll(self, scores: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Summed negative log-likelihood of the gold tags under the BIO-constrained CRF."""
        trans = self.transitions + self.forbidden
        start = self.start + self.forbidden_start
        gold = start[tags[:, 0]] + scores[:, 0].gather(1, tags[:, :1]).squeeze(1)
        alpha = start + scores[:, 0]
        for t in range(1, scores.shape[1]):
            emitted = scores[:, t].gather(1, tags[:, t : t + 1])[:, 0]
            gold = gold + (trans[tags[:, t - 1], tags[:, t]] + emitted) * mask[:, t]
            following = torch.logsumexp(alpha.unsqueeze(2) + trans, 1) + scores[:, t]
            alpha = torch.where(mask[:, t : t + 1] > 0, following, alpha)
        last = tags.gather(1, (mask.sum(1, keepdim=True).long() - 1)).squeeze(1)
        gold = gold + self.end[last]
        return (torch.logsumexp(alpha + self.end, 1) - gold).sum()


def _direction(gates: torch.Tensor, mask: torch.Tensor, reverse: bool) -> torch.Tensor:
    """fo-pooling of (batch, time, 3 hidden) gates z, f, o; padding (f = 0, z = 0) resets."""
    z, f, o = gates.chunk(3, 2)
    f = f.sigmoid()
    update = (1 - f) * z.tanh() * mask
    f = f * mask
    if reverse:
        f, update = f.flip(1), update.flip(1)
    cell = torch.zeros_like(update[:, 0])
    cells = []
    for t in range(update.shape[1]):
        cell = f[:, t] * cell + update[:, t]
        cells.append(cell)
    out = torch.stack(cells, 1)
    return o.sigmoid() * (out.flip(1) if reverse else out)


class Batcher:
    """Tensors for batches of sentences: word ids, the batch's spellings, tags."""

    def __init__(self, words: dict[str, int], chars: dict[str, int]) -> None:
        self.words, self.chars = words, chars

    def __call__(
        self, batch: list[tuple[list[str], list[int]]], word_dropout: float = 0.0
    ) -> tuple[torch.Tensor, ...]:
        lengths = [len(keys) for keys, _ in batch]
        unique = list(dict.fromkeys(key for keys, _ in batch for key in keys))
        position = {key: i for i, key in enumerate(unique)}
        shape = (len(batch), max(lengths))
        words, spelled, tags, mask = (torch.zeros(shape, dtype=torch.long) for _ in range(4))
        for row, (keys, gold) in enumerate(batch):
            n = len(keys)
            ids = [self.words.get(key, UNK) for key in keys]
            if word_dropout:
                ids = [UNK if random.random() < word_dropout else i for i in ids]
            words[row, :n] = torch.tensor(ids)
            spelled[row, :n] = torch.tensor([position[key] for key in keys])
            tags[row, :n] = torch.tensor(gold)
            mask[row, :n] = 1
        chars = torch.tensor(char_ids(unique, self.chars))
        return words, chars, spelled, tags, mask


def export(model: Tagger, words: list[str], chars: list[str], out: Path, meta: dict) -> None:
    """Write float16 weights (the vocabulary's input vectors precomputed), and the vocabularies
    after `meta` (provenance and parameters)."""
    state = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    char_index = {c: i for i, c in enumerate(chars)}
    with torch.no_grad():
        spelled = torch.cat(
            [
                model.spell(torch.tensor(char_ids(words[i : i + 4096], char_index)))
                for i in range(0, len(words), 4096)
            ]
        ).numpy()
    transitions, start = bio_constraints()
    hidden = model.out.in_features // 2
    halve = np.ones(3 * hidden, dtype=np.float32)
    halve[hidden:] = 0.5
    weights = {
        "table": np.concatenate([state["word_emb.weight"], spelled], 1),
        "char_emb": state["char_emb.weight"],
        "conv_w": state["conv.weight"].transpose(2, 1, 0).reshape(-1, state["conv.bias"].size),
        "conv_b": state["conv.bias"],
        "out_w": state["out.weight"].T,
        "out_b": state["out.bias"],
        "transitions": state["transitions"] + transitions,
        "start": state["start"] + start,
        "end": state["end"],
    }
    for layer in range(len(model.layers)):
        gates = [state[f"layers.{layer}.{d}.weight"].T * halve for d in range(2)]
        inputs = gates[0].shape[0] // model.window
        weights[f"gates_w{layer}"] = np.concatenate(
            [g[i * inputs : (i + 1) * inputs] for i in range(model.window) for g in gates], 1
        )
        weights[f"gates_b{layer}"] = np.concatenate(
            [state[f"layers.{layer}.{d}.bias"] * halve for d in range(2)]
        )
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / WEIGHTS_FILE, **{k: v.astype(np.float16) for k, v in weights.items()})
    vocab = {**meta, "tags": list(TAGS), "chars": chars, "words": words}
    (out / VOCAB_FILE).write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")


def train_network(args: argparse.Namespace) -> NeuralTagger:
    """Train on the split of `args.dev`, export to `args.out` and return the numpy tagger."""
    started = time.time()
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(2)
    labelled, held_out, text, _ = split_data(args.dev)
    meta = {
        **PROVENANCE,
        "params": {k: v for k, v in vars(args).items() if k not in ("out", "against", "vectors")},
        "held_out_anercorp_sentences": len(held_out),
    }
    keyed = [[word_key(token) for token in s.tokens] for s in text]
    words, chars = vocabularies(keyed, args.min_count)
    word_index = {w: i for i, w in enumerate(words)}
    model = Tagger(len(words), len(chars), args)
    if args.pretrain_epochs:
        cached = Path(args.vectors) if args.vectors else None
        if cached and cached.exists():
            vectors = np.load(cached)
        else:
            vectors = word_vectors(
                keyed, word_index, args.word_dim, args.pretrain_epochs, args.seed
            )
            if cached:
                np.save(cached, vectors)
        model.word_emb.weight.data = torch.tensor(vectors)
        print(f"{len(words)} word vectors ({time.time() - started:.0f} s)")
    examples = [([word_key(t) for t in s.tokens], valid_bio(s.tags)) for s in labelled]
    batcher = Batcher(word_index, {c: i for i, c in enumerate(chars)})
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser,
        args.lr,
        total_steps=args.epochs * (len(examples) // args.batch + 1),
        pct_start=0.1,
    )
    for epoch in range(args.epochs):
        model.train()
        order = sorted(examples, key=lambda e: len(e[0]) + random.random() * 8)
        batches = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
        random.shuffle(batches)
        total = 0.0
        for batch in batches:
            words_t, chars_t, spelled, tags, mask = batcher(batch, args.word_dropout)
            scores = model.emissions(words_t, chars_t, spelled, mask.float())
            loss = model.nll(scores, tags, mask.float())
            optimiser.zero_grad()
            (loss / len(batch)).backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            schedule.step()
            total += loss.item()
        line = f"epoch {epoch + 1}: loss {total / len(examples):.3f}"
        if held_out and (args.verbose or epoch + 1 == args.epochs):
            model.eval()
            export(model, words, chars, Path(args.out), meta)
            scores = score(held_out, load_neural(Path(args.out)).tag)
            line += f", dev F1 {scores.prf()[2]:.3f}"
        print(f"{line} ({time.time() - started:.0f} s)", flush=True)
    model.eval()
    export(model, words, chars, Path(args.out), meta)
    return load_neural(Path(args.out))


def score(sentences: list[conll.Sentence], tagger) -> Scores:
    """Strict span scores of `tagger` (sentences -> [(probs, tags)]) over `sentences`."""
    scores = Scores()
    for k, (sentence, (_, tags)) in enumerate(
        zip(sentences, tagger([list(s.tokens) for s in sentences]), strict=True)
    ):
        gold = {(k, *span) for span in bio_spans(sentence.tags)}
        scores.add(gold, {(k, *span) for span in bio_spans(tags)})
    return scores


def crf_marginals(crf_dir: Path, sentences: list[list[str]]) -> tuple[list[np.ndarray], list]:
    """The CRF's (tokens, TAGS) marginals and its own Viterbi tags, per sentence."""
    from annotations.entities.features import tagger_features
    from annotations.entities.trained_model import load_model

    model = load_model(crf_dir)
    tagged = model.crf.tag([tagger_features(tokens, model.resources) for tokens in sentences])
    return [probs for probs, _ in tagged], [tags for _, tags in tagged]


def report(title: str, scores: Scores) -> None:
    """One line: overall and per-type strict scores."""
    p, r, f = scores.prf()
    kinds = "  ".join(f"{k} {scores.prf(k)[2]:.3f}" for k in ("PER", "LOC", "ORG"))
    print(f"{title:28} P {p:.3f} R {r:.3f} F1 {f:.3f}  ({kinds})", flush=True)


def evaluate(tagger: NeuralTagger, held_out: list[conll.Sentence], crf_dir: Path | None) -> None:
    """Score the network, and with `crf_dir` the CRF and their mixes, on `held_out`."""
    sentences = [list(s.tokens) for s in held_out]
    tagged = tagger.tag(sentences)
    report("neural", score(held_out, lambda _: tagged))
    if crf_dir is None:
        return
    crf, best = crf_marginals(crf_dir, sentences)
    report("CRF (Viterbi)", score(held_out, lambda _: [(None, b) for b in best]))
    neural = [probs for probs, _ in tagged]
    for geometric in (False, True):
        for weight in np.linspace(0, 1, 11):
            mixed = [
                (None, [tag for tag, _ in pairs])
                for pairs in mix(crf, neural, weight, geometric)
            ]
            name = f"{'product' if geometric else 'mean'} CRF weight {weight:.1f}"
            report(name, score(held_out, lambda _, m=mixed: m))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=int, help="hold out tenth K (0-9) of ANERcorp train")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--against", help="folder of the CRF trained with the same --dev")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--word-dropout", type=float, default=0.1)
    parser.add_argument("--word-dim", type=int, default=64)
    parser.add_argument("--char-dim", type=int, default=32)
    parser.add_argument("--filters", type=int, default=48)
    parser.add_argument("--hidden", type=int, default=48)
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--window", type=int, choices=(1, 2), default=2, help="tokens per gate")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--pretrain-epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--vectors", help="a .npy file to reuse the word vectors from (or save)")
    parser.add_argument("--verbose", action="store_true", help="score the dev tenth every epoch")
    args = parser.parse_args()
    tagger = train_network(args)
    if args.dev is not None:
        _, held_out, _, _ = split_data(args.dev)
        evaluate(tagger, held_out, Path(args.against) if args.against else None)


if __name__ == "__main__":
    main()
