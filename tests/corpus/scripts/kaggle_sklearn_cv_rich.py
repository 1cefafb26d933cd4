"""A Kaggle-style model comparison printed with rich: pandas EDA through rich's Console, one
sklearn Pipeline (ColumnTransformer + estimator) per model scored with cross_val_score and printed
as 'CV: 0.81 +/- 0.02', a rich Table of the fold statistics, then the best model refitted with a
classification_report and a confusion_matrix.

Versions: scikit-learn 1.9.1, rich 15.0.0, pandas 3.1.1, numpy 2.4.6, Python 3.11
(venv corpus-zAK-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kaggle_sklearn_cv_rich -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_sklearn_cv_rich.py
    python tests/corpus/scripts/capture.py pty real_kaggle_sklearn_cv_rich_pty -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_sklearn_cv_rich.py
Truth: the arrays cross_val_score returned (their mean, min and max as printed), the holdout
accuracy_score and classification_report(output_dict=True).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

console = Console()
SEED = 0
rng = np.random.default_rng(SEED)
n = 900
df = pd.DataFrame(
    {
        "Age": rng.integers(16, 65, n).astype(float),
        "Height": rng.normal(1.70, 0.09, n).round(2),
        "Weight": rng.normal(78, 18, n).round(1),
        "FCVC": rng.uniform(1, 3, n).round(2),
        "CH2O": rng.uniform(1, 3, n).round(2),
        "FAF": rng.uniform(0, 3, n).round(2),
        "Gender": rng.choice(["Female", "Male"], n),
        "CALC": rng.choice(["no", "Sometimes", "Frequently"], n, p=[0.3, 0.6, 0.1]),
        "MTRANS": rng.choice(["Public_Transportation", "Automobile", "Walking", "Bike"], n),
    }
)
bmi = df.Weight / df.Height**2 - 0.8 * df.FAF + rng.normal(0, 2.0, n)
df["NObeyesdad"] = np.select([bmi < 23, bmi < 29], ["Normal", "Overweight"], "Obesity")
for col, frac in (("Age", 0.05), ("FAF", 0.08), ("CALC", 0.06)):
    df.loc[rng.random(n) < frac, col] = np.nan

console.rule("[bold blue]Data overview")
console.print(f"Shape: {df.shape}")
console.print(df.head(8))
df.info()
console.print(df.describe(include="all"))
console.print("[bold]Missing values:[/bold]")
console.print(df.isnull().sum())
console.print(df["NObeyesdad"].value_counts())

TARGET = "NObeyesdad"
num_features = ["Age", "Height", "Weight", "FCVC", "CH2O", "FAF"]
cat_features = ["Gender", "CALC", "MTRANS"]
X, y = df[num_features + cat_features], df[TARGET]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, random_state=SEED, stratify=y
)
console.print(f"X_train shape: {X_train.shape} | X_test shape: {X_test.shape}")

preprocess = ColumnTransformer(
    [
        ("num", Pipeline([("impute", SimpleImputer()), ("scale", StandardScaler())]), num_features),
        (
            "cat",
            Pipeline(
                [
                    ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
                    ("ohe", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
                ]
            ),
            cat_features,
        ),
    ]
)
models = {
    "LogisticRegression": LogisticRegression(max_iter=1000, C=0.5),
    "KNeighbors": KNeighborsClassifier(n_neighbors=15),
    "RandomForest": RandomForestClassifier(n_estimators=80, max_depth=8, random_state=SEED),
    "HistGradientBoosting": HistGradientBoostingClassifier(max_iter=50, random_state=SEED),
}
console.print(Pipeline([("preprocess", preprocess), ("model", models["LogisticRegression"])]))

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
console.rule("[bold blue]Cross-validation (accuracy)")
results = {}
for name, clf in models.items():
    pipe = Pipeline([("preprocess", preprocess), ("model", clf)])
    scores = cross_val_score(pipe, X_train, y_train, cv=cv, scoring="accuracy")
    results[name] = scores
    console.print(f"[cyan]{name:<22}[/cyan] CV: {scores.mean():.2f} +/- {scores.std():.2f}")

table = Table(title="CV accuracy over 5 folds")
for col in ("Model", "Mean", "Std", "Min", "Max"):
    table.add_column(col, justify="left" if col == "Model" else "right")
ranked = sorted(results.items(), key=lambda kv: kv[1].mean(), reverse=True)
for name, scores in ranked:
    table.add_row(
        name,
        f"{scores.mean():.4f}",
        f"{scores.std():.4f}",
        f"{scores.min():.4f}",
        f"{scores.max():.4f}",
    )
console.print(table)

best_name = ranked[0][0]
console.rule(f"[bold blue]Holdout: {best_name}")
best = Pipeline([("preprocess", preprocess), ("model", models[best_name])]).fit(X_train, y_train)
pred = best.predict(X_test)
acc = accuracy_score(y_test, pred)
console.print(f"Test accuracy: {acc:.4f}")
console.print(classification_report(y_test, pred, digits=3))
labels = sorted(y.unique())
console.print(
    pd.DataFrame(confusion_matrix(y_test, pred, labels=labels), index=labels, columns=labels)
)

# --- truth
series = _truth.Series()
for name, scores in results.items():
    series.add(f"{name} CV", None, None, scores.mean())
for name, scores in ranked:
    series.add(f"{name}/Mean", None, None, scores.mean())
    series.add(f"{name}/Min", None, None, scores.min())
    series.add(f"{name}/Max", None, None, scores.max())
series.add("Test accuracy", None, None, acc)
rep = classification_report(y_test, pred, output_dict=True)
for row, cols in rep.items():
    if row == "accuracy":
        series.add("accuracy", None, None, cols)
        continue
    for col in ("precision", "recall", "f1-score"):
        series.add(f"{row}/{col}", None, None, cols[col])

_truth.write(
    library=(
        f"scikit-learn {metadata.version('scikit-learn')} (rich {metadata.version('rich')}, "
        f"pandas {pd.__version__}, numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/kaggle_sklearn_cv_rich.py",
    record=(
        "the arrays cross_val_score returned (mean/min/max), accuracy_score, "
        "classification_report(output_dict=True)"
    ),
    step_kind="none",
    series=series,
    extra_ok=[
        # extra_ok entries excuse any stored name whose words they all hold: keep them short
        "std after +/- on each model's line",
        *[f"{name}/Std" for name in models],
    ],
    not_printed=["the per-fold scores themselves"],
    notes=(
        "rich's Console throughout (rules '──── Data overview ────', markup colours under a "
        "terminal; piped, rich writes plain text 80 columns wide). EDA, data not metrics: 'Shape: "
        "(900, 10)', df.head(8) (ages, heights 1.70, weights, FCVC...), df.info() (plain "
        "stdout: 'RangeIndex: 900 entries, 0 to 899', ' 0   Age  857 non-null  float64', "
        "'memory usage: ...'), df.describe(include='all') (count/unique/top/freq/mean/std/min/"
        "quartiles/max of the DATA), 'Missing values:' and isnull().sum(), value_counts() of the "
        "target (class -> count), 'X_train shape: (675, 9) | X_test shape: (225, 9)', the "
        "Pipeline repr (hyper-parameters C=0.5, max_iter=1000). Then one line per model "
        "'LogisticRegression     CV: 0.81 +/- 0.02' (series '<model> CV' = the mean of the "
        "5-fold accuracy array, 2 decimals; the std in extra_ok), a rich Table 'CV accuracy over "
        "5 folds' whose rows are models (sorted by mean) and columns Mean / Std / Min / Max "
        "(series '<model>/Mean', '<model>/Min', '<model>/Max', 4 decimals; the Mean repeats the "
        "CV line's value at more digits; Std in extra_ok). The rule 'Holdout: <best model>', "
        "'Test accuracy: 0.8400', classification_report(digits=3) with string class rows "
        "'Normal', 'Obesity', 'Overweight' and 'accuracy' / 'macro avg' / 'weighted avg' (series "
        "'<row>/<column>' and 'accuracy'; support is a count), and the confusion matrix as a "
        "DataFrame labelled by class (counts). No step anywhere: step_kind none."
    ),
)
