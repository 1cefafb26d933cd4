"""cleanlab on a tabular dataset with injected label noise, as its tutorials run it.

learning: CleanLearning(LogisticRegression(), verbose=True).fit(...) - its progress sentences
    (counts of label issues, pruned and remaining examples, no metric) - then the tutorial's two
    prints, 'Test accuracy of original model: 0.8166…' / 'Test accuracy of cleanlab's model: …'.
datalab: Datalab(...).find_issues(features=X, pred_probs=...) then lab.report(): per issue type a
    section with 'Overall dataset quality in terms of this issue: 0.8250' and a table of the
    most severe examples (their per-example scores).

Versions: cleanlab 2.9.0 (+ its [datalab] extra: datasets 5.2.0), scikit-learn 1.9.1, numpy
2.4.6, pandas 3.1.1, Python 3.11 (venv /work/venvs/corpus-zV-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_cleanlab_learning -- python tests/corpus/scripts/cleanlab_audit.py learning
    python tests/corpus/scripts/capture.py pipe real_cleanlab_datalab -- python tests/corpus/scripts/cleanlab_audit.py datalab
(plain prints: no pty twins.)
Truth: learning - the accuracies the script computed with scikit-learn and printed; datalab -
lab.get_issue_summary()'s score for each issue type report() prints a section for.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import sklearn
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import cross_val_predict, train_test_split

variant = sys.argv[1] if len(sys.argv) > 1 else "learning"

X, y = make_classification(
    n_samples=800, n_features=8, n_informative=5, n_classes=3, random_state=0
)
rng = np.random.RandomState(0)
noisy = y.copy()
flip = rng.rand(len(y)) < 0.15
noisy[flip] = rng.randint(0, 3, flip.sum())
X_train, X_test, y_train, y_test, labels_train, _ = train_test_split(
    X, y, noisy, test_size=0.25, random_state=1
)

series = _truth.Series()
LIB = (
    f"cleanlab {metadata.version('cleanlab')} (scikit-learn {sklearn.__version__}, numpy "
    f"{np.__version__})"
)
if variant == "learning":
    from cleanlab.classification import CleanLearning

    model = LogisticRegression(max_iter=500)
    model.fit(X_train, labels_train)
    acc_og = accuracy_score(y_test, model.predict(X_test))
    print(f"Test accuracy of original model: {acc_og}")

    cl = CleanLearning(LogisticRegression(max_iter=500), verbose=True, seed=0)
    cl.fit(X_train, labels_train)
    acc_cl = accuracy_score(y_test, cl.predict(X_test))
    print(f"Test accuracy of cleanlab's model: {acc_cl}")
    series.add("Test accuracy of original model", None, None, acc_og)
    series.add("Test accuracy of cleanlab's model", None, None, acc_cl)
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/cleanlab_audit.py",
        record="the accuracy_score values the script computed and printed",
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=["label_quality and sample_weight per example (label_issues_df)"],
        notes=(
            "'Test accuracy of original model: 0.8166666666666667' (repr float), then "
            "CleanLearning(verbose=True).fit prints sentences: 'Computing out of sample "
            "predicted probabilities via 5-fold cross validation. May take a while ...', 'Using "
            "predicted probabilities to identify label issues ...', 'Identified 118 examples "
            "with label issues.', 'Pruning 118 examples with label issues ...', 'Remaining clean "
            "data has 482 examples.', 'Assigning sample weights for final training based on "
            "estimated label quality.', 'Fitting final model on the clean data ...', 'Label "
            "issues stored in label_issues_df DataFrame accessible via: "
            "self.get_label_issues(). Call self.save_space() to delete this potentially large "
            "DataFrame attribute.' (a fold count and example counts: no metric). Then 'Test "
            "accuracy of cleanlab's model: 0.83' (repr float). Two single values, no step."
        ),
    )
else:
    from cleanlab import Datalab

    pred_probs = cross_val_predict(
        LogisticRegression(max_iter=500), X_train, labels_train, cv=5, method="predict_proba"
    )
    lab = Datalab(data={"X": X_train, "y": labels_train}, label_name="y")
    lab.find_issues(features=X_train, pred_probs=pred_probs)
    lab.report()
    summary = lab.get_issue_summary()
    # report() shows a section for each issue type with issues, in decreasing number of issues
    shown = summary[summary["num_issues"] > 0].sort_values("num_issues", ascending=False)
    for _, row in shown.iterrows():
        series.add("Overall dataset quality in terms of this issue", None, None, row["score"])
    _truth.write(
        library=LIB,
        script="tests/corpus/scripts/cleanlab_audit.py",
        record="lab.get_issue_summary() (score per issue type), in report()'s section order",
        step_kind="none",
        series=series,
        extra_ok=[],
        not_printed=[
            "scores of the issue types with no issue found (null, non_iid, class_imbalance, "
            "underperforming_group): report() leaves them out"
        ],
        notes=(
            "find_issues prints 'Finding null issues ...' per issue type and 'Audit complete. "
            "157 issues found in the dataset.'; report() prints 'Dataset Information: "
            "num_examples: 600, num_classes: 3' (counts), a table issue_type / num_issues "
            "(counts), a docs link and a hint, then per issue type with issues (label, outlier, "
            "near_duplicate: most issues first) a '----- label issues -----' rule, an 'About "
            "this issue:' paragraph, 'Number of examples with this issue: 129' (a count), "
            "'Overall dataset quality in terms of this issue: 0.8250' (the issue type's score "
            "from get_issue_summary(), 4 decimals: the series, one point per section in print "
            "order; the same printed name for the three issue types, told apart only by the "
            "section rule above it) and 'Examples representing most severe instances of this "
            "issue:', a table indexed by example (row numbers) of is_label_issue / label_score / "
            "given_label / predicted_label, is_outlier_issue / outlier_score, or "
            "near_duplicate_score / near_duplicate_sets ('[67]', '[398, 472]': example indices) "
            "/ distance_to_nearest_neighbor: per-example scores and labels of five examples, not "
            "metrics of the audit."
        ),
    )
