"""The config file: defaults, round trip, broken files ignored with a message."""

from __future__ import annotations

from pathlib import Path

from tui.config import Config, config_path, load_config, save_config


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
    assert broken == Config() and broken.problem and str(path) in broken.problem
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
