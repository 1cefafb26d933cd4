"""Gradient boosting and a scikit-learn loop run under an experiment tracker on local files / a
local server (nothing leaves 127.0.0.1): the boosting library prints its own evaluation lines,
the tracker prints its banners, warnings, run ids and URLs between them.

Variants:
  mlflow_xgb     mlflow.xgboost.autolog() with a file store (file:///tmp/.../mlruns, which
                 MLflow 3.18 only opens with MLFLOW_ALLOW_FILE_STORE=true: set by the script), xgb.train(evals=[train, valid], verbose_eval=10,
                 early_stopping_rounds=10), then the script prints the run id, artifact URI and
                 its held-out test metrics (mlflow.log_metric)
  mlflow_lgbm    a local `mlflow server` (sqlite backend, port 5917, its own log in a file: it runs
                 in another terminal for a user) and mlflow.lightgbm.autolog(); lgb.train with
                 log_evaluation(10) + early_stopping(15) and LightGBM's [Info] lines; at run end
                 MLflow prints '🏃 View run <name> at: http://127.0.0.1:5917/#/experiments/1/runs/<id>'
  mlflow_sweep   the same local server, a parent run with three nested child runs (a learning-rate
                 sweep of SGDClassifier.partial_fit over mini-batches), each child printing its epochs and
                 MLflow's '🏃 View run' line when it ends, then the parent's summary
  dvclive_xgb    xgboost.XGBClassifier(callbacks=[dvclive.xgb.DVCLiveCallback(...)]) with
                 eval_set=[train, valid], verbose=10 ('[0]\tvalidation_0-logloss:0.64…'), then
                 live.summary printed as JSON (DVCLive's metrics.json: last values)

  aim_lgbm       (venv corpus-zBB-2) lightgbm.LGBMRegressor with aim.lightgbm.AimCallback (a local
                 .aim repo under /tmp) and log_evaluation(25), test metrics tracked to the same
                 run, the run hash and the `aim up` hint printed
  clearml_xgb    (venv corpus-zBB-2) ClearML offline (Task.set_offline(True)): its xgboost binding
                 records every round of a 3-class xgb.train(verbose_eval=15)

Ground truth: the tracker's OWN store read back after the run, restricted to what was printed:
MLflow: MlflowClient().get_metric_history(run_id, name) (autolog's per-iteration metrics: steps
are 0-based iterations for xgboost, for LightGBM env.iteration = printed round - 1); DVCLive:
its plots/metrics/<dataset>/<metric>.tsv files and metrics.json; Aim: run.metrics() of the
callback's run; ClearML: the offline session's metrics.jsonl.

Versions: mlflow 3.18.0 (see the truth files' "library"), xgboost, lightgbm, scikit-learn,
dvclive, numpy, Python 3.11 (venv corpus-zBB-1: `pip install mlflow xgboost lightgbm
scikit-learn dvclive sacred numpy`, all wheels).  Synthetic data (make_classification), seeds
fixed; every store is a temporary folder (the script chdirs there: DVCLive and MLflow write to
the current folder).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_mlflow_xgb_autolog_filestore -- python tests/corpus/scripts/tracker_boosting.py mlflow_xgb
    python tests/corpus/scripts/capture.py pty  real_mlflow_xgb_autolog_filestore_pty -- python tests/corpus/scripts/tracker_boosting.py mlflow_xgb
    python tests/corpus/scripts/capture.py pipe real_mlflow_lgbm_autolog_server -- python tests/corpus/scripts/tracker_boosting.py mlflow_lgbm
    # the next two against a server started in another terminal (the script's own server start
    # was not reliable on the shared capture machine):
    #   mlflow server --backend-store-uri sqlite:////tmp/zbbsrv/mlflow.db \
    #       --default-artifact-root /tmp/zbbsrv/artifacts --host 127.0.0.1 --port 5918 --workers 1
    python tests/corpus/scripts/capture.py pty  real_mlflow_lgbm_autolog_server_pty -- env MLFLOW_TRACKING_URI=http://127.0.0.1:5918 python tests/corpus/scripts/tracker_boosting.py mlflow_lgbm
    python tests/corpus/scripts/capture.py pipe real_mlflow_nested_sweep_server -- env MLFLOW_TRACKING_URI=http://127.0.0.1:5918 python tests/corpus/scripts/tracker_boosting.py mlflow_sweep
    python tests/corpus/scripts/capture.py pipe real_dvclive_xgb_callback -- python tests/corpus/scripts/tracker_boosting.py dvclive_xgb
    python tests/corpus/scripts/capture.py pty  real_dvclive_xgb_callback_pty -- python tests/corpus/scripts/tracker_boosting.py dvclive_xgb
    python tests/corpus/scripts/capture.py pipe real_aim_lgbm_callback -- python tests/corpus/scripts/tracker_boosting.py aim_lgbm   (venv corpus-zBB-2)
    python tests/corpus/scripts/capture.py pty  real_aim_lgbm_callback_pty -- python tests/corpus/scripts/tracker_boosting.py aim_lgbm   (venv corpus-zBB-2)
    python tests/corpus/scripts/capture.py pipe real_clearml_xgb_offline -- python tests/corpus/scripts/tracker_boosting.py clearml_xgb   (venv corpus-zBB-2)
    python tests/corpus/scripts/capture.py pty  real_clearml_xgb_offline_pty -- python tests/corpus/scripts/tracker_boosting.py clearml_xgb   (venv corpus-zBB-2)
"""

from __future__ import annotations

import atexit
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

SCRIPT = "tests/corpus/scripts/tracker_boosting.py"
WORK = tempfile.mkdtemp(prefix="trkboost-")
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
PORT = 5917


def v(name: str) -> str:
    return metadata.version(name)


def data(n=3000, seed=7):
    x, y = make_classification(
        n_samples=n, n_features=20, n_informative=8, n_redundant=4, flip_y=0.08, random_state=seed
    )
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.2, random_state=seed)
    x_tr, x_va, y_tr, y_va = train_test_split(x_tr, y_tr, test_size=0.25, random_state=seed)
    return x_tr, x_va, x_te, y_tr, y_va, y_te


def start_server():
    """A local MLflow tracking server (a user's other terminal): its log goes to a file.  With
    MLFLOW_TRACKING_URI set (a server the user started in another terminal) nothing is started."""
    if os.environ.get("MLFLOW_TRACKING_URI"):
        return os.environ["MLFLOW_TRACKING_URI"]
    log = open(os.path.join(WORK, "server.log"), "w")
    proc = subprocess.Popen(
        [
            os.path.join(os.path.dirname(sys.executable), "mlflow"),
            "server",
            "--backend-store-uri",
            "sqlite:///" + os.path.join(WORK, "mlflow.db"),
            "--default-artifact-root",
            os.path.join(WORK, "artifacts"),
            "--host",
            "127.0.0.1",
            "--port",
            str(PORT),
            "--workers",
            "1",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )

    def stop():
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()

    atexit.register(stop)
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health", timeout=2)
            return f"http://127.0.0.1:{PORT}"
        except Exception:
            time.sleep(0.5)
    raise SystemExit("mlflow server did not start")


# ---------------------------------------------------------------------------------- mlflow_xgb
def run_mlflow_xgb():
    import mlflow
    import xgboost as xgb
    from mlflow.tracking import MlflowClient
    from sklearn.metrics import accuracy_score, roc_auc_score

    os.chdir(WORK)
    # MLflow 3.18 refuses the file store unless told (its exception names this variable)
    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
    mlflow.set_tracking_uri("file://" + os.path.join(WORK, "mlruns"))
    mlflow.set_experiment("xgb-synthetic")
    mlflow.xgboost.autolog(log_models=False)
    x_tr, x_va, x_te, y_tr, y_va, y_te = data()
    print(f"mlflow {mlflow.__version__} | xgboost {xgb.__version__}")
    print(f"train {x_tr.shape} valid {x_va.shape} test {x_te.shape}")
    dtrain = xgb.DMatrix(x_tr, label=y_tr)
    dvalid = xgb.DMatrix(x_va, label=y_va)
    params = {
        "objective": "binary:logistic",
        "eval_metric": ["logloss", "auc"],
        "eta": 0.1,
        "max_depth": 4,
        "subsample": 0.8,
        "colsample_bytree": 0.8,
        "seed": 42,
        "nthread": 1,
    }
    with mlflow.start_run(run_name="xgb-eta0.1-depth4") as run:
        print(f"Started run {run.info.run_id} in experiment {run.info.experiment_id}")
        bst = xgb.train(
            params,
            dtrain,
            num_boost_round=300,
            evals=[(dtrain, "train"), (dvalid, "valid")],
            early_stopping_rounds=10,
            verbose_eval=10,
        )
        p = bst.predict(xgb.DMatrix(x_te), iteration_range=(0, bst.best_iteration + 1))
        acc = accuracy_score(y_te, p > 0.5)
        auc = roc_auc_score(y_te, p)
        mlflow.log_metrics({"test_accuracy": acc, "test_auc": auc})
        print(f"best_iteration={bst.best_iteration} best_score={bst.best_score}")
        print(f"Test accuracy: {acc:.4f}  Test AUC: {auc:.4f}")
        print(f"Artifact URI: {mlflow.get_artifact_uri()}")
    last = bst.num_boosted_rounds() - 1
    printed = [i for i in range(last + 1) if i % 10 == 0 or i == last]
    client = MlflowClient()
    rid = run.info.run_id
    series = _truth.Series()
    for i in printed:
        for name in ("train-logloss", "train-auc", "valid-logloss", "valid-auc"):
            hist = client.get_metric_history(rid, name)
            val = next(m.value for m in hist if m.step == i)
            series.add(name, i, None, val)
    # best_score (valid-auc, the last metric of the last eval set) at the best iteration
    best = next(
        m.value for m in client.get_metric_history(rid, "valid-auc") if m.step == bst.best_iteration
    )
    series.add("best_score", bst.best_iteration, None, best)
    for name, printed_name in (("test_accuracy", "Test accuracy"), ("test_auc", "Test AUC")):
        (m,) = client.get_metric_history(rid, name)
        series.add(printed_name, None, None, m.value)
    _truth.write(
        library=f"mlflow {v('mlflow')} (file store), xgboost {v('xgboost')}, scikit-learn {v('scikit-learn')}",
        script=SCRIPT,
        record=(
            "MLflow's own store: MlflowClient().get_metric_history(run_id, name) for the metrics "
            "mlflow.xgboost.autolog() logged per boosting round (step = 0-based round, as xgboost "
            "prints it) and the test metrics the script logged with mlflow.log_metrics"
        ),
        step_kind="global",
        series=series,
        not_printed=[
            "the rounds xgboost did not print (verbose_eval=10 prints every 10th and the last)",
            "autolog's stopped_iteration / best_iteration metrics and its extra point of each "
            "metric at the best round (step = number of rounds)",
        ],
        notes=(
            "xgboost prints '[10]\\ttrain-logloss:0.4... train-auc:0.9... valid-logloss:... "
            "valid-auc:...' every 10 rounds and the last round; early stopping at 10 rounds "
            "without improvement of valid-auc (the last metric). 'best_iteration=N best_score=X' is "
            "xgboost's Booster attributes: best_score is valid-auc at round N (truth from MLflow's "
            "history at that step). MLflow's own lines: the file-store deprecation warning, the "
            "experiment creation INFO line, run id (hex), experiment id (a long integer), artifact "
            "URI (a path with the run id). The shapes 'train (1800, 20)' are data sizes."
        ),
    )


# --------------------------------------------------------------------------------- mlflow_lgbm
def run_mlflow_lgbm():
    import lightgbm as lgb
    import mlflow
    from mlflow.tracking import MlflowClient

    os.chdir(WORK)
    mlflow.set_tracking_uri(start_server())
    mlflow.set_experiment("lgbm-churn")
    mlflow.lightgbm.autolog(log_models=False)
    x_tr, x_va, x_te, y_tr, y_va, y_te = data(seed=11)
    dtrain = lgb.Dataset(x_tr, label=y_tr)
    dvalid = lgb.Dataset(x_va, label=y_va, reference=dtrain)
    params = {
        "objective": "binary",
        "metric": ["binary_logloss", "auc"],
        "learning_rate": 0.05,
        "num_leaves": 15,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "seed": 3,
        "num_threads": 1,
    }
    with mlflow.start_run(run_name="lgbm-lr0.05") as run:
        booster = lgb.train(
            params,
            dtrain,
            num_boost_round=400,
            valid_sets=[dtrain, dvalid],
            valid_names=["train", "valid"],
            callbacks=[lgb.log_evaluation(10), lgb.early_stopping(15)],
        )
        print(f"best iteration: {booster.best_iteration}")
        print(f"best score: {dict(booster.best_score['valid'])}")
    rid = run.info.run_id
    client = MlflowClient()
    # rounds printed by log_evaluation(10) (1-based round numbers), then early stopping prints
    # the best round again
    hist = {
        name: {m.step: m.value for m in client.get_metric_history(rid, name)}
        for name in ("train-binary_logloss", "train-auc", "valid-binary_logloss", "valid-auc")
    }
    n_rounds = max(hist["valid-auc"]) + 1
    printed = [r for r in range(1, n_rounds + 1) if r % 10 == 0] + [booster.best_iteration]
    series = _truth.Series()
    for r in printed:
        for ds in ("train", "valid"):
            for met in ("binary_logloss", "auc"):
                series.add(f"{ds}'s {met}", r, None, hist[f"{ds}-{met}"][r - 1])
    # 'best score: {...}' the dict of the best round's valid metrics (same values as the
    # early-stopping line's valid ones): printed under the dict keys
    for met in ("binary_logloss", "auc"):
        series.add(
            met, booster.best_iteration, None, hist[f"valid-{met}"][booster.best_iteration - 1]
        )
    _truth.write(
        library=f"mlflow {v('mlflow')} (local tracking server), lightgbm {v('lightgbm')}",
        script=SCRIPT,
        record=(
            "MLflow's own store (the local server's sqlite backend): "
            "MlflowClient().get_metric_history(run_id, '<dataset>-<metric>') as "
            "mlflow.lightgbm.autolog() logged them each round (MLflow step = LightGBM's "
            "env.iteration = printed round - 1; points use the printed round)"
        ),
        step_kind="global",
        series=series,
        not_printed=[
            "rounds LightGBM did not print (log_evaluation(10))",
            "autolog's best_iteration / stopped_iteration metrics",
        ],
        notes=(
            "LightGBM prints '[10]\\ttrain's binary_logloss: 0.5... train's auc: 0.9... valid's "
            "binary_logloss: ... valid's auc: ...' every 10 rounds, 'Early stopping, best iteration "
            "is:' and the best round's line again (a repeated point). The script prints 'best "
            "iteration: N' (a round number, not a metric) and 'best score: {'binary_logloss': ..., "
            "'auc': ...}' (the best round's valid metrics again: series 'binary_logloss'/'auc'). "
            "[LightGBM] [Info] lines hold counts, bins and the overhead seconds. MLflow prints "
            "'🏃 View run lgbm-lr0.05 at: http://127.0.0.1:<port>/#/experiments/1/runs/<hex>' and "
            "'🧪 View experiment at: http://127.0.0.1:<port>/#/experiments/1' when the run ends: port, "
            "experiment id and hex run id are not metrics."
        ),
    )


# -------------------------------------------------------------------------------- mlflow_sweep
def run_mlflow_sweep():
    import mlflow
    from mlflow.tracking import MlflowClient
    from sklearn.linear_model import SGDClassifier
    from sklearn.metrics import accuracy_score, log_loss
    from sklearn.preprocessing import StandardScaler

    os.chdir(WORK)
    mlflow.set_tracking_uri(start_server())
    mlflow.set_experiment("sgd-lr-sweep")
    x_tr, x_va, x_te, y_tr, y_va, y_te = data(n=2400, seed=5)
    sc = StandardScaler().fit(x_tr)
    x_tr, x_va = sc.transform(x_tr), sc.transform(x_va)
    epochs = 6
    printed = []  # (run_id, [(name as printed, mlflow name, step)])
    best = (None, -1.0, None)
    with mlflow.start_run(run_name="sweep") as parent:
        print(f"parent run: {parent.info.run_id}")
        for lr in (0.001, 0.01, 0.1):
            with mlflow.start_run(run_name=f"lr={lr}", nested=True) as child:
                mlflow.log_params({"eta0": lr, "epochs": epochs, "batch_size": 128})
                clf = SGDClassifier(
                    loss="log_loss", learning_rate="constant", eta0=lr, random_state=0
                )
                pts = []
                rng = np.random.default_rng(0)
                for ep in range(1, epochs + 1):
                    order = rng.permutation(len(x_tr))
                    for i in range(0, len(order), 128):  # mini-batches of 128
                        b = order[i : i + 128]
                        clf.partial_fit(x_tr[b], y_tr[b], classes=[0, 1])
                    tl = log_loss(y_tr, clf.predict_proba(x_tr))
                    vl = log_loss(y_va, clf.predict_proba(x_va))
                    va = accuracy_score(y_va, clf.predict(x_va))
                    mlflow.log_metrics({"train_loss": tl, "val_loss": vl, "val_acc": va}, step=ep)
                    print(
                        f"  [lr={lr}] epoch {ep}/{epochs} train_loss={tl:.4f} val_loss={vl:.4f} val_acc={va:.4f}"
                    )
                    pts += [("train_loss", ep), ("val_loss", ep), ("val_acc", ep)]
                printed.append((child.info.run_id, lr, pts))
                if va > best[1]:
                    best = (lr, va, child.info.run_id)
        mlflow.log_metric("best_val_acc", best[1])
        mlflow.log_param("best_eta0", best[0])
        print(f"best eta0={best[0]} val_acc={best[1]:.4f} (run {best[2]})")
    client = MlflowClient()
    series = _truth.Series()
    for rid, _lr, pts in printed:
        hist = {
            n: {m.step: m.value for m in client.get_metric_history(rid, n)}
            for n in ("train_loss", "val_loss", "val_acc")
        }
        for name, ep in pts:
            series.add(name, ep, ep, hist[name][ep])
    (m,) = client.get_metric_history(parent.info.run_id, "best_val_acc")
    series.add("val_acc", None, None, m.value)
    _truth.write(
        library=f"mlflow {v('mlflow')} (local tracking server), scikit-learn {v('scikit-learn')}",
        script=SCRIPT,
        record=(
            "MLflow's own store (the local server's sqlite backend): get_metric_history of each "
            "nested child run (step = epoch) and the parent's best_val_acc"
        ),
        step_kind="epoch",
        series=series,
        notes=(
            "Three nested runs, one per learning rate, each printing '  [lr=0.01] epoch 3/6 "
            "train_loss=0.4123 val_loss=0.4311 val_acc=0.8450' (the series restart at epoch 1 in "
            "every child run: the same names, three runs in a row; lr=0.01 is a setting). Each "
            "child's end prints MLflow's '🏃 View run lr=0.01 at: http://127.0.0.1:<port>/#/"
            "experiments/1/runs/<hex>' and '🧪 View experiment at: ...'; the parent's end the same. "
            "The last line 'best eta0=0.1 val_acc=0.8611 (run <hex>)' repeats the best child's "
            "final val_acc (the parent's best_val_acc metric, no step)."
        ),
    )


# --------------------------------------------------------------------------------- dvclive_xgb
def run_dvclive_xgb():
    import xgboost as xgb
    from dvclive import Live
    from dvclive.xgb import DVCLiveCallback

    os.chdir(WORK)
    x_tr, x_va, x_te, y_tr, y_va, y_te = data(seed=21)
    live_dir = os.path.join(WORK, "dvclive")
    with Live(live_dir, report=None) as live:
        live.log_params({"n_estimators": 200, "max_depth": 3, "learning_rate": 0.08})
        model = xgb.XGBClassifier(
            n_estimators=200,
            max_depth=3,
            learning_rate=0.08,
            eval_metric=["logloss", "error"],
            early_stopping_rounds=12,
            n_jobs=1,
            random_state=0,
            callbacks=[DVCLiveCallback(live=live)],
        )
        model.fit(x_tr, y_tr, eval_set=[(x_tr, y_tr), (x_va, y_va)], verbose=10)
        acc = float((model.predict(x_te) == y_te).mean())
        live.log_metric("test_acc", acc, plot=False)
        print(f"best_iteration: {model.best_iteration}  test_acc: {acc:.4f}")
    with open(os.path.join(live_dir, "metrics.json")) as fh:
        summary = json.load(fh)
    print(json.dumps(summary, indent=4))
    # DVCLive's per-step tsv files: plots/metrics/<dataset>/<metric>.tsv
    tsv = {}
    for ds in ("validation_0", "validation_1"):
        for met in ("logloss", "error"):
            path = os.path.join(live_dir, "plots", "metrics", ds, met + ".tsv")
            with open(path) as fh:
                tsv[f"{ds}-{met}"] = {
                    int(r["step"]): float(r[met]) for r in csv.DictReader(fh, delimiter="\t")
                }
    last = max(tsv["validation_1-error"])
    printed = [i for i in range(last + 1) if i % 10 == 0 or i == last]
    series = _truth.Series()
    for i in printed:
        for ds in ("validation_0", "validation_1"):
            for met in ("logloss", "error"):
                series.add(f"{ds}-{met}", i, None, tsv[f"{ds}-{met}"][i])
    (step_now,) = [summary["step"]]
    for ds in ("validation_0", "validation_1"):
        for met in ("logloss", "error"):
            series.add(met, step_now, None, summary[ds][met])
    series.add("test_acc", None, None, summary["test_acc"])
    _truth.write(
        library=f"dvclive {v('dvclive')} (dvc {v('dvc')}), xgboost {v('xgboost')}",
        script=SCRIPT,
        record=(
            "DVCLive's own files: plots/metrics/validation_{0,1}/{logloss,error}.tsv (step, value "
            "per boosting round, written by dvclive.xgb.DVCLiveCallback) and metrics.json (its "
            "summary: last values, test_acc, step)"
        ),
        step_kind="global",
        series=series,
        not_printed=["rounds xgboost did not print (verbose=10)"],
        notes=(
            "xgboost prints '[0]\\tvalidation_0-logloss:0.6... validation_0-error:0.1... "
            "validation_1-logloss:... validation_1-error:...' every 10 rounds and the last. The "
            "script prints 'best_iteration: N  test_acc: X' (a round number, then DVCLive's "
            "test_acc) and DVCLive's metrics.json as indented JSON, nested "
            "keys: 'validation_0' -> 'logloss'/'error' (the last round's values, printed under the "
            "leaf keys), 'test_acc', and 'step' (DVCLive's step counter: not a metric). DVCLive's "
            "own line: 'WARNING:dvclive:Can't save experiment without a Git Repo.'"
        ),
    )


# ------------------------------------------------------------------------------------- aim_lgbm
def run_aim_lgbm():
    import lightgbm as lgb
    from aim.lightgbm import AimCallback
    from sklearn.datasets import make_regression
    from sklearn.metrics import mean_absolute_error, r2_score

    os.chdir(WORK)
    x, y = make_regression(
        n_samples=3000, n_features=15, n_informative=9, noise=12.0, random_state=4
    )
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.2, random_state=4)
    x_tr, x_va, y_tr, y_va = train_test_split(x_tr, y_tr, test_size=0.25, random_state=4)
    repo = os.path.join(WORK, ".aim")
    aim_cb = AimCallback(repo=repo, experiment="lgbm-regression")
    print(f"aim repo: {repo}")
    model = lgb.LGBMRegressor(
        n_estimators=150,
        learning_rate=0.06,
        num_leaves=24,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.9,
        random_state=4,
        n_jobs=1,
    )
    model.fit(
        x_tr,
        y_tr,
        eval_set=[(x_tr, y_tr), (x_va, y_va)],
        eval_names=["train", "valid"],
        eval_metric=["l2", "l1"],
        callbacks=[aim_cb, lgb.log_evaluation(25)],
    )
    pred = model.predict(x_te)
    mae, r2 = mean_absolute_error(y_te, pred), r2_score(y_te, pred)
    run = aim_cb.experiment
    run.track(mae, name="test_mae")
    run.track(r2, name="test_r2")
    print(f"test MAE: {mae:.3f}  test R2: {r2:.4f}")
    print(f"Aim run hash: {run.hash}  (aim up --repo {repo})")
    rec = {}
    for m in run.metrics():
        steps, (values, _epochs, _times) = m.data.items_list()
        ctx = m.context.to_dict()
        rec[m.name, ctx.get("stage") or ctx.get("subset") or json.dumps(ctx)] = dict(
            zip(steps, values, strict=True)
        )
    aim_cb.close()
    keys = sorted(rec)
    n_rounds = 150
    printed = [r for r in range(1, n_rounds + 1) if r % 25 == 0]
    series = _truth.Series()
    for r in printed:
        for ds in ("train", "valid"):
            for met in ("l2", "l1"):
                (k,) = [k for k in keys if k[0] == met and ds in k[1]]
                series.add(f"{ds}'s {met}", r, None, rec[k][r - 1])
    (k,) = [k for k in keys if k[0] == "test_mae"]
    series.add("test MAE", None, None, rec[k][0])
    (k,) = [k for k in keys if k[0] == "test_r2"]
    series.add("test R2", None, None, rec[k][0])
    _truth.write(
        library=f"aim {v('aim')} (local repo, aim.lightgbm.AimCallback), lightgbm {v('lightgbm')}",
        script=SCRIPT,
        record=(
            "Aim's own repo: run.metrics() of the AimCallback's run (metric name l2 / l1 with the "
            "dataset in its context; Aim step = LightGBM's env.iteration = printed round - 1; "
            "points use the printed round) and the test metrics the script tracked (Aim's own "
            "__system__* resource metrics are in the run too, never printed)"
        ),
        step_kind="global",
        series=series,
        not_printed=["rounds LightGBM did not print (log_evaluation(25))"],
        notes=(
            "LightGBM (scikit-learn API, default verbosity) prints its [LightGBM] [Info] lines "
            "(counts, bins, the start score) then '[25]\ttrain's l2: 210.5\ttrain's l1: 11.2\t"
            "valid's l2: ...\tvalid's l1: ...' every 25 rounds; the script prints the repo path "
            "(a /tmp folder with random letters), 'test MAE: 12.345  test R2: 0.9876' and 'Aim run "
            "hash: <24 hex>  (aim up --repo ...)'."
        ),
    )


# ---------------------------------------------------------------------------------- clearml_xgb
def run_clearml_xgb():
    os.environ["CLEARML_CACHE_DIR"] = os.path.join(WORK, "clearml")  # the offline session
    import xgboost as xgb
    from clearml import Task
    from sklearn.metrics import accuracy_score

    os.chdir(WORK)
    x, y = make_classification(
        n_samples=2400,
        n_features=20,
        n_informative=10,
        n_classes=3,
        n_clusters_per_class=1,
        flip_y=0.05,
        random_state=9,
    )
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.25, random_state=9)
    Task.set_offline(offline_mode=True)
    task = Task.init(project_name="xgb-multiclass", task_name="softprob depth5")
    params = {
        "objective": "multi:softprob",
        "num_class": 3,
        "eval_metric": ["mlogloss", "merror"],
        "eta": 0.15,
        "max_depth": 5,
        "subsample": 0.9,
        "seed": 9,
        "nthread": 1,
    }
    task.connect(params)
    print(f"task id: {task.id}")
    dtrain = xgb.DMatrix(x_tr, label=y_tr)
    dtest = xgb.DMatrix(x_te, label=y_te)
    bst = xgb.train(
        params,
        dtrain,
        num_boost_round=90,
        evals=[(dtrain, "train"), (dtest, "test")],
        verbose_eval=15,
    )
    acc = accuracy_score(y_te, bst.predict(dtest).argmax(1))
    task.get_logger().report_scalar("summary", "test_accuracy", acc, iteration=90)
    print(f"test accuracy: {acc:.4f}")
    folder = task.get_offline_mode_folder()
    task.close()
    events = []
    with open(os.path.join(folder, "metrics.jsonl")) as fh:
        for line in fh:
            events += json.loads(line)
    rec = {
        (e["metric"], e["variant"], e["iter"]): e["value"]
        for e in events
        if e["type"] == "training_stats_scalar"
    }
    printed = [i for i in range(90) if i % 15 == 0 or i == 89]
    series = _truth.Series()
    for i in printed:
        for ds in ("train", "test"):
            for met in ("mlogloss", "merror"):
                series.add(f"{ds}-{met}", i, None, rec[ds, met, i])
    series.add("test accuracy", None, None, rec["summary", "test_accuracy", 90])
    _truth.write(
        library=f"clearml {v('clearml')} (Task.set_offline(True), xgboost auto-logging), xgboost {v('xgboost')}",
        script=SCRIPT,
        record=(
            "ClearML's own record: the offline session's metrics.jsonl (training_stats_scalar "
            "events, metric = the evals name, variant = the xgboost metric, iter = round) that its "
            "xgboost binding reported, and the script's report_scalar('summary', 'test_accuracy')"
        ),
        step_kind="global",
        series=series,
        not_printed=[
            "the rounds xgboost did not print (verbose_eval=15)",
            "ClearML's resource-monitor scalars",
        ],
        notes=(
            "ClearML prints 'ClearML Task: created new task id=offline-<32 hex>', 'ClearML running "
            "in offline mode, session stored in <path>', logging lines with timestamps and ',282' "
            "milliseconds ('Could not fetch GPU stats: NVML Shared Library Not Found', 'Can't get url "
            "information for git repo in <path>'), 'ClearML Monitor: GPU monitoring failed ...' and at close 'Offline session "
            "stored in <path>.zip'. xgboost prints '[15]\ttrain-mlogloss:0.3...\ttrain-merror:0.0...\t"
            "test-mlogloss:...\ttest-merror:...' every 15 rounds and the last; the script prints the "
            "task id and 'test accuracy: 0.9133'."
        ),
    )


if __name__ == "__main__":
    {
        "mlflow_xgb": run_mlflow_xgb,
        "mlflow_lgbm": run_mlflow_lgbm,
        "mlflow_sweep": run_mlflow_sweep,
        "dvclive_xgb": run_dvclive_xgb,
        "aim_lgbm": run_aim_lgbm,
        "clearml_xgb": run_clearml_xgb,
    }[sys.argv[1]]()
