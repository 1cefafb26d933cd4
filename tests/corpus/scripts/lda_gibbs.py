"""The `lda` package (collapsed Gibbs sampling LDA), as its README runs it: LDA(n_topics, n_iter,
random_state, refresh).fit(X), whose progress goes through the 'lda' logger (the package calls
logging.basicConfig(level=INFO) itself when the root logger has no handler), then the top words
of each topic and the top topic of a few documents.

Versions: lda 3.0.2, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-m-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_lda_gibbs -- python tests/corpus/scripts/lda_gibbs.py
(logging's stderr lines are the same under a terminal: no pty entry.)
Truth: the model's own record, model.loglikelihoods_ (the log likelihood at every `refresh`-th
iteration, the ones logged) and model.loglikelihood() after fit (the last line '<n_iter-1> log
likelihood', computed from the final state and not appended to loglikelihoods_), at full
precision (logged rounded to integers).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import lda
import numpy as np

rng = np.random.RandomState(0)
n_docs, n_topics_true, per_topic = 300, 6, 40
vocab = [f"{t}{j}" for t in "abcdef" for j in range(per_topic)] + [f"noise{j}" for j in range(20)]
X = np.zeros((n_docs, len(vocab)), dtype=np.int64)
for d in range(n_docs):
    main, other = rng.choice(n_topics_true, size=2, replace=False)
    words = list(rng.randint(per_topic, size=25) + main * per_topic)
    words += list(rng.randint(per_topic, size=10) + other * per_topic)
    words += list(rng.randint(20, size=5) + n_topics_true * per_topic)
    for w in words:
        X[d, w] += 1
titles = [f"doc{d:03d}" for d in range(n_docs)]

model = lda.LDA(n_topics=6, n_iter=300, random_state=1, refresh=25)
model.fit(X)

topic_word = model.topic_word_
n_top_words = 8
for i, topic_dist in enumerate(topic_word):
    topic_words = np.array(vocab)[np.argsort(topic_dist)][: -(n_top_words + 1) : -1]
    print("Topic {}: {}".format(i, " ".join(topic_words)))
doc_topic = model.doc_topic_
for i in range(5):
    print(f"{titles[i]} (top topic: {doc_topic[i].argmax()})")

series = _truth.Series()
for k, ll in enumerate(model.loglikelihoods_):
    series.add("log likelihood", k * model.refresh, None, ll)
series.add("log likelihood", model.n_iter - 1, None, model.loglikelihood())

_truth.write(
    library=f"lda {lda.__version__} (numpy {np.__version__})",
    script="tests/corpus/scripts/lda_gibbs.py",
    record=(
        "model.loglikelihoods_ (one per refresh-th iteration, as logged) and model.loglikelihood() "
        "after fit (the last logged line)"
    ),
    step_kind="global",
    series=series,
    notes=(
        "All the package's output is logging's default format on stderr: 'INFO:lda:n_documents: "
        "300', 'INFO:lda:vocab_size: 260', 'INFO:lda:n_words: 12000', 'INFO:lda:n_topics: 6', "
        "'INFO:lda:n_iter: 300' (counts and settings, not metrics), then 'INFO:lda:<0> log "
        "likelihood: -98110' every 25 iterations and a last 'INFO:lda:<299> log likelihood: "
        "-75890' (series 'log likelihood', step = the iteration in angle brackets, 0-based, values "
        "logged rounded to integers, truth at full precision). Then the script's README-style "
        "lines on stdout, after fit: 'Topic 0: c12 c3 ...' (the topic's top words; 'Topic 0' is an "
        "index) and 'doc000 (top topic: 4)' (a topic index, not a metric)."
    ),
)
