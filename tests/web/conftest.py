"""`rawi serve` started in a subprocess on a free loopback port, stopped after the test; the
folder the browser tests keep their screenshots in, named at the end of the run."""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="rawi serve needs textual-serve (rawi[serve])")

#: How long a server may take to say where it listens.
START_SECONDS = 60
#: Where the browser tests keep their screenshots.
ARTIFACTS = Path(
    os.environ.get("RAWI_TEST_ARTIFACTS") or Path(__file__).resolve().parents[2] / "test-artifacts"
)
#: The screenshots written in this run.
KEPT: list[Path] = []


@dataclass
class Served:
    """A running `rawi serve`: the URL it printed (with its token, if any) and its port."""

    url: str
    port: int
    process: subprocess.Popen[str]
    #: What the server writes on stdout (its request log).
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """`serve(*options)` starts `rawi serve` on the seeds and a database in tmp."""
    started: list[subprocess.Popen[str]] = []

    def start(*options: str) -> Served:
        port = free_port()
        log = tmp_path / f"serve-{port}.log"
        with log.open("w") as stdout:
            process = subprocess.Popen(
                [sys.executable, "-c", "from tui.cli import main; main()", "--db",
                 str(tmp_path / "db.json"), "--annotator", "mona", "serve", "--port", str(port),
                 *options],
                stdout=stdout, stderr=subprocess.PIPE, text=True,
            )
        started.append(process)
        served = Served(_printed_url(process), port, process, log)
        _until_listening(port)
        return served

    yield start
    for process in started:
        process.terminate()
        process.wait(10)


def _until_listening(port: int) -> None:
    """The URL is printed as the server starts, a moment before it listens."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


def _printed_url(process: subprocess.Popen[str]) -> str:
    assert process.stderr is not None
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stderr], [], [], 0.5)
        if ready:
            line = process.stderr.readline()
            if "serving the app on " in line:
                return line.split("serving the app on ", 1)[1].strip()
            if not line and process.poll() is not None:
                break
    raise AssertionError(f"rawi serve did not start (exit code {process.poll()})")


@pytest.fixture
def artifact() -> Callable[[str], Path]:
    """`artifact(name)`: the path to keep a screenshot at, said at the end of the run."""

    def path(name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        KEPT.append(ARTIFACTS / name)
        return ARTIFACTS / name

    return path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    kept = [path.name for path in KEPT if path.exists()]
    if kept:
        terminalreporter.write_line(f"browser screenshots kept in {ARTIFACTS}: {', '.join(kept)}")
