"""`manifest.json`: what a results folder holds, written by the job after every partition.

A partition counts as done when the manifest names it with the key of its articles (ids and
text digests) and of the versions it was computed with, and its file is there. A partition
renamed into place but not yet in the manifest (the job was killed before the manifest was
written again) is computed again and replaces its file: never a duplicate.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import orjson

from annotations.durable import atomic_write

NAME = "manifest.json"
FORMAT = "rawi-annotate/1"


class ManifestError(ValueError):
    """A manifest that cannot be read as one of this version."""


@dataclass(frozen=True, slots=True)
class PartitionEntry:
    """A complete partition: its file, key and articles as [id, sha256] pairs."""

    file: str
    key: str
    articles: list[list[str]]


@dataclass
class Manifest:
    corpus: list[str]
    output_format: str
    partition_size: int
    versions: dict[str, str]
    partitions: dict[str, PartitionEntry] = field(default_factory=dict)
    articles: int = 0
    complete: bool = False

    @classmethod
    def read(cls, folder: Path) -> Manifest | None:
        """The manifest of `folder`, None when there is none; ManifestError when damaged."""
        try:
            data = orjson.loads((folder / NAME).read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, orjson.JSONDecodeError) as error:
            raise ManifestError(f"{folder / NAME}: {error}") from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ManifestError(f"{folder / NAME}: not a {FORMAT} manifest")
        try:
            entries = {n: PartitionEntry(**e) for n, e in data["partitions"].items()}
            return cls(
                corpus=data["corpus"],
                output_format=data["output_format"],
                partition_size=data["partition_size"],
                versions=data["versions"],
                partitions=entries,
                articles=data["articles"],
                complete=data["complete"],
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise ManifestError(f"{folder / NAME}: {error!r}") from error

    def write(self, folder: Path) -> None:
        """Write the manifest atomically. Its lists are serialised as they are, not copied
        first (`dataclasses.asdict` copies every [id, sha256] pair: 116 s for a million
        articles on the loaded machine)."""
        data: dict[str, Any] = {
            "format": FORMAT,
            **{f.name: getattr(self, f.name) for f in fields(self) if f.name != "partitions"},
            "partitions": {
                name: {"articles": e.articles, "file": e.file, "key": e.key}
                for name, e in self.partitions.items()
            },
        }
        options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
        atomic_write(folder / NAME, orjson.dumps(data, option=options))

    def done(self, folder: Path, number: int, key: str) -> bool:
        entry = self.partitions.get(f"{number:05d}")
        return entry is not None and entry.key == key and (folder / entry.file).is_file()


class PacedWrites:
    """A growing manifest written as partitions come in, at most a tenth of the time: after a
    write that took t seconds, the next waits 10 t (a million articles' manifest is 125 MB and
    takes about 3 s). A partition finished since the last write is computed again by a rerun."""

    SHARE = 0.1

    def __init__(self, manifest: Manifest, folder: Path) -> None:
        self.manifest, self.folder = manifest, folder
        self._due = 0.0

    def __call__(self) -> None:
        started = time.monotonic()
        if started >= self._due:
            self.manifest.write(self.folder)
            self._due = started + (time.monotonic() - started) / self.SHARE


def partition_key(articles: list[list[str]], versions: dict[str, str], fmt: str) -> str:
    """The digest a partition's file is valid for."""
    payload = orjson.dumps([articles, sorted(versions.items()), fmt])
    return hashlib.sha256(payload).hexdigest()[:32]
