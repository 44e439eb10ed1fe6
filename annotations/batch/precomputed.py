"""Reading precomputed results back: an article's entities and suggestions, when its text and
the versions of the code and models match; otherwise None, and the caller computes them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from annotations.batch.article_results import decisions_digest, model_versions
from annotations.batch.manifest import Manifest, ManifestError
from annotations.batch.partition_files import read_partition
from annotations.corpus import Corpus
from annotations.entities import AnalystRule


class Precomputed:
    """The results folder of a `rawi annotate` run."""

    def __init__(self, folder: Path, manifest: Manifest) -> None:
        self.folder = folder
        self.manifest = manifest
        self._partition: tuple[str, dict[tuple[str, str], dict[str, Any]]] | None = None

    @classmethod
    def open(cls, folder: Path) -> Precomputed | None:
        """The results in `folder`, or None when there are none that can be read."""
        try:
            manifest = Manifest.read(folder)
        except ManifestError:
            return None
        return None if manifest is None else cls(folder, manifest)

    @cached_property
    def _files(self) -> dict[str, str]:
        """The partition file of each text digest."""
        return {
            sha256: entry.file
            for entry in self.manifest.partitions.values()
            for _, sha256 in entry.articles
        }

    def record(self, sha256: str) -> dict[str, Any] | None:
        """The stored record of the text with digest `sha256`, or None."""
        file = self._files.get(sha256)
        if file is None:
            return None
        cached = self._partition
        if cached is None or cached[0] != file:
            try:
                records = {r["sha256"]: r for r in read_partition(self.folder / file)}
            except (OSError, ValueError, EOFError):
                return None
            cached = self._partition = (file, records)
        return cached[1].get(sha256)

    def entities(
        self, sha256: str, decisions: Sequence[AnalystRule]
    ) -> list[dict[str, Any]] | None:
        """The entity records (as `rawi entities` prints them, with the `article` they were
        computed for) of the text with digest `sha256`, if this recogniser computed them with
        `decisions`."""
        versions, current = self.manifest.versions, model_versions()
        if versions.get("entities") != current["entities"]:
            return None
        if versions.get("decisions") != decisions_digest(decisions):
            return None
        record = self.record(sha256)
        return None if record is None else record["entities"]

    def suggestions(self, sha256: str) -> list[dict[str, Any]] | None:
        """The suggestion records (as `rawi suggest` prints them, all of them) of the text
        with digest `sha256`, if this suggester computed them."""
        if self.manifest.versions.get("attribution") != model_versions()["attribution"]:
            return None
        record = self.record(sha256)
        return None if record is None else record["suggestions"]


def registered_results(corpus: Corpus) -> Precomputed | None:
    """The results `rawi annotate` registered for `corpus`, if they can still be read."""
    folder = corpus.results_folder
    return None if folder is None else Precomputed.open(folder)
