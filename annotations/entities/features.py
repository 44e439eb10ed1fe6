"""Sentence features: word, affixes, clitic readings, shape, gazetteer, cluster, context."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Resources:
    """What the features look words up in: the gazetteer and the word clusters (key -> ids).

    With `known` (the model's attributes) features the model never weighs are left out.
    """

    gazetteer: Gazetteer
    clusters: dict[str, tuple[str, str]] = field(default_factory=dict)
    known: frozenset[str] | None = None
    cache: dict[str, tuple[list[str], str, str, str]] = field(default_factory=dict, compare=False)

    def own_features(self, surface: str) -> tuple[list[str], str, str, str]:
        """`_own_features` of a surface, remembered (the cache is emptied when it grows large)."""
        found = self.cache.get(surface)
        if found is None:
            if len(self.cache) > 200_000:
                self.cache.clear()
            found = _own_features(surface, self)
            if self.known is not None:
                found = ([f for f in found[0] if f in self.known], *found[1:])
            self.cache[surface] = found
        return found


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


def _own_features(surface: str, res: Resources) -> tuple[list[str], str, str, str]:
    """Features of one token alone, plus its key, gazetteer tag and cluster for the neighbours."""
    plain = strip_marks(surface)
    key = match_key(plain)
    kind = shape(plain)
    feats = [f"w={plain}", f"k={key}", f"sh={kind}", f"len={min(len(key), 8)}"]
    if kind != "ar":
        return feats, key, "", ""
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
    cluster = res.clusters.get(key)
    if cluster:
        feats += [f"c1={cluster[0]}", f"c2={cluster[1]}"]
    stem_cluster = None
    for _, rest in splits(key, min_rest=3)[:3]:
        feats.append(f"st={rest}")
        for g in res.gazetteer.kinds.get(rest, ()):
            feats.append(f"cg={g}")
            gaz = gaz or f"c{g}"
        if (rest_cluster := res.clusters.get(rest)) and not stem_cluster:
            feats += [f"cc1={rest_cluster[0]}", f"cc2={rest_cluster[1]}"]
            stem_cluster = rest_cluster
            cluster = cluster or rest_cluster
    return feats, key, gaz, cluster[0] if cluster else ""


def _phrase_tags(keys: list[str], gazetteer: Gazetteer) -> list[str]:
    """B-/I- kind for tokens inside a multi-word gazetteer name."""
    tags = [""] * len(keys)
    i = 0
    while i < len(keys):
        match = gazetteer.longest_phrase(keys, i, ("LOC", "PER", "ORG", "TITLE"))
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
    keys = [o[1] for o in own]
    phrases = _phrase_tags(keys, res.gazetteer)
    n = len(own)
    out: list[list[str]] = []
    for i, (feats, key, _, _) in enumerate(own):
        context = ["bias"]
        if phrases[i]:
            context.append(f"gp={phrases[i]}")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < n:
                context.append(f"{offset}:edge")
                continue
            _, near_key, near_gaz, near_cluster = own[j]
            context += [f"{offset}:k={near_key}", f"{offset}:c={near_cluster}"]
            if abs(offset) == 1:
                context.append(f"{offset}:g={near_gaz}")
        if i > 0:
            context.append(f"b-={keys[i - 1]}|{key}")
        if i + 1 < n:
            context.append(f"b+={key}|{keys[i + 1]}")
        if res.known is not None:
            context = [f for f in context if f in res.known]
        out.append(feats + context)
    return out
