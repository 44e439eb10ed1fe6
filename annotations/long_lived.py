"""Objects made to live as long as the process (a database's records, the recogniser's word
lists): the garbage collector pauses while they are made, since they make no garbage, and then
keeps them out of its full passes (`gc.freeze`), which would otherwise walk them all again."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived() -> Iterator[None]:
    """Pause the collector inside; on the way out, freeze everything alive."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()
