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

[keymap]                   # binding id = "key" or "key1,key2"
"reader.tag_source" = "S"
```
Nothing is read at import time; a missing or broken file gives the defaults.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from annotations.attribution import DEFAULT_SUGGESTION_THRESHOLD
from tui.marks import DEPTHS

RENDER_MODES = ("visual", "terminal")
COLORS = ("auto", *DEPTHS)


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
    problem: str | None = field(default=None, compare=False)


def load_config(path: Path | None = None) -> Config:
    """The config at `path` (default `config_path()`); defaults plus `problem` when unreadable."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problem=f"{path}: ignored, {error}")
    settings = data.get("settings", {})
    config = Config()
    if settings.get("render_mode") in RENDER_MODES:
        config.render_mode = settings["render_mode"]
    if isinstance(settings.get("hide_harakat"), bool):
        config.hide_harakat = settings["hide_harakat"]
    if isinstance(settings.get("show_suggestions"), bool):
        config.show_suggestions = settings["show_suggestions"]
    threshold = settings.get("suggestion_threshold")
    if type(threshold) in (int, float) and 0 <= threshold <= 1:
        config.suggestion_threshold = float(threshold)
    if settings.get("colors") in COLORS:
        config.colors = settings["colors"]
    curated = settings.get("curated_annotator")
    if isinstance(curated, str) and curated.strip():
        config.curated_annotator = curated.strip()
    if isinstance(settings.get("theme"), str):
        config.theme = settings["theme"]
    keymap = data.get("keymap", {})
    config.keymap = {k: v for k, v in keymap.items() if isinstance(v, str)}
    return config


def save_config(config: Config, path: Path | None = None) -> None:
    """Write `config` (atomically: a temp file replaced into place)."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "[settings]",
        f"render_mode = {json.dumps(config.render_mode)}",
        f"hide_harakat = {str(config.hide_harakat).lower()}",
        f"theme = {json.dumps(config.theme)}",
        f"show_suggestions = {str(config.show_suggestions).lower()}",
        f"suggestion_threshold = {config.suggestion_threshold}",
        f"curated_annotator = {json.dumps(config.curated_annotator)}",
        f"colors = {json.dumps(config.colors)}",
        "",
        "[keymap]",
        *(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in sorted(config.keymap.items())),
    ]
    temp = path.with_name(path.name + ".tmp")
    temp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(temp, path)
