"""Training and evaluation tools of the entity recogniser, never imported by it.

Each tool runs as `python -m annotations.entities.training.<tool>`: `train` (the CRF, word
clusters and word lists), `train_neural` (the neural tagger; needs PyTorch), `build_gazetteers`
and `evaluate`. `conll` reads the evaluation corpora from `$RAWI_EVAL_DIR`, else from
`../shared/eval` beside the checkout.
"""


def missing(tool: str, package: str, install: str) -> SystemExit:
    """The one-line exit of a tool whose package is not installed (instead of a traceback)."""
    return SystemExit(f"{tool} needs {package}, which is not installed: {install}")
