"""The keymap checked against the app's bindings: unknown ids, key names Textual does not know,
a key bound twice in one screen, a key that takes Quit's place.

Used by the app at start (one notification per problem) and by `rawi config check`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from textual.binding import Binding
from textual.keys import REPLACED_KEYS, Keys, key_to_character

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
#: Textual's own Quit keys, which no binding may take.
QUIT_KEYS = frozenset({"ctrl+q", "ctrl+c"})
_NAMED_KEYS = frozenset(key.value for key in Keys)

#: (screen name, (binding id, its keys)) as the app defines them.
ScreenBindings = Mapping[str, Sequence[tuple[str, str]]]


def is_key_name(key: str) -> bool:
    """Whether Textual knows `key` (`q`, `S`, `slash`, `ctrl+shift+z`, `f2`...)."""
    *modifiers, name = key.split("+")
    if not name or not set(modifiers) <= MODIFIERS:
        return False
    return (
        (len(name) == 1 and name.isprintable())
        or name in _NAMED_KEYS
        or key_to_character(REPLACED_KEYS.get(name, name)) is not None
    )


def keys_of(keys: str) -> list[str]:
    """`"u,ctrl+z"` as `["u", "ctrl+z"]`."""
    return [key.strip() for key in keys.split(",")]


def keymap_problems(keymap: Mapping[str, str], screens: ScreenBindings) -> list[str]:
    """What is wrong with `keymap`, one line each (none when it is fine)."""
    known = {binding_id for bindings in screens.values() for binding_id, _ in bindings}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            problems.append(f"keymap: {binding_id!r} is not a binding id (press ? in the app)")
        for key in keys_of(keys):
            if not is_key_name(key):
                problems.append(f"keymap: {binding_id!r}: {key!r} is not a key name")
            elif key in QUIT_KEYS:
                problems.append(f"keymap: {binding_id!r}: {key} is Quit and cannot be rebound")
    for screen, bindings in screens.items():
        problems += _clashes(screen, bindings, keymap)
    return problems


def _clashes(
    screen: str, bindings: Sequence[tuple[str, str]], keymap: Mapping[str, str]
) -> Iterable[str]:
    """Keys the keymap gives to two bindings of one screen (the first would hide the second)."""
    holder: dict[str, str] = {}
    for binding_id, default in bindings:
        for key in keys_of(keymap.get(binding_id, default)):
            other = holder.setdefault(key, binding_id)
            if other != binding_id and (binding_id in keymap or other in keymap):
                hidden = " (hiding Quit)" if "quit" in f"{other} {binding_id}" else ""
                yield (
                    f"keymap: {key!r} is bound to both {other!r} and {binding_id!r} "
                    f"in the {screen} screen{hidden}"
                )


def app_screens() -> dict[str, list[tuple[str, str]]]:
    """The bindings of each screen of the app (its own and the app's), by screen name."""
    from tui.app import RawiApp
    from tui.screens.adjudication import AdjudicationScreen
    from tui.screens.article_list import ArticleListScreen
    from tui.screens.attributes import AttributesScreen
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.error import ErrorScreen
    from tui.screens.export import ExportScreen
    from tui.screens.help import HelpScreen
    from tui.screens.link_type import LinkTypeScreen
    from tui.screens.reader import ReaderScreen
    from tui.screens.statistics import StatisticsScreen
    from tui.screens.stories import CompareScreen, StoriesScreen

    app = _ids(RawiApp.BINDINGS)
    return {
        "list": [*_ids(ArticleListScreen.BINDINGS), *app],
        "reader": [*_ids(ReaderScreen.BINDINGS), *app],
        "adjudication": [*_ids(AdjudicationScreen.BINDINGS), *app],
        "attributes": [*_ids(AttributesScreen.BINDINGS), *app],
        "confirm": [*_ids(ConfirmScreen.BINDINGS), *app],
        "link": [*_ids(LinkTypeScreen.BINDINGS), *app],
        "stories": [*_ids(StoriesScreen.BINDINGS), *app],
        "compare": [*_ids(CompareScreen.BINDINGS), *app],
        "statistics": [*_ids(StatisticsScreen.BINDINGS), *app],
        "error": [*_ids(ErrorScreen.BINDINGS), *app],
        "export": [*_ids(ExportScreen.BINDINGS), *app],
        "help": _ids(HelpScreen.BINDINGS),
    }


def _ids(bindings: Iterable[object]) -> list[tuple[str, str]]:
    return [(b.id, b.key) for b in bindings if isinstance(b, Binding) and b.id]
