"""What can go wrong with the annotation database, each with a message that says what to do."""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """Base class: the database could not be opened, read or written."""


class StoreCorruptError(StoreError):
    """A database or journal file cannot be read. It is left untouched; a copy is kept aside."""


class StoreSchemaError(StoreError):
    """The database was written by a newer rawi."""


class StoreFullError(StoreError):
    """The disk is full: the change was not saved, the database is intact."""


class StoreLockedError(StoreError):
    """Another process held the database lock for too long."""


class StoreReadOnlyError(StoreError):
    """A write through a read-only view of the database (`open_tinydb`)."""


def disk_error(
    path: Path, error: OSError, lost: str = "the last change was NOT saved"
) -> StoreError:
    """A `StoreError` for a failed write to `path`, `StoreFullError` when the disk is full."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreFullError(
            f"{path}: disk full, {lost} (the database is intact). Free some space and try again."
        )
    return StoreError(f"{path}: cannot write ({error.strerror or error}); {lost}.")
