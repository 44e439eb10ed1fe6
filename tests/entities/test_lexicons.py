"""Name lexicon (name-heavy words by type and position, phrases) and gazetteer lookups."""

from __future__ import annotations

from annotations.entities.features import Resources, sentence_features
from annotations.entities.gazetteer import Gazetteer, gazetteer_from_lists
from annotations.entities.training.conll import Sentence
from annotations.entities.training.name_lexicon import learn_name_lexicon


def sentence(pairs: str) -> Sentence:
    tokens, tags = zip(*(pair.split("/") for pair in pairs.split()), strict=True)
    return Sentence(tokens, tags)


CORPUS = [
    sentence("قال/O جون/B-PER سميث/I-PER إن/O شركة/B-ORG نوكيا/I-ORG في/O هلسنكي/B-LOC"),
    sentence("زار/O جون/B-PER سميث/I-PER هلسنكي/B-LOC مع/O سميث/O"),
    sentence("في/O هلسنكي/O"),
]


def test_words_mostly_inside_names_are_listed_with_type_and_position() -> None:
    lists = learn_name_lexicon(CORPUS, min_count=2)
    assert lists["BPER"] == ["جون"]
    assert lists["IPER"] == ["سميث"]  # 2 of its 3 occurrences are inside a name
    assert lists["BLOC"] == ["هلسنكي"]  # 2 of 3
    assert "في" not in {key for keys in lists.values() for key in keys}
    assert "نوكيا" not in lists.get("IORG", [])  # seen once: below min_count


def test_multi_word_names_are_phrases_of_their_type() -> None:
    lists = learn_name_lexicon(CORPUS, min_count=1)
    assert lists["PER"] == ["جون سميث"]
    assert lists["ORG"] == ["شركه نوكيا"]  # match keys: ة -> ه


def test_lexicon_words_and_phrases_become_features() -> None:
    names = gazetteer_from_lists(learn_name_lexicon(CORPUS, min_count=1))
    resources = Resources(Gazetteer({}, {}), names=names)
    features = sentence_features(["التقى", "بجون", "جون", "سميث"], resources)
    assert "cn=BPER" in features[1]  # the name after the clitic ب
    assert "n=BPER" in features[2] and "np=BPER" in features[2]
    assert "np=IPER" in features[3] and "-1:n=BPER" in features[3]


def test_gazetteer_prefers_the_longest_phrase_and_reads_clitics() -> None:
    gazetteer = gazetteer_from_lists(
        {"ORG": ["مجلس الامن", "مجلس الامن الدولي"], "LOC": ["مجلس"], "ORG_HEAD": ["وزاره"]}
    )
    keys = ["مجلس", "الامن", "الدولي", "اليوم"]
    assert gazetteer.longest_phrase(keys, 0, ("ORG",)) == (3, "ORG")
    assert gazetteer.longest_phrase(keys, 0, ("LOC",)) == (1, "LOC")
    assert gazetteer.longest_phrase(keys, 1, ("ORG", "LOC")) is None
    assert gazetteer.clitic_of("وبوزاره", "ORG_HEAD") == 2
    assert gazetteer.clitic_of("وزاره", "ORG_HEAD") == 0
    assert gazetteer.clitic_of("مجلس", "ORG_HEAD") is None


def test_one_lookup_holds_every_reading_the_lists_know() -> None:
    gazetteer = gazetteer_from_lists(
        {
            "ORG_HEAD": ["وزاره"],
            "TITLE": ["وزير", "وزير الخارجيه"],
            "LOC": ["بيروت"],
            "ORG": ["الامم المتحده"],
        }
    )
    found = gazetteer.lookup("ووزير")
    assert found.readings == ((1, "وزير"),)
    assert found.starts == {"TITLE"}
    assert found.clitics == {"TITLE": 1}
    phrase_only = gazetteer.lookup("للامم")  # starts a phrase, no single word of a list
    assert phrase_only.readings == ((1, "الامم"),) and phrase_only.starts == {"ORG"}
    assert phrase_only.clitics == {}
    assert gazetteer.lookup("قال") == gazetteer.lookup("وقال") == ((), frozenset(), {})
    assert gazetteer.lookup("وبيروت") is gazetteer.lookup("وبيروت")  # found once


def test_the_gazetteer_rules_visit_only_the_words_the_lists_know() -> None:
    from annotations.entities.candidates import listed_words
    from annotations.entities.trained_model import load_model
    from annotations.entities.words import split_text

    words = split_text("وقال وزير الخارجية اللبناني في بيروت أمس").words
    listed = [words[i].token.text for i, _ in listed_words(words, load_model())]
    assert "وزير" in listed and "بيروت" in listed
    assert "وقال" not in listed and "أمس" not in listed


def test_pyarabic_proper_nouns_are_read_past_its_loader() -> None:
    from pyarabic.propernouns import PROPER_NOUNS

    from annotations.arabic import match_key
    from annotations.entities.training.pyarabic_names import pyarabic_name_lists

    lists = pyarabic_name_lists()
    assert PROPER_NOUNS == {}  # pyarabic's own loader splits at tabs the list does not have
    assert match_key("محمد") in lists["PA_PER"]
    assert match_key("يونيسيف") in lists["PA_ORG"]
    assert match_key("ييكاتيرينبرغ") in lists["PA_LOC"]
    assert all(" " not in key for keys in lists.values() for key in keys)
    assert min(len(keys) for keys in lists.values()) >= 18


def test_wikidata_name_words_get_frequency_bands(tmp_path) -> None:
    import gzip

    from annotations.entities.rules import foreign_rule_words
    from annotations.entities.training.wikidata_names import wikidata_name_bands

    path = tmp_path / "names.tsv.gz"
    rows = ["akin\tأ ك ي ن\t7", "atalay\tأ ت ا ل ا ي\t1", "fi\tف ي\t14", "toure\tت و ر ي ه\t1"]
    rows += ["john\tج و ن\t15", "jon\tج و ن\t5"]  # one key: counts add up
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")
    bands = wikidata_name_bands(path)
    assert bands == {"اكين": "3", "اتالاي": "1", "توريه": "1", "جون": "20"}  # في: a function word
    assert foreign_rule_words(bands) == {"اكين": "3", "توريه": "1", "جون": "20"}


def test_foreign_name_bands_are_features_when_given() -> None:
    resources = Resources(Gazetteer({}, {}), foreign_names={"اكين": "3"})
    features = sentence_features(["لأكين", "أكين", "أتالاي"], resources)
    assert "cwd=3" in features[0]
    assert "wd=3" in features[1]
    assert "-1:n=wd3" in features[2]
