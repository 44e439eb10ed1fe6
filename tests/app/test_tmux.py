"""A real terminal: rawi in tmux, two tags typed with keys alone, `kill -9`, then both tags are
in the store and in `rawi export`; a tag kept when `u` is pressed in the next article; Arabic
typed in the list filter; ctrl+c into tmux's buffer."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations.store import Store

RAWI = Path(sys.executable).with_name("rawi")
SEED = "000_fddd474ca5b3a723"
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


#: A tmux server of these tests' own: paste buffers and sessions of other runs stay apart.
SOCKET = f"rawi-tests-{os.getpid()}"


def tmux(*args: str) -> str:
    command = ["tmux", "-L", SOCKET, *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def wait_for(session: str, needle: str, timeout: float = 30) -> str:
    """The pane's text once it shows `needle` (fails with the last screen after `timeout`)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if needle in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} never appeared; the screen was:\n{screen}")


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "RAWI_ANNOTATOR": "tmux",
        "TERM": "xterm-256color",
    }


def _start(tmp_path: Path, session: str) -> Path:
    """rawi in a detached 120x32 tmux session on a fresh database; the database's path."""
    db = tmp_path / "annotations.json"
    exports = " ".join(f"{k}={v}" for k, v in _env(tmp_path).items())
    command = f"exec env {exports} {RAWI} --db {db}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "32", command)
    return db


def test_tags_survive_kill_9(tmp_path: Path) -> None:
    session = f"rawi-test-{os.getpid()}"
    env = _env(tmp_path)
    db = _start(tmp_path, session)
    try:
        pid = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())
        wait_for(session, "Title")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "Annotations:")
        tmux("send-keys", "-t", session, "s")
        wait_for(session, "SOURCE 1")
        tmux("send-keys", "-t", session, "w", "w", "m")
        wait_for(session, "CONTENT 1")
        os.kill(pid, signal.SIGKILL)
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", session], capture_output=True)
    with Store.open(db) as store:
        labels = sorted(span.label for span in store.spans(SEED, "tmux"))
    assert labels == ["CONTENT", "SOURCE"]
    exported = subprocess.run(
        [str(RAWI), "--db", str(db), "export"], capture_output=True, text=True, env=env | os.environ
    )
    assert exported.returncode == 0, exported.stderr
    (record,) = [json.loads(line) for line in exported.stdout.splitlines()]
    assert record["article_id"] == SEED
    tagged = sorted(span["label"] for span in record["spans"] if span["layer"] != "entity")
    assert tagged == ["CONTENT", "SOURCE"]
    assert {span["origin"] for span in record["spans"] if span["layer"] == "entity"} == {"model"}


def test_arabic_typed_in_the_filter_is_shaped_right_to_left(tmp_path: Path) -> None:
    session = f"rawi-filter-{os.getpid()}"
    _start(tmp_path, session)
    try:
        wait_for(session, "Title")
        time.sleep(1)  # the list takes keys once mounted
        tmux("send-keys", "-t", session, "/")
        wait_for(session, "Filter: title")  # focus moves to the field after a repaint
        tmux("send-keys", "-t", session, "-l", "لقاء")
        # shaped (joined presentation forms) and in display order: the last letter leftmost
        screen = wait_for(session, "ﺀﺎﻘﻟ")
        assert "لقاء" not in screen.splitlines()[1]
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", session], capture_output=True)


def test_ctrl_c_puts_the_logical_word_in_tmux_paste_buffer(tmp_path: Path) -> None:
    session = f"rawi-copy-{os.getpid()}"
    _start(tmp_path, session)
    try:
        tmux("set-option", "-s", "set-clipboard", "on")
        wait_for(session, "Title")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "Annotations:")
        tmux("send-keys", "-t", session, "C-c")
        wait_for(session, "copied 1 word")
        assert tmux("show-buffer") == "السيسي"  # logical order, no presentation forms
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", session], capture_output=True)


def test_export_after_a_session_holds_the_article_s_entities(tmp_path: Path) -> None:
    """A decision alone (`2` on the first name) makes the article annotated; `rawi export
    --layer entity` after the session holds its entities as the analyst saw them."""
    session = f"rawi-entities-{os.getpid()}"
    env = _env(tmp_path)
    db = _start(tmp_path, session)
    try:
        wait_for(session, "Title")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "Annotations:")
        tmux("send-keys", "-t", session, "2")
        wait_for(session, "is always ORG")
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "Title")
        tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 60  # quitting is not what is tested: the decision is saved
        while time.monotonic() < deadline:
            tmux("list-panes", "-t", session)  # fails once rawi has quit and its session ended
            time.sleep(0.2)
    except subprocess.CalledProcessError:
        pass  # the session ended with rawi
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", session], capture_output=True)
    exported = subprocess.run(
        [str(RAWI), "--db", str(db), "export", "--layer", "entity"],
        capture_output=True,
        text=True,
        env=env | os.environ,
    )
    assert exported.returncode == 0, exported.stderr
    (record,) = [json.loads(line) for line in exported.stdout.splitlines()]
    assert record["article_id"] == SEED and record["status"] == "in progress"
    spans = record["spans"]
    sisi = [s for s in spans if s["text"] == "السيسي"]
    assert sisi and all((s["label"], s["origin"]) == ("ORG", "decision") for s in sisi)
    assert {s["origin"] for s in spans} == {"model", "decision"} and len(spans) > 5
    assert [d["label"] for d in record["entity_decisions"]] == ["ORG"]


def test_a_tag_survives_u_pressed_in_the_next_article(tmp_path: Path) -> None:
    session = f"rawi-undo-{os.getpid()}"
    db = _start(tmp_path, session)
    try:
        wait_for(session, "Title")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "Annotations:")
        tmux("send-keys", "-t", session, "s")
        wait_for(session, "SOURCE 1")
        tmux("send-keys", "-t", session, "n")
        wait_for(session, "SOURCE 0")
        tmux("send-keys", "-t", session, "u")
        wait_for(session, "nothing to undo in this article")
        tmux("send-keys", "-t", session, "p")
        screen = wait_for(session, "SOURCE 1")
        assert SEED in screen
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", session], capture_output=True)
    with Store.open(db) as store:
        assert [span.label for span in store.spans(SEED, "tmux")] == ["SOURCE"]
