"""Hyperparameter searchers with their own console output: hyperopt's fmin bar ('best loss: ...'),
scikit-optimize's gp_minimize(verbose=True) blocks, FLAML AutoML's logger lines.

Versions: hyperopt 0.3.0, scikit-optimize 0.10.2, FLAML 2.8.0 (lightgbm 4.7.0), scikit-learn 1.9.1,
tqdm 4.70.1, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_hyperopt -- python tests/corpus/scripts/tuners_misc.py hyperopt
    python tests/corpus/scripts/capture.py pty  real_hyperopt_pty -- python tests/corpus/scripts/tuners_misc.py hyperopt
    python tests/corpus/scripts/capture.py pipe real_skopt -- python tests/corpus/scripts/tuners_misc.py skopt
    python tests/corpus/scripts/capture.py pipe real_flaml -- python tests/corpus/scripts/tuners_misc.py flaml
Truth: hyperopt's Trials (losses) at the bar states tqdm drew; skopt's OptimizeResult.func_vals;
FLAML's trial log (log_type='all'), running bests derived from it.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402

which = sys.argv[1]
SCRIPT = "tests/corpus/scripts/tuners_misc.py"
series = _truth.Series()

if which == "hyperopt":
    import hyperopt
    from hyperopt import Trials, fmin, hp, progress, tpe

    drawn = {}  # position -> postfix text tqdm showed there (a redraw: same point)

    class Bar(progress.tqdm):
        def display(self, msg=None, pos=None):
            drawn[self.n] = self.postfix
            return super().display(msg, pos)

    progress.tqdm = Bar  # hyperopt's default progress callback builds its bar from this name

    def objective(p):
        time.sleep(0.15)  # stands for a real model fit
        return (p["x"] - 0.3) ** 2 + 0.05 * np.cos(8 * p["y"])

    trials = Trials()
    best = fmin(
        objective,
        {"x": hp.uniform("x", -1, 1), "y": hp.uniform("y", -1, 1)},
        algo=tpe.suggest,
        max_evals=12,
        trials=trials,
        rstate=np.random.default_rng(0),
    )
    print(f"best: {best}")
    losses = trials.losses()
    for n, postfix in sorted(drawn.items()):
        if n == 0:
            continue  # 'best loss=?' before any trial
        run_best = min(losses[:n])
        assert postfix == f"best loss: {run_best}", (postfix, run_best)
        series.add("best loss", n, None, run_best)
    _truth.write(
        library=f"hyperopt {hyperopt.__version__}, tqdm {__import__('tqdm').__version__}",
        script=SCRIPT,
        record="hyperopt's Trials.losses(): the running minimum after n trials, at each bar state tqdm drew (asserted equal to the postfix it showed)",
        step_kind="trial",
        series=series,
        extra_ok=["the bar's rate (trial/s)"],
        not_printed=[
            "each trial's own loss (Trials.losses()) is never printed, only the running best"
        ],
        notes=(
            "fmin's tqdm bar (stderr): ' 42%|████▏     | 5/12 [00:00<00:01,  6.45trial/s, best loss: "
            "0.004163764894624887]': the postfix is 'best loss: <repr of the float>' (full precision; 'best "
            "loss=?' before the first trial). Step = the bar position (trials done). One point per drawn position. "
            "The script's last line 'best: {'x': np.float64(0.31), 'y': ...}' is the best parameters, not metrics."
        ),
    )

elif which == "skopt":
    import skopt
    from skopt import gp_minimize

    def f(x):
        return (x[0] - 0.3) ** 2 + 0.1 * np.sin(5 * x[1])

    res = gp_minimize(
        f, [(-1.0, 1.0), (-2.0, 2.0)], n_calls=8, n_initial_points=4, random_state=0, verbose=True
    )
    print(f"Best value: {res.fun:.6f} at x={res.x}")
    best = None
    for i, v in enumerate(res.func_vals, start=1):
        series.add("Function value obtained", i, None, float(v))
        best = float(v) if best is None else min(best, float(v))
        series.add("Current minimum", i, None, best)
    series.add("Best value", None, None, float(res.fun))
    _truth.write(
        library=f"scikit-optimize {skopt.__version__}",
        script=SCRIPT,
        record="gp_minimize's OptimizeResult.func_vals (and the running minimum of them), res.fun",
        step_kind="trial",
        series=series,
        extra_ok=["Time taken (seconds per iteration)"],
        notes=(
            "Five lines per iteration: 'Iteration No: 3 started. Evaluating function at random point.', 'Iteration "
            "No: 3 ended. Evaluation done at random point.', 'Time taken: 0.0002', 'Function value obtained: "
            "-0.0709', 'Current minimum: -0.0709'. The step ('Iteration No: 3') is on lines ABOVE the values; "
            "names are multi-word phrases ending in a colon; values printed with 4 decimals, truth at full "
            "precision. 'Current minimum' is the running minimum of 'Function value obtained'. The script's last "
            "line 'Best value: -0.070930 at x=[...]' is res.fun (series 'Best value', no step; x are parameters)."
        ),
    )

elif which == "flaml":
    import json
    import tempfile

    import flaml
    from flaml import AutoML
    from sklearn.datasets import make_classification

    log = os.path.join(tempfile.mkdtemp(prefix="flaml-"), "trials.log")
    X, y = make_classification(n_samples=600, n_features=10, random_state=0)
    automl = AutoML()
    automl.fit(
        X,
        y,
        task="classification",
        max_iter=8,
        estimator_list=["lgbm", "rf"],
        seed=0,
        time_budget=-1,
        verbose=3,
        log_file_name=log,
        log_type="all",
    )
    print(f"Best learner: {automl.best_estimator}, best loss: {automl.best_loss}")
    with open(log) as fh:
        trials = [json.loads(line) for line in fh if line.strip().startswith('{"record_id"')]
    learner_best, overall = {}, None
    for it, t in enumerate(trials):
        assert t["record_id"] == it
        lr, loss = t["learner"], t["validation_loss"]
        learner_best[lr] = min(learner_best.get(lr, loss), loss)
        overall = loss if overall is None else min(overall, loss)
        series.add(f"estimator {lr}'s best error", it, None, learner_best[lr])
        series.add("best error", it, None, overall)
    assert overall == automl.best_loss
    series.add("best loss", None, None, float(automl.best_loss))
    import shutil

    shutil.rmtree(os.path.dirname(log))
    _truth.write(
        library=f"FLAML {flaml.__version__}",
        script=SCRIPT,
        record="FLAML's own trial log (log_file_name, log_type='all': each trial's learner and validation_loss) with the running bests it prints derived from it, and automl.best_loss",
        step_kind="trial",
        series=series,
        extra_ok=["the elapsed time ' at 5.3s'", "Time taken to find the best model"],
        notes=(
            "FLAML's logger (stderr): '[flaml.automl.logger: 12-06 12:01:55] {3026} INFO - iteration 4, current "
            "learner rf' then '[flaml.automl.logger: ...] {3212} INFO -  at 5.3s,\\testimator rf's best "
            "error=3.2696e-02,\\tbest estimator lgbm's best error=2.7309e-02'. The {3026} is a source line "
            'number. Step = the iteration from the line above. Series: "estimator <learner>\'s best error" (the '
            "learner just tried: its best so far) and 'best error' (printed as \"best estimator <learner>'s best "
            "error\": the overall best, whose learner can differ from the one just tried). Values printed '%.4e', "
            "truth at full precision. Other numbers are configuration or banners ('Estimated sufficient time "
            "budget=10000s', the retrained model's repr with learning_rate=np.float64(0.36...), 'Evaluation "
            "method: cv'). The script's last line 'Best learner: lgbm, best loss: 0.0151...' is automl.best_loss "
            "(series 'best loss', no step)."
        ),
    )
