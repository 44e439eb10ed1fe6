"""The child process of a background fold (`fold.WRITER`): writes the database file the sealed
journal makes.

    python -m annotations.store.fold_writer PATH GENERATION FOLDED_FROM

Reads the database file at PATH and its sealed journal (of generation FOLDED_FROM), which
nobody changes while the parent holds the fold's claim, and writes the file they make, whose
`_meta` names GENERATION, beside PATH as `temp_of(PATH)` of this process, fsync'd; the parent
swaps it in. Exit code 0 when written, `ALREADY_FOLDED` when PATH already holds the sealed
journal, 1 with the reason on stderr when it cannot be written (its temporary file removed).
It stops, removing what it wrote, if its parent dies meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotations.durable import write_staged
from annotations.store.database_file import encode_database
from annotations.store.errors import StoreError, disk_error
from annotations.store.fold import ALREADY_FOLDED, KEPT, SYNC_EVERY
from annotations.store.journal import Journal
from annotations.store.schema import meta_document
from annotations.store.snapshot import database_tables, read_snapshot

#: Below the app's priority: on a small machine the fold takes the spare time.
NICENESS = 10


class ParentGone(Exception):
    """The process that asked for the fold died: nobody would swap the file in."""


def write_fold(path: Path, generation: str, folded_from: str) -> bool:
    """Write the fold of `path` and its sealed journal; False when `path` already holds it."""
    snapshot = read_snapshot(
        path, Journal(path.with_name(path.name + ".journal")), locked=False, live=False
    )
    if snapshot.sealed_folded:
        return False
    if snapshot.sealed is None or snapshot.sealed.generation != folded_from:
        raise StoreError(f"{path}: the sealed journal to fold is gone; {KEPT}.")
    meta = meta_document(generation, folded_from)
    tables = database_tables(snapshot.state.frozen(), meta, snapshot.extra)
    try:
        write_staged(path, _while_parent_lives(encode_database(tables)), sync_every=SYNC_EVERY)
    except OSError as error:
        raise disk_error(path, error, KEPT) from error
    return True


def _while_parent_lives(chunks: Iterable[bytes]) -> Iterator[bytes]:
    parent = os.getppid()
    for chunk in chunks:
        if os.getppid() != parent:
            raise ParentGone
        yield chunk


def main(argv: list[str]) -> int:
    path, generation, folded_from = argv
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    try:
        return 0 if write_fold(Path(path), generation, folded_from) else ALREADY_FOLDED
    except StoreError as error:
        print(error, file=sys.stderr)
    except ParentGone:
        pass
    except Exception as error:  # said in one line: the parent's warning quotes it
        print(f"{path}: compaction failed ({error!r}); {KEPT}.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
