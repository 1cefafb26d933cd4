"""openTSNE and UMAP with verbose=True, on synthetic blobs.

Versions: openTSNE 1.0.4, umap-learn 0.5.12 (pynndescent 0.7.0, numba 0.68.1), scikit-learn 1.9.1,
numpy 2.4.6, Python 3.11 (venv /work/venvs/other-g).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_opentsne_verbose -- python tests/corpus/scripts/embeddings_verbose.py opentsne
    python tests/corpus/scripts/capture.py pipe real_umap_verbose -- python tests/corpus/scripts/embeddings_verbose.py umap
    python tests/corpus/scripts/capture.py pty real_umap_verbose_pty -- python tests/corpus/scripts/embeddings_verbose.py umap
Truth: openTSNE's own callbacks (called with (iteration, error, embedding) at exactly the
iterations whose KL divergence verbose prints, with the same error value); UMAP prints no metric
at all (neighbour search, epoch counts, timestamps): its truth has no series.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
from sklearn.datasets import make_blobs  # noqa: E402

which = sys.argv[1]
X, _ = make_blobs(n_samples=400, n_features=10, centers=4, random_state=0)
SCRIPT = "tests/corpus/scripts/embeddings_verbose.py"
series = _truth.Series()

if which == "opentsne":
    import openTSNE

    record: list[tuple[int, float]] = []

    def keep(iteration, error, embedding):
        record.append((iteration, float(error)))
        return False  # never stop

    openTSNE.TSNE(
        n_iter=150,
        verbose=True,
        random_state=0,
        n_jobs=1,
        callbacks=keep,
        callbacks_every_iters=50,
    ).fit(X)
    for it, err in record:
        series.add("KL divergence", it, None, err)
    _truth.write(
        library=f"openTSNE {openTSNE.__version__}",
        script=SCRIPT,
        record=(
            "openTSNE callbacks (callbacks_every_iters=50): each call gets (iteration, error) at the "
            "iterations verbose prints, the error being the very value printed"
        ),
        step_kind="global",
        series=series,
        extra_ok=["Time elapsed (seconds)", "iterations in (seconds per 50 iterations)"],
        notes=(
            "A banner between two 80-dash rules repeats the estimator's settings "
            "('TSNE(callbacks=<function keep at 0x7f09da7b84a0>, early_exaggeration=12, n_iter=150, ...)', wrapped over two lines; the address is a memory address); then phases "
            "'===> Finding 90 nearest neighbors using exact search using euclidean distance...' each "
            "closed by '   --> Time elapsed: 0.01 seconds'. Two optimisation phases: "
            "'===> Running optimization with exaggeration=12.00, lr=33.33 for 250 iterations...' (the "
            "early-exaggeration phase) then 'exaggeration=1.00, lr=400.00 for 150 iterations': settings, "
            "not metrics. In each phase 'Iteration   50, KL divergence 1.1873, 50 iterations in 0.0428 sec' "
            "every 50 iterations: series 'KL divergence' (printed with 4 decimals, truth at full "
            "precision), step = the printed iteration, which restarts at 50 in the second phase (the "
            "library counts iterations per phase; print order is the order of the points); "
            "'50 iterations' is a count, the seconds are timings."
        ),
    )
elif which == "umap":
    import umap

    umap.UMAP(n_epochs=100, verbose=True, random_state=0).fit(X)
    _truth.write(
        library=f"umap-learn {umap.__version__}",
        script=SCRIPT,
        record="none: UMAP prints no metric (its fit keeps no loss either)",
        step_kind="none",
        series=series,
        notes=(
            "A UserWarning ('n_jobs value 1 overridden to 1 by setting random_state'), the estimator's repr "
            "'UMAP(n_epochs=100, n_jobs=1, random_state=0, verbose=True)', timestamped phase lines "
            "'Sun Dec  6 23:42:08 2026 Construct fuzzy simplicial set', then a tqdm bar "
            "'Epochs completed:   1%|            1/100 [00:00]' interleaved with tab-led lines "
            "'\\tcompleted  10  /  100 epochs' and 'Finished embedding'. Every number is a date, a time, "
            "a count or a setting: nothing here is a metric, any stored series is invented."
        ),
    )
