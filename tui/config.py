"""The user's settings and keymap: a small TOML file in the platform config directory.

```toml
[settings]
render_mode = "visual"     # or "terminal"
hide_harakat = false
theme = "textual-dark"
show_suggestions = true
suggestion_threshold = 0.5 # suggestions less confident than this are hidden
curated_annotator = "curated" # who adjudication saves the chosen versions as
colors = "auto"            # palette: "truecolor", "256", "16", or the terminal's ("auto")
reader_width = 100         # the reader's lines are at most this many cells (20 to 1000)
undo_scope = "article"     # u undoes the last action of the article on screen, or "everywhere"
verdicts = ["true", "mostly true", "misleading", "false", "unverifiable"]  # a claim's form
relation_labels = ["supports", "contradicts", "same_as", "member_of", "responds_to"]  # link types
entity_scope = "corpus"    # where 1-4 and 0 apply: "mention", "article" or "corpus" (every one)

[keymap]                   # binding id = "key" or "key1,key2"
"reader.tag_source" = "S"
```
Nothing is read at import time. A missing file gives the defaults; a value of the wrong type is
reported and its default used; a file that does not parse is reported, used as defaults and
never overwritten (`save_config` refuses).
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotations.attribution import DEFAULT_SUGGESTION_THRESHOLD
from annotations.durable import write_output
from annotations.model import (
    CLAIM_ATTRIBUTION,
    DEFAULT_RELATION_LABELS,
    DEFAULT_VERDICTS,
    ENTITY_SCOPES,
)
from tui.marks import DEPTHS

RENDER_MODES = ("visual", "terminal")
UNDO_SCOPES = ("article", "everywhere")
COLORS = ("auto", *DEPTHS)
READER_WIDTHS = (20, 1000)


class ConfigNotSaved(Exception):
    """The settings were not written: the file there does not parse and would be lost."""


def config_path() -> Path:
    """`$RAWI_CONFIG`, else `config.toml` in the user config directory."""
    if env := os.environ.get("RAWI_CONFIG"):
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir("rawi")) / "config.toml"


@dataclass
class Config:
    """What persists between runs."""

    render_mode: str = "visual"
    hide_harakat: bool = False
    theme: str = "textual-dark"
    keymap: dict[str, str] = field(default_factory=dict)
    show_suggestions: bool = True
    #: Suggestions whose calibrated confidence is below this are hidden (docs/attribution.md).
    suggestion_threshold: float = DEFAULT_SUGGESTION_THRESHOLD
    #: The annotator adjudication saves the chosen versions as (docs/agreement.md).
    curated_annotator: str = "curated"
    #: The palette of marks (`tui.marks.DEPTHS`), or "auto": the terminal's colour depth.
    colors: str = "auto"
    #: The reader's lines are at most this many cells, the text block at the pane's right.
    reader_width: int = 100
    #: What `u` / redo reach: the article on screen ("article") or every article ("everywhere").
    undo_scope: str = "article"
    #: The article list's sort column ("": the corpus's order) and direction.
    list_sort: str = ""
    list_sort_reverse: bool = False
    #: The verdicts a claim's attributes form offers.
    verdicts: list[str] = field(default_factory=lambda: list(DEFAULT_VERDICTS))
    #: The types a link between two annotations can have (`r` in the reader).
    relation_labels: list[str] = field(default_factory=lambda: list(DEFAULT_RELATION_LABELS))
    #: Where entity corrections (1-4, 0) apply: "mention", "article" or "corpus" (every article).
    entity_scope: str = "corpus"
    #: What was wrong with the file, one line each (the defaults were used instead).
    problems: list[str] = field(default_factory=list, compare=False)


def load_config(path: Path | None = None) -> Config:
    """The config at `path` (default `config_path()`); defaults plus `problems` where it is
    unreadable or a value has the wrong type."""
    path = path or config_path()
    try:
        data = _parse(path)
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problems=[f"{path}: ignored, {error}"])
    config = Config()
    problems = config.problems
    settings = _table(data, "settings", problems)
    _setting(
        config, settings, "render_mode", lambda v: v in RENDER_MODES, problems, "visual or terminal"
    )
    _setting(config, settings, "hide_harakat", _is_bool, problems, "true or false")
    _setting(config, settings, "show_suggestions", _is_bool, problems, "true or false")
    _setting(config, settings, "colors", lambda v: v in COLORS, problems, " or ".join(COLORS))
    _setting(config, settings, "reader_width", _is_width, problems, "a number of cells, 20 to 1000")
    _setting(
        config,
        settings,
        "undo_scope",
        lambda v: v in UNDO_SCOPES,
        problems,
        "article or everywhere",
    )
    _setting(config, settings, "list_sort", lambda v: isinstance(v, str), problems, "a column")
    _setting(config, settings, "list_sort_reverse", _is_bool, problems, "true or false")
    _setting(
        config,
        settings,
        "entity_scope",
        lambda v: v in ENTITY_SCOPES,
        problems,
        "mention, article or corpus",
    )
    _setting(config, settings, "curated_annotator", _is_name, problems, "a non-empty name")
    config.curated_annotator = config.curated_annotator.strip()
    _setting(config, settings, "theme", lambda v: isinstance(v, str), problems, "a theme name")
    _setting(
        config, settings, "suggestion_threshold", _is_fraction, problems, "a number from 0 to 1"
    )
    config.suggestion_threshold = float(config.suggestion_threshold)
    _setting(config, settings, "verdicts", _is_names, problems, "a list of distinct names")
    _setting(
        config,
        settings,
        "relation_labels",
        lambda v: _is_names(v) and not any(" " in n or n == CLAIM_ATTRIBUTION for n in v),
        problems,
        f"a list of distinct names without spaces (not {CLAIM_ATTRIBUTION!r})",
    )
    for binding_id, keys in _table(data, "keymap", problems).items():
        if isinstance(keys, str):
            config.keymap[binding_id] = keys
        else:
            problems.append(f'keymap: {binding_id!r} must be a string of keys, like "S,ctrl+s"')
    problems[:] = [f"{path}: {problem}" for problem in problems]
    return config


def save_config(config: Config, path: Path | None = None) -> None:
    """Write `config` (atomically, keeping the file's mode; through a symlink). Raises
    `ConfigNotSaved` rather than replace a file that does not parse."""
    path = path or config_path()
    try:
        _parse(path)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigNotSaved(
            f"Settings not saved: {path} does not parse ({error}); fix or remove it"
        ) from None
    lines = [
        "[settings]",
        f"render_mode = {json.dumps(config.render_mode)}",
        f"hide_harakat = {str(config.hide_harakat).lower()}",
        f"theme = {json.dumps(config.theme)}",
        f"show_suggestions = {str(config.show_suggestions).lower()}",
        f"suggestion_threshold = {config.suggestion_threshold}",
        f"curated_annotator = {json.dumps(config.curated_annotator)}",
        f"colors = {json.dumps(config.colors)}",
        f"reader_width = {config.reader_width}",
        f"undo_scope = {json.dumps(config.undo_scope)}",
        f"list_sort = {json.dumps(config.list_sort)}",
        f"list_sort_reverse = {str(config.list_sort_reverse).lower()}",
        f"verdicts = {json.dumps(config.verdicts, ensure_ascii=False)}",
        f"relation_labels = {json.dumps(config.relation_labels, ensure_ascii=False)}",
        f"entity_scope = {json.dumps(config.entity_scope)}",
        "",
        "[keymap]",
        *(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in sorted(config.keymap.items())),
    ]
    write_output(path, ("\n".join(lines) + "\n").encode("utf-8"))


def _parse(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _table(data: dict[str, Any], name: str, problems: list[str]) -> dict[str, Any]:
    table = data.get(name, {})
    if isinstance(table, dict):
        return table
    problems.append(f"[{name}] must be a table; ignored")
    return {}


def _setting(
    config: Config, settings: dict[str, Any], name: str, valid, problems: list[str], wanted: str
) -> None:
    if name not in settings:
        return
    if valid(settings[name]):
        setattr(config, name, settings[name])
    else:
        default = getattr(config, name)
        problems.append(f"settings.{name} is {settings[name]!r}, not {wanted}; using {default!r}")


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_name(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_names(value: object) -> bool:
    """A non-empty list of distinct non-empty strings."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(_is_name(name) for name in value)
        and len(set(value)) == len(value)
    )


def _is_width(value: object) -> bool:
    return type(value) is int and READER_WIDTHS[0] <= value <= READER_WIDTHS[1]


def _is_fraction(value: object) -> bool:
    return type(value) in (int, float) and 0 <= value <= 1  # type: ignore[operator]
