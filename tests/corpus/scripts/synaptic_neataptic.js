// synaptic and neataptic networks trained in node with the libraries' own console logging.
//
// Versions: synaptic 1.1.4, neataptic 1.4.7 (npm `latest` of both), node v20.20.2.
// Install (outside the repo): cd /work/venvs/corpus-zAY-npm && npm install synaptic@1.1.4 neataptic@1.4.7
// Capture (repository root, NODE_PATH=/work/venvs/corpus-zAY-npm/node_modules exported):
//     python tests/corpus/scripts/capture.py pipe real_synaptic_trainer_log -- node tests/corpus/scripts/synaptic_neataptic.js synaptic_log
//     python tests/corpus/scripts/capture.py pty  real_synaptic_trainer_log_pty -- node tests/corpus/scripts/synaptic_neataptic.js synaptic_log
//     python tests/corpus/scripts/capture.py pipe real_synaptic_trainer_schedule -- node tests/corpus/scripts/synaptic_neataptic.js synaptic_schedule
//     python tests/corpus/scripts/capture.py pipe real_neataptic_train -- node tests/corpus/scripts/synaptic_neataptic.js neataptic_train
//     python tests/corpus/scripts/capture.py pipe real_neataptic_evolve -- node tests/corpus/scripts/synaptic_neataptic.js neataptic_evolve
// Truth: synaptic_log - the per-iteration error synaptic's Trainer computes (the value
// Trainer._trainSet returns, divided by the set size exactly as Trainer.train does; noted for
// each iteration) and the results object train() returns; synaptic_schedule - the
// {error, iterations, rate} object synaptic hands to schedule.do; neataptic - the library's
// schedule.function ({error, iteration[, fitness]}) every `log` iterations, and the results
// object train()/evolve() return.
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
Math.random = mulberry32(11);

const which = process.argv[2] || 'synaptic_log';
const s = new truth.Series();
let library = '', record = '', notes = '';
const extraOk = [];

// a small synthetic task: 3-bit parity plus a noisy-threshold 4th input
function makeSet(n) {
  const set = [];
  for (let i = 0; i < n; i++) {
    const bits = [Math.random() < 0.5 ? 0 : 1, Math.random() < 0.5 ? 0 : 1, Math.random() < 0.5 ? 0 : 1];
    const noise = Math.random();
    const y = (bits[0] ^ bits[1] ^ bits[2]) ^ (noise > 0.9 ? 1 : 0);
    set.push({ input: bits.concat([noise]), output: [y] });
  }
  return set;
}

if (which.startsWith('synaptic')) {
  const synaptic = require('synaptic');
  const v = require('synaptic/package.json').version;
  library = `synaptic ${v}, node ${process.version}`;
  const { Architect, Trainer } = synaptic;
  const net = new Architect.Perceptron(4, 6, 1);
  const trainer = new Trainer(net);
  const set = makeSet(64);
  console.log(`synaptic ${v}: Perceptron(4, 6, 1), ${set.length} training samples`);
  if (which === 'synaptic_log') {
    const errs = [];
    const orig = Trainer.prototype._trainSet;
    trainer._trainSet = function (st, rate, cost) {
      const sum = orig.call(this, st, rate, cost);
      let e = 0; e += sum; e /= st.length; // what Trainer.train does with it
      errs.push(e);
      return sum;
    };
    const result = trainer.train(set, {
      rate: 0.1, iterations: 2000, error: 0.02, shuffle: true, log: 200, cost: Trainer.cost.CROSS_ENTROPY,
    });
    console.log('training result:', result);
    for (let it = 200; it <= errs.length; it += 200) s.add('error', it, null, errs[it - 1]);
    // the results object repeats the last logged line when training ran to a multiple of 200: one point per step
    if (result.iterations % 200 !== 0) s.add('error', result.iterations, null, result.error);
    const test = trainer.test(makeSet(32), { cost: Trainer.cost.MSE });
    console.log('test:', test);
    extraOk.push('test error (trainer.test on a fresh set, MSE)', 'rate (the learning rate the log line repeats)', 'time (ms)');
    record = "synaptic Trainer's own per-iteration error (the value _trainSet returns / set size, as train() computes it) and the results object train() returns";
    notes = "log: 200 makes the Trainer print 'iterations 200 error 0.2345... rate 0.1' (console.log with spaces, full double). " +
      "train() returns { error, iterations, time } printed as \"training result: { error: 0.21..., iterations: 2000, time: 512 }\": its error is " +
      "the last iteration's, a point of `error` at its iterations only when that is not a logged iteration: training ran the full 2000 here, so it repeats the last logged line (same step, same value) and is not a second point. " +
      "trainer.test() prints '{ error: 0.1..., time: 1 }' on a fresh set: listed in extra_ok (not in the training record). rate is a setting.";
  } else {
    const rates = [0.2, 0.1, 0.05, 0.02];
    const result = trainer.train(set, {
      rate: rates, iterations: 1200, error: 0.01, shuffle: true, cost: Trainer.cost.MSE,
      schedule: {
        every: 100,
        do: (d) => {
          s.add('error', d.iterations, null, d.error);
          console.log(`[synaptic] iter=${d.iterations} mse=${d.error.toFixed(6)} lr=${d.rate}`);
          s.series.mse = s.series.error; // the printed name
        },
      },
    });
    delete s.series.error;
    console.log(`done: ${result.iterations} iterations, final mse ${result.error.toFixed(6)}, ${result.time} ms`);
    s.add('final mse', result.iterations, null, result.error);
    extraOk.push('lr (learning rate from the rate schedule)', 'ms');
    record = "synaptic Trainer's schedule.do argument {error, iterations, rate} and train()'s results object";
    notes = "A user's schedule {every: 100, do} prints '[synaptic] iter=100 mse=0.123456 lr=0.2' (toFixed(6)); rate is an array " +
      '[0.2, 0.1, 0.05, 0.02] synaptic steps through in buckets of iterations/4. The last line prints the results object: ' +
      "'done: 1200 iterations, final mse 0.012345, 300 ms' (series `final mse`).";
  }
} else {
  const neataptic = require('neataptic');
  const v = require('neataptic/package.json').version;
  library = `neataptic ${v}, node ${process.version}`;
  const { architect, methods, Network } = neataptic;
  const set = makeSet(48);
  if (which === 'neataptic_train') {
    const net = new architect.Perceptron(4, 8, 1);
    console.log(`neataptic ${v}: Perceptron(4, 8, 1), ${set.length} samples`);
    const result = net.train(set, {
      log: 50, iterations: 600, error: 0.01, rate: 0.3, momentum: 0.9, shuffle: true,
      cost: methods.cost.MSE, ratePolicy: methods.rate.STEP(0.7, 150),
      schedule: { iterations: 50, function: (d) => s.add('error', d.iteration, null, d.error) },
    });
    console.log(result);
    if (result.iterations % 50 !== 0) s.add('error', result.iterations, null, result.error); // else a repeat of the last log line
    record = "neataptic network.train's schedule.function ({error, iteration}) every 50 iterations = the log period, and train()'s returned object";
    notes = "log: 50 prints 'iteration 50 error 0.2043... rate 0.3' (console.log, full double); the rate follows methods.rate.STEP(0.7, 150) " +
      "(a learning-rate schedule: extra_ok). train() returns { error, iterations, time } printed by console.log as an object " +
      '(its error repeats the last logged line, iteration 600, same value: not a second point).';
    extraOk.push('rate (learning rate)', 'time (ms)');
  } else {
    const net = new Network(4, 1);
    console.log(`neataptic ${v}: NEAT evolve from Network(4, 1), ${set.length} samples, popsize 40`);
    (async () => {
      const result = await net.evolve(set, {
        mutation: methods.mutation.FFW, equal: true, popsize: 40, elitism: 4, error: 0.03,
        iterations: 60, log: 5, threads: 1, cost: methods.cost.MSE,
        schedule: { iterations: 5, function: (d) => { s.add('fitness', d.iteration, null, d.fitness); s.add('error', d.iteration, null, d.error); } },
      });
      console.log('evolve result:', result);
      if (result.iterations % 5 !== 0) s.add('error', result.iterations, null, result.error); // else a repeat of the last log line
      const t = net.test(set, methods.cost.MSE);
      console.log(`best genome: ${net.nodes.length} nodes, ${net.connections.length} connections, test mse ${t.error.toFixed(5)}`);
      truth.write({
        library, script: 'tests/corpus/scripts/synaptic_neataptic.js',
        record: "neataptic network.evolve's schedule.function ({fitness, error, iteration}) every 5 generations = the log period, and evolve()'s returned object",
        stepKind: 'global', series: s,
        extraOk: ['test mse of the best genome on the training set', 'time (ms)'],
        notPrinted: [],
        notes: "log: 5 prints 'iteration 5 fitness -0.2412... error 0.2398...' per 5 generations (fitness = -error - growth x genome size). " +
          "evolve() returns { error, iterations, time }, printed as 'evolve result: { error: 0.1..., iterations: 60, time: 812 }' " +
          "(its error repeats the last logged generation, 60: not a second point). 'best genome: 9 nodes, 14 connections, test mse 0.12345' is a re-test on the set: extra_ok.",
      });
    })();
  }
}

if (which !== 'neataptic_evolve') {
  truth.write({
    library, script: 'tests/corpus/scripts/synaptic_neataptic.js', record,
    stepKind: 'global', series: s, extraOk, notPrinted: [], notes,
  });
}
