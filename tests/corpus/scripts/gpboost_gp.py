"""GPBoost: tree boosting with a Gaussian-process model (gpb.train with a validation set, early
stopping, then gp_model.summary()), a random grid search of boosting parameters with a grouped
random-effects model (gpb.grid_search_tune_parameters, verbose_eval=1), or a GPModel alone fitted with params={'trace': True} (the
optimiser's parameters and negative log-likelihood every iteration, then summary()).

Versions: gpboost 1.8.0, numpy 2.4.6, pandas 2.3.3, Python 3.11.
Capture (repository root, venv corpus-zU-2 active):
    python tests/corpus/scripts/capture.py pipe real_gpboost_boost_gp -- python tests/corpus/scripts/gpboost_gp.py boost
    python tests/corpus/scripts/capture.py pipe real_gpboost_gpmodel_trace -- python tests/corpus/scripts/gpboost_gp.py trace
    python tests/corpus/scripts/capture.py pipe real_gpboost_grid_search -- python tests/corpus/scripts/gpboost_gp.py grid
(GPBoost prints the same under a terminal, no colours or bars: no pty entries.)
Truth: boost: the evals_result dict gpb.train filled. grid: the search's own result
(return_all_combinations=True: every trial's score, in trial order). trace: GPBoost keeps no per-iteration
record of its optimiser: the script copies what its C++ logger writes to stdout (_fdtee.FdTee,
the values at their printed precision) for the per-iteration 'Negative log-likelihood'; the
summary's Log-lik / AIC / BIC come from the fitted model (get_current_neg_log_likelihood(),
num_cov_pars, num_coef, with summary()'s own formula).
"""

import os
import re
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import gpboost as gpb
import numpy as np
from _fdtee import FdTee

mode = sys.argv[1]
rng = np.random.default_rng(0)
series = _truth.Series()
library = f"gpboost {metadata.version('gpboost')} (numpy {np.__version__})"

if mode == "boost":
    n, ntr = 400, 300
    X = rng.uniform(size=(n, 2))
    coords = rng.uniform(size=(n, 2))
    b = np.sin(3 * coords[:, 0]) + np.cos(4 * coords[:, 1])
    y = 2 * X[:, 0] ** 2 + np.sin(5 * X[:, 1]) + b + rng.normal(scale=0.3, size=n)
    gp_model = gpb.GPModel(
        gp_coords=coords[:ntr], cov_function="exponential", likelihood="gaussian"
    )
    gp_model.set_prediction_data(gp_coords_pred=coords[ntr:])
    dtrain = gpb.Dataset(X[:ntr], y[:ntr])
    dvalid = gpb.Dataset(X[ntr:], y[ntr:], reference=dtrain)
    params = {
        "learning_rate": 0.1,
        "max_depth": 3,
        "verbose": 1,
        "metric": ["mse", "test_neg_log_likelihood"],
    }
    evals = {}
    bst = gpb.train(
        params,
        dtrain,
        num_boost_round=30,
        gp_model=gp_model,
        valid_sets=[dvalid],
        valid_names=["valid"],
        evals_result=evals,
        early_stopping_rounds=5,
        use_gp_model_for_validation=True,
    )
    gp_model.summary()
    for name, values in evals["valid"].items():
        for it, v in enumerate(values, start=1):
            series.add(f"valid's {name}", it, None, v)
    # 'Early stopping, best iteration is:' repeats the best iteration's line
    best = bst.best_iteration
    for name, values in evals["valid"].items():
        series.add(f"valid's {name}", best, None, values[best - 1])
    _truth.write(
        library=library,
        script="tests/corpus/scripts/gpboost_gp.py",
        record="gpb.train(..., evals_result=evals): evals['valid'] (l2, test_neg_log_likelihood per iteration)",
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "'[GPBoost] [Info]' lines first: OpenMP thread advice, 'Total Bins 202', 'Number of "
            "data points in the train set: 300, number of used features: 2' (counts), "
            "'[GPBoost with gaussian likelihood]: initscore=1.335710' and 'Start training from "
            "score 1.335710' (the boosting's starting constant, not a metric). Then LightGBM-style "
            "lines '[3]\\tvalid's l2: 0.792653\\tvalid's test_neg_log_likelihood: 1.30554' (step = "
            "the boosting iteration, 1-based), 'Early stopping, best iteration is:' and the best "
            "iteration's line again (a second point at that step). gp_model.summary() prints "
            "'Nb. observations: 300' (a count) and 'Covariance parameters (random effects):' a "
            "frame of Param. / Std. err. per Error_var, GP_var, GP_range: estimates of the GP's "
            "covariance parameters, not metrics (no Log-lik line: the model inside boosting is "
            "not 'fitted' in summary()'s sense)."
        ),
    )
elif mode == "grid":
    n = 300
    X = rng.uniform(size=(n, 2))
    group = rng.integers(0, 25, n)
    y = (
        2 * X[:, 0] ** 2
        + np.sin(5 * X[:, 1])
        + rng.normal(size=25)[group]
        + rng.normal(scale=0.3, size=n)
    )
    gp_model = gpb.GPModel(group_data=group, likelihood="gaussian")
    data_train = gpb.Dataset(X, y)
    param_grid = {"learning_rate": [0.3, 0.1], "max_depth": [2, 4], "min_data_in_leaf": [10, 50]}
    opt_params = gpb.grid_search_tune_parameters(
        param_grid=param_grid,
        params={"verbose": 0},
        num_try_random=5,
        nfold=4,
        gp_model=gp_model,
        train_set=data_train,
        num_boost_round=50,
        early_stopping_rounds=5,
        verbose_eval=1,
        seed=1,
        metric="mse",
        return_all_combinations=True,
    )
    print("Best parameters: " + str(opt_params["best_params"]))
    print("Best number of iterations: " + str(opt_params["best_iter"]))
    print("Best score: " + str(opt_params["best_score"]))
    best = np.inf
    trial = 0
    for trial, combo in enumerate(opt_params["all_combinations"].values(), start=1):
        if combo["score"] < best:  # only a new best is printed
            best = combo["score"]
            series.add("l2", trial, None, combo["score"])
    series.add("Best score", trial, None, opt_params["best_score"])
    _truth.write(
        library=library,
        script="tests/corpus/scripts/gpboost_gp.py",
        record=(
            "gpb.grid_search_tune_parameters(..., return_all_combinations=True): "
            "all_combinations (each trial's cross-validated score, in trial order) and best_score"
        ),
        step_kind="trial",
        series=series,
        extra_ok=[],
        not_printed=["the scores of trials that did not improve (never printed)"],
        notes=(
            "'Starting random grid search with 5 trials out of 8 parameter combinations' (counts), "
            "then per trial 'Trying parameter combination 2 of 5: {'learning_rate': "
            "np.float64(0.3), 'max_depth': np.int64(4), 'min_data_in_leaf': np.int64(10)}' "
            "(step = the trial, 1-5; the dict is the configuration tried), and only when the "
            "trial beats the best so far '***** New best test score (l2 = 0.12949827280028428) "
            "found for the following parameter combination:' (the 4-fold cross-validated l2, the "
            "series 'l2') followed by the configuration dict with 'num_boost_round': "
            "np.int64(3) (the number of boosting rounds early stopping chose, a count). The "
            "script then prints, as GPBoost's examples do, 'Best parameters: {…}' (configuration), "
            "'Best number of iterations: 6' (a count) and 'Best score: 0.1113910199289159' (the "
            "best cross-validated l2; a series at the last trial's step)."
        ),
    )
else:
    n = 300
    X = np.column_stack([np.ones(n), rng.normal(size=n)])
    coords = rng.uniform(size=(n, 2))
    group = rng.integers(0, 20, n)
    y = (
        1
        + 0.5 * X[:, 1]
        + np.sin(3 * coords[:, 0])
        + rng.normal(size=20)[group] * 0.5
        + rng.normal(scale=0.3, size=n)
    )
    gp_model = gpb.GPModel(
        group_data=group, gp_coords=coords, cov_function="exponential", likelihood="gaussian"
    )
    tee = FdTee(1)
    try:
        gp_model.fit(y=y, X=X, params={"trace": True})
    finally:
        text = tee.close()
    gp_model.summary()
    iters = [int(m.group(1)) for m in re.finditer(r"optimization iteration number (\d+):", text)]
    nll = [float(m.group(1)) for m in re.finditer(r"Negative log-likelihood: (\S+)", text)]
    # the last value follows the 'parameter estimation finished' line
    steps = [*iters, iters[-1] + 1]
    assert len(steps) == len(nll), (steps, nll)
    # before iteration 1 (step 0): the initial parameters' likelihood, twice
    for m in re.finditer(r"\] (Initial negative log-likelihood[^:]*): (\S+)", text):
        series.add(m.group(1), 0, None, float(m.group(2)))
    for step, v in zip(steps, nll, strict=True):
        series.add("Negative log-likelihood", step, None, v)
    ll = -gp_model.get_current_neg_log_likelihood()
    npar = gp_model.num_cov_pars + (gp_model.num_coef if gp_model.has_covariates else 0)
    last = steps[-1]
    series.add("Log-lik", last, None, ll)
    series.add("AIC", last, None, 2 * npar - 2 * ll)
    series.add("BIC", last, None, npar * np.log(gp_model.num_data) - 2 * ll)
    _truth.write(
        library=library,
        script="tests/corpus/scripts/gpboost_gp.py",
        record=(
            "per iteration: the text GPModel.fit(params={'trace': True}) printed, copied off "
            "stdout (no record kept); summary: get_current_neg_log_likelihood() with summary()'s "
            "AIC/BIC formula"
        ),
        step_kind="global",
        series=series,
        extra_ok=[],
        not_printed=[],
        notes=(
            "Every trace line starts '[GPBoost] [Debug] '. First the initial parameters "
            "'GPModel: initial parameters: ', 'cov_pars[0]: 0.39', 'beta[1]: 0.52'), 'Initial negative "
            "log-likelihood: 249.135' "
            "and 'Initial negative log-likelihood (after pofiling out the error variance and "
            "regression coefficients): 177.344' (sic; both step 0, each its own series under its "
            "printed name), then per iteration 'GPModel: parameters after optimization iteration "
            "number 6: ' followed by 'cov_pars[0]: 0.0816646' … 'cov_pars[3]: 0.91601', "
            "'beta[0]: 1.47347', 'beta[1]: 0.525227' (the covariance parameters and regression "
            "coefficients being estimated, not metrics) and 'Negative log-likelihood: 129.208' "
            "(the optimised objective; step = that iteration number), then 'GPModel: parameter "
            "estimation finished after 9 iteration (nb. likelihood evaluations = 11)' (counts) with "
            "the final parameters and likelihood (step = last iteration + 1). Python prints "
            "'Number of iterations until convergence: 9'. summary(): 'Nb. observations: 300', "
            "'Nb. groups: 20 (Group_1)' (counts), a frame ' Log-lik    AIC    BIC' / '  -129.2 "
            "270.39 292.62' (the fit's statistics: series at the last step, rounded to 2 "
            "decimals), then frames of covariance parameters (Param., Std. err. per Error_var, "
            "Group_1, GP_var, GP_range) and of regression coefficients (Param., Std. err., z value, "
            "P(>|z|) per Covariate_1/2): estimates and their tests, not metrics."
        ),
    )
