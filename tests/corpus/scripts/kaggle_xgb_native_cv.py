"""A Kaggle-style multiclass script on XGBoost's native API: a DataFrame with pandas category
columns fed to DMatrix(enable_categorical=True), xgb.cv(verbose_eval=20) with its result
DataFrame printed (tail and best row), then xgb.train on a holdout with verbose_eval=20,
gain importances as a sorted DataFrame, a classification_report with class names and a labelled
confusion matrix. Old-style %-formatting prints.

Versions: xgboost-cpu 3.2.0, scikit-learn 1.9.1, pandas 3.1.1, numpy 2.4.6, Python 3.11
(venv corpus-zAK-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kaggle_xgb_native_cv -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_xgb_native_cv.py
(no colours, no bars: no pty entry.)
Truth: the DataFrame xgb.cv returned (means at the printed rounds; the rows print(...) shows),
xgb.train's evals_result dict at the printed rounds, the script's accuracy and log loss,
classification_report(output_dict=True).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, log_loss
from sklearn.model_selection import train_test_split

pd.set_option("display.max_columns", None)
pd.set_option("display.width", 200)
SEED = 3
ROUNDS = 120
rng = np.random.default_rng(SEED)
n = 1800
df = pd.DataFrame(
    {
        "elevation": rng.normal(2900, 280, n).round(0),
        "slope": rng.uniform(0, 45, n).round(1),
        "hd_hydrology": rng.exponential(250, n).round(0),
        "hd_roadways": rng.exponential(1800, n).round(0),
        "hillshade_9am": rng.integers(120, 255, n).astype(float),
        "hillshade_noon": rng.integers(150, 255, n).astype(float),
        "wilderness": pd.Categorical(rng.choice(["Rawah", "Neota", "Comanche", "Cache"], n)),
        "soil_type": pd.Categorical(rng.choice([f"soil_{i}" for i in range(1, 9)], n)),
    }
)
score_spruce = 0.004 * (df.elevation - 2900) + 0.6 * (df.wilderness == "Rawah")
score_lodge = -0.002 * (df.elevation - 2900) + 0.02 * df.slope
score_pine = (
    -0.006 * (df.elevation - 2900) + 0.8 * (df.wilderness == "Cache") - 0.0004 * df.hd_roadways
)
logits = np.column_stack([score_spruce, score_lodge, score_pine]) + rng.gumbel(size=(n, 3))
classes = np.array(["Spruce/Fir", "Lodgepole Pine", "Ponderosa Pine"])
df["Cover_Type"] = classes[logits.argmax(axis=1)]
for col, frac in (("hd_hydrology", 0.06), ("slope", 0.04), ("hillshade_9am", 0.03)):
    df.loc[rng.random(n) < frac, col] = np.nan

print("df shape: %s" % (df.shape,))  # noqa: UP031
print(df.head(10))
print(df.dtypes)
print(df.isnull().sum().sort_values(ascending=False).head(5))
print(df["Cover_Type"].value_counts())
print(pd.crosstab(df["wilderness"], df["Cover_Type"]))

label_map = {c: i for i, c in enumerate(classes)}
y = df["Cover_Type"].map(label_map)
X = df.drop(columns="Cover_Type")
X_train, X_valid, y_train, y_valid = train_test_split(
    X, y, test_size=0.2, random_state=SEED, stratify=y
)
print("train: %d rows, valid: %d rows, %d features" % (len(X_train), len(X_valid), X.shape[1]))  # noqa: UP031

dtrain = xgb.DMatrix(X_train, label=y_train, enable_categorical=True)
dvalid = xgb.DMatrix(X_valid, label=y_valid, enable_categorical=True)
params = {
    "objective": "multi:softprob",
    "num_class": 3,
    "eval_metric": ["mlogloss", "merror"],
    "eta": 0.08,
    "max_depth": 5,
    "subsample": 0.85,
    "colsample_bytree": 0.8,
    "min_child_weight": 3,
    "tree_method": "hist",
    "max_cat_to_onehot": 1,
    "seed": SEED,
    "nthread": 1,
}
print("params:", params)

cv_results = xgb.cv(
    params, dtrain, num_boost_round=ROUNDS, nfold=4, stratified=True, seed=SEED, verbose_eval=20
)
print(cv_results.tail())
best_round = int(cv_results["test-mlogloss-mean"].idxmin())
print("best round: %d" % best_round)  # noqa: UP031
print(cv_results.loc[best_round])

evals_result = {}
booster = xgb.train(
    params,
    dtrain,
    num_boost_round=best_round + 1,
    evals=[(dtrain, "train"), (dvalid, "valid")],
    evals_result=evals_result,
    verbose_eval=20,
)

gain = booster.get_score(importance_type="gain")
imp = pd.DataFrame(sorted(gain.items(), key=lambda kv: -kv[1]), columns=["feature", "gain"])
print(imp)

proba = booster.predict(dvalid)
pred = proba.argmax(axis=1)
acc = accuracy_score(y_valid, pred)
ll = log_loss(y_valid, proba)
print("valid accuracy: %.4f | valid logloss: %.4f" % (acc, ll))  # noqa: UP031
print(classification_report(y_valid, pred, target_names=list(classes)))
cm = pd.DataFrame(confusion_matrix(y_valid, pred), index=classes, columns=classes)
print(cm)

# --- truth
series = _truth.Series()
printed = [i for i in range(ROUNDS) if i % 20 == 0 or i == ROUNDS - 1]
for i in printed:
    for col in ("train-mlogloss", "train-merror", "test-mlogloss", "test-merror"):
        series.add(col, i, None, cv_results[f"{col}-mean"].iloc[i])
for i in list(cv_results.index[-5:]) + [best_round]:
    for col in ("train-mlogloss", "train-merror", "test-mlogloss", "test-merror"):
        series.add(f"{col}-mean", int(i), None, cv_results[f"{col}-mean"].iloc[i])
n_train = len(evals_result["train"]["mlogloss"])
for i in [i for i in range(n_train) if i % 20 == 0 or i == n_train - 1]:
    for data in ("train", "valid"):
        for metric in ("mlogloss", "merror"):
            series.add(f"{data}-{metric}", i, None, evals_result[data][metric][i])
series.add("valid accuracy", None, None, acc)
series.add("valid logloss", None, None, ll)
rep = classification_report(y_valid, pred, target_names=list(classes), output_dict=True)
for row, cols in rep.items():
    if row == "accuracy":
        series.add("accuracy", None, None, cols)
        continue
    for col in ("precision", "recall", "f1-score"):
        series.add(f"{row}/{col}", None, None, cols[col])

_truth.write(
    library=(
        f"xgboost {metadata.version('xgboost-cpu')} (scikit-learn {metadata.version('scikit-learn')}, "
        f"pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/kaggle_xgb_native_cv.py",
    record=(
        "the DataFrame xgb.cv returned (means; the printed rows), xgb.train's evals_result dict "
        "at the printed rounds, the script's accuracy_score/log_loss, "
        "classification_report(output_dict=True)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        # extra_ok entries excuse any stored name whose words they all hold: keep them short
        "+std after each value on the cross-validation lines",
        *[f"{c}-std" for c in ("train-mlogloss", "train-merror", "test-mlogloss", "test-merror")],
    ],
    not_printed=["rounds between the printed ones"],
    notes=(
        "EDA first, data not metrics: 'df shape: (1800, 9)', df.head(10) (elevation, slope, "
        "distances, hillshade, categories, NaN), df.dtypes, the 5 largest missing counts, "
        "value_counts() of Cover_Type and a crosstab wilderness x Cover_Type (counts), 'train: "
        "1440 rows, valid: 360 rows, 8 features', the params dict (hyper-parameters: eta 0.08, "
        "max_depth 5, seed 3...). xgb.cv(verbose_eval=20) prints '[20]\\ttrain-mlogloss:0.71"
        "+0.00345\\ttrain-merror:0.25+0.004\\ttest-mlogloss:0.80+0.0123\\ttest-merror:0.33+0.02' "
        "every 20th round and the last (0-based round = step; value = the mean over 4 folds, "
        "'+std' after it: extra_ok). Then print(cv_results.tail()): a DataFrame whose index is "
        "the round (115..119) and columns 'train-mlogloss-mean train-mlogloss-std train-merror-"
        "mean ...' (series '<col>-mean' at step = the index; the -std columns extra_ok); 'best "
        "round: 87' (a step) and print(cv_results.loc[87]): a Series of the 8 columns at that "
        "round, one per line ('test-mlogloss-mean    0.7723'), then 'Name: 87, dtype: float64' "
        "(series '<col>-mean' at step 87 again, out of order after the tail). xgb.train on the "
        "holdout, verbose_eval=20: '[0]\\ttrain-mlogloss:1.05\\ttrain-merror:0.3\\tvalid-"
        "mlogloss:1.06\\tvalid-merror:0.35' every 20th and the last round (step = bracket; the "
        "series train-mlogloss/train-merror share their NAMES with xgb.cv's train-* lines: the cv "
        "points come first, rounds 0..119, then the holdout run's, rounds 0..best again). The "
        "gain importance DataFrame (fitted estimates), 'valid accuracy: 0.6944 | valid logloss: "
        "0.7012', classification_report with class names 'Spruce/Fir', 'Lodgepole Pine', "
        "'Ponderosa Pine' as rows (series '<row>/<column>' and 'accuracy'; support is a count), "
        "the confusion matrix as a labelled DataFrame (counts)."
    ),
)
