"""Sentence features: word, affixes, clitic readings, shape, gazetteer, cluster, context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from annotations.arabic import is_arabic_letter, match_key, strip_marks
from annotations.entities.clitics import splits
from annotations.entities.gazetteer import Gazetteer

#: Function words whose match key collides with a name or a listed word (على -> علي).
STOP_SURFACES = frozenset(
    [
        "على",
        "إلى",
        "الى",
        "حتى",
        "متى",
        "لدى",
        "سوى",
        "مع",
        "في",
        "من",
        "عن",
        "ما",
        "لا",
        "لم",
        "لن",
        "أن",
        "ان",
        "إن",
        "قد",
        "هو",
        "هي",
        "هم",
        "ذلك",
        "تلك",
        "هذا",
        "هذه",
    ]
)


#: Positions of the neighbours a token's features look at.
OFFSETS = (-2, -1, 1, 2)


class Own(NamedTuple):
    """A token's own features, its key, and its features as the neighbour at each of `OFFSETS`."""

    feats: list[str]
    key: str
    near: tuple[list[str], ...]


@dataclass(frozen=True)
class Resources:
    """What the features look words up in: gazetteer, word clusters (key -> ids), name lexicon.

    With `known` (the model's attributes) features the model never weighs are left out.
    """

    gazetteer: Gazetteer
    clusters: dict[str, tuple[str, str]] = field(default_factory=dict)
    names: Gazetteer = field(default_factory=lambda: Gazetteer({}, {}))
    known: frozenset[str] | None = None
    cache: dict[str, Own] = field(default_factory=dict, compare=False)

    def own_features(self, surface: str) -> Own:
        """`_own_features` of a surface, remembered (the cache is emptied when it grows large)."""
        found = self.cache.get(surface)
        if found is None:
            if len(self.cache) > 200_000:
                self.cache.clear()
            feats, key, gaz, cluster, name = _own_features(surface, self)
            near = []
            for offset in OFFSETS:
                seen = [f"{offset}:k={key}"]
                seen += [f"{offset}:c={cluster}"] if cluster else []
                if abs(offset) == 1:
                    seen += [f"{offset}:g={gaz}"] if gaz else []
                    seen += [f"{offset}:n={name}"] if name else []
                near.append(self.keep(seen))
            found = Own(self.keep(feats), key, tuple(near))
            self.cache[surface] = found
        return found

    def keep(self, features: list[str]) -> list[str]:
        """The features the model weighs (all of them while training)."""
        return features if self.known is None else [f for f in features if f in self.known]


def shape(surface: str) -> str:
    """A coarse class: ar, lat, num, mix or punct."""
    if not surface:
        return "punct"
    if is_arabic_letter(surface[0]):
        return "ar"
    if surface.isdigit():
        return "num"
    if surface[0].isalpha():
        return "lat"
    return "mix" if surface[0].isalnum() else "punct"


def _own_features(surface: str, res: Resources) -> tuple[list[str], str, str, str, str]:
    """Features of one token alone, plus its key, gazetteer tag, cluster and name-lexicon tag."""
    plain = strip_marks(surface)
    key = match_key(plain)
    kind = shape(plain)
    feats = [f"w={plain}", f"k={key}", f"sh={kind}", f"len={min(len(key), 8)}"]
    if kind != "ar":
        return feats, key, "", "", ""
    feats += [
        f"p2={key[:2]}",
        f"p3={key[:3]}",
        f"s1={key[-1:]}",
        f"s2={key[-2:]}",
        f"s3={key[-3:]}",
        f"p4={key[:4]}",
        f"s4={key[-4:]}",
    ]
    gaz = "" if plain in STOP_SURFACES else "|".join(res.gazetteer.kinds.get(key, ()))
    if gaz:
        feats += [f"g={g}" for g in gaz.split("|")]
    name = "|".join(res.names.kinds.get(key, ()))
    if name:
        feats.append(f"n={name}")
    cluster = res.clusters.get(key)
    if cluster:
        feats += [f"c1={cluster[0]}", f"c2={cluster[1]}"]
    stem_cluster = None
    for _, rest in splits(key, min_rest=3)[:3]:
        feats.append(f"st={rest}")
        for g in res.gazetteer.kinds.get(rest, ()):
            feats.append(f"cg={g}")
            gaz = gaz or f"c{g}"
        if (rest_name := "|".join(res.names.kinds.get(rest, ()))) and not name:
            feats.append(f"cn={rest_name}")
            name = f"c{rest_name}"
        if (rest_cluster := res.clusters.get(rest)) and not stem_cluster:
            feats += [f"cc1={rest_cluster[0]}", f"cc2={rest_cluster[1]}"]
            stem_cluster = rest_cluster
            cluster = cluster or rest_cluster
    return feats, key, gaz, cluster[0] if cluster else "", name


def _phrase_tags(keys: list[str], gazetteer: Gazetteer, kinds: tuple[str, ...]) -> list[str]:
    """B-/I- kind for tokens inside a multi-word gazetteer name of `kinds`."""
    tags = [""] * len(keys)
    i = 0
    while i < len(keys) - 1:
        match = (keys[i], keys[i + 1]) in gazetteer.pairs and gazetteer.longest_phrase(
            keys, i, kinds
        )
        if match and match[0] > 1:
            length, kind = match
            tags[i : i + length] = [f"B{kind}"] + [f"I{kind}"] * (length - 1)
            i += length
        else:
            i += 1
    return tags


def sentence_features(surfaces: list[str], res: Resources) -> list[list[str]]:
    """One feature list per token of a sentence."""
    own = [res.own_features(surface) for surface in surfaces]
    keys = [o.key for o in own]
    phrases = _phrase_tags(keys, res.gazetteer, ("LOC", "PER", "ORG", "TITLE"))
    names = _phrase_tags(keys, res.names, ("LOC", "PER", "ORG"))
    n = len(own)
    edges = [res.keep([f"{offset}:edge"]) for offset in OFFSETS]
    out: list[list[str]] = []
    for i, (feats, key, _) in enumerate(own):
        context = ["bias"]
        if phrases[i]:
            context.append(f"gp={phrases[i]}")
        if names[i]:
            context.append(f"np={names[i]}")
        if i > 0:
            context.append(f"b-={keys[i - 1]}|{key}")
        if i + 1 < n:
            context.append(f"b+={key}|{keys[i + 1]}")
        context = res.keep(context)
        for slot, offset in enumerate(OFFSETS):
            j = i + offset
            context += own[j].near[slot] if 0 <= j < n else edges[slot]
        out.append(feats + context)
    return out
