// Hand-written node training loops in common console styles.
//   convnetjs: a convnetjs Trainer loop drawing a `\r` progress line with process.stdout.write
//              and a console.log summary per epoch;
//   table:     a TensorFlow.js custom loop (optimizer.minimize) printing a line per epoch and the
//              history with console.table at the end.
//
// Versions: convnetjs 0.3.0, @tensorflow/tfjs 4.22.0 (pure-JS cpu backend), node v20.20.2.
// Install (outside the repo): cd /work/venvs/corpus-zAY-npm && npm install convnetjs@0.3.0 @tensorflow/tfjs@4.22.0
// Capture (repository root, NODE_PATH=/work/venvs/corpus-zAY-npm/node_modules exported):
//     python tests/corpus/scripts/capture.py pipe real_hand_node_convnetjs -- node tests/corpus/scripts/node_hand_loops.js convnetjs
//     python tests/corpus/scripts/capture.py pty  real_hand_node_convnetjs_pty -- node tests/corpus/scripts/node_hand_loops.js convnetjs
//     python tests/corpus/scripts/capture.py pipe real_hand_node_console_table -- node tests/corpus/scripts/node_hand_loops.js table
// Truth: the script's own record of every value it printed (convnetjs: the stats objects
// Trainer.train returns, averaged by the loop; tfjs: the loss tensors minimize() returns).
'use strict';
const truth = require('./_truth');

function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
Math.random = mulberry32(99);
function gauss() { const u = 1 - Math.random(), v = Math.random(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v); }

// 3 gaussian blobs in 6 dims
function blobs(n, D) {
  const centers = [[2, 0], [-1, 1.7], [-1, -1.7]];
  const X = [], y = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    const row = [];
    for (let d = 0; d < D; d++) row.push((d < 2 ? centers[c][d] : 0) + 1.1 * gauss());
    X.push(row); y.push(c);
  }
  return { X, y };
}

const which = process.argv[2] || 'convnetjs';
const s = new truth.Series();

if (which === 'convnetjs') {
  const convnetjs = require('convnetjs');
  const D = 6;
  const train = blobs(600, D), val = blobs(150, D);
  const layers = [
    { type: 'input', out_sx: 1, out_sy: 1, out_depth: D },
    { type: 'fc', num_neurons: 20, activation: 'relu' },
    { type: 'fc', num_neurons: 10, activation: 'relu' },
    { type: 'softmax', num_classes: 3 },
  ];
  const net = new convnetjs.Net();
  net.makeLayers(layers);
  const trainer = new convnetjs.Trainer(net, { method: 'adadelta', batch_size: 10, l2_decay: 0.001 });
  console.log('convnetjs 0.3.0 | layers:', layers.map((l) => l.type + (l.num_neurons ? `(${l.num_neurons})` : '')).join(' -> '));
  console.log(`train: ${train.X.length} samples, val: ${val.X.length} samples, trainer: adadelta batch_size=10 l2_decay=0.001`);
  const epochs = 6, N = train.X.length;
  let step = 0;
  const acc = (set) => {
    let ok = 0;
    for (let i = 0; i < set.X.length; i++) {
      net.forward(new convnetjs.Vol(set.X[i]));
      if (net.getPrediction() === set.y[i]) ok++;
    }
    return ok / set.X.length;
  };
  for (let ep = 1; ep <= epochs; ep++) {
    const t0 = Date.now();
    let sumLoss = 0, ok = 0;
    const order = [...Array(N).keys()].sort(() => Math.random() - 0.5);
    for (let k = 0; k < N; k++) {
      const i = order[k];
      const st = trainer.train(new convnetjs.Vol(train.X[i]), train.y[i]);
      step++;
      sumLoss += st.cost_loss;
      if (net.getPrediction() === train.y[i]) ok++;
      if ((k + 1) % 50 === 0 || k + 1 === N) {
        const filled = Math.round(((k + 1) / N) * 30);
        const mean = sumLoss / (k + 1);
        process.stdout.write(`\rEpoch ${ep}/${epochs} [${'='.repeat(filled)}${' '.repeat(30 - filled)}] ${k + 1}/${N} - loss: ${mean.toFixed(4)}`);
        s.add('loss', step, ep, mean);
      }
    }
    const trainAcc = ok / N, valAcc = acc(val);
    process.stdout.write('\n');
    console.log(`  -> epoch ${ep} done in ${((Date.now() - t0) / 1000).toFixed(2)}s | train_acc: ${(trainAcc * 100).toFixed(2)}% | val_acc: ${(valAcc * 100).toFixed(2)}%`);
    s.add('train_acc', step, ep, trainAcc * 100);
    s.add('val_acc', step, ep, valAcc * 100);
  }
  console.log('Finished training.');
  truth.write({
    library: `convnetjs 0.3.0 (hand-written loop), node ${process.version}`,
    script: 'tests/corpus/scripts/node_hand_loops.js',
    record: "the loop's own record: running mean of the cost_loss that convnetjs Trainer.train() returns per sample, and the accuracies it computed",
    stepKind: 'global',
    series: s,
    extraOk: ['seconds per epoch'],
    notPrinted: ['l2_decay_loss, softmax_loss, fwd_time, bwd_time of the Trainer stats'],
    notes: "Every 50 samples the loop redraws 'Epoch 2/6 [===============               ] 300/600 - loss: 0.4123' with process.stdout.write('\\r...') " +
      "(no newline until the epoch ends, the same bytes piped or under a TTY); loss is the running mean of the epoch so far. Then " +
      "'  -> epoch 2 done in 0.12s | train_acc: 91.33% | val_acc: 90.67%': accuracies printed in percent and recorded in percent. " +
      'Step = samples trained so far (batch_size 10 means a weight update every 10 samples); epoch as the loop numbers it.',
  });
} else {
  const tf = require('@tensorflow/tfjs');
  const D = 6;
  const train = blobs(480, D), val = blobs(120, D);
  const Xtr = tf.tensor2d(train.X), Ytr = tf.oneHot(tf.tensor1d(train.y, 'int32'), 3).toFloat();
  const Xva = tf.tensor2d(val.X), Yva = tf.oneHot(tf.tensor1d(val.y, 'int32'), 3).toFloat();
  const W1 = tf.variable(tf.randomNormal([D, 16], 0, 0.3, 'float32', 1));
  const b1 = tf.variable(tf.zeros([16]));
  const W2 = tf.variable(tf.randomNormal([16, 3], 0, 0.3, 'float32', 2));
  const b2 = tf.variable(tf.zeros([3]));
  const f = (x) => tf.matMul(tf.relu(tf.matMul(x, W1).add(b1)), W2).add(b2);
  const lossFn = (x, y) => tf.losses.softmaxCrossEntropy(y, f(x));
  const optimizer = tf.train.sgd(0.1);
  const epochs = 10, bs = 48, nb = Math.ceil(train.X.length / bs);
  console.log(`tfjs ${tf.version.tfjs} custom loop: ${train.X.length} train / ${val.X.length} val, batch ${bs}, sgd lr=0.1`);
  const history = [];
  let step = 0;
  for (let ep = 1; ep <= epochs; ep++) {
    const t0 = Date.now();
    let sum = 0;
    for (let b = 0; b < nb; b++) {
      const xb = Xtr.slice([b * bs, 0], [Math.min(bs, train.X.length - b * bs), D]);
      const yb = Ytr.slice([b * bs, 0], [xb.shape[0], 3]);
      const l = optimizer.minimize(() => lossFn(xb, yb), true);
      sum += l.dataSync()[0];
      l.dispose(); xb.dispose(); yb.dispose();
      step++;
    }
    const trainLoss = sum / nb;
    const valLoss = tf.tidy(() => lossFn(Xva, Yva).dataSync()[0]);
    const valAcc = tf.tidy(() => f(Xva).argMax(1).equal(Yva.argMax(1)).mean().dataSync()[0]);
    const ms = Date.now() - t0;
    console.log(`Epoch ${String(ep).padStart(2)} | train loss ${trainLoss.toFixed(4)} | val loss ${valLoss.toFixed(4)} | val acc ${valAcc.toFixed(3)} | ${ms} ms`);
    history.push({ epoch: ep, train_loss: +trainLoss.toFixed(4), val_loss: +valLoss.toFixed(4), val_acc: +valAcc.toFixed(3) });
    s.add('train loss', step, ep, trainLoss);
    s.add('val loss', step, ep, valLoss);
    s.add('val acc', step, ep, valAcc);
  }
  console.log('\nTraining history:');
  console.table(history);
  truth.write({
    library: `@tensorflow/tfjs ${tf.version.tfjs} (hand-written loop with optimizer.minimize), node ${process.version}`,
    script: 'tests/corpus/scripts/node_hand_loops.js',
    record: "the loop's own record: the mean of the loss tensors minimize() returned over the epoch, and val loss/acc it evaluated",
    stepKind: 'global',
    series: s,
    extraOk: ['ms per epoch'],
    notPrinted: [],
    notes: "A line per epoch 'Epoch  3 | train loss 0.4123 | val loss 0.4311 | val acc 0.883 | 21 ms' (toFixed 4/4/3), then the same " +
      "history again as console.table(history): a box table with an (index) column (0-based row index, not a metric) and columns " +
      'epoch, train_loss, val_loss, val_acc holding the values rounded as printed. The table repeats every series a second time: ' +
      'the points above are the per-epoch lines only (the table rows are the same values at the same epochs). ' +
      'Step = batches so far (10 per epoch).',
  });
}
