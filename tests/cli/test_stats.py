"""`rawi stats` counts what the store holds, per article, for one annotator or all."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotations.store import Store
from tui.cli import cli


def test_stats_counts_spans_attributions_and_status(tmp_path: Path, seeds) -> None:
    db = tmp_path / "db.json"
    article = seeds["000_fddd474ca5b3a723"]
    with Store.open(db) as store:
        source = store.add_span(article, "attribution", "SOURCE", 17, 22, annotator="mona")
        cue = store.add_span(article, "attribution", "CUE", 0, 5, annotator="mona")
        store.add_attribution(source=source.id, cue=cue.id, annotator="mona")
        store.add_span(article, "claim", "CLAIM", 30, 40, annotator="omar")
        store.set_status(article.id, "mona", "in progress")

    def stats(*extra: str) -> dict:
        result = CliRunner().invoke(cli, ["--db", str(db), "stats", "--json", *extra])
        assert result.exit_code == 0, result.output
        return {row["id"]: row for row in json.loads(result.stdout)}[article.id]

    mine = stats("--annotator", "mona")
    assert (mine["SOURCE"], mine["CUE"], mine["CLAIM"], mine["attributions"]) == (1, 1, 0, 1)
    assert mine["status"] == "in progress"
    everyone = stats("--all-annotators")
    assert everyone["CLAIM"] == 1 and everyone["status"] is None
