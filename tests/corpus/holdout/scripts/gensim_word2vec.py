"""gensim Word2Vec trained with logging.basicConfig(level=INFO) (the gensim tutorials' setup)
and the usual CallbackAny2Vec that prints the training loss after each epoch.

gensim logs through the stdlib logging (stderr, '%(asctime)s : %(levelname)s : %(message)s'):
vocabulary scans, 'EPOCH 0: training on 60000 raw words (...) took 0.1s, 500000 effective
words/s', lifecycle events as dict reprs...; the callback prints 'Loss after epoch 0:
123456.7'.  Truth: model.get_latest_training_loss() read by the callback at each epoch end
(gensim's own running loss, compute_loss=True).
Versions: gensim 4.4.0, numpy 2.4.6, Python 3.11.
Capture (repository root, venv active):
    MLOP_CORPUS=tests/corpus/holdout python tests/corpus/scripts/capture.py pipe real_gensim_word2vec -- python tests/corpus/holdout/scripts/gensim_word2vec.py
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from gensim.models import Word2Vec
from gensim.models.callbacks import CallbackAny2Vec

logging.basicConfig(format="%(asctime)s : %(levelname)s : %(message)s", level=logging.INFO)

# a synthetic corpus: 40 topics, each a bag of 25 words; sentences mix mostly one topic
rng = np.random.default_rng(0)
topics = [[f"t{t}w{i}" for i in range(25)] for t in range(40)]
sentences = []
for _ in range(3000):
    t = rng.integers(40)
    words = [topics[t][j] for j in rng.integers(25, size=12)]
    words += [topics[rng.integers(40)][rng.integers(25)] for _ in range(3)]
    rng.shuffle(words)
    sentences.append(words)

ser = _truth.Series()


class LossLogger(CallbackAny2Vec):
    def __init__(self) -> None:
        self.epoch = 0

    def on_epoch_end(self, model):
        loss = model.get_latest_training_loss()
        ser.add("Loss", None, self.epoch, loss)
        print(f"Loss after epoch {self.epoch}: {loss}")
        self.epoch += 1


model = Word2Vec(
    sentences,
    vector_size=32,
    window=4,
    min_count=2,
    workers=1,
    epochs=6,
    seed=0,
    compute_loss=True,
    callbacks=[LossLogger()],
)
print("most similar to t3w1:", model.wv.most_similar("t3w1", topn=3))

_truth.write(
    library="gensim 4.4.0",
    script="tests/corpus/holdout/scripts/gensim_word2vec.py",
    record="model.get_latest_training_loss() at each epoch end (gensim's running loss), read by a CallbackAny2Vec",
    step_kind="epoch",
    series=ser,
    extra_ok=["effective words/s (throughput in the EPOCH lines)", "took (seconds per epoch)"],
    notes=(
        "The callback prints 'Loss after epoch 0: 123456.78125' (the float as Python prints it): series "
        "'Loss' at the epoch the line names (0-based, the callback's own counter). gensim's running loss is cumulative over the epochs "
        "of one train() call, as gensim reports it. Everything else is gensim's INFO logging on "
        "stderr (interleaved with stdout by buffering): vocabulary counts ('collected 1000 word "
        "types from a corpus of 45000 raw words and 3000 sentences', 'estimated required memory for "
        "1000 words and 32 dimensions: 1000 bytes', 'sample=0.001 downsamples 10 most-common words'), "
        "'EPOCH 0: training on 45000 raw words (30000 effective words) took 0.1s, 500000 effective "
        "words/s' (counts, a duration and a throughput), and lifecycle events printed as dict reprs "
        "with 'params': 'Word2Vec<vocab=1000, vector_size=32, alpha=0.025>'. None of these is a "
        "metric beyond the throughput/duration. The last line prints similarity scores of the "
        "trained vectors (an evaluation by the script: tuples ('t3w7', 0.9); not a training series)."
    ),
)
