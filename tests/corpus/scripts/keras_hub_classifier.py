"""KerasHub BertTextClassifier built from scratch (no preset, nothing downloaded): a 2-layer BertBackbone
(hidden 32) and a BertTokenizer given an in-memory WordPiece vocabulary, on synthetic two-class
sentences. As KerasHub's guides do it: classifier.summary() (its 'Preprocessor' and 'Model' tables:
vocabulary size, layer shapes, parameter counts), then classifier.fit(x, y, validation_data=...,
epochs=4) after classifier.compile(Adam(2e-3), SparseCategoricalCrossentropy(from_logits=True),
["sparse_categorical_accuracy"]) (the guides' recompile with a learning rate for training from
scratch) and a verbose=1 bar, then classifier.evaluate(...) on a test split (its own bar and the returned list
printed by the script).

Truth: model.fit(...).history (Keras' History) for the epoch-end values, the logs Keras' Progbar was
given for each bar state it actually printed (_keras_bar.py), and evaluate()'s return value
(return_dict=True) for the test line.

Versions: keras-hub 0.32.0, keras 3.15.1, tensorflow 2.21.0 (+ tensorflow-text 2.21.1) backend,
Python 3.11. Seeds fixed; ~30 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zA-2, see README-other.md):
    python tests/corpus/scripts/capture.py pipe real_keras_hub_classifier -- python tests/corpus/scripts/keras_hub_classifier.py
    python tests/corpus/scripts/capture.py pty real_keras_hub_classifier_pty -- python tests/corpus/scripts/keras_hub_classifier.py
"""

import os
import random
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "1")
sys.path.insert(0, os.path.dirname(__file__))

import _truth
import keras
import keras_hub
import numpy as np
from _keras_bar import DRAWN, EpochNumber

keras.utils.set_random_seed(0)
rng = random.Random(0)
POS = [f"p{i}" for i in range(8)]
NEG = [f"n{i}" for i in range(8)]
COMMON = [f"c{i}" for i in range(16)]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + COMMON + POS + NEG


def data(n):
    x, y = [], []
    for _ in range(n):
        label = rng.randrange(2)
        words = [rng.choice(POS if label else NEG)] + [rng.choice(COMMON) for _ in range(5)]
        rng.shuffle(words)
        x.append(" ".join(words))
        y.append(label)
    return np.array(x), np.array(y)


x_train, y_train = data(256)
x_val, y_val = data(64)
x_test, y_test = data(64)

# --- as a user writes it -------------------------------------------------------------------------
tokenizer = keras_hub.tokenizers.BertTokenizer(vocabulary=VOCAB, lowercase=False)
preprocessor = keras_hub.models.BertTextClassifierPreprocessor(tokenizer, sequence_length=16)
backbone = keras_hub.models.BertBackbone(
    vocabulary_size=len(VOCAB),
    num_layers=2,
    num_heads=2,
    hidden_dim=32,
    intermediate_dim=64,
    max_sequence_length=16,
)
classifier = keras_hub.models.BertTextClassifier(backbone, num_classes=2, preprocessor=preprocessor)
classifier.compile(
    optimizer=keras.optimizers.Adam(2e-3),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["sparse_categorical_accuracy"],
)
classifier.summary()
history = classifier.fit(
    x_train,
    y_train,
    validation_data=(x_val, y_val),
    epochs=4,
    batch_size=32,
    callbacks=[EpochNumber()],
)
bar_states_fit = len(DRAWN)
test = classifier.evaluate(x_test, y_test, batch_size=32, return_dict=True)
print("Test:", test)
# -------------------------------------------------------------------------------------------------

series = _truth.Series()
h = history.history
spe = -(-len(x_train) // 32)
eval_drawn = DRAWN[bar_states_fit:]
fit_merged = {}
for _ctx, epoch, pos, _target, values in DRAWN[:bar_states_fit]:
    fit_merged.setdefault((epoch, pos), {}).update(values)
for (epoch, pos), values in fit_merged.items():
    for name, value in values.items():
        series.add(name, (epoch - 1) * spe + pos, epoch, value)
for name, vals in h.items():  # the epoch-end bar state is the History record
    last = [p[2] for p in series.series[name]["points"] if p[0] % spe == 0]
    assert last == [float(v) for v in vals], (name, last, vals)
last_step = 4 * spe
eval_merged = {}
for _ctx, _epoch, pos, _target, values in eval_drawn:
    eval_merged.setdefault(pos, {}).update(values)
final_pos = max(eval_merged)
for pos, values in eval_merged.items():
    for name, value in values.items():
        if pos == final_pos:
            assert abs(float(value) - float(test[name])) < 1e-6, (name, value, test)
        # the evaluate bar's states: running means over the test batches, after the last fit step
        series.add(name, last_step, None, value)
for name, value in test.items():  # the script's print('Test:', {...}): a line labelled 'Test:'
    series.add(f"Test {name}", last_step, None, value)

_truth.write(
    library=f"keras-hub {keras_hub.__version__} (keras {keras.__version__}, tensorflow "
    f"{__import__('tensorflow').__version__} backend)",
    script="tests/corpus/scripts/keras_hub_classifier.py",
    record="model.fit(...).history (Keras' History) for the epoch-end values, the logs Keras' Progbar "
    "was given for each bar state it printed, and evaluate(return_dict=True)",
    step_kind="global",
    series=series,
    extra_ok=["the time per step and the ETA/elapsed time the bar prints ('1s 12ms/step')"],
    not_printed=[],
    notes="classifier.summary() prints two tables first: 'Preprocessor: \"bert_text_classifier_preprocessor\"' "
    "(the tokenizer's 'Vocab #' 37) and 'Model: \"bert_text_classifier\"' (layer rows with output shapes "
    "and parameter counts, 'Total params: …', 'Trainable params: …'): sizes and counts, no metrics; under "
    "a terminal they are drawn with rich box characters. Then 4 epochs of 8 steps: 'Epoch 1/4', the bar "
    "'3/8 ━━━━━━━━━━━━━━━━━━━━ 0s 20ms/step - loss: 0.7012 - sparse_categorical_accuracy: 0.4583', the "
    "epoch-end state with val_loss / val_sparse_categorical_accuracy (History's values; step = (epoch-1) x 8 "
    "+ position, one point per drawn position). evaluate() draws its own bar over the 2 test batches "
    "('2/2 ━━━━ 0s 10ms/step - loss: … - sparse_categorical_accuracy: …': running means, names without "
    "a val_/test_ prefix; step: the last fit step, epoch null) and the script prints "
    "'Test: {'loss': 0.69, 'sparse_categorical_accuracy': 0.5}' (the same final values; series 'Test loss' "
    "and 'Test sparse_categorical_accuracy', the line's label composed with the key). The evaluate bar's "
    "points sit at step 32 (the optimizer's iteration count, as at the last epoch's end): three loss values "
    "at one step (epoch 4's end, evaluate's 1/2 and 2/2).",
)
