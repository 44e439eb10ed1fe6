"""The command line through click's runner: data on stdout, messages on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from annotations.session import default_recogniser
from tui.cli import cli

TITLE_002 = "أهداف اللقاء الثاني بين السيسي و حفتر"


def run(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and "rawi, version" in result.stdout


def test_version_after_the_command() -> None:
    for args in (["list", "--version"], ["open", "--version"]):
        result = run(*args)
        assert result.exit_code == 0 and "rawi, version" in result.stdout, args


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """What each `rawi` run would have opened the app on (the app is not started)."""
    runs: list[dict] = []

    class NoApp:
        def __init__(self, articles, *, db_path, annotator, bidi, recogniser) -> None:
            self.seen = {"ids": articles, "db": db_path, "annotator": annotator, "bidi": bidi}
            self.seen["recogniser"] = recogniser

        def run(self) -> None:
            runs.append({**self.seen, "ids": [article.id for article in self.seen["ids"]]})

    monkeypatch.setattr("tui.app.RawiApp", NoApp)
    return runs


def test_paths_and_open_options_need_no_open_command(tmp_path: Path, opened: list[dict]) -> None:
    (tmp_path / "one.txt").write_text("عنوان\n\nنص الخبر.", encoding="utf-8")
    assert run(str(tmp_path / "one.txt"), "--bidi", "terminal").exit_code == 0
    assert run("--bidi", "terminal", "--annotator", "mona").exit_code == 0
    assert run("--db", "other.json").exit_code == 0
    first, second, third = opened
    assert (first["ids"], first["bidi"]) == (["one"], "terminal")
    assert len(second["ids"]) == 5 and (second["bidi"], second["annotator"]) == ("terminal", "mona")
    assert (str(third["db"]), third["bidi"]) == ("other.json", None)
    assert {run["recogniser"] for run in opened} == {default_recogniser}


def test_rawi_alone_takes_the_render_mode_from_the_environment(opened: list[dict]) -> None:
    assert run(env={"RAWI_BIDI": "terminal"}).exit_code == 0
    assert opened[0]["bidi"] == "terminal"


def test_a_word_that_is_no_command_nor_path_is_a_usage_error(opened: list[dict]) -> None:
    result = CliRunner().invoke(cli, ["exprot"])
    assert result.exit_code == 2 and "'exprot' is neither a command nor a file" in result.stderr
    result = CliRunner().invoke(cli, ["--bidi", "sideways"])
    assert result.exit_code == 2 and "'sideways' is not one of" in result.stderr
    assert opened == []


def test_list_json_lists_the_seeds() -> None:
    result = run("list", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["id"][:3] for row in rows] == ["000", "001", "002", "003", "004"]
    assert {"id", "title", "outlet", "words"} <= rows[0].keys()
    assert rows[2]["title"] == TITLE_002


def test_list_table() -> None:
    result = run("list")
    assert result.stdout.count("\n") == 5 and TITLE_002 in result.stdout


def test_show_terminal_no_color_is_the_canonical_text(seeds) -> None:
    article = seeds["004_071c99c05025decd"]
    result = run("show", article.id, "--bidi", "terminal", "--no-color")
    assert result.exit_code == 0
    assert result.stdout == article.text + "\n"


def test_show_raw_lists_removals() -> None:
    result = run("show", "003_9e473b031b4d0b21", "--raw")
    assert "[navigation] زر الذهاب إلى الأعلى" in result.stdout


def test_show_raw_says_when_nothing_was_removed() -> None:
    result = run("show", "000_fddd474ca5b3a723", "--raw")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "nothing was removed from 000_fddd474ca5b3a723: the page was clean\n"


def test_show_unknown_article_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["show", "nope"])
    assert result.exit_code == 2 and "no article 'nope'" in result.stderr


def test_missing_corpus_path_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--corpus", str(tmp_path / "missing"), "list"])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    assert CliRunner().invoke(cli, ["frobnicate"]).exit_code == 2


def test_corpus_option_before_or_after_the_command(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("عنوان\n\nنص الخبر.", encoding="utf-8")
    for args in (
        ["--corpus", str(tmp_path), "list", "--json"],
        ["list", "--json", "--corpus", str(tmp_path)],
    ):
        assert [row["id"] for row in json.loads(run(*args).stdout)] == ["one"]


def test_bad_files_warn_on_stderr_and_keep_stdout_clean(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("عنوان\n\nنص الخبر.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("--corpus", str(tmp_path), "list", "--json")
    assert result.exit_code == 0
    assert [row["id"] for row in json.loads(result.stdout)] == ["good"]
    assert "empty.txt: skipped, the file is empty" in result.stderr


def test_global_option_after_command_wins(tmp_path: Path) -> None:
    from tui.cli.options import GlobalOptions, global_options, pass_options

    @click.command()
    @global_options
    @pass_options
    def probe(options: GlobalOptions) -> None:
        click.echo(f"{options.db_path}|{options.annotator_name}")

    cli.add_command(probe)
    try:
        result = run("--db", "first.json", "--annotator", "mona", "probe", "--db", "second.json")
    finally:
        cli.commands.pop("probe")
    assert result.stdout.strip() == "second.json|mona"


def test_db_and_annotator_defaults_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.cli.options import GlobalOptions

    monkeypatch.setenv("RAWI_DB", "/tmp/x.json")
    monkeypatch.setenv("RAWI_ANNOTATOR", "salma")
    options = GlobalOptions()
    assert str(options.db_path) == "/tmp/x.json" and options.annotator_name == "salma"


def test_default_db_is_in_the_user_data_directory(isolated_user_dirs: Path) -> None:
    from tui.cli.options import GlobalOptions

    assert str(GlobalOptions().db_path).startswith(str(isolated_user_dirs))


def test_every_command_has_help() -> None:
    names = cli.list_commands(click.Context(cli))
    assert {"open", "stats", "export", "compare"} <= set(names)
    for name in names:
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout, name
