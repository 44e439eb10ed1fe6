"""The fold's child writer as the tests drive it (in place of `fold.WRITER`):

    python held_writer.py MODE FOLDER PATH GENERATION FOLDED_FROM

MODE `hold`: the first writer writes its pid to FOLDER/writing and waits for FOLDER/release
before writing (later writers do not wait); `mid-write`: the same, once the first piece of the
new file is written; `full-disk`: every write fails with ENOSPC; `killed`: SIGKILLs itself first.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[2]))  # as fold.WRITER does

import annotations.durable as durable
from annotations.store import fold_writer


def hold(folder: Path) -> None:
    """The first writer (only) says it is writing, then waits to be released."""
    writing = folder / "writing"
    if writing.exists():
        return
    writing.write_text(str(os.getpid()))
    deadline = time.monotonic() + 60
    while not (folder / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.01)


def main() -> int:
    mode, folder, *args = sys.argv[1:]
    write_all = durable.write_all
    if mode == "hold":
        hold(Path(folder))
    elif mode == "mid-write":

        def then_hold(fd: int, data: bytes) -> None:
            write_all(fd, data)
            hold(Path(folder))

        durable.write_all = then_hold
    elif mode == "full-disk":

        def full(fd: int, data: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        durable.write_all = full
    elif mode == "killed":
        os.kill(os.getpid(), signal.SIGKILL)
    return fold_writer.main(args)


if __name__ == "__main__":
    sys.exit(main())
