// brain.js networks trained in node with the library's own logging (log: true, logPeriod).
//
// Versions: brain.js 1.6.1 (npm `latest`), node v20.20.2.
// Install (outside the repo): cd /work/venvs/corpus-zAY-npm && npm install brain.js@1.6.1
// Capture (repository root, NODE_PATH=/work/venvs/corpus-zAY-npm/node_modules exported):
//     python tests/corpus/scripts/capture.py pipe real_brainjs_nn_log -- node tests/corpus/scripts/brainjs_train.js nn
//     python tests/corpus/scripts/capture.py pty  real_brainjs_nn_log_pty -- node tests/corpus/scripts/brainjs_train.js nn
//     python tests/corpus/scripts/capture.py pipe real_brainjs_lstm_timestep -- node tests/corpus/scripts/brainjs_train.js lstm
// Truth: brain.js's own `callback` option (called with {iterations, error}) at callbackPeriod =
// logPeriod, which receives the same status object the log line is built from, plus the stats
// object train() returns.
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
Math.random = mulberry32(7); // brain.js initialises weights with Math.random

const brain = require('brain.js');
const version = require('brain.js/package.json').version;
const which = process.argv[2] || 'nn';
const s = new truth.Series();
let notes = '';

if (which === 'nn') {
  // the README's colour-contrast example, grown to a small synthetic set
  const data = [];
  for (let i = 0; i < 120; i++) {
    const r = Math.random(), g = Math.random(), b = Math.random();
    const lum = 0.299 * r + 0.587 * g + 0.114 * b;
    data.push({ input: { r, g, b }, output: lum > 0.5 ? { black: 1 } : { white: 1 } });
  }
  const net = new brain.NeuralNetwork({ hiddenLayers: [6, 4], activation: 'sigmoid' });
  console.log(`brain.js ${version} - NeuralNetwork ${JSON.stringify({ hiddenLayers: [6, 4] })}`);
  console.log(`training samples: ${data.length}`);
  const t0 = Date.now();
  const stats = net.train(data, {
    iterations: 4000,
    errorThresh: 0.0015,
    log: true,
    logPeriod: 100,
    learningRate: 0.3,
    momentum: 0.1,
    callback: (st) => s.add('training error', st.iterations, null, st.error),
    callbackPeriod: 100,
  });
  console.log(stats);
  s.add('error', stats.iterations, null, stats.error);
  console.log(`done in ${Date.now() - t0} ms`);
  const out = net.run({ r: 1, g: 0.4, b: 0 });
  console.log('run({ r: 1, g: 0.4, b: 0 }) =>', out);
  console.log('likely:', brain.likely({ r: 1, g: 0.4, b: 0 }, net));
  notes = "log: true prints 'iterations: 100, training error: 0.0123...' (console.log, full double) every logPeriod=100 " +
    'iterations; train() returns { error, iterations }, printed with console.log(stats) as "{ error: 0.0039..., iterations: 2517 }" ' +
    '(series `error`, step = its iterations). net.run() outputs (class probabilities) are predictions, not metrics.';
} else {
  // LSTMTimeStep on sine/cosine sequences (brain.recurrent), log every 20 iterations from 0
  const data = [];
  for (let k = 0; k < 12; k++) {
    const ph = Math.random() * Math.PI;
    const seq = [];
    for (let t = 0; t < 10; t++) seq.push([(Math.sin(ph + 0.5 * t) + 1) / 2, (Math.cos(ph + 0.5 * t) + 1) / 2]);
    data.push(seq);
  }
  const net = new brain.recurrent.LSTMTimeStep({ inputSize: 2, hiddenLayers: [12], outputSize: 2 });
  console.log(`brain.js ${version} - recurrent.LSTMTimeStep inputSize=2 hiddenLayers=[12] outputSize=2`);
  console.log(`sequences: ${data.length} x ${data[0].length} steps`);
  const t0 = Date.now();
  const stats = net.train(data, {
    iterations: 200,
    errorThresh: 0.001,
    learningRate: 0.05,
    log: true,
    logPeriod: 20,
    callback: (st) => s.add('training error', st.iterations, null, st.error),
    callbackPeriod: 20,
  });
  console.log(`train finished: ${JSON.stringify(stats)} (${((Date.now() - t0) / 1000).toFixed(2)}s)`);
  s.add('error', stats.iterations, null, stats.error);
  const fc = net.forecast(data[0].slice(0, 6), 2);
  console.log('forecast of seq 0, 2 steps:', fc.map((v) => Array.from(v).map((x) => x.toFixed(3))));
  notes = "brain.recurrent's train logs 'iterations: 0, training error: 0.123...' when i % logPeriod == 0, so from iteration 0 " +
    '(the loop index, one pass over all sequences), every 20. train() returns {error, iterations}, printed with JSON.stringify ' +
    "as 'train finished: {\"error\":0.0123,\"iterations\":200}' (series `error`, step = its iterations count). " +
    'Forecast values are predictions, not metrics.';
}

truth.write({
  library: `brain.js ${version}, node ${process.version}`,
  script: 'tests/corpus/scripts/brainjs_train.js',
  record: "brain.js train() option `callback` ({iterations, error} at callbackPeriod = logPeriod) and the stats object train() returns",
  stepKind: 'global',
  series: s,
  extraOk: [],
  notPrinted: [],
  notes,
});
