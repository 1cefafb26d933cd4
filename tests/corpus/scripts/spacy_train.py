"""`python -m spacy train` on tiny synthetic NER or text-classification data, blank English
pipeline built from `spacy init config` (no downloads).

Versions: spacy 3.8.18 (spacy-loggers 1.0.5, thinc 8), Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_spacy_ner -- python tests/corpus/scripts/spacy_train.py ner
    python tests/corpus/scripts/capture.py pty  real_spacy_ner_bar_pty -- python tests/corpus/scripts/spacy_train.py ner --bar
    python tests/corpus/scripts/capture.py pipe real_spacy_textcat -- python tests/corpus/scripts/spacy_train.py textcat
The script writes the data and config to a temporary folder, then runs the spaCy CLI as a child
process on the same stdout/stderr (that output is the capture).  Truth: spaCy's own training log,
ConsoleLogger.v3's output_file (JSONL, one record per evaluation, written by the same logger
call that prints the table row).
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import spacy  # noqa: E402
from spacy.cli.init_config import init_config  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

task = sys.argv[1]
bar = "--bar" in sys.argv
rng = random.Random(0)
nlp = spacy.blank("en")
PEOPLE = [
    "Alice",
    "Bob",
    "Carol",
    "Dmitri",
    "Eve",
    "Farah",
    "Guo",
    "Hana",
    "Ivan",
    "Jun",
    "Kofi",
    "Lena",
]
CITIES = [
    "Paris",
    "Lagos",
    "Osaka",
    "Lima",
    "Oslo",
    "Quito",
    "Accra",
    "Hanoi",
    "Turin",
    "Perth",
    "Cusco",
    "Delhi",
]
GOOD = ["great", "wonderful", "lovely", "excellent", "superb"]
BAD = ["awful", "terrible", "dreadful", "poor", "bad"]


def make(n, dev):
    """Dev sentences use names and templates never seen in training, so scores stay below 100."""
    people = PEOPLE[8:] if dev else PEOPLE[:8]
    cities = CITIES[8:] if dev else CITIES[:8]
    tmpls = (
        ["Yesterday {p} drove from {c} .", "{c} welcomed {p} warmly ."]
        if dev
        else ["{p} flew to {c} today .", "In {c} , {p} met friends .", "{p} lives near {c} ."]
    )
    db = DocBin()
    for _ in range(n):
        if task == "ner":
            p, c = rng.choice(people), rng.choice(cities)
            tmpl = rng.choice(tmpls)
            text = tmpl.format(p=p, c=c)
            doc = nlp.make_doc(text)
            ents = []
            for word, label in ((p, "PERSON"), (c, "GPE")):
                start = text.index(word)
                ents.append(doc.char_span(start, start + len(word), label=label))
            doc.ents = ents
        else:
            pos = rng.random() < 0.5
            words = (GOOD[3:] if pos else BAD[3:]) if dev else (GOOD[:3] if pos else BAD[:3])
            text = f"The film was {rng.choice(words)} and the cast was {rng.choice(GOOD + BAD)} ."
            doc = nlp.make_doc(text)
            doc.cats = {"POS": float(pos), "NEG": float(not pos)}
        db.add(doc)
    return db


work = tempfile.mkdtemp(prefix="spacy-")
make(200, False).to_disk(os.path.join(work, "train.spacy"))
make(60, True).to_disk(os.path.join(work, "dev.spacy"))
pipeline = ["tok2vec", "ner"] if task == "ner" else ["textcat"]
config = init_config(lang="en", pipeline=pipeline, optimize="efficiency", gpu=False)
config["training"]["max_steps"] = 120
config["training"]["eval_frequency"] = 20
if task == "ner":  # slower, so the table shows learning rather than an instant 100
    config["training"]["optimizer"]["learn_rate"] = 0.0003
config["training"]["seed"] = 0
config["training"]["logger"] = {
    "@loggers": "spacy.ConsoleLogger.v3",
    "progress_bar": "eval" if bar else None,
    "console_output": True,
    "output_file": os.path.join(work, "log.jsonl"),
}
config["nlp"]["batch_size"] = 50
config.to_disk(os.path.join(work, "config.cfg"))

cmd = [
    sys.executable,
    "-m",
    "spacy",
    "train",
    os.path.join(work, "config.cfg"),
    "--output",
    os.path.join(work, "out"),
    "--paths.train",
    os.path.join(work, "train.spacy"),
    "--paths.dev",
    os.path.join(work, "dev.spacy"),
]
sys.stdout.flush()
rc = subprocess.run(cmd).returncode

series = _truth.Series()
with open(os.path.join(work, "log.jsonl")) as fh:
    for line in fh:
        r = json.loads(line)
        for pipe, loss in r["losses"].items():
            series.add(f"LOSS {pipe.upper()}", r["step"], r["epoch"], loss)
        for col, score in r["scores"].items():
            series.add(col.upper(), r["step"], r["epoch"], score)
        series.add("SCORE", r["step"], r["epoch"], r["score"])
shutil.rmtree(work)

_truth.write(
    library=f"spacy {spacy.__version__}",
    script="tests/corpus/scripts/spacy_train.py",
    record="spaCy's ConsoleLogger.v3 output_file (JSONL written per evaluation by the logger that prints the row)",
    step_kind="global",
    series=series,
    extra_ok=[],
    notes=(
        "A column table after the '============================= Training pipeline "
        "=============================' banner: "
        + (
            "'E    #       LOSS TOK2VEC  LOSS NER  ENTS_F  ENTS_P  ENTS_R  SCORE'"
            if task == "ner"
            else "'E    #       LOSS TEXTCAT  CATS_SCORE  SCORE'"
        )
        + " and a rule of dashes per column ('---  ------  ------------ ...'). Column names hold spaces "
        "('LOSS NER'); the header is upper-cased. E = the epoch (spaCy counts from 0), # = the step (optimizer "
        "updates, from 0) - both are counters, taken as epoch and step. The loss columns are the losses summed "
        "since the previous evaluation (so they do not fall smoothly; repeated 0.00 rows are real new points); "
        "the component scores (ENTS_F/P/R, CATS_SCORE) are printed x100 (the JSONL record holds them x100 too: "
        "the printed unit); SCORE is the weighted score in 0..1. Printed with 2 decimals, truth at the record's "
        "precision. Banners not to read: 'ℹ Saving to output directory: ...', 'ℹ Using CPU', '=== Initializing "
        f"pipeline ===', '✔ Initialized pipeline', 'ℹ Pipeline: {pipeline}', 'ℹ Initial learn rate: "
        f"{config['training']['optimizer']['learn_rate']}', '✔ Saved pipeline to output directory' and the "
        "model path."
        + (
            " progress_bar='eval': under a terminal a tqdm bar 'Epoch 1:  45%|███▌  | 18/40 [00:00<00:00, 40.1it/s]' "
            "(leave=False, stderr) is drawn between the rows."
            if bar
            else ""
        )
    ),
)
sys.exit(rc)
