"""seqeval in a hand-written PyTorch NER tagger loop (BiGRU over synthetic sentences with PER /
LOC / ORG spans in BIO tags, tests/corpus/scripts/_nlp_toy.py).

--style report: per epoch a loss / F1 line, then seqeval's classification_report(digits=4), the
  way NER tutorials print it every epoch:
      Epoch 2/5 - loss: 1.3780 - val_f1: 0.1672
                    precision    recall  f1-score   support
               LOC     0.2500    0.1200    0.1622        50
      ...
         micro avg     ...
--style strict: per epoch one line of seqeval's accuracy_score / precision_score / recall_score /
  f1_score, then at the end classification_report(mode="strict", scheme=IOB2) (2 digits).

Truth: seqeval's own returns at full precision (classification_report(..., output_dict=True) for
the same predictions, accuracy_score / precision_score / recall_score / f1_score); the loop's loss
floats. Series of a report are named '<row>/<column>' ('micro avg/f1-score'); the support column
(entity counts) is not a metric.

Versions: seqeval 1.2.2 (scikit-learn 1.9.1), torch 2.13.0+cpu, Python 3.11. Seeds fixed; ~5 s.
Capture (repository root, venv /work/venvs/corpus-zAC-1, see README-other.md):
    python tests/corpus/scripts/capture.py pipe real_seqeval_report -- python tests/corpus/scripts/seqeval_tagger.py --style report
    python tests/corpus/scripts/capture.py pipe real_seqeval_strict -- python tests/corpus/scripts/seqeval_tagger.py --style strict
"""

import argparse
import os
import sys
from importlib import metadata

from seqeval.metrics import (
    accuracy_score,
    classification_report,
    f1_score,
    precision_score,
    recall_score,
)
from seqeval.scheme import IOB2

sys.path.insert(0, os.path.dirname(__file__))

import _nlp_toy
import _truth

ap = argparse.ArgumentParser()
ap.add_argument("--style", choices=["report", "strict"], default="report")
args = ap.parse_args()

EPOCHS = 5 if args.style == "report" else 8
data = _nlp_toy.Ner(n_train=300, n_valid=100, lr=0.006)
series = _truth.Series()


def add_report(report: dict, epoch: int) -> None:
    for row, cols in report.items():
        for col in ("precision", "recall", "f1-score"):
            series.add(f"{row}/{col}", None, epoch, cols[col])


for epoch in range(1, EPOCHS + 1):
    loss = data.train_epoch()
    y_pred = data.predict_tags()
    y_true = data.y_true
    if args.style == "report":
        f1 = f1_score(y_true, y_pred)
        print(f"Epoch {epoch}/{EPOCHS} - loss: {loss:.4f} - val_f1: {f1:.4f}")
        print(classification_report(y_true, y_pred, digits=4))
        series.add("loss", None, epoch, loss)
        series.add("val_f1", None, epoch, f1)
        add_report(classification_report(y_true, y_pred, digits=4, output_dict=True), epoch)
    else:
        acc = accuracy_score(y_true, y_pred)
        p = precision_score(y_true, y_pred)
        r = recall_score(y_true, y_pred)
        f = f1_score(y_true, y_pred)
        print(
            "epoch %d: train loss %.4f, accuracy: %.4f, precision: %.4f, recall: %.4f, f1: %.4f"  # noqa: UP031
            % (epoch, loss, acc, p, r, f)
        )
        for name, value in (
            ("train loss", loss),
            ("accuracy", acc),
            ("precision", p),
            ("recall", r),
            ("f1", f),
        ):
            series.add(name, None, epoch, value)

if args.style == "strict":
    print()
    print("Strict IOB2 evaluation on the validation set:")
    print(classification_report(y_true, y_pred, mode="strict", scheme=IOB2))
    strict = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True)
    for row, cols in strict.items():
        for col in ("precision", "recall", "f1-score"):
            # printed after the per-epoch lines: under its own names, one value
            series.add(f"{row}/{col}", None, EPOCHS, cols[col])
    notes = (
        "Per epoch (1-based) 'epoch 3: train loss 1.0631, accuracy: 0.8123, precision: 0.2447, "
        "recall: 0.2401, f1: 0.2447' (seqeval's token accuracy and entity-level micro "
        "precision / recall / F1, 4 decimals). Then a blank line, 'Strict IOB2 evaluation on the "
        "validation set:' and seqeval's classification_report(mode='strict', scheme=IOB2) at 2 "
        "digits: header 'precision    recall  f1-score   support', rows 'LOC', 'ORG', 'PER', a "
        "blank line, then 'micro avg', 'macro avg', 'weighted avg' (two-word labels). Series "
        "'<row>/<column>', one value each at the last epoch. The 'support' column holds entity "
        "COUNTS (not metrics). The report's 'precision' column is not the per-epoch 'precision' "
        "series: that one is named bare; the report's is 'micro avg/precision' etc."
    )
else:
    notes = (
        "Per epoch (1-based) 'Epoch 2/5 - loss: 1.3780 - val_f1: 0.1672' (2/5 is the epoch of "
        "five) then seqeval's classification_report(digits=4): header 'precision    recall  "
        "f1-score   support', rows 'LOC', 'ORG', 'PER' (entity types), a blank line, 'micro avg', "
        "'macro avg', 'weighted avg' (two-word labels), then a blank line (print adds another). "
        "Series '<row>/<column>' per epoch: the same report five times, one value per epoch in "
        "each series. 'support' is the count of true entities of the row (not a metric). "
        "seqeval warns (UndefinedMetricWarning, on stderr) at epochs where a type is never "
        "predicted."
    )

_truth.write(
    library=f"seqeval {metadata.version('seqeval')} (torch {metadata.version('torch')})",
    script="tests/corpus/scripts/seqeval_tagger.py",
    record=(
        "seqeval's returns: classification_report(..., output_dict=True) for the printed "
        "report's rows, accuracy_score / precision_score / recall_score / f1_score; loop's losses"
    ),
    step_kind="epoch",
    series=series,
    notes=notes,
)
