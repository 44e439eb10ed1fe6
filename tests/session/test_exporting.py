"""`annotations.session.exporting`: the export the CLI and the app's form run, into a file the
user named, which is replaced only once the export is whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.session.exporting import (
    ExportCancelled,
    ExportRequest,
    export_to,
    would_replace,
)
from annotations.store import Store


@pytest.fixture
def store(tmp_path: Path, seeds):
    with Store.open(tmp_path / "db.json") as store:
        for article_id in seeds.ids():
            store.add_span(seeds[article_id], "attribution", "CUE", 0, 3, annotator="ana")
        yield store


def test_a_stopped_export_replaces_nothing(store: Store, seeds, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"the analyst's file\n")
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        export_to(store, seeds, ExportRequest(no_entities=True), out, progress)
    assert seen == [(1, 5), (2, 5)]
    assert out.read_bytes() == b"the analyst's file\n"
    assert [p.name for p in tmp_path.iterdir() if "out" in p.name] == ["out.jsonl"]  # no temp


def test_a_whole_export_replaces_the_file(store: Store, seeds, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"old\n")
    report = export_to(store, seeds, ExportRequest(no_entities=True), out)
    assert report.records == 5 and len(out.read_bytes().splitlines()) == 5


def test_what_an_export_would_replace(tmp_path: Path) -> None:
    file = tmp_path / "a.jsonl"
    assert would_replace(file, "native") is None
    file.write_bytes(b"1234")
    assert would_replace(file, "native") == "a file of 4 bytes"
    folder = tmp_path / "brat"
    folder.mkdir()
    assert would_replace(folder, "brat") is None  # empty: nothing to lose
    (folder / "x").mkdir()
    (folder / "x" / "a.ann").write_text("T1\tPER 0 1\tx\n")
    assert would_replace(folder, "brat") == "a folder of 1 file(s)"
    assert would_replace(folder, "native") is None  # output_file refuses a folder itself
