# alibi-detect outlier detectors trained with alibi-detect's own TensorFlow trainer (alibi_detect.models.tensorflow
# .trainer), which draws a tf.keras.utils.Progbar per epoch (no 'Epoch' header: '19/19 ━ 2s 87ms/step - loss_ma: 837.4486',
# plus the log_metric it is given). Synthetic tabular data (Gaussian inliers, seed 0); nothing downloaded.
#   vae: OutlierVAE, loss only (elbo's running mean `loss_ma`)
#   ae:  OutlierAE with log_metric=('mse', tf.keras.metrics.MeanSquaredError())
# alibi-detect 0.13.0, tensorflow 2.18.1, keras 3.15.1 (venv corpus-zBF-2).
# Truth: the trainer keeps no history, so the script records, through a thin wrapper around the Progbar class the
# trainer builds, the values the trainer hands to Progbar.add() (full precision) and the Progbar's own running
# average after every add (what each bar state shows).
# Captures (from the repo root, venv corpus-zBF-2 active):
#   python tests/corpus/scripts/capture.py pipe real_alibi_detect_vae -- python tests/corpus/scripts/alibi_detect_od.py vae
#   python tests/corpus/scripts/capture.py pipe real_alibi_detect_ae -- python tests/corpus/scripts/alibi_detect_od.py ae
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _truth  # noqa: E402

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "1")


def main():
    which = sys.argv[1]
    import tensorflow as tf

    np.random.seed(0)
    tf.random.set_seed(0)
    tf.keras.utils.set_random_seed(0)

    base = tf.keras.utils.Progbar
    epochs_vals = []  # per Progbar (one per epoch): list of [name -> value] per add()

    class RecordingProgbar(base):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            epochs_vals.append([])

        def add(self, n, values=None):
            super().add(n, values=values)
            # the running average this Progbar displays after the add (Keras 3: _values[k] = [sum, count])
            epochs_vals[-1].append({k: float(np.mean(v[0] / max(1, v[1]))) for k, v in self._values.items()})

    tf.keras.utils.Progbar = RecordingProgbar

    rng = np.random.RandomState(0)
    d = 8
    X = (rng.randn(1200, d) @ rng.randn(d, d) * 0.3).astype(np.float32)
    X_out = X[:20] + rng.uniform(3, 5, size=(20, d)).astype(np.float32)
    print(f"train: {X.shape}, test outliers: {X_out.shape}")
    enc = tf.keras.Sequential([tf.keras.layers.InputLayer(input_shape=(d,)), tf.keras.layers.Dense(32, activation="relu"),
                               tf.keras.layers.Dense(16, activation="relu")])
    epochs = 4
    if which == "vae":
        from alibi_detect.od import OutlierVAE

        dec = tf.keras.Sequential([tf.keras.layers.InputLayer(input_shape=(3,)), tf.keras.layers.Dense(16, activation="relu"),
                                   tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(d)])
        od = OutlierVAE(threshold=None, score_type="mse", encoder_net=enc, decoder_net=dec, latent_dim=3, samples=5)
        od.fit(X, epochs=epochs, batch_size=64, verbose=True)
        names = {"loss_ma": "loss_ma"}
    else:
        from alibi_detect.od import OutlierAE

        enc.add(tf.keras.layers.Dense(3))
        dec = tf.keras.Sequential([tf.keras.layers.InputLayer(input_shape=(3,)), tf.keras.layers.Dense(16, activation="relu"),
                                   tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(d)])
        od = OutlierAE(threshold=None, encoder_net=enc, decoder_net=dec)
        od.fit(X, epochs=epochs, batch_size=64, verbose=True,
               log_metric=("mse", tf.keras.metrics.MeanSquaredError()))
        names = {"loss_ma": "loss_ma", "mse": "mse"}
    od.infer_threshold(X, threshold_perc=95)
    print(f"threshold (95th percentile of instance scores): {od.threshold:.4f}")
    preds = od.predict(np.vstack([X[:200], X_out]), outlier_type="instance")
    print(f"flagged {int(preds['data']['is_outlier'].sum())} of {len(preds['data']['is_outlier'])} instances")

    s = _truth.Series()
    for e, adds in enumerate(epochs_vals):
        if not adds:
            continue
        for a in adds:
            for name in names:
                s.add(name, None, e + 1, a[name])
    _truth.write(
        library="alibi-detect 0.13.0 (tensorflow 2.18.1, keras 3.15.1)",
        script="tests/corpus/scripts/alibi_detect_od.py",
        record="values the trainer passes to tf.keras.utils.Progbar.add(), the average each Progbar displays after every add() (its _values[k][0] / _values[k][1])",
        step_kind="epoch",
        series=s,
        extra_ok=["ms/step", "s/step"],
        notes="The trainer keeps no history; the Keras 3 Progbar prints a bar state after every batch, piped too, showing its running mean of the values "
        "added so far in the epoch (loss_ma itself is already a moving average of the batch losses). The threshold "
        "printed after training is a score cut-off, not a training metric.",
    )


if __name__ == "__main__":
    main()
