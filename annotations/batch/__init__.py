"""Pre-annotating a corpus in batch: entities and suggested attributions for every article,
written as partition files with a manifest, on one machine or a Dask cluster, resumable.

`run_job(job, corpus)` does the work; `Precomputed.open(folder)` reads it back for the reader,
`rawi entities` and `rawi suggest`. See docs/batch.md.
"""

from __future__ import annotations

from annotations.batch.job import Job, JobSummary, run_job
from annotations.batch.precomputed import Precomputed, registered_results
from annotations.batch.schedulers import SCHEDULERS, SchedulerMissing

__all__ = [
    "SCHEDULERS",
    "Job",
    "JobSummary",
    "Precomputed",
    "SchedulerMissing",
    "registered_results",
    "run_job",
]
