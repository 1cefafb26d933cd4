"""nervaluate (MUC-5 / SemEval-2013 style NER scoring: strict, exact, partial, ent_type) in a
hand-written PyTorch NER tagger loop (BiGRU over synthetic BIO-tagged sentences,
tests/corpus/scripts/_nlp_toy.py).

Per epoch the loop prints its loss, then Evaluator(...).summary_report(digits=4), nervaluate's
text table of the four scenarios; after the last epoch the per-entity table for the strict and
the partial scenarios (summary_report(mode="entities", scenario=...)):

    Epoch 3 | loss 1.0631
    Scenario: all

                  correct   incorrect     partial      missed    spurious   precision      recall    f1-score

    ent_type           71          27           0          90          26      0.5772      0.3777      0.4566
    ...

Truth: the dict Evaluator.evaluate() returns (nervaluate's EvaluationResult per scenario and per
entity type: .precision / .recall / .f1) at full precision; the loop's loss floats. Table series
are named '<row>/<column>' ('strict/f1-score'; per entity 'LOC/precision', one table per scenario:
'strict/LOC/precision', 'partial/LOC/precision', the table's 'Scenario: strict' first). correct / incorrect / partial / missed /
spurious are COUNTS of entities, not metrics.

Versions: nervaluate 1.2.1, torch 2.13.0+cpu, Python 3.11. Seeds fixed; ~5 s CPU.
Capture (repository root, venv /work/venvs/corpus-zAC-1, see README-other.md):
    python tests/corpus/scripts/capture.py pipe real_nervaluate_report -- python tests/corpus/scripts/nervaluate_ner.py
"""

import os
import sys
from importlib import metadata

from nervaluate import Evaluator

sys.path.insert(0, os.path.dirname(__file__))

import _nlp_toy
import _truth

EPOCHS = 5
TAGS = ["PER", "LOC", "ORG"]
data = _nlp_toy.Ner(n_train=300, n_valid=100, lr=0.006)
series = _truth.Series()

for epoch in range(1, EPOCHS + 1):
    loss = data.train_epoch()
    y_pred = data.predict_tags()
    evaluator = Evaluator(data.y_true, y_pred, tags=TAGS, loader="list")
    results = evaluator.evaluate()
    print(f"Epoch {epoch} | loss {loss:.4f}")
    print(evaluator.summary_report(digits=4))
    series.add("loss", None, epoch, loss)
    for scenario in sorted(results["overall"]):  # the report's rows, alphabetical
        r = results["overall"][scenario]
        for col, value in (("precision", r.precision), ("recall", r.recall), ("f1-score", r.f1)):
            series.add(f"{scenario}/{col}", None, epoch, value)

for scenario in ("strict", "partial"):
    print(evaluator.summary_report(mode="entities", scenario=scenario, digits=4))
    for tag in sorted(results["entities"]):
        r = results["entities"][tag][scenario]
        for col, value in (("precision", r.precision), ("recall", r.recall), ("f1-score", r.f1)):
            series.add(f"{scenario}/{tag}/{col}", None, EPOCHS, value)

_truth.write(
    library=f"nervaluate {metadata.version('nervaluate')} (torch {metadata.version('torch')})",
    script="tests/corpus/scripts/nervaluate_ner.py",
    record="nervaluate.Evaluator(...).evaluate() EvaluationResult .precision/.recall/.f1; loop losses",
    step_kind="epoch",
    series=series,
    notes=(
        "Per epoch (1-based) 'Epoch 3 | loss 1.0631', then summary_report(digits=4): 'Scenario: "
        "all', a blank line, a header of eight columns 'correct   incorrect     partial      "
        "missed    spurious   precision      recall    f1-score', a blank line, then one row per "
        "scenario 'ent_type', 'exact', 'partial', 'strict' (right-aligned labels): five integer "
        "COUNTS of entities (not metrics) then precision, recall, f1-score at 4 decimals; then a "
        "blank line. Note the header's 'partial' column (a count) and the 'partial' row (a "
        "scenario). After the last epoch two per-entity tables, 'Scenario: strict' and "
        "'Scenario: partial', rows 'LOC', 'ORG', 'PER': series '<scenario>/<row>/<column>' at "
        "the last epoch, one value each (the two tables have the same row labels)."
    ),
)
