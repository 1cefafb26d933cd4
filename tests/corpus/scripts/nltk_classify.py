"""NLTK's classifiers on a synthetic bag-of-words task, as in the NLTK book's chapter 6:
NaiveBayesClassifier.train, its accuracy and show_most_informative_features(), then
MaxentClassifier.train(trace=3) (GIS: the 'Iteration  Log Likelihood  Accuracy' table with a
'Final' row), its accuracy and show_most_informative_features().

Versions: nltk 3.10.4, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zd-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_nltk_classify -- python tests/corpus/scripts/nltk_classify.py
(NLTK prints the same under a terminal: no pty entry.)
Truth: NLTK keeps no record of the table it prints: the script wraps the two functions the GIS
trainer calls to compute each row (nltk.classify.maxent's log_likelihood and accuracy) and keeps
what they returned, at full precision; the test accuracies are nltk.classify.accuracy's returns.
"""

import os
import random
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import nltk
import nltk.classify.maxent as maxent

SCRIPT = "tests/corpus/scripts/nltk_classify.py"
random.seed(0)
POS = ["great", "fun", "superb", "moving", "witty", "charming"]
NEG = ["dull", "boring", "awful", "messy", "flat", "tedious"]
COMMON = ["film", "plot", "actor", "scene", "story", "music", "the", "and", "ending", "cast"]


def document(label: str) -> list[str]:
    own, other = (POS, NEG) if label == "pos" else (NEG, POS)
    words = random.sample(COMMON, 5) + random.sample(own, 2)
    if random.random() < 0.3:
        words.append(random.choice(other))
    return words


def features(words: list[str]) -> dict[str, bool]:
    return {f"contains({w})": True for w in words}


docs = [(document(lab), lab) for lab in ["pos", "neg"] * 60]
random.shuffle(docs)
featuresets = [(features(d), c) for d, c in docs]
train_set, test_set = featuresets[:80], featuresets[80:]

nb = nltk.NaiveBayesClassifier.train(train_set)
nb_acc = nltk.classify.accuracy(nb, test_set)
print("Naive Bayes accuracy:", nb_acc)
nb.show_most_informative_features(5)
print()

rows: dict[str, list[float]] = {"ll": [], "acc": []}
_ll, _acc = maxent.log_likelihood, maxent.accuracy


def log_likelihood(classifier, toks):
    v = _ll(classifier, toks)
    rows["ll"].append(v)
    return v


def accuracy(classifier, toks):
    v = _acc(classifier, toks)
    rows["acc"].append(v)
    return v


maxent.log_likelihood, maxent.accuracy = log_likelihood, accuracy
me = nltk.MaxentClassifier.train(train_set, algorithm="gis", trace=3, max_iter=12)
maxent.log_likelihood, maxent.accuracy = _ll, _acc
me_acc = nltk.classify.accuracy(me, test_set)
print("Maxent accuracy:", me_acc)
me.show_most_informative_features(5)

series = _truth.Series()
# rows 1..max_iter-1 are printed with their iteration number; the 'Final' row follows the last
# update (iteration max_iter, the number NLTK's CutoffChecker has reached when it stops)
n = len(rows["ll"])
for i, (ll, acc) in enumerate(zip(rows["ll"], rows["acc"], strict=True), start=1):
    series.add("Log Likelihood", i, None, ll)
    series.add("Accuracy", i, None, acc)
series.add("Naive Bayes accuracy", None, None, nb_acc)
series.add("Maxent accuracy", n, None, me_acc)

_truth.write(
    library=f"nltk {version('nltk')} (numpy {version('numpy')})",
    script=SCRIPT,
    record=(
        "the values nltk.classify.maxent's log_likelihood() and accuracy() returned to the GIS "
        "trainer for each printed row (NLTK keeps no history), nltk.classify.accuracy()'s returns"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "First 'Naive Bayes accuracy: 0.875' (a print of nltk.classify.accuracy on the test set), "
        "then 'Most Informative Features' lines such as '  contains(great) = True  pos : neg    "
        "=  9.0 : 1.0' (a feature's likelihood ratio between two labels: a fitted parameter, not "
        "a metric). Then the GIS trainer: '  ==> Training (12 iterations)', a header "
        "'      Iteration    Log Likelihood    Accuracy' over a dashed rule, rows "
        "'             1          -0.69315        0.500' (step = the iteration number, 1..11) and a "
        "last row '         Final          -0.12345        1.000' (step 12: after the 12th update; "
        "Log Likelihood is the mean log-probability of the training labels, Accuracy the "
        "training accuracy). Then 'Maxent accuracy: 0.9' (test set, given the last step) and "
        "show_most_informative_features: lines '   3.210 contains(great)==True and label is "
        "'pos'' (feature weights, parameters, not metrics)."
    ),
)
