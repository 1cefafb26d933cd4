"""Command-line ML tools from Debian (bookworm) apt, run the way users wrap them: a small
driver writes synthetic data files, echoes the command (`$ xgboost train.conf`) and runs the
tool on the console's own file descriptors (its bytes go straight to the terminal / pipe).

Versions (Debian 12 packages): xgboost 1.7.4-1 (CLI, /usr/bin/xgboost) + python3-xgboost 1.7.4-1;
libsvm-tools 3.24+ds-6 (svm-train, svm-predict, svm-scale, svm-grid) + python3-libsvm 3.24;
liblinear-tools 2.3.0+dfsg-5 (liblinear-train, liblinear-predict) + python3-liblinear 2.3.0;
fasttext 0.9.2+ds-1+b1; weka 3.6.14-3 on OpenJDK 17 (default-jdk-headless for javac).
Run with Debian's /usr/bin/python3 (3.11; the python3-* bindings live in its dist-packages).

Capture (repository root):
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_xgboost_cli_binary -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py xgb_binary
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_xgboost_cli_reg_verbose -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py xgb_reg
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_libsvm_train_predict -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py svm
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_libsvm_cv_grid -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py svm_cv
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_liblinear_param_search -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py linear_C
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_liblinear_newton_cv -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py linear_cv
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_fasttext_cli -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py fasttext
    /usr/bin/python3 tests/corpus/scripts/capture.py pty  real_fasttext_cli_pty -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py fasttext
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_weka_j48_cv -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py weka_j48
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_weka_mlp_test -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py weka_mlp
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_weka_naivebayes_x5 -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py weka_nb
    /usr/bin/python3 tests/corpus/scripts/capture.py pipe real_weka_m5p_regression -- /usr/bin/python3 tests/corpus/scripts/cli_ml_tools.py weka_m5p
Truth: per tool, see each variant's notes (the tool's own output files where it writes one:
prediction files, svm-grid's .out file, the libsvm model's rho; else the same library's
programmatic record of an identical run: xgboost's evals_result, libsvm/liblinear's return
values and print callback, weka's Evaluation object).
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import _truth  # noqa: E402

LIBC = ctypes.CDLL(None)
SCRIPT = "tests/corpus/scripts/cli_ml_tools.py"
WORK = tempfile.mkdtemp(prefix="cli_ml_")
os.chdir(WORK)


def say(msg: str) -> None:
    print(msg, flush=True)


def run(argv: list[str], tee_fd: int | None = None) -> str:
    """Run a tool on our stdout/stderr; with tee_fd (1 or 2) that stream passes through us
    unchanged, byte for byte, and its text is returned."""
    say("$ " + " ".join(argv))
    if tee_fd is None:
        subprocess.run(argv, check=True)
        return ""
    kw = {"stdout": subprocess.PIPE} if tee_fd == 1 else {"stderr": subprocess.PIPE}
    p = subprocess.Popen(argv, **kw)
    stream = p.stdout if tee_fd == 1 else p.stderr
    buf = []
    while True:
        data = os.read(stream.fileno(), 4096)
        if not data:
            break
        os.write(tee_fd, data)
        buf.append(data)
    assert p.wait() == 0
    return b"".join(buf).decode()


def make_clf(n: int, d: int, seed: int, classes: int = 2):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    W = rng.normal(size=(d, classes))
    logits = X @ W + rng.normal(scale=1.5, size=(n, classes))
    y = logits.argmax(1)
    return X, y


def split(X, y, n):
    return X[:n], y[:n], X[n:], y[n:]


def write_libsvm(path: str, X, y) -> None:
    with open(path, "w") as fh:
        for xi, yi in zip(X, y):
            feats = " ".join(f"{j + 1}:{v:.6g}" for j, v in enumerate(xi))
            fh.write(f"{yi:g} {feats}\n")


def read_libsvm_py(path: str):
    ys, xs = [], []
    for line in open(path):
        parts = line.split()
        ys.append(float(parts[0]))
        xs.append({int(k): float(v) for k, v in (p.split(":") for p in parts[1:])})
    return ys, xs


# --------------------------------------------------------------------------- xgboost CLI
def xgb_common(objective_lines: str, name: str, X, y, Xt, yt, rounds: int):
    write_libsvm("train.libsvm", X, y)
    write_libsvm("test.libsvm", Xt, yt)
    conf = f"""# {name}: XGBoost command-line training
booster = gbtree
{objective_lines}
eta = 0.3
max_depth = 4
subsample = 0.9
seed = 7
num_round = {rounds}
save_period = 0
data = "train.libsvm?format=libsvm"
eval[train] = "train.libsvm?format=libsvm"
eval[test] = "test.libsvm?format=libsvm"
model_out = "{name}.model"
"""
    with open("train.conf", "w") as fh:
        fh.write(conf)
    say(f"train: {len(y)} rows, test: {len(yt)} rows, {X.shape[1]} features")
    say("--- train.conf ---")
    say(conf.rstrip())
    say("------------------")
    run(["xgboost", "train.conf"])


def xgb_record(params: dict, rounds: int):
    import xgboost as xgb

    dtrain = xgb.DMatrix("train.libsvm?format=libsvm")
    dtest = xgb.DMatrix("test.libsvm?format=libsvm")
    res: dict = {}
    xgb.train(params, dtrain, rounds, evals=[(dtrain, "train"), (dtest, "test")],
              evals_result=res, verbose_eval=False)
    series = _truth.Series()
    for i in range(rounds):
        for ev in ("train", "test"):
            for m, vals in res[ev].items():
                series.add(f"{ev}-{m}", i, None, vals[i])
    return series, xgb.__version__


def v_xgb_binary():
    X, y, Xt, yt = split(*make_clf(2000, 12, 1), 1500)
    rounds = 25
    obj = "objective = binary:logistic\neval_metric = logloss\neval_metric = error\neval_metric = auc"
    xgb_common(obj, "binary", X, y, Xt, yt, rounds)
    say(f"model written to binary.model ({os.path.getsize('binary.model')} bytes)")
    params = {"booster": "gbtree", "objective": "binary:logistic", "eta": 0.3, "max_depth": 4,
              "subsample": 0.9, "seed": 7, "eval_metric": ["logloss", "error", "auc"]}
    series, ver = xgb_record(params, rounds)
    _truth.write(
        library=f"xgboost {ver} CLI (Debian xgboost 1.7.4-1)",
        script=SCRIPT, step_kind="global", series=series,
        record="evals_result of xgboost.train (python3-xgboost 1.7.4, the same libxgboost.so) with the config file's params, data files and seed",
        notes="The CLI keeps no record of its eval lines '[3]\\ttrain-logloss:0.34…\\ttrain-error:…\\ttrain-auc:…\\ttest-logloss:…' (stderr). "
              "Truth: the identical training through the Python API of the same library build (same params, the same libsvm files, seed 7) "
              "gives evals_result; every value agrees with the console at its printed precision. step = the round number as printed ([0]…). "
              "The driver echoes the config file and the command; the CLI's start-up lines are counts and times.",
    )


def v_xgb_reg():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(1200, 8))
    w = rng.normal(size=8)
    y = X @ w + np.sin(X[:, 0] * 2) + rng.normal(scale=0.5, size=1200)
    Xt, yt = X[900:], y[900:]
    X, y = X[:900], y[:900]
    rounds = 12
    obj = "objective = reg:squarederror\neval_metric = rmse\neval_metric = mae\nverbosity = 3"
    xgb_common(obj, "reg", X, y, Xt, yt, rounds)
    params = {"booster": "gbtree", "objective": "reg:squarederror", "eta": 0.3, "max_depth": 4,
              "subsample": 0.9, "seed": 7, "eval_metric": ["rmse", "mae"]}
    series, ver = xgb_record(params, rounds)
    _truth.write(
        library=f"xgboost {ver} CLI (Debian xgboost 1.7.4-1)",
        script=SCRIPT, step_kind="global", series=series,
        record="evals_result of xgboost.train (python3-xgboost 1.7.4, the same libxgboost.so) with the config file's params, data files and seed",
        extra_ok=["the Monitor timings at the end ('GetGradient: 0.00513s, 12 calls @ 5130us': Configure, EvalOneIter, GetGradient, PredictRaw, UpdateOneIter, BoostNewTrees, CommitModel, PrunerUpdate; seconds in all and per call)",
                  "'boosting round 3, 0.25 sec elapsed' / 'update end, 0.34 sec in all' (elapsed time)"],
        notes="verbosity = 3 in the config: the CLI's debug lines (DMatrix loading, 'tree pruning end, N extra nodes, M pruned nodes, max_depth=4' "
              "per tree, timings) around the '[5]\\ttrain-rmse:…\\ttrain-mae:…\\ttest-rmse:…\\ttest-mae:…' lines. Truth: the identical training "
              "through the Python API of the same library build (same params, libsvm files, seed) gives evals_result; it agrees with the "
              "console at its printed precision. Pruning counts and depths are not metrics; the Monitor's timings (extra_ok) are.",
    )


# --------------------------------------------------------------------------- libsvm
class LibCallback:
    """libsvm / liblinear's own print channel: the library hands its messages to this callback."""

    def __init__(self, lib):
        self.text = []
        proto = ctypes.CFUNCTYPE(None, ctypes.c_char_p)
        self.fn = proto(lambda s: self.text.append(s.decode()))
        lib(self.fn)


def svm_record_runs(args_list, ytr, xtr):
    """Re-run svm_train with the python binding; returns [(return value, printed text)]."""
    import svm as svmmod
    from svmutil import svm_train

    out = []
    for args in args_list:
        cb = LibCallback(svmmod.libsvm.svm_set_print_string_function)
        # the binding resets the print function only under -q; install ours after its setup
        prob = svmmod.svm_problem(ytr, xtr)
        param = svmmod.svm_parameter(args)
        if param.gamma == 0:  # svm-train's default 1/num_features, as svmutil.svm_train sets it
            param.gamma = 1.0 / max(max(x) for x in xtr)
        svmmod.libsvm.svm_set_print_string_function(cb.fn)
        LIBC.srand(1)  # each svm-train is a fresh process: glibc's unseeded rand() is srand(1)
        if param.cross_validation:
            target = (ctypes.c_double * prob.l)()
            svmmod.libsvm.svm_cross_validation(prob, param, param.nr_fold, target)
            acc = sum(1 for i in range(prob.l) if target[i] == ytr[i]) / prob.l * 100
            out.append((acc, "".join(cb.text)))
        else:
            m = svmmod.libsvm.svm_train(prob, param)
            out.append((m, "".join(cb.text)))
    return out


def parse_obj(text: str):
    return [(float(o), float(r)) for o, r in re.findall(r"obj = (\S+), rho = (\S+)", text)]


def v_svm():
    X, y, Xt, yt = split(*make_clf(900, 10, 11), 600)
    write_libsvm("train", X, y)
    write_libsvm("test", Xt, yt)
    rng = np.random.default_rng(5)
    Xr = rng.normal(size=(500, 6))
    yr = np.tanh(Xr[:, 0]) + 0.5 * Xr[:, 1] ** 2 + rng.normal(scale=0.2, size=500)
    write_libsvm("reg.train", Xr[:350], yr[:350])
    write_libsvm("reg.test", Xr[350:], yr[350:])
    say("== classification: C-SVC, RBF kernel ==")
    with open("train.scale", "w") as fh:
        say("$ svm-scale -l -1 -u 1 -s range train > train.scale")
        subprocess.run(["svm-scale", "-l", "-1", "-u", "1", "-s", "range", "train"], stdout=fh, check=True)
    with open("test.scale", "w") as fh:
        say("$ svm-scale -r range test > test.scale")
        subprocess.run(["svm-scale", "-r", "range", "test"], stdout=fh, check=True)
    run(["svm-train", "-c", "4", "-g", "0.1", "train.scale", "train.model"])
    run(["svm-predict", "test.scale", "train.model", "test.predict"])
    say("== regression: epsilon-SVR ==")
    run(["svm-train", "-s", "3", "-p", "0.1", "-c", "2", "reg.train", "reg.model"])
    run(["svm-predict", "reg.test", "reg.model", "reg.predict"])

    series = _truth.Series()
    # obj: libsvm's print callback in an identical python-binding run; rho: the model files
    ys, xs = read_libsvm_py("train.scale")
    yrr, xrr = read_libsvm_py("reg.train")
    (m1, t1), = svm_record_runs(["-c 4 -g 0.1"], ys, xs)
    (m2, t2), = svm_record_runs(["-s 3 -p 0.1 -c 2"], yrr, xrr)
    rho_model = [float(l.split()[1]) for f in ("train.model", "reg.model") for l in open(f) if l.startswith("rho")]
    o1, o2 = parse_obj(t1)[0][0], parse_obj(t2)[0][0]
    pred = [float(l) for l in open("test.predict")]
    yt_scaled, _ = read_libsvm_py("test.scale")
    correct = sum(p == t for p, t in zip(pred, yt_scaled))
    acc = correct / len(pred) * 100
    predr = np.array([float(l) for l in open("reg.predict")])
    ytr, _ = read_libsvm_py("reg.test")
    ytr = np.array(ytr)
    mse = float(np.mean((predr - ytr) ** 2))
    n = len(ytr)
    sv, sy, svv, syy, svy = predr.sum(), ytr.sum(), (predr**2).sum(), (ytr**2).sum(), (predr * ytr).sum()
    scc = float(((n * svy - sv * sy) ** 2) / ((n * svv - sv * sv) * (n * syy - sy * sy)))
    series.add("obj", None, None, o1)
    series.add("rho", None, None, rho_model[0])
    series.add("Accuracy", None, None, acc)
    series.add("obj", None, None, o2)
    series.add("rho", None, None, rho_model[1])
    series.add("Mean squared error", None, None, mse)
    series.add("Squared correlation coefficient", None, None, scc)
    _truth.write(
        library="LIBSVM 3.24 command-line tools (Debian libsvm-tools 3.24+ds-6)",
        script=SCRIPT, step_kind="none", series=series,
        record="svm-predict's own prediction files (test.predict, reg.predict) scored with LIBSVM's formulas; rho from the model files svm-train wrote; obj from LIBSVM's print callback in an identical python3-libsvm run",
        extra_ok=["nu (svm-train's 'nu = 0.53…' after each optimisation: the fraction of support vectors bound, a solver statistic)"],
        notes="svm-train prints '*' / '.' progress marks, 'optimization finished, #iter = 1234', 'nu = …', 'obj = -1234.5, rho = 0.12', "
              "'nSV = …, nBSV = …', 'Total nSV = …'; svm-predict prints 'Accuracy = 86.3333% (259/300) (classification)' and for SVR "
              "'Mean squared error = 0.05… (regression)' / 'Squared correlation coefficient = 0.9… (regression)'. Truth: Accuracy, MSE and "
              "the squared correlation computed (full precision) from the prediction files svm-predict wrote, with svm-predict's formulas; "
              "rho from the 'rho' line of the model file (%.17g); obj (not in any file) from the same LIBSVM library's print callback "
              "(svm_set_print_string_function) in an identical python3-libsvm training on the same scaled file. The driver's '$ …' lines "
              "echo the commands; counts (#iter, nSV, nBSV, 259/300) are not metrics. Accuracy is printed in percent.",
    )


def v_svm_cv():
    X, y = make_clf(400, 8, 21)
    write_libsvm("heart", X, y)
    ys, xs = read_libsvm_py("heart")
    cs = ["0.5", "8"]
    for c in cs:
        run(["svm-train", "-v", "5", "-c", c, "heart"])
    say("== svm-grid ==")
    run(["svm-grid", "-svmtrain", "/usr/bin/svm-train", "-log2c", "-1,5,2", "-log2g", "-5,-1,2", "-v", "5", "-gnuplot", "null", "-out", "heart.out", "heart"])
    series = _truth.Series()
    recs = svm_record_runs([f"-v 5 -c {c}" for c in cs], ys, xs)
    for acc, text in recs:
        for o, r in parse_obj(text):
            series.add("obj", None, None, o)
            series.add("rho", None, None, r)
        series.add("Cross Validation Accuracy", None, None, acc)
    grid_rate = []
    for i, line in enumerate(open("heart.out")):
        m = re.match(r"log2c=(\S+) log2g=(\S+) rate=(\S+)", line)
        grid_rate.append(float(m.group(3)))
        series.add("rate", i + 1, None, float(m.group(3)))
    _truth.write(
        library="LIBSVM 3.24 command-line tools (Debian libsvm-tools 3.24+ds-6: svm-train, svm-grid = grid.py)",
        script=SCRIPT, step_kind="none", series=series,
        record="Cross Validation Accuracy: svm_cross_validation's predictions in an identical python3-libsvm run (same rand() sequence: a fresh process); obj/rho per fold: LIBSVM's print callback in that run; svm-grid's rates: its own -out file heart.out",
        extra_ok=["nu (a solver statistic)", "svm-grid's running best 'rate=' inside '(best c=…, g=…, rate=…)' and the last line's rate (repeat a recorded rate)"],
        notes="Two 'svm-train -v 5' runs print per fold the optimisation block (obj/rho/nu/nSV) then 'Cross Validation Accuracy = 84.75%'. "
              "svm-grid (grid.py) prints '[local] 3 -3 85.0 (best c=8.0, g=0.125, rate=85.25)' per grid point (log2c, log2g, rate; the "
              "order of grid points is grid.py's), and finally 'c g rate' as '8.0 0.125 85.25'. Truth for rate: grid.py's own output file "
              "'log2c=3 log2g=-3 rate=85.0' lines in print order (step = the line number); CV accuracy and obj/rho of each fold: the same "
              "LIBSVM's svm_cross_validation in python3-libsvm with the same options (the folds come from rand() unseeded, identical in a "
              "fresh process) and its print callback; they agree with the console.",
    )


# --------------------------------------------------------------------------- liblinear
def linear_record(args_list, ys, xs):
    import liblinear as ll
    from liblinearutil import train

    out = []
    for args in args_list:
        cb = LibCallback(ll.liblinear.set_print_string_function)
        prob = ll.problem(ys, xs)
        param = ll.parameter(args)
        ll.liblinear.set_print_string_function(cb.fn)
        LIBC.srand(1)  # each liblinear-train is a fresh process: unseeded rand() is srand(1)
        if param.flag_find_parameters:
            best_C, best_p, best_score = ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
            start_C = param.C if param.flag_C_specified else -1.0
            ll.liblinear.find_parameters(prob, param, param.nr_fold, ctypes.c_double(start_C), ctypes.c_double(-1.0),
                                         best_C, best_p, best_score)
            out.append(((best_C.value, best_score.value * 100), "".join(cb.text)))
        elif param.flag_cross_validation:
            target = (ctypes.c_double * prob.l)()
            ll.liblinear.cross_validation(prob, param, param.nr_fold, target)
            acc = sum(1 for i in range(prob.l) if target[i] == ys[i]) / prob.l * 100
            out.append((acc, "".join(cb.text)))
        else:
            ll.liblinear.train(prob, param)
            out.append((None, "".join(cb.text)))
    return out


def v_linear_C():
    X, y, Xt, yt = split(*make_clf(1200, 20, 31), 800)
    write_libsvm("a9a", X, y)
    write_libsvm("a9a.t", Xt, yt)
    txt = run(["liblinear-train", "-C", "-s", "2", "a9a"], tee_fd=1)
    best_c = re.search(r"Best C = (\S+)", txt).group(1)
    run(["liblinear-train", "-c", best_c, "-s", "2", "a9a", "a9a.model"])
    run(["liblinear-predict", "a9a.t", "a9a.model", "a9a.out"])
    ys, xs = read_libsvm_py("a9a")
    (best, text), (_, text2) = linear_record(["-C -s 2", f"-c {best_c} -s 2"], ys, xs)
    series = _truth.Series()
    for c, r in re.findall(r"log2c=\s*(\S+)\s+rate=(\S+)", text):
        series.add("rate", None, None, float(r))
    series.add("CV accuracy", None, None, best[1])
    for it, f in re.findall(r"iter\s+(\d+) act \S+ pre \S+ delta \S+ f (\S+)", text2):
        series.add("f", int(it), None, float(f))
    pred = [float(l) for l in open("a9a.out")]
    acc = sum(p == t for p, t in zip(pred, yt)) / len(pred) * 100
    series.add("Accuracy", None, None, acc)
    _truth.write(
        library="LIBLINEAR 2.3.0 command-line tools (Debian liblinear-tools 2.3.0+dfsg-5)",
        script=SCRIPT, step_kind="none", series=series,
        record="find_parameters' best score (and its per-C lines, via LIBLINEAR's print callback) in an identical python3-liblinear run; Accuracy from liblinear-predict's output file a9a.out",
        extra_ok=["|g| (gradient norm of f)", "delta (trust-region radius)"],
        notes="'liblinear-train -C -s 2' (L2-loss SVM, parameter search with 5-fold CV) prints 'Doing parameter search with 5-fold cross "
              "validation.', 'log2c= -19.93\\trate=85.5' per C (log2c is the setting, not a metric), 'Warm-start parameter search' lines, "
              "'Best C = 0.0078125  CV accuracy = 86.125%'; the driver then trains with that C and liblinear-predict prints "
              "'Accuracy = 84.75% (339/400)'; the final training prints the Newton solver's 'iter  1 act … pre … delta … f 1.250e+01 |g| … CG   2' lines (f, the objective: series, step = iter, from the same print callback of an identical python3-liblinear train). Truth: the per-C rates are only printed, and LIBLINEAR hands them to its print function: taken "
              "from that callback in an identical python3-liblinear find_parameters run (same library, same rand() sequence, printed "
              "precision %g); the best CV accuracy from find_parameters' returned best_score (×100 as printed); Accuracy from the "
              "predictions file. The first liblinear-train's stdout passes through the driver unchanged (it reads Best C from it).",
    )


def v_linear_cv():
    X, y = make_clf(700, 15, 41, classes=3)
    write_libsvm("train3", X, y)
    ys, xs = read_libsvm_py("train3")
    opts = [["-s", "0", "-v", "5", "-c", "1"], ["-s", "0", "-v", "5", "-c", "0.05"]]
    for o in opts:
        run(["liblinear-train", *o, "train3"])
    series = _truth.Series()
    recs = linear_record([" ".join(o) for o in opts], ys, xs)
    for acc, text in recs:
        for f in re.findall(r"iter\s+\d+ act \S+ pre \S+ delta \S+ f (\S+)", text):
            pass
        for it, f in re.findall(r"iter\s+(\d+) act \S+ pre \S+ delta \S+ f (\S+)", text):
            series.add("f", int(it), None, float(f))
        series.add("Cross Validation Accuracy", None, None, acc)
    _truth.write(
        library="LIBLINEAR 2.3.0 command-line tools (Debian liblinear-tools 2.3.0+dfsg-5)",
        script=SCRIPT, step_kind="global", series=series,
        record="LIBLINEAR's print callback (trust-region Newton lines) and cross_validation's predictions in an identical python3-liblinear run",
        extra_ok=["|g| (gradient norm of f)", "delta (trust-region radius)"],
        notes="'liblinear-train -s 0 -v 5' (L2 logistic regression, 3 classes one-vs-rest, 5 folds) prints per fold and class the Newton "
              "solver's 'iter  1 act 1.2e+02 pre 1.1e+02 delta 1.3e+00 f 4.8e+02 |g| 2.7e+02 CG   2' lines (f the objective: the series, "
              "step = iter, restarting per class and fold; act/pre/CG solver internals) and then 'Cross Validation Accuracy = 61.4286%'. "
              "Truth: f as LIBLINEAR hands it to its print function (printed precision %5.3e) in an identical python3-liblinear run "
              "(same rand() fold split); the CV accuracy from cross_validation's predictions (×100 as printed).",
    )


# --------------------------------------------------------------------------- fastText CLI
def v_fasttext():
    rng = np.random.default_rng(51)
    labels = ["sports", "politics", "tech", "food"]
    vocab = [f"w{i}" for i in range(3000)]
    topic_words = {lab: rng.choice(3000, 300, replace=False) for lab in labels}

    def doc():
        lab = labels[rng.integers(4)]
        n = int(rng.integers(8, 30))
        words = [vocab[rng.choice(topic_words[lab])] if rng.random() < 0.25 else vocab[rng.integers(3000)] for _ in range(n)]
        return lab, words

    with open("train.txt", "w") as fh:
        for _ in range(30000):
            lab, w = doc()
            fh.write(f"__label__{lab} {' '.join(w)}\n")
    test = [doc() for _ in range(2000)]
    with open("test.txt", "w") as fh:
        for lab, w in test:
            fh.write(f"__label__{lab} {' '.join(w)}\n")
    say("$ wc -l train.txt test.txt")
    say("  30000 train.txt\n   2000 test.txt")
    err = run(["fasttext", "supervised", "-input", "train.txt", "-output", "model", "-epoch", "10", "-lr", "0.5",
               "-wordNgrams", "2", "-dim", "50", "-thread", "2", "-verbose", "2"], tee_fd=2)
    run(["fasttext", "test", "model.bin", "test.txt"])
    run(["fasttext", "test", "model.bin", "test.txt", "2"])
    # predictions (the tool's own output) for P@k / R@k
    pk = {}
    for k in (1, 2):
        out = subprocess.run(["fasttext", "predict", "model.bin", "test.txt", str(k)], capture_output=True, text=True, check=True).stdout
        preds = [l.split() for l in out.splitlines()]
        hits = sum(1 for (lab, _), p in zip(test, preds) if f"__label__{lab}" in p)
        npred = sum(len(p) for p in preds)
        pk[k] = (hits / npred, hits / len(test))
    series = _truth.Series()
    for m in re.finditer(r"Progress:\s*([\d.]+)%.*?avg\.loss:\s*(\S+)", err):
        series.add("avg.loss", None, None, float(m.group(2)))
    for k in (1, 2):
        series.add(f"P@{k}", None, None, pk[k][0])
        series.add(f"R@{k}", None, None, pk[k][1])
    _truth.write(
        library="fastText 0.9.2 command-line tool (Debian fasttext 0.9.2+ds-1+b1)",
        script=SCRIPT, step_kind="none", series=series,
        record="P@k / R@k: computed from `fasttext predict model.bin test.txt k` (the tool's own predictions) against the test labels; avg.loss: fastText's progress line teed at fd 2 (the tool keeps no other record)",
        extra_ok=["words/sec/thread (throughput)", "lr (the decaying learning rate the progress line shows)"],
        notes="fasttext supervised -verbose 2 prints 'Read 0M words', 'Number of words:  3000', 'Number of labels: 4', then redraws "
              "'\\rProgress:  42.3% words/sec/thread: 1234567 lr:  0.288 avg.loss:  0.712345 ETA:   0h 0m 1s' on stderr (\\r, even piped), "
              "ending in 100.0% lines and a newline (run with -thread 2: with -thread 1 this build drew only the final line). avg.loss has no record but this line: its values are read from the driver's "
              "byte-for-byte copy of the tool's stderr (printed precision), one point per drawn line (so in the pty capture fastText's stderr is that pipe, its stdout the terminal; fastText does not look at either). `fasttext test` prints 'N\\t2000', "
              "'P@1\\t0.655', 'R@1\\t0.655' (then k=2); truth from the predictions `fasttext predict` writes for the same model (P = hits / "
              "predicted labels, R = hits / gold labels, fastText's own definitions). Progress percentages, counts, ETA are not metrics.",
    )


# --------------------------------------------------------------------------- Weka CLI
WEKA_JAR = "/usr/share/java/weka.jar"
JAVA_HELPER = r"""
import weka.core.*; import weka.core.converters.ConverterUtils.DataSource;
import weka.classifiers.*; import java.util.Random;
public class EvalRecord {
  static void dump(String tag, Evaluation e, Instances d) throws Exception {
    if (d.classAttribute().isNumeric()) {
      System.out.printf("{\"tag\":\"%s\",\"cc\":%.17g,\"mae\":%.17g,\"rmse\":%.17g,\"rae\":%.17g,\"rrse\":%.17g}%n",
        tag, e.correlationCoefficient(), e.meanAbsoluteError(), e.rootMeanSquaredError(), e.relativeAbsoluteError(), e.rootRelativeSquaredError());
      return;
    }
    System.out.printf("{\"tag\":\"%s\",\"pct\":%.17g,\"kappa\":%.17g,\"mae\":%.17g,\"rmse\":%.17g,\"rae\":%.17g,\"rrse\":%.17g,\"wtp\":%.17g,\"wfp\":%.17g,\"wprec\":%.17g,\"wrec\":%.17g,\"wf\":%.17g,\"wroc\":%.17g,\"classes\":[",
      tag, e.pctCorrect(), e.kappa(), e.meanAbsoluteError(), e.rootMeanSquaredError(), e.relativeAbsoluteError(), e.rootRelativeSquaredError(),
      e.weightedTruePositiveRate(), e.weightedFalsePositiveRate(), e.weightedPrecision(), e.weightedRecall(), e.weightedFMeasure(), e.weightedAreaUnderROC());
    for (int c = 0; c < d.numClasses(); c++) {
      System.out.printf("%s[%.17g,%.17g,%.17g,%.17g,%.17g,%.17g]", c > 0 ? "," : "", e.truePositiveRate(c), e.falsePositiveRate(c), e.precision(c), e.recall(c), e.fMeasure(c), e.areaUnderROC(c));
    }
    System.out.println("]}");
  }
  public static void main(String[] a) throws Exception {
    Instances train = DataSource.read(a[1]); train.setClassIndex(train.numAttributes() - 1);
    String[] opts = Utils.splitOptions(a[3]);
    Classifier cls = Classifier.forName(a[0], opts.clone());
    cls.buildClassifier(train);
    Evaluation e = new Evaluation(train); e.evaluateModel(cls, train); dump("train", e, train);
    if (!a[2].equals("-")) {
      Instances test = DataSource.read(a[2]); test.setClassIndex(test.numAttributes() - 1);
      Evaluation t = new Evaluation(train); t.evaluateModel(cls, test); dump("test", t, train);
    } else {
      Classifier c2 = Classifier.forName(a[0], Utils.splitOptions(a[3]));
      Evaluation cv = new Evaluation(train); cv.crossValidateModel(c2, train, a.length > 4 ? Integer.parseInt(a[4]) : 10, new Random(1)); dump("cv", cv, train);
    }
  }
}
"""


def write_arff(path, X, y, classes):
    with open(path, "w") as fh:
        fh.write("@relation synthetic\n\n")
        for j in range(X.shape[1]):
            fh.write(f"@attribute x{j + 1} numeric\n")
        fh.write("@attribute class {" + ",".join(classes) + "}\n\n@data\n")
        for xi, yi in zip(X, y):
            fh.write(",".join(f"{v:.4f}" for v in xi) + f",{classes[yi]}\n")


def weka_record(clsname, train, test, opts, folds=10):
    with open("EvalRecord.java", "w") as fh:
        fh.write(JAVA_HELPER)
    subprocess.run(["javac", "-nowarn", "-cp", WEKA_JAR, "EvalRecord.java"], check=True, capture_output=True)
    out = subprocess.run(["java", "-cp", f"{WEKA_JAR}:.", "EvalRecord", clsname, train, test, opts, str(folds)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


WEKA_NAMES = [("pct", "Correctly Classified Instances"), ("kappa", "Kappa statistic"),
              ("mae", "Mean absolute error"), ("rmse", "Root mean squared error"),
              ("rae", "Relative absolute error"), ("rrse", "Root relative squared error")]


def weka_series(recs, detailed, classes):
    series = _truth.Series()
    for r in recs:
        for k, name in WEKA_NAMES:
            series.add(name, None, None, r[k])
        series.add("Incorrectly Classified Instances", None, None, 100 - r["pct"])
        if detailed:
            cols = ["TP Rate", "FP Rate", "Precision", "Recall", "F-Measure", "ROC Area"]
            for c, vals in enumerate(r["classes"]):
                for col, v in zip(cols, vals):
                    series.add(col, None, None, v)
            for col, k in zip(cols, ["wtp", "wfp", "wprec", "wrec", "wf", "wroc"]):
                series.add(col, None, None, r[k])
    return series


def v_weka_j48():
    X, y = make_clf(300, 5, 61, classes=3)
    classes = ["setosa", "versicolor", "virginica"]
    write_arff("plants.arff", X, y, classes)
    run(["java", "-cp", WEKA_JAR, "weka.classifiers.trees.J48", "-t", "plants.arff", "-C", "0.25", "-M", "2", "-i"])
    recs = weka_record("weka.classifiers.trees.J48", "plants.arff", "-", "-C 0.25 -M 2")
    _truth.write(
        library="Weka 3.6.14 (Debian weka 3.6.14-3, OpenJDK 17)",
        script=SCRIPT, step_kind="none", series=weka_series(recs, True, classes),
        record="weka.classifiers.Evaluation (pctCorrect, kappa, meanAbsoluteError, …, per-class and weighted rates) from a Java helper compiled against the same weka.jar: the model built on the training file and evaluated on it, then crossValidateModel(10 folds, new Random(1)) exactly as the CLI does",
        notes="weka.classifiers.trees.J48 -t plants.arff (no test file): the pruned tree ('x3 <= -0.2263', leaves 'setosa (37.0/5.0)'), "
              "'Number of Leaves  : \\t9', 'Size of the tree : \\t17', 'Time taken to build model: 0.04 seconds', then '=== Error on training "
              "data ===' and '=== Stratified cross-validation ===' summaries ('Correctly Classified Instances         262               87.3333 %', "
              "'Kappa statistic                          0.81', 'Mean absolute error …', 'Relative absolute error  25.1 %', 'Total Number of "
              "Instances 300'), '=== Detailed Accuracy By Class ===' (TP Rate … ROC Area per class and 'Weighted Avg.') and a confusion "
              "matrix of counts. Series values: the percentages (for Correctly / Incorrectly Classified Instances the second number, '88      %', is the value; the instance count before it is a count) (the instance counts before them are counts); the per-class table is in "
              "series under its column headers (the printed names; the class name ends each row), class rows then the 'Weighted Avg.' row, training block first then CV. Truth: Weka's own Evaluation "
              "object at full precision in an identical Java run (J48 is deterministic; the CV uses the CLI's seed 1, 10 folds). "
              "Tree split thresholds and leaf counts are not metrics. Run as `java -cp /usr/share/java/weka.jar CLASS …` (the docs' form).",
    )


def v_weka_mlp():
    X, y = make_clf(400, 6, 71, classes=2)
    classes = ["neg", "pos"]
    write_arff("train.arff", X[:280], y[:280], classes)
    write_arff("test.arff", X[280:], y[280:], classes)
    opts = "-L 0.3 -M 0.2 -N 200 -H a -S 0"
    run(["java", "-cp", WEKA_JAR, "weka.classifiers.functions.MultilayerPerceptron", "-t", "train.arff", "-T", "test.arff",
         *opts.split(), "-i"])
    recs = weka_record("weka.classifiers.functions.MultilayerPerceptron", "train.arff", "test.arff", opts)
    _truth.write(
        library="Weka 3.6.14 (Debian weka 3.6.14-3, OpenJDK 17)",
        script=SCRIPT, step_kind="none", series=weka_series(recs, True, classes),
        record="weka.classifiers.Evaluation (pctCorrect, kappa, errors, per-class and weighted rates) from a Java helper compiled against the same weka.jar: the same MultilayerPerceptron options (-S 0) built on train.arff, evaluated on train.arff and test.arff as the CLI does",
        notes="MultilayerPerceptron -t train.arff -T test.arff -i: the network's weights ('Sigmoid Node 0', '    Threshold    -1.23…', "
              "'    Node 2    4.56…', 'Attrib x1    0.12…' - parameters, not metrics), 'Time taken to build model: 0.3 seconds', then "
              "'=== Error on training data ===' and '=== Error on test data ===' summaries (Correctly/Incorrectly Classified Instances with "
              "count and percent, Kappa statistic, Mean absolute error, Root mean squared error, Relative absolute error %, Root relative "
              "squared error %), '=== Detailed Accuracy By Class ===' (-i; two class rows and 'Weighted Avg.') and confusion matrices. "
              "Series: the percentages (not the counts before them) and statistics, per-class table under its column headers (class rows then the 'Weighted Avg.' row), train block first then test. Truth: Weka's "
              "own Evaluation object at full precision in an identical Java run (the MLP seeded with -S 0 is deterministic).",
    )


def v_weka_m5p():
    rng = np.random.default_rng(81)
    n = 250
    rooms = rng.normal(6, 0.7, n)
    age = rng.uniform(5, 95, n)
    dist = rng.gamma(2.0, 2.0, n)
    tax = rng.uniform(200, 700, n)
    price = 8 * rooms - 0.05 * age - 0.8 * np.log(dist) - 0.01 * tax + np.where(rooms > 6.5, 6, 0) + rng.normal(0, 2.5, n)
    with open("housing.arff", "w") as fh:
        fh.write("@relation housing\n\n@attribute rooms numeric\n@attribute age numeric\n@attribute dist numeric\n"
                 "@attribute tax numeric\n@attribute price numeric\n\n@data\n")
        for row in zip(rooms, age, dist, tax, price):
            fh.write(",".join(f"{v:.3f}" for v in row) + "\n")
    run(["java", "-cp", WEKA_JAR, "weka.classifiers.trees.M5P", "-t", "housing.arff", "-M", "10"])
    recs = weka_record("weka.classifiers.trees.M5P", "housing.arff", "-", "-M 10")
    series = _truth.Series()
    for r in recs:
        for k, name in [("cc", "Correlation coefficient"), ("mae", "Mean absolute error"), ("rmse", "Root mean squared error"),
                        ("rae", "Relative absolute error"), ("rrse", "Root relative squared error")]:
            series.add(name, None, None, r[k])
    _truth.write(
        library="Weka 3.6.14 (Debian weka 3.6.14-3, OpenJDK 17)",
        script=SCRIPT, step_kind="none", series=series,
        record="weka.classifiers.Evaluation (correlationCoefficient, meanAbsoluteError, rootMeanSquaredError, relativeAbsoluteError, rootRelativeSquaredError) from a Java helper compiled against the same weka.jar: M5P -M 10 built on the file and evaluated on it, then crossValidateModel(10 folds, new Random(1)) as the CLI does",
        notes="weka.classifiers.trees.M5P -t housing.arff -M 10 (numeric class, no test file): the model tree ('rooms <= 6.487 : LM1 (131/60.12%)'), "
              "the linear models 'LM num: 1' / 'price = ' / '\t7.9213 * rooms' / '\t- 0.0514 * age' / '\t+ 12.34' (coefficients: parameters, not "
              "metrics), 'Number of Rules : 2', build/test times, then '=== Error on training data ===' and '=== Cross-validation ===' "
              "summaries: 'Correlation coefficient                  0.9321', 'Mean absolute error …', 'Root mean squared error …', 'Relative "
              "absolute error  35.2 %', 'Root relative squared error …%', 'Total Number of Instances  250'. Truth: Weka's own Evaluation "
              "object at full precision in an identical Java run (M5P is deterministic; CV with the CLI's seed 1, 10 folds); training "
              "block first, then CV. Run as `java -cp /usr/share/java/weka.jar CLASS …`.",
    )


def v_weka_nb():
    X, y = make_clf(240, 4, 91, classes=3)
    classes = ["low", "mid", "high"]
    write_arff("grades.arff", X, y, classes)
    run(["java", "-cp", WEKA_JAR, "weka.classifiers.bayes.NaiveBayes", "-t", "grades.arff", "-x", "5"])
    recs = weka_record("weka.classifiers.bayes.NaiveBayes", "grades.arff", "-", "", folds=5)
    _truth.write(
        library="Weka 3.6.14 (Debian weka 3.6.14-3, OpenJDK 17)",
        script=SCRIPT, step_kind="none", series=weka_series(recs, False, classes),
        record="weka.classifiers.Evaluation from a Java helper compiled against the same weka.jar: NaiveBayes built on the file and evaluated on it, then crossValidateModel(5 folds, new Random(1)) as the CLI does with -x 5",
        notes="weka.classifiers.bayes.NaiveBayes -t grades.arff -x 5 (default output, no -i): the model's table of class priors "
              "('                  Class', 'Attribute           low     mid    high', '                 (0.33)  (0.4)  (0.27)') and per attribute "
              "'  mean', '  std. dev.', '  weight sum', '  precision' rows (parameters and counts, not metrics), build/test times, then "
              "'=== Error on training data ===' and '=== Stratified cross-validation ===' summaries (Correctly / Incorrectly Classified "
              "Instances with count then percent: the percent is the value; Kappa statistic, Mean absolute error, Root mean squared error, "
              "Relative absolute error %, Root relative squared error %, Total Number of Instances) and confusion matrices. Truth: Weka's own "
              "Evaluation object at full precision in an identical Java run (NaiveBayes is deterministic; CV with the CLI's seed 1 and "
              "-x 5 folds); training block first, then CV. Run as `java -cp /usr/share/java/weka.jar CLASS …`.",
    )


VARIANTS = {"weka_nb": v_weka_nb, "weka_m5p": v_weka_m5p, "xgb_binary": v_xgb_binary, "xgb_reg": v_xgb_reg, "svm": v_svm, "svm_cv": v_svm_cv,
            "linear_C": v_linear_C, "linear_cv": v_linear_cv, "fasttext": v_fasttext,
            "weka_j48": v_weka_j48, "weka_mlp": v_weka_mlp}

if __name__ == "__main__":
    VARIANTS[sys.argv[1]]()
