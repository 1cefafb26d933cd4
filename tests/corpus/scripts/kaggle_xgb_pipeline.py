"""A Kaggle-style churn notebook as a script: pandas EDA prints, a sklearn ColumnTransformer, then
XGBClassifier.fit(eval_set=[train, valid], verbose=25) with early stopping, feature importances as
a sorted DataFrame, a classification_report and a confusion_matrix. Plain print() throughout.

Versions: xgboost-cpu 3.2.0, scikit-learn 1.9.1, pandas 3.1.1, numpy 2.4.6, Python 3.11
(venv corpus-zAK-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kaggle_xgb_pipeline -- \
        /work/venvs/corpus-zAK-1/bin/python tests/corpus/scripts/kaggle_xgb_pipeline.py
(no colours, no bars: no pty entry.)
Truth: XGBClassifier.evals_result() at the rounds its EvaluationMonitor prints (round % 25 == 0,
and the last round), model.best_score; accuracy_score / roc_auc_score as the script computed them;
classification_report(output_dict=True).
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import (
    accuracy_score,
    classification_report,
    confusion_matrix,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

pd.set_option("display.max_columns", None)
SEED = 42
rng = np.random.default_rng(SEED)
n = 2000
df = pd.DataFrame(
    {
        "customer_id": np.arange(100001, 100001 + n),
        "age": rng.normal(41, 12, n).round(0),
        "income": rng.lognormal(10.8, 0.45, n).round(2),
        "tenure_months": rng.integers(1, 72, n),
        "monthly_charges": rng.uniform(18, 120, n).round(2),
        "num_support_calls": rng.poisson(1.4, n),
        "plan": rng.choice(["basic", "standard", "premium"], n, p=[0.5, 0.3, 0.2]),
        "region": rng.choice(["north", "south", "east", "west"], n),
        "has_partner": rng.choice(["Yes", "No"], n),
    }
)
logit = (
    -1.2
    - 0.04 * (df.tenure_months - 36)
    + 0.02 * (df.monthly_charges - 70)
    + 0.45 * df.num_support_calls
    + np.where(df.plan == "basic", 0.6, -0.3)
    - 0.3 * (df.has_partner == "Yes")
)
df["churn"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
for col, frac in (("age", 0.06), ("income", 0.11), ("region", 0.04), ("monthly_charges", 0.02)):
    df.loc[rng.random(n) < frac, col] = np.nan

print(df.head())
print("Shape:", df.shape)
print()
df.info()
print()
print(df.describe(include="all"))
print()
print("Missing values per column:")
print(df.isnull().sum())
print()
print(df["churn"].value_counts())
print(df["plan"].value_counts(normalize=True))

target = "churn"
num_cols = ["age", "income", "tenure_months", "monthly_charges", "num_support_calls"]
cat_cols = ["plan", "region", "has_partner"]
print("Numerical features:", num_cols)
print("Categorical features:", cat_cols)

X = df[num_cols + cat_cols]
y = df[target]
X_train, X_valid, y_train, y_valid = train_test_split(
    X, y, test_size=0.2, random_state=SEED, stratify=y
)
print(f"X_train: {X_train.shape}, X_valid: {X_valid.shape}")
print(f"y_train: {y_train.shape}, y_valid: {y_valid.shape}")

preprocessor = ColumnTransformer(
    transformers=[
        (
            "num",
            Pipeline([("imputer", SimpleImputer(strategy="median")), ("scaler", StandardScaler())]),
            num_cols,
        ),
        (
            "cat",
            Pipeline(
                [
                    ("imputer", SimpleImputer(strategy="most_frequent")),
                    ("onehot", OneHotEncoder(handle_unknown="ignore")),
                ]
            ),
            cat_cols,
        ),
    ]
)
print(preprocessor)
Xt_train = preprocessor.fit_transform(X_train)
Xt_valid = preprocessor.transform(X_valid)
feature_names = list(preprocessor.get_feature_names_out())
print(f"Number of features after preprocessing: {len(feature_names)}")

model = XGBClassifier(
    n_estimators=300,
    learning_rate=0.05,
    max_depth=4,
    subsample=0.8,
    colsample_bytree=0.8,
    eval_metric=["logloss", "auc"],
    early_stopping_rounds=40,
    random_state=SEED,
    n_jobs=1,
)
model.fit(Xt_train, y_train, eval_set=[(Xt_train, y_train), (Xt_valid, y_valid)], verbose=25)
print(model)
print(f"Best iteration: {model.best_iteration}")
print(f"Best score: {model.best_score}")

fi = pd.DataFrame({"feature": feature_names, "importance": model.feature_importances_})
fi = fi.sort_values("importance", ascending=False).reset_index(drop=True)
print(fi)

proba = model.predict_proba(Xt_valid)[:, 1]
pred = (proba > 0.5).astype(int)
acc = accuracy_score(y_valid, pred)
auc = roc_auc_score(y_valid, proba)
print(f"Validation Accuracy: {acc:.4f}")
print(f"Validation ROC AUC: {auc:.4f}")
print(classification_report(y_valid, pred))
print(confusion_matrix(y_valid, pred))

# --- truth: XGBoost's own record at the printed rounds
series = _truth.Series()
ev = model.evals_result()
rounds = len(ev["validation_0"]["logloss"])
printed = [i for i in range(rounds) if i % 25 == 0 or i == rounds - 1]
for i in printed:
    for data in ("validation_0", "validation_1"):
        for metric in ("logloss", "auc"):
            series.add(f"{data}-{metric}", i, None, ev[data][metric][i])
series.add("Best score", model.best_iteration, None, model.best_score)
series.add("Validation Accuracy", None, None, acc)
series.add("Validation ROC AUC", None, None, auc)
rep = classification_report(y_valid, pred, output_dict=True)
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
    script="tests/corpus/scripts/kaggle_xgb_pipeline.py",
    record=(
        "XGBClassifier.evals_result() at the printed rounds, best_score; the script's "
        "accuracy_score/roc_auc_score; classification_report(output_dict=True)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=["evals_result() rounds between the printed ones (every 25th is printed)"],
    notes=(
        "EDA first, all of it data, not metrics: df.head() (customer_id 100001..., ages, incomes, "
        "tenure, charges, NaN), 'Shape: (2000, 10)', df.info() ('RangeIndex: 2000 entries, 0 to "
        "1999', '#  Column  Non-Null Count  Dtype' rows such as ' 1   age  1877 non-null  float64', "
        "'memory usage: 156.4 KB'), df.describe(include='all') (rows count/unique/top/freq/mean/"
        "std/min/25%/50%/75%/max over the columns: statistics of the DATA), 'Missing values per "
        "column:' and isnull().sum() (counts per column name), value_counts() of churn (class -> "
        "count) and plan (normalize=True: proportions), the feature lists, 'X_train: (1600, 8), "
        "X_valid: (400, 8)' shapes, the ColumnTransformer repr, 'Number of features after "
        "preprocessing: 14'. Then XGBoost's sklearn API with eval_set=[train, valid] and "
        "verbose=25: '[0]\\tvalidation_0-logloss:0.63\\tvalidation_0-auc:0.78\\tvalidation_1-"
        "logloss:0.64\\tvalidation_1-auc:0.75' every 25th round (0-based, step = the bracket) and "
        "the last round (early stopping after 40 rounds without improvement on the last eval set's "
        "last metric, auc); validation_0 is the TRAINING set. print(model) shows the "
        "XGBClassifier repr (hyper-parameters: n_estimators=300, learning_rate=0.05, max_depth=4, "
        "early_stopping_rounds=40...). 'Best iteration: N' (a step) and 'Best score: X' (model."
        "best_score, the validation auc at that round: series 'Best score' at step N). The "
        "feature-importance DataFrame (index, feature name, gain importance: fitted estimates, not "
        "metrics). 'Validation Accuracy' / 'Validation ROC AUC' (4 decimals, no step). Then "
        "classification_report: rows '0', '1' (class labels, not steps), 'accuracy', 'macro avg', "
        "'weighted avg' under precision/recall/f1-score/support; series '<row>/<column>' and "
        "'accuracy', no step; support is a count. The confusion_matrix '[[245  30]\\n [ 70  55]]' "
        "holds counts."
    ),
)
