"""The config file: defaults, round trip, broken files ignored with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.config import Config, ConfigNotSaved, config_path, load_config, save_config
from tui.keymap import app_screens, keymap_problems


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == Config()


def test_round_trip_with_arabic_and_keymap(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    config = Config("terminal", True, "nord", {"reader.tag_source": "S,ctrl+s", "عربي": "x"})
    save_config(config, path)
    assert load_config(path) == config


def test_broken_or_wrong_values_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[settings\n", encoding="utf-8")
    broken = load_config(path)
    assert broken == Config() and str(path) in broken.problems[0]
    path.write_text('[settings]\nrender_mode = "sideways"\nhide_harakat = "yes"\n', "utf-8")
    assert load_config(path) == Config()


def test_default_location_is_the_user_config_dir(isolated_user_dirs: Path) -> None:
    assert config_path() == isolated_user_dirs / "xdg_config_home" / "rawi" / "config.toml"


def test_suggestion_threshold_round_trip_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(suggestion_threshold=0.75), path)
    assert load_config(path).suggestion_threshold == 0.75
    for bad in ("1.5", "-0.1", '"high"', "true"):
        path.write_text(f"[settings]\nsuggestion_threshold = {bad}\n", "utf-8")
        assert load_config(path).suggestion_threshold == Config().suggestion_threshold


def test_colors_round_trip_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(colors="256"), path)
    assert load_config(path).colors == "256"
    path.write_text('[settings]\ncolors = "millions"\n', "utf-8")
    assert load_config(path).colors == "auto"


def test_a_file_that_does_not_parse_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    broken = '# my keys\n[keymap]\n"reader.tag_source" = "S"\n[settings\n'
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigNotSaved, match="does not parse"):
        save_config(load_config(path), path)
    assert path.read_text(encoding="utf-8") == broken


def test_wrong_types_are_reported_and_the_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('keymap = "x"\n[settings]\nrender_mode = 5\nhide_harakat = "yes"\n', "utf-8")
    config = load_config(path)
    assert config == Config()
    assert [p.split(": ", 1)[1] for p in config.problems] == [
        "settings.render_mode is 5, not visual or terminal; using 'visual'",
        "settings.hide_harakat is 'yes', not true or false; using False",
        "[keymap] must be a table; ignored",
    ]


def test_saving_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real, link = tmp_path / "dotfiles.toml", tmp_path / "config.toml"
    real.write_text("", encoding="utf-8")
    link.symlink_to(real)
    save_config(Config(render_mode="terminal"), link)
    assert link.is_symlink() and load_config(real).render_mode == "terminal"


SCREENS = {
    "list": [("list.filter", "slash"), ("list.quit", "q"), ("app.help", "question_mark")],
    "reader": [("reader.undo", "u,ctrl+z"), ("reader.back", "q"), ("app.help", "question_mark")],
}


def test_a_good_keymap_has_no_problem() -> None:
    keymap = {"reader.undo": "u,ctrl+z,ctrl+u", "list.filter": "slash,ctrl+f", "app.help": "f1"}
    assert keymap_problems(keymap, SCREENS) == []


@pytest.mark.parametrize(
    ("keymap", "problem"),
    [
        ({"reader.nope": "z"}, "'reader.nope' is not a binding id"),
        ({"reader.undo": "not a key"}, "'not a key' is not a key name"),
        ({"reader.undo": "ctrl+bananas"}, "'ctrl+bananas' is not a key name"),
        ({"reader.undo": "ctrl+q"}, "ctrl+q is Quit"),
        ({"list.filter": "q"}, "'q' is bound to both 'list.filter' and 'list.quit' in the list"),
        ({"reader.undo": "q"}, "'q' is bound to both 'reader.undo' and 'reader.back'"),
    ],
)
def test_keymap_problems_are_named(keymap: dict[str, str], problem: str) -> None:
    assert any(problem in found for found in keymap_problems(keymap, SCREENS))


def test_the_app_keymap_as_shipped_has_no_clash() -> None:
    assert keymap_problems({}, app_screens()) == []


def test_the_stories_keys_clash_with_no_other_key_of_their_screens() -> None:
    """Each binding of the Stories and Compare screens named in the keymap with its own keys, so
    that a default key bound twice is reported (o, m, g, x, u, ctrl+r beside n, p, enter...)."""
    screens = app_screens()
    for name in ("stories", "compare"):
        assert keymap_problems(dict(screens[name]), {name: screens[name]}) == []


def test_config_check_command(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"list.sort" = "q"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["config", "check", str(path)])
    assert result.exit_code == 1 and "hiding Quit" in result.stderr
    path.write_text('[keymap]\n"list.sort" = "s"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["config", "check", str(path)])
    assert result.exit_code == 0 and result.stdout.endswith(": ok\n")


def test_reader_width_round_trip_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(reader_width=72), path)
    assert load_config(path).reader_width == 72
    for bad in ("10", "5000", '"wide"', "true"):
        path.write_text(f"[settings]\nreader_width = {bad}\n", "utf-8")
        config = load_config(path)
        assert config.reader_width == 100 and "reader_width" in config.problems[0]


def test_undo_scope_round_trip_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(undo_scope="everywhere"), path)
    assert load_config(path).undo_scope == "everywhere"
    path.write_text('[settings]\nundo_scope = "global"\n', "utf-8")
    loaded = load_config(path)
    assert loaded.undo_scope == "article" and "undo_scope" in loaded.problems[0]


def test_verdicts_and_relation_labels_round_trip_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(verdicts=["صحيح", "مضلل"], relation_labels=["supports", "cites"]), path)
    config = load_config(path)
    assert (config.verdicts, config.relation_labels) == (["صحيح", "مضلل"], ["supports", "cites"])
    assert Config().verdicts == ["true", "mostly true", "misleading", "false", "unverifiable"]
    for bad in ("[]", '["a", "a"]', '"true"', '["", "x"]'):
        path.write_text(f"[settings]\nverdicts = {bad}\n", "utf-8")
        config = load_config(path)
        assert config.verdicts == Config().verdicts and "verdicts" in config.problems[0]
    for bad in ('["same as"]', '["attribution"]'):
        path.write_text(f"[settings]\nrelation_labels = {bad}\n", "utf-8")
        config = load_config(path)
        assert config.relation_labels == Config().relation_labels
        assert "relation_labels" in config.problems[0]
