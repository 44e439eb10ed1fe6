"""Loading files and folders: encodings, JSONL, and bad input that never stops a load."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from annotations.corpus import UndecodableError, decode, load_corpus

ARTICLE = "عنوان الخبر\n\nقال المتحدث الرسمي إن الاتصال تناول تطورات الأوضاع في ليبيا."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))


def load(*paths: Path, **kwargs):
    warnings: list[str] = []
    corpus = load_corpus(list(paths), on_warning=warnings.append, **kwargs)
    return corpus, warnings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("cp1256"), "cp1256"),
    ],
)
def test_decodes_each_supported_encoding(data: bytes, encoding: str) -> None:
    assert decode(data) == (ARTICLE, encoding)


def test_binary_is_refused() -> None:
    with pytest.raises(UndecodableError, match="binary"):
        decode(PNG)


def test_mixed_folder_loads_every_good_article_and_names_every_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "nested").mkdir(parents=True)
    (folder / "win.txt").write_bytes(ARTICLE.encode("cp1256"))
    (folder / "nested" / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (folder / "image.txt").write_bytes(PNG)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n")
    (folder / "notes.md").write_text("ignored: not an article file")
    lines = [
        json.dumps(
            {"id": "a1", "text": ARTICLE, "title": "أ", "outlet": "وكالة"}, ensure_ascii=False
        ),
        '{"id": "broken", "text": ',
        json.dumps({"id": "a2", "text": 42}),
        "",
        json.dumps(
            {"id": "a3", "text": ARTICLE, "url": "https://example.org/a3"}, ensure_ascii=False
        ),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")

    corpus, warnings = load(folder)

    assert sorted(corpus.ids()) == ["a1", "a3", "utf16", "win"]
    assert corpus["win"].text == corpus["utf16"].text == ARTICLE
    assert corpus["a1"].title == "أ" and corpus["a1"].outlet == "وكالة"
    assert corpus["a3"].url == "https://example.org/a3"
    assert len(warnings) == 5
    joined = "\n".join(warnings)
    for expected in (
        "image.txt: skipped, binary",
        "empty.txt: skipped, the file is empty",
        "blank.txt: skipped, the file is empty",
        "batch.jsonl:2: skipped, malformed JSON",
        'batch.jsonl:3: skipped, "text" is missing or not a string',
    ):
        assert expected in joined


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 100, encoding="utf-8")
    corpus, warnings = load(big, max_bytes=1000)
    assert len(corpus) == 0
    assert "over the 1,000-byte limit" in warnings[0]


def test_size_limit_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "big.txt").write_text(ARTICLE * 100, encoding="utf-8")
    monkeypatch.setenv("RAWI_MAX_ARTICLE_MB", "0.001")
    assert len(load(tmp_path)[0]) == 0


def test_duplicate_ids_are_renamed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text(ARTICLE)
    (tmp_path / "b" / "same.txt").write_text(ARTICLE)
    corpus, warnings = load(tmp_path)
    assert corpus.ids() == ["same", "same-2"]
    assert "loaded as 'same-2'" in warnings[0]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_corpus([tmp_path / "nowhere"])


def test_default_is_the_bundled_seeds() -> None:
    assert len(load_corpus()) == 5
