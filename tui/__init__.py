"""rawi's terminal side: the Textual app, the display layer and the command line.

Importing this package imports no Textual; only the app modules do.
"""

import os

# The entity taggers multiply small matrices, where BLAS threads only spin on the cores the
# app needs (same speed, twice the CPU time in bench/bench_entities.py): one thread unless asked.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
