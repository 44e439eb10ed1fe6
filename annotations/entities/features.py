"""Sentence features: word, affixes, clitic readings, shape, gazetteer, cluster, context.

A feature is `name=value` (`k=مصر`, `-1:c=17`) or a bare name (`bias`). With a model, features
are looked up by name and value among the model's attributes, so features the model never weighs
are never built; given the attributes' row ids (`CrfWeights.index`), a feature is its row id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from annotations.arabic import is_arabic_letter, word_forms
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
#: Per offset: the names of its key, cluster, gazetteer and name features (the last two only
#: next to the token).
_NEAR_NAMES = tuple(
    (f"{o}:k", f"{o}:c", f"{o}:g" if abs(o) == 1 else "", f"{o}:n" if abs(o) == 1 else "")
    for o in OFFSETS
)
#: The values of the `len` feature, by key length.
_LENGTHS = tuple(map(str, range(9)))
PHRASE_KINDS = ("LOC", "PER", "ORG", "TITLE")
NAME_KINDS = ("LOC", "PER", "ORG")

#: A feature as the tagger takes it: UTF-8 bytes (pycrfsuite need not encode them), or the
#: attribute's row id in the numpy CRF's weights.
Feature = bytes | int
#: A token's features in a tuple (which the garbage collector stops tracking).
Features = tuple[Feature, ...]
#: The attributes a model weighs: their names, or each name's row id.
Known = frozenset[str] | Mapping[str, int]


#: A token's own features, its key, and its features as the neighbour at each of `OFFSETS`: a
#: plain tuple, which the garbage collector stops tracking (not a NamedTuple, which it tracks).
Own = tuple[Features, str, tuple[Features, ...]]


class _AnyValue(dict[str, bytes]):
    """Every value of one feature (no model: training)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def get(self, value: str, default: object = None) -> bytes:
        return f"{self.name}={value}".encode()


def _code(feature: str, known: Known | None) -> Feature:
    """A kept feature as the tagger takes it: its row id in `known`, or else its bytes."""
    return known[feature] if isinstance(known, Mapping) else feature.encode()


class _Tables(dict[str, dict[str, Feature]]):
    """Feature name -> value -> encoded feature; a name the model lacks has no values."""

    def __init__(self, known: Known | None) -> None:
        super().__init__()
        self.training = known is None
        for feature in known or ():
            name, equals, value = feature.partition("=")
            if equals:
                self[name][value] = _code(feature, known)

    def __missing__(self, name: str) -> dict[str, Feature]:
        table = _AnyValue(name) if self.training else {}
        self[name] = table
        return table


@dataclass(frozen=True)
class Resources:
    """What the features look words up in: gazetteer, word clusters (key -> ids), name lexicon,
    foreign name words.

    With `known` (the model's attributes) features the model never weighs are left out; if it
    maps them to row ids, features are row ids.
    """

    gazetteer: Gazetteer
    clusters: dict[str, tuple[str, str]] = field(default_factory=dict)
    names: Gazetteer = field(default_factory=lambda: Gazetteer({}, {}))
    known: Known | None = None
    #: Words of foreign person names (Wikidata) -> frequency band.
    foreign_names: dict[str, str] = field(default_factory=dict)
    cache: dict[str, Own] = field(default_factory=dict, compare=False)

    #: The `name=value` features kept, by name and value (see `_Tables`).
    tables: dict[str, dict[str, Feature]] = field(init=False, compare=False, repr=False)
    #: The `bias` feature, and the neighbour features at each of `OFFSETS` past either end of a
    #: sentence, if kept.
    bias: Features = field(init=False, compare=False, repr=False)
    edge: tuple[Features, ...] = field(init=False, compare=False, repr=False)
    #: Per offset, the tables of its key, cluster, gazetteer and name features (None: not there).
    near_tables: tuple[tuple[dict[str, Feature] | None, ...], ...] = field(
        init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "tables", _Tables(self.known))
        object.__setattr__(self, "bias", self._bare("bias"))
        object.__setattr__(self, "edge", tuple(self._bare(f"{o}:edge") for o in OFFSETS))
        near = tuple(tuple(self.tables[n] if n else None for n in names) for names in _NEAR_NAMES)
        object.__setattr__(self, "near_tables", near)

    def _bare(self, name: str) -> Features:
        """A feature without value, if kept."""
        return (_code(name, self.known),) if self.known is None or name in self.known else ()

    def own_features(self, surface: str) -> Own:
        """`_own_features` of a surface, remembered (the cache is emptied when it grows large)."""
        found = self.cache.get(surface)
        if found is None:
            if len(self.cache) > 200_000:
                self.cache.clear()
            found = self.cache[surface] = _own_features(surface, self)
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


def _kept(features: list[Feature | None]) -> Features:
    """The features found (a lookup gives None for the others; row id 0 is found)."""
    return tuple([f for f in features if f is not None])


def _own_features(surface: str, res: Resources) -> Own:
    """A token's features alone and as a neighbour: word, affixes, gazetteer, lexicon, cluster."""
    t = res.tables
    plain, key = word_forms(surface)
    kind = shape(plain)
    feats = [
        t["w"].get(plain),
        t["k"].get(key),
        t["sh"].get(kind),
        t["len"].get(_LENGTHS[min(len(key), 8)]),
    ]
    gaz = name = ""
    cluster = None
    if kind == "ar":
        feats += [
            t["p2"].get(key[:2]),
            t["p3"].get(key[:3]),
            t["s1"].get(key[-1:]),
            t["s2"].get(key[-2:]),
            t["s3"].get(key[-3:]),
            t["p4"].get(key[:4]),
            t["s4"].get(key[-4:]),
        ]
        gaz = "" if plain in STOP_SURFACES else "|".join(res.gazetteer.kinds.get(key, ()))
        if gaz:
            feats += [t["g"].get(g) for g in gaz.split("|")]
        name = "|".join(res.names.kinds.get(key, ()))
        if name:
            feats.append(t["n"].get(name))
        cluster = res.clusters.get(key)
        if cluster:
            feats += [t["c1"].get(cluster[0]), t["c2"].get(cluster[1])]
        foreign = res.foreign_names.get(key)
        if foreign:
            feats.append(t["wd"].get(foreign))
        stem_cluster = None
        for _, rest in splits(key, 3)[:3]:
            feats.append(t["st"].get(rest))
            for g in res.gazetteer.kinds.get(rest, ()):
                feats.append(t["cg"].get(g))
                gaz = gaz or f"c{g}"
            if (rest_name := "|".join(res.names.kinds.get(rest, ()))) and not name:
                feats.append(t["cn"].get(rest_name))
                name = f"c{rest_name}"
            if (rest_cluster := res.clusters.get(rest)) and not stem_cluster:
                feats += [t["cc1"].get(rest_cluster[0]), t["cc2"].get(rest_cluster[1])]
                stem_cluster = rest_cluster
                cluster = cluster or rest_cluster
            if not foreign and (foreign := res.foreign_names.get(rest)):
                feats.append(t["cwd"].get(foreign))
        if foreign and not name:
            name = f"wd{foreign}"  # seen by the neighbours as a name-lexicon word
    ids = cluster[0] if cluster else ""
    near = []
    for by_key, by_cluster, by_gaz, by_name in res.near_tables:
        found = [] if (f := by_key.get(key)) is None else [f]
        if ids and (f := by_cluster.get(ids)) is not None:
            found.append(f)
        if gaz and by_gaz is not None and (f := by_gaz.get(gaz)) is not None:
            found.append(f)
        if name and by_name is not None and (f := by_name.get(name)) is not None:
            found.append(f)
        near.append(tuple(found))
    return _kept(feats), key, tuple(near)


def _phrase_tags(keys: list[str], gazetteer: Gazetteer, kinds: tuple[str, ...]) -> list[str]:
    """B-/I- kind for tokens inside a multi-word gazetteer name of `kinds`."""
    tags = [""] * len(keys)
    pairs = gazetteer.pairs
    end = 0
    for i in [i for i, pair in enumerate(pairwise(keys)) if pair in pairs]:
        match = i >= end and gazetteer.longest_phrase(keys, i, kinds)
        if match and match[0] > 1:
            length, kind = match
            tags[i : i + length] = [f"B{kind}"] + [f"I{kind}"] * (length - 1)
            end = i + length
    return tags


def tagger_features(surfaces: list[str], res: Resources) -> list[list[Feature]]:
    """One feature list per token of a sentence, encoded for the tagger."""
    cache = res.cache
    own = [cache.get(surface) or res.own_features(surface) for surface in surfaces]
    keys = [key for _, key, _ in own]
    phrases = _phrase_tags(keys, res.gazetteer, PHRASE_KINDS)
    names = _phrase_tags(keys, res.names, NAME_KINDS)
    bigrams = [f"{a}|{b}" for a, b in pairwise(keys)]
    t = res.tables
    phrase_table, name_table, before, after = t["gp"], t["np"], t["b-"], t["b+"]
    bias = list(res.bias)
    edge = res.edge
    near = [edge, edge, *(near for _, _, near in own), edge, edge]
    out = []
    for i, (feats, _, _) in enumerate(own):
        context = bias.copy()
        if phrases[i] and (f := phrase_table.get(phrases[i])) is not None:
            context.append(f)
        if names[i] and (f := name_table.get(names[i])) is not None:
            context.append(f)
        if i > 0 and (f := before.get(bigrams[i - 1])) is not None:
            context.append(f)
        if i < len(bigrams) and (f := after.get(bigrams[i])) is not None:
            context.append(f)
        out.append(
            [*feats, *context, *near[i][0], *near[i + 1][1], *near[i + 3][2], *near[i + 4][3]]
        )
    return out


def sentence_features(surfaces: list[str], res: Resources) -> list[list[str]]:
    """One feature list per token of a sentence (`res.known` must not map to row ids)."""
    features = tagger_features(surfaces, res)
    return [[f.decode() for f in feats] for feats in features]  # type: ignore[union-attr]
