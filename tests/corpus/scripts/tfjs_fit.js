// TensorFlow.js model.fit() in node on synthetic data: the verbose=1 ProgbarLogger of tfjs-node, or
// verbose 0 with the callbacks users write (onEpochEnd console.log, earlyStopping).
//
// Versions: @tensorflow/tfjs 4.22.0 (pure-JS CPU backend), @tensorflow/tfjs-node 4.22.0 JS files
// (ProgbarLogger, which uses progress 2.0.3), node v20.20.2.  tfjs-node's native libtensorflow
// cannot be downloaded here (storage.googleapis.com is unreachable), so tfjs-node was installed with
// --ignore-scripts and its ProgbarLogger is registered on the pure-JS backend exactly as
// tfjs-node's index.js does: tf.registerCallbackConstructor(1, ProgbarLogger).
// Install (outside the repo): cd /work/venvs/corpus-zAY-npm && npm install @tensorflow/tfjs@4.22.0
//     && npm install --ignore-scripts @tensorflow/tfjs-node@4.22.0
// Capture (repository root, NODE_PATH=/work/venvs/corpus-zAY-npm/node_modules exported):
//     python tests/corpus/scripts/capture.py pipe real_tfjs_fit_progbar -- node tests/corpus/scripts/tfjs_fit.js --verbose 1
//     python tests/corpus/scripts/capture.py pty  real_tfjs_fit_progbar_pty -- node tests/corpus/scripts/tfjs_fit.js --verbose 1
//     python tests/corpus/scripts/capture.py pipe real_tfjs_fit_callbacks -- node tests/corpus/scripts/tfjs_fit.js --verbose 0 --callbacks
// Truth: the History object model.fit() returns (h.history) for epoch-end values; for the batch
// values the bar drew (pty only: `progress` draws nothing when stderr is not a TTY) the batch logs
// tfjs handed to ProgbarLogger, noted when progress actually wrote a new bar.
'use strict';
const path = require('path');
const truth = require('./_truth');

// seeded Math.random (tfjs shuffles batches with it)
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
Math.random = mulberry32(20241207);

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const verbose = Number(opt('--verbose', '1'));
const withCallbacks = args.includes('--callbacks');
const epochs = Number(opt('--epochs', withCallbacks ? '40' : '8'));

const tf = require('@tensorflow/tfjs');
const cb = require('@tensorflow/tfjs-node/dist/callbacks');
tf.registerCallbackConstructor(1, cb.ProgbarLogger); // what require('@tensorflow/tfjs-node') does

// ---- record which bar states `progress` really drew -------------------------------------------
const drawn = []; // {epoch, batch, logs}
let lastLogs = null;
const origFormat = cb.ProgbarLogger.prototype.formatLogsAsMetricsContent;
cb.ProgbarLogger.prototype.formatLogsAsMetricsContent = function (logs, maxLen) {
  if (maxLen != null) lastLogs = Object.assign({}, logs);
  return origFormat.call(this, logs, maxLen);
};
let curEpoch = 0;
const OrigBar = cb.progressBarHelper.ProgressBar;
class RecordingBar extends OrigBar {
  tick(len, tokens) {
    const t = typeof len === 'object' ? len : tokens;
    if (t && t.placeholderForLossesAndMetrics) this._logs = { epoch: curEpoch, logs: lastLogs };
    else this._logs = null;
    return super.tick(len, tokens);
  }
  render(tokens, force) {
    const before = this.lastDraw;
    const r = super.render(tokens, force);
    if (this.lastDraw !== before && this._logs && this._logs.logs) {
      const key = this._logs.epoch + ':' + this._logs.logs.batch;
      if (!drawn.length || drawn[drawn.length - 1].key !== key) drawn.push(Object.assign({ key }, this._logs));
    }
    return r;
  }
}
cb.progressBarHelper.ProgressBar = RecordingBar;

// ---- data: two noisy interleaved half-moons in 8 dims ---------------------------------------
function gauss() { const u = 1 - Math.random(), v = Math.random(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v); }
const N = 640, D = 8;
const xs = [], ys = [];
for (let i = 0; i < N; i++) {
  const label = i % 2;
  const a = Math.PI * Math.random();
  const row = [label ? 1 - Math.cos(a) : Math.cos(a), label ? 0.5 - Math.sin(a) : Math.sin(a)];
  for (let d = 2; d < D; d++) row.push(0.6 * gauss());
  row[0] += 0.25 * gauss(); row[1] += 0.25 * gauss();
  xs.push(row); ys.push([label]);
}
const X = tf.tensor2d(xs), Y = tf.tensor2d(ys);

const model = tf.sequential();
model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [D], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
model.add(tf.layers.dropout({ rate: 0.1, seed: 2 }));
model.add(tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }));
model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

console.log(`TensorFlow.js ${tf.version.tfjs} | backend: ${tf.getBackend()}`);
console.log(`x_train shape: [${X.shape}]  y_train shape: [${Y.shape}]`);
model.summary();

(async () => {
  const callbacks = [new tf.CustomCallback({ onEpochBegin: async (epoch) => { curEpoch = epoch + 1; } })];
  if (withCallbacks) {
    // plain {onEpochEnd} objects cannot be mixed with tf.callbacks.earlyStopping: wrap them
    callbacks.push(new tf.CustomCallback({
      onEpochEnd: async (epoch, logs) => {
        console.log(`Epoch ${epoch + 1}/${epochs}: loss = ${logs.loss.toFixed(4)}, acc = ${logs.acc.toFixed(4)}, ` +
          `val_loss = ${logs.val_loss.toFixed(4)}, val_acc = ${logs.val_acc.toFixed(4)}`);
      },
    }));
    callbacks.push(tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 3 }));
  }
  const t0 = Date.now();
  const h = await model.fit(X, Y, {
    epochs, batchSize: 32, validationSplit: 0.2, shuffle: true, verbose, callbacks,
  });
  const secs = (Date.now() - t0) / 1000;
  const ran = h.epoch.length;
  console.log(`Training finished: ${ran} epochs in ${secs.toFixed(1)}s`);
  const [evLoss, evAcc] = model.evaluate(X, Y, { batchSize: 128 });
  const evL = evLoss.dataSync()[0], evA = evAcc.dataSync()[0];
  console.log(`Final evaluation on all ${N} samples - loss: ${evL.toFixed(4)}, accuracy: ${(evA * 100).toFixed(2)}%`);

  // ---- truth -------------------------------------------------------------------------------
  const s = new truth.Series();
  const spe = Math.ceil((N * 0.8) / 32);
  const mode = process.env.MLOP_CORPUS_MODE || 'pipe';
  const names = withCallbacks ? ['loss', 'acc', 'val_loss', 'val_acc'] : Object.keys(h.history).sort();
  if (verbose >= 1) {
    // bar states (pty only) then the epoch-end line, epoch by epoch, in print order
    for (let e = 1; e <= ran; e++) {
      for (const d of drawn.filter((q) => q.epoch === e)) {
        for (const k of Object.keys(d.logs).sort()) {
          if (k === 'batch' || k === 'size') continue;
          s.add(k, (e - 1) * spe + d.logs.batch + 1, e, d.logs[k]);
        }
      }
      for (const k of names) s.add(k, e * spe, e, h.history[k][e - 1]);
    }
  } else {
    for (let e = 1; e <= ran; e++) for (const k of names) s.add(k, e * spe, e, h.history[k][e - 1]);
  }
  const notes = [];
  if (verbose >= 1) {
    notes.push("tfjs-node's ProgbarLogger prints 'Epoch 3 / 8' and, at epoch end, '41ms 80us/step - acc=0.891 loss=0.263 val_acc=0.883 val_loss=0.277 ' " +
      "(keys sorted, each number with getSuccinctNumberDisplay: 2 significant-ish decimals for |x|>1, more for small values, e-notation below 1e-4). " +
      'Under a TTY the npm `progress` bar draws on stderr: "eta=0.0 >>>>>-----  acc=0.875 loss=0.311 " with the logs of the LAST BATCH ' +
      '(tfjs batch logs are per-batch values, not running means); drawn states are throttled to one per 50 ms, each point here is a state that was drawn. ' +
      'Piped, `progress` draws nothing (stream not a TTY), only the Epoch and epoch-end lines appear.');
    notes.push(`Step = (epoch-1) x ${spe} batches per epoch + batch index + 1; epoch-end values sit at epoch x ${spe}.`);
  } else {
    notes.push("verbose 0: tfjs itself prints nothing; the script's onEpochEnd callback prints 'Epoch 3/40: loss = 0.2631, acc = 0.8906, val_loss = ...' " +
      `with toFixed(4); earlyStopping(val_loss, patience 3) stopped after ${ran} of ${epochs} epochs (it prints nothing). Step = epoch x ${spe} batches.`);
  }
  notes.push('The final evaluate() line (loss and accuracy in %) is not in the History record: listed in extra_ok. ' +
    'The tfjs banner, model.summary() parameter counts, shapes and timings are not metrics.');
  truth.write({
    library: `@tensorflow/tfjs ${tf.version.tfjs} (pure-JS cpu backend) + tfjs-node 4.22.0 ProgbarLogger, node ${process.version}`,
    script: 'tests/corpus/scripts/tfjs_fit.js',
    record: 'model.fit(...) resolves to a History object: h.history (and the batch logs tfjs passed to ProgbarLogger for drawn bar states)',
    stepKind: 'global',
    series: s,
    extraOk: ['final evaluation loss', 'final evaluation accuracy', 'ms per epoch and us/step the epoch-end line prints', 'eta the bar prints'],
    notPrinted: [],
    notes: notes.join(' '),
  });
})();
