"""Child process for the crash and concurrency tests: save tags, print each acknowledged id.

Usage: python saver.py DB ANNOTATOR COUNT COMPACT_BYTES
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass

from annotations.arabic import tokenize
from annotations.store import Store

TEXT = "قال وزير الخارجية إن الاجتماع استمر ثلاث ساعات في القاهرة أمس. " * 20


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    sha256: str


def main() -> None:
    path, annotator, count, compact_bytes = (
        sys.argv[1],
        sys.argv[2],
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
    article = Article("crash", TEXT, hashlib.sha256(TEXT.encode()).hexdigest())
    words = tokenize(TEXT)
    store = Store.open(path, compact_bytes=compact_bytes, lock_timeout=60)
    for n in range(count):
        token = words[n % len(words)]
        span = store.add_span(article, "entity", "LOC", token.start, token.end, annotator=annotator)
        print(span.id, flush=True)
    store.close()


if __name__ == "__main__":
    main()
