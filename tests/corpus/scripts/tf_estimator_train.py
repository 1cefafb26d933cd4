"""tf.estimator (TensorFlow 1.x-style canned Estimators, last shipped with TF 2.15) on synthetic
tabular data, with tf.compat.v1.logging at INFO as the old tutorials set it (or left at the
default WARN for `quiet`).

- linear:  LinearClassifier (binary), est.train(max_steps) then est.evaluate(); the user prints
           the returned dict and a tutorial-style summary line.
- dnn_tae: DNNClassifier (3 classes) with tf.estimator.train_and_evaluate, checkpoints every 200
           steps, an evaluation after each checkpoint (throttle_secs=0).
- wide_deep: DNNLinearCombinedClassifier (the census 'wide & deep' tutorial shape), two rounds of
           est.train(steps=400) + est.evaluate(), logging every 200 steps; the user prints three
           metrics per round. (BoostedTreesClassifier is gone from tensorflow-estimator 2.15.)
- custom:  a model_fn Estimator (tf.compat.v1.layers) with a LoggingTensorHook on the streaming
           train accuracy and a tf.compat.v1.summary.scalar of it, as in the TF1 custom-estimator
           tutorials.
- quiet:   DNNRegressor, default verbosity (WARN): only the user's own prints of the eval dict, in
           the style of the premade-estimators tutorial ('Test set average loss: 0.123').

Truth: the Estimator's own event files in model_dir, read with
tf.compat.v1.train.summary_iterator: training `loss` and `global_step/sec` from the model_dir
events (written by the SummarySaverHook / StepCounterHook at the same run as the
LoggingTensorHook's 'loss = ..., step = N' line), eval metrics from model_dir/eval events, each
asserted equal (float32) to the dicts evaluate()/train_and_evaluate() returned for the last one.

Versions: tensorflow-cpu 2.15.1, tensorflow-estimator 2.15.0, numpy 1.26.4, Python 3.11
(venv /work/venvs/corpus-zAZ-1). Model dirs under /tmp (removed first). Seeds fixed.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_tf_estimator_linear -- python tests/corpus/scripts/tf_estimator_train.py linear
    python tests/corpus/scripts/capture.py pipe real_tf_estimator_dnn_tae -- python tests/corpus/scripts/tf_estimator_train.py dnn_tae
    python tests/corpus/scripts/capture.py pipe real_tf_estimator_wide_deep -- python tests/corpus/scripts/tf_estimator_train.py wide_deep
    python tests/corpus/scripts/capture.py pipe real_tf_estimator_custom -- python tests/corpus/scripts/tf_estimator_train.py custom
    python tests/corpus/scripts/capture.py pipe real_tf_estimator_quiet -- python tests/corpus/scripts/tf_estimator_train.py quiet
"""

import glob
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

mode = sys.argv[1]
if mode != "quiet":
    tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.INFO)
tf.random.set_seed(0)
model_dir = f"/tmp/zaz_estimator_{mode}"
shutil.rmtree(model_dir, ignore_errors=True)

rng = np.random.default_rng(0)
N = 3000
cols = ["age", "hours_per_week", "capital_gain", "education_num"]
X = {c: rng.normal(size=N).astype("float32") for c in cols}
X["workclass"] = rng.choice(["Private", "Self-emp", "Gov", "Never-worked"], size=N)
score = 1.2 * X["age"] - 0.8 * X["hours_per_week"] + 0.5 * X["capital_gain"] + 0.6 * X["education_num"]
score += np.where(X["workclass"] == "Gov", 0.7, 0.0) + 0.9 * rng.normal(size=N)
if mode == "dnn_tae":
    y = np.digitize(score, [-0.8, 0.8]).astype("int32")  # 3 classes
elif mode == "quiet":
    y = score.astype("float32")
else:
    y = (score > 0).astype("int32")
split = 2400
train_x = {k: v[:split] for k, v in X.items()}
test_x = {k: v[split:] for k, v in X.items()}
train_y, test_y = y[:split], y[split:]
print(f"train examples: {split}, eval examples: {N - split}, features: {len(X)}")

feature_columns = [tf.feature_column.numeric_column(c) for c in cols]
wc = tf.feature_column.categorical_column_with_vocabulary_list(
    "workclass", ["Private", "Self-emp", "Gov", "Never-worked"]
)


def train_input_fn(batch_size=64):
    ds = tf.data.Dataset.from_tensor_slices((dict(train_x), train_y))
    return ds.shuffle(split, seed=0).repeat().batch(batch_size)


def eval_input_fn(batch_size=100):
    return tf.data.Dataset.from_tensor_slices((dict(test_x), test_y)).batch(batch_size)


cfg = tf.estimator.RunConfig(tf_random_seed=0)
if mode == "linear":
    est = tf.estimator.LinearClassifier(
        feature_columns=feature_columns + [wc], model_dir=model_dir, config=cfg
    )
    est.train(train_input_fn, max_steps=500)
    result = est.evaluate(eval_input_fn)
    print(result)
    print("\nTest set accuracy: {accuracy:0.3f}, AUC: {auc:0.3f}\n".format(**result))
elif mode == "wide_deep":
    est = tf.estimator.DNNLinearCombinedClassifier(
        linear_feature_columns=[wc] + [tf.feature_column.bucketized_column(
            tf.feature_column.numeric_column("age"), list(np.linspace(-2, 2, 9)))],
        dnn_feature_columns=feature_columns + [tf.feature_column.embedding_column(wc, dimension=4)],
        dnn_hidden_units=[64, 32],
        model_dir=model_dir,
        config=tf.estimator.RunConfig(tf_random_seed=0, log_step_count_steps=200, save_summary_steps=200),
    )
    for n in range(2):
        est.train(train_input_fn, steps=400)
        result = est.evaluate(eval_input_fn)
        for k in ("accuracy", "auc", "average_loss"):
            print(f"{k:>14s}: {result[k]:.4f}")
elif mode == "custom":
    def model_fn(features, labels, mode, params):
        net = tf.compat.v1.feature_column.input_layer(features, params["feature_columns"])
        net = tf.compat.v1.layers.dense(net, 32, activation=tf.nn.relu)
        logits = tf.compat.v1.layers.dense(net, 2)
        predicted = tf.argmax(logits, 1)
        loss = tf.compat.v1.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
        accuracy = tf.compat.v1.metrics.accuracy(labels=labels, predictions=predicted, name="acc_op")
        if mode == tf.estimator.ModeKeys.EVAL:
            return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={"accuracy": accuracy})
        tf.compat.v1.summary.scalar("train_accuracy", accuracy[1])
        opt = tf.compat.v1.train.AdamOptimizer(learning_rate=0.01)
        train_op = opt.minimize(loss, global_step=tf.compat.v1.train.get_global_step())
        hook = tf.estimator.LoggingTensorHook({"train_accuracy": accuracy[1]}, every_n_iter=100)
        return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=tf.group(train_op, accuracy[1]),
                                          training_hooks=[hook])

    est = tf.estimator.Estimator(
        model_fn, model_dir=model_dir, config=cfg,
        params={"feature_columns": feature_columns + [tf.feature_column.indicator_column(wc)]},
    )
    est.train(train_input_fn, max_steps=400)
    result = est.evaluate(eval_input_fn)
    print("\nTest set accuracy: {accuracy:0.3f}\n".format(**result))
elif mode == "dnn_tae":
    cfg = tf.estimator.RunConfig(
        tf_random_seed=0, save_checkpoints_steps=200
    )
    est = tf.estimator.DNNClassifier(
        hidden_units=[32, 16],
        feature_columns=feature_columns + [tf.feature_column.indicator_column(wc)],
        n_classes=3,
        optimizer=tf.keras.optimizers.legacy.Adagrad(learning_rate=0.05),
        model_dir=model_dir,
        config=cfg,
    )
    train_spec = tf.estimator.TrainSpec(train_input_fn, max_steps=800)
    eval_spec = tf.estimator.EvalSpec(eval_input_fn, steps=None, throttle_secs=0, start_delay_secs=0)
    result, _ = tf.estimator.train_and_evaluate(est, train_spec, eval_spec)
    print("Final eval:", result)
else:  # quiet
    est = tf.estimator.DNNRegressor(
        hidden_units=[16, 8], feature_columns=feature_columns + [tf.feature_column.indicator_column(wc)],
        model_dir=model_dir, config=cfg,
    )
    for round_ in range(3):
        est.train(train_input_fn, steps=200)
        result = est.evaluate(eval_input_fn)
        print(result)
        print("\nTest set average loss: {average_loss:0.3f}\n".format(**result))

# ---- ground truth: the Estimator's own event files ----
f32 = lambda v: float(str(np.float32(v)))  # noqa: E731  the float32 value, as its shortest repr


def events(path):
    out = []
    for f in sorted(glob.glob(os.path.join(path, "events.out.tfevents*"))):
        for e in tf.compat.v1.train.summary_iterator(f):
            for v in e.summary.value:
                if v.HasField("simple_value"):
                    out.append((e.step, v.tag, v.simple_value))
    return out


series = _truth.Series()
train_ev = events(model_dir)
log_every = {"wide_deep": 200}.get(mode, 100)
points = []  # (print order key, name, step, value)
if mode != "quiet":
    for step, tag, val in train_ev:
        if tag in ("loss", "global_step/sec", "train_accuracy"):
            # the LoggingTensorHook prints the global step read before the run ('step = 100');
            # the summary of that same run is written at step 101
            s = step - 1
            if s % log_every == 0 and not (tag == "global_step/sec" and s == 0):
                points.append((s, {"global_step/sec": 0, "loss": 1}.get(tag, 2), tag, s, f32(val)))
eval_ev = events(os.path.join(model_dir, "eval"))
eval_steps = sorted({s for s, _, _ in eval_ev})
for s in eval_steps:
    d = {tag: val for st, tag, val in eval_ev if st == s}
    for tag, val in d.items():
        points.append((s, -1, tag, s, f32(val)))
if mode != "quiet":  # every printed 'loss = ..., step = N' line has its event-file value
    max_step = {"linear": 500, "dnn_tae": 800, "wide_deep": 800, "custom": 400}[mode]
    got = sorted(p[3] for p in points if p[2] == "loss" and p[1] == 1)
    assert got == list(range(0, max_step, log_every)), got
for _, _, name, s, v in sorted(points, key=lambda p: (p[0], p[1])):
    series.add(name, s, None, v)
# the dict the API returned = the last eval events
last = {t: v for s, t, v in eval_ev if s == eval_steps[-1]}
for k, v in result.items():
    if k != "global_step":
        assert f32(last[k]) == f32(v), (k, last[k], v)
# the user's own summary lines, under the names they print (values = the eval events)
user = {"linear": [("Test set accuracy", "accuracy"), ("AUC", "auc")],
        "custom": [("Test set accuracy", "accuracy")],
        "quiet": [("Test set average loss", "average_loss")]}.get(mode, [])
for s in (eval_steps if mode == "quiet" else eval_steps[-1:]):
    for printed, tag in user:
        v = [val for st, t, val in eval_ev if st == s and t == tag][0]
        series.add(printed, s, None, f32(v))

eval_names = sorted({t for _, t, _ in eval_ev})
_truth.write(
    library=f"tensorflow-estimator 2.15.0 (tensorflow-cpu {tf.__version__})",
    script="tests/corpus/scripts/tf_estimator_train.py",
    record=(
        "the Estimator's event files read with tf.compat.v1.train.summary_iterator: "
        + ("" if mode == "quiet" else "model_dir/events.out.tfevents.* for the training loss and global_step/sec, ")
        + "model_dir/eval/events.out.tfevents.* for the evaluation metrics (asserted equal to the dict "
        + ("train_and_evaluate()" if mode == "dnn_tae" else "evaluate()")
        + " returned for the last evaluation)"
    ),
    step_kind="global",
    series=series,
    extra_ok=(
        []
        if mode == "quiet"
        else [
            "Loss for final step (the last run's loss, logged by the Estimator but not in the event files: "
            "the summary saver writes every 100th step)",
            "the seconds per logging interval '(0.210 sec)' after 'step = N'",
            "Inference Time (seconds of the evaluation)",
        ]
    ),
    not_printed=(
        ["bias, fraction_of_zero_weights (linear model summaries), zero_fraction/..., activation histograms"
         " (event-file only)"]
    ),
    notes=(
        "Values are float32: stored as the float32's shortest repr (what TF prints). "
        + (
            "INFO:tensorflow: lines on stderr (interleaved with stdout, which is block-buffered in a pipe, "
            "so the user's prints come at the end). 'INFO:tensorflow:loss = 0.6931472, step = 0' every "
            f"{log_every} steps (the LoggingTensorHook prints the global step read BEFORE the run; the event file "
            "holds the same loss at step+1: the points use the printed step). 'INFO:tensorflow:global_step/sec: 477.07' "
            "(the StepCounterHook, also in the event file; printed just before the loss line of the same step, "
            "point at that step). Evaluation: 'INFO:tensorflow:Saving dict for global step 500: accuracy = 0.9, "
            "... , global_step = 500, ..., loss = 0.2, ...': each metric at the global step; global_step is a counter "
            "not a metric. The eval dict's 'loss' shares the name with the training loss: the eval loss is a "
            "point of the same 'loss' series at the evaluation's step (in print order: an evaluation after a checkpoint prints before the training loss line of that step). "
            "The user's print(result) repeats the same dict ({'accuracy': 0.9, ...}) under the same names: not new "
            "points. A summary line the user prints under other names ('Test set accuracy: 0.862, AUC: 0.941') is "
            "a series of its own under the printed name (value from the eval events, at the eval step). "
            "Checkpoint/graph/deprecation lines hold paths, step counts and line numbers only; so do the "
            "warnings 'It seems that global step (tf.train.get_global_step) has not been increased. Current value "
            "(could be stable): 10 vs previous value: 10.' that the StepCounterHook prints on a busy machine. "
            if mode != "quiet"
            else "Default verbosity (WARN): TF's start-up notices and deprecation warnings, then only the user's "
            "print(result) of each evaluate() dict ({'average_loss': ..., 'label/mean': ..., 'loss': ..., "
            "'prediction/mean': ..., 'global_step': 200}) and 'Test set average loss: 0.123' (3 decimals; series 'Test set average loss', the dict's average_loss; "
            "the dict's own names are the other series). "
            "Points at the eval's global step (200, 400, 600), which the dict shows as global_step. "
        )
        + ("'label/mean' and 'prediction/mean' are the mean label/prediction of the eval set, logged "
           "as metrics by the Estimator. " if mode in ("linear", "wide_deep", "quiet") else "")
        + ("The user prints '      accuracy: 0.8617' etc. after each evaluate() (4 decimals, repeats of the "
           "eval dict's values). " if mode == "wide_deep" else "")
        + ("The LoggingTensorHook of the model_fn prints 'INFO:tensorflow:train_accuracy = 0.5' every 100 steps "
           "(the streaming accuracy since the start; the same value is in the event file as train_accuracy, "
           "point at the printed step like loss). 'Test set accuracy: 0.848' prints the eval accuracy (its own series). "
           if mode == "custom" else "")
        + ("train_and_evaluate: 'Running training and evaluation locally (non-distributed).', "
           "'Start train and evaluate loop. The evaluate will happen after every checkpoint.', an evaluation "
           "after each checkpoint (steps 200..800); 'Final eval:' prints the returned dict. "
           if mode == "dnn_tae" else "")
    ),
)
