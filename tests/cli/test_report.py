"""`rawi report`: one self-contained right-to-left HTML page whose SVG charts and tables give the
figures, zeros included, with every data string escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotations.corpus import load_corpus
from annotations.model import LABELS
from annotations.store import Store
from tui.cli import cli

HOSTILE = "<script>alert(1)</script>"
RECORDS = [
    {"id": "jaz-1", "outlet": "الجزيرة", "published": "2019-01-05",
     "text": "قال الوزير إن المحادثات ستستمر الأسبوع المقبل."},
    {"id": "jaz-2", "outlet": "الجزيرة", "published": "2019-03-10",
     "text": "أكد المتحدث أن الاتفاق وقع أمس."},
    {"id": "odd-1", "outlet": HOSTILE, "published": "2019-02-01",
     "text": "قال <img src=x onerror=alert(2)> إن كل شيء على ما يرام."},
]


class Page(HTMLParser):
    """Elements (tag, attrs, the figure they are in) and each table row's cell texts."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None], str | None]] = []
        self.rows: dict[str, list[list[str]]] = {}
        self.figure: str | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section":
            self.figure = values.get("id")
        self.elements.append((tag, values, self.figure))
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), self.figure))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append("".join(self.cell))
            self.cell = None
        elif tag == "tr" and self.row is not None and self.figure:
            self.rows.setdefault(self.figure, []).append(self.row)
            self.row = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def bars(self, figure: str) -> list[tuple[str, int]]:
        return [
            (attrs["data-series"] or "", int(attrs["data-value"] or ""))
            for tag, attrs, where in self.elements
            if tag == "rect" and where == figure and "data-value" in attrs
        ]

    def table(self, figure: str) -> dict[str, list[str]]:
        return {row[0]: row[1:] for row in self.rows[figure][1:]}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.jsonl"
    lines = (json.dumps(record, ensure_ascii=False) + "\n" for record in RECORDS)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def report(archive: Path, db: Path, *options: str) -> Page:
    out = db.parent / "report.html"
    result = CliRunner().invoke(
        cli,
        ["--corpus", str(archive), "--db", str(db), "--annotator", "mona", "report", "-o",
         str(out), *options],
    )
    assert result.exit_code == 0, result.output
    return Page(out.read_text(encoding="utf-8"))


def test_an_empty_database_draws_every_chart_with_zeros(archive: Path, tmp_path: Path) -> None:
    page = report(archive, tmp_path / "missing.json")
    html_tag = next(attrs for tag, attrs, _ in page.elements if tag == "html")
    assert (html_tag["dir"], html_tag["lang"]) == ("rtl", "ar")
    svgs = {where for tag, _, where in page.elements if tag == "svg"}
    assert {"articles", "progress", "labels"} <= svgs
    assert sorted(count for _, count in page.bars("articles")) == [1, 2]
    assert page.bars("labels") == [("count", 0)] * len(LABELS)
    assert page.bars("progress") == [("done", 0), ("in progress", 0), ("todo", 3)]
    assert page.table("progress") == {"mona": ["0", "0", "3", "3"]}
    assert page.table("verdicts") == {"(none)": ["0"]}


def test_no_articles_at_all_still_draws_the_charts_with_zeros(tmp_path: Path) -> None:
    empty = tmp_path / "corpus"
    empty.mkdir()
    page = report(empty, tmp_path / "missing.json")
    assert page.bars("articles") == [("count", 0)]
    assert page.table("articles") == {"(none)": ["0"]}
    assert page.bars("progress") == [("done", 0), ("in progress", 0), ("todo", 0)]
    assert page.bars("labels") == [("count", 0)] * len(LABELS)


def test_the_page_fetches_and_runs_nothing(archive: Path, tmp_path: Path) -> None:
    page = report(archive, tmp_path / "missing.json")
    tags = {tag for tag, _, _ in page.elements}
    assert not tags & {"script", "img", "link", "iframe", "object", "embed"}
    assert not [a for _, attrs, _ in page.elements for a in attrs if a in ("src", "href")]
    metas = [attrs for tag, attrs, _ in page.elements if tag == "meta"]
    policy = next(a["content"] for a in metas if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in (policy or "")


def test_figures_and_escaped_data(archive: Path, tmp_path: Path) -> None:
    articles = load_corpus([archive])
    odd = articles["odd-1"]
    markup = odd.text.index("<img")
    with Store.open(tmp_path / "db.json") as store:
        source = store.add_span(
            odd, "attribution", "SOURCE", markup, odd.text.index(">") + 1, annotator="omar"
        )
        cue = store.add_span(odd, "attribution", "CUE", 0, 3, annotator="omar")
        store.add_attribution(source=source.id, cue=cue.id, annotator="omar")
        store.set_status("jaz-1", "mona", "done")
    page = report(archive, tmp_path / "db.json")
    assert not any(tag in ("script", "img") for tag, _, _ in page.elements)
    assert page.table("articles") == {"الجزيرة": ["2"], HOSTILE: ["1"]}
    assert page.table("attributions")[HOSTILE] == ["1"]
    assert page.table("sources") == {odd.text[markup : odd.text.index(">") + 1]: ["1"]}
    assert page.table("progress") == {"mona": ["1", "0", "2", "3"], "omar": ["0", "0", "3", "3"]}
    labels = page.table("labels")
    assert (labels["SOURCE"], labels["CUE"], labels["CLAIM"]) == (["1"], ["1"], ["0"])


def test_outlet_and_dates_narrow_the_scope(archive: Path, tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.json") as store:
        odd = load_corpus([archive])["odd-1"]
        store.add_span(odd, "claim", "CLAIM", 0, 3, annotator="mona")
    page = report(archive, tmp_path / "db.json", "--outlet", "الجزيرة", "--since", "2019-02-01")
    assert page.table("articles") == {"الجزيرة": ["1"]}
    assert page.table("labels")["CLAIM"] == ["0"]
    assert any(tag == "p" and attrs.get("class") == "left-out" for tag, attrs, _ in page.elements)


def test_an_unwritable_output_is_one_line_and_replaces_nothing(
    archive: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        cli, ["--corpus", str(archive), "--db", str(tmp_path / "db.json"), "report", "-o",
              str(tmp_path / "no" / "such" / "report.html")],
    )
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "cannot write" in result.output
