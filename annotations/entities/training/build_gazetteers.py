"""Build `data/gazetteer.json` from offline sources.

Run `python -m annotations.entities.training.build_gazetteers`.

Sources: babel's CLDR Arabic territory names and time-zone city names (Unicode licence), pycountry's
Arabic ISO 3166-1 translations (Debian iso-codes, LGPL-2.1+; names are facts), and the curated
lists in `data/curated/` written for rawi (CC0). Every entry is stored as its match key.
"""

from __future__ import annotations

import gettext
import json

from annotations.arabic import match_key
from annotations.entities.training import missing

try:
    import pycountry
    from babel import Locale
except ModuleNotFoundError:
    raise missing(
        "build_gazetteers", "babel and pycountry", ".venv/bin/pip install 'rawi[train]'"
    ) from None

from annotations.entities.gazetteer import GAZETTEER_PATH
from annotations.entities.trained_model import DATA_DIR

CURATED_DIR = DATA_DIR / "curated"
#: CLDR "territories" that are organisations or placeholders, not places.
NOT_PLACES = frozenset({"UN", "EU", "EZ", "QO", "XA", "XB", "ZZ"})
#: Last words of listed full names that are not surnames on their own.
NOT_SURNAMES = frozenset(
    {"الله", "الثاني", "السادس", "العزيز", "حمد", "احمد", "صالح", "سعيد", "سلامه", "مبارك"}
    | {"ان", "اون", "نام", "ابي", "ماي", "ماس", "صلاح", "راشد", "الشاهد", "المهدي", "الاحمد"}
    | {"المنفي", "بري"}
)

SOURCES = {
    "babel": "CLDR via babel: Arabic territory and exemplar city names (Unicode License v3)",
    "pycountry": "Debian iso-codes via pycountry: Arabic ISO 3166-1 names (LGPL-2.1-or-later)",
    "curated": "data/curated/*.txt, written for rawi (CC0)",
}


def phrase_key(phrase: str) -> str:
    """Match keys of the words of `phrase`, joined by single spaces."""
    return " ".join(match_key(word) for word in phrase.split())


def curated(name: str) -> list[str]:
    """The non-comment lines of a curated list."""
    lines = (CURATED_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def babel_places() -> list[str]:
    """Arabic territory and city names from CLDR (numeric region codes such as 'العالم' skipped)."""
    arabic = Locale("ar")
    territories = [
        name
        for code, name in arabic.territories.items()
        if code not in NOT_PLACES and not code.isdigit()
    ]
    cities = [zone["city"] for zone in arabic.time_zones.values() if zone.get("city")]
    return territories + cities


def pycountry_places() -> list[str]:
    """Arabic ISO 3166-1 country names, with and without the parenthesised part."""
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    names = [translation.gettext(country.name) for country in pycountry.countries]
    return [part.strip(" ،") for name in names for part in name.replace(")", "").split("(")]


def surnames(full_names: list[str], exclude: list[str]) -> list[str]:
    """Last words of full names, unless they are given names, adjectives or listed exceptions."""
    excluded = {match_key(word) for word in exclude} | NOT_SURNAMES
    return [name.split()[-1] for name in full_names if match_key(name.split()[-1]) not in excluded]


def with_feminine(adjectives: list[str]) -> list[str]:
    """Masculine adjectives and their feminine forms (ة added)."""
    return adjectives + [adjective + "ة" for adjective in adjectives]


def demonyms(nationalities: list[str]) -> list[str]:
    """Plural nouns of the nationality adjectives, with and without the article (السوريين،
    سوريون)."""
    plurals = [adjective + ending for adjective in nationalities for ending in ("ين", "ون")]
    return plurals + [plural.removeprefix("ال") for plural in plurals]


def build() -> dict:
    """All lists as match keys, each sorted, plus where they come from."""
    heads = curated("heads")
    nationalities = curated("nationalities")
    lists = {
        "LOC": babel_places() + pycountry_places() + curated("places"),
        "PER": heads,
        "SURNAME": [name for name in surnames(heads, curated("given_names") + nationalities)],
        "ORG": curated("organisations"),
        "TITLE": curated("titles"),
        "GIVEN": curated("given_names"),
        "ORG_HEAD": curated("org_triggers"),
        "ORG_DESCRIPTOR": curated("org_descriptors"),
        "LOC_DESCRIPTOR": curated("place_descriptors"),
        "DESCRIPTOR": curated("org_descriptors") + curated("place_descriptors"),
        "ORG_MODIFIER": curated("org_modifiers") + with_feminine(nationalities),
        "NATIONALITY": with_feminine(nationalities),
        "ORG_DESCRIPTIVE": with_feminine(curated("org_descriptive")),
        "DEMONYM": demonyms(nationalities),
    }
    keys = {
        kind: sorted({phrase_key(name) for name in names if name}) for kind, names in lists.items()
    }
    return {"sources": SOURCES, "licence": "CC0 for curated lists; see sources", "lists": keys}


def main() -> None:
    gazetteer = build()
    GAZETTEER_PATH.write_text(
        json.dumps(gazetteer, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    sizes = ", ".join(f"{kind} {len(keys)}" for kind, keys in gazetteer["lists"].items())
    print(f"wrote {GAZETTEER_PATH}: {sizes}")


if __name__ == "__main__":
    main()
