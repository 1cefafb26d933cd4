// Node twin of _truth.py: writes a corpus entry's .truth.json from inside a captured node script.
//
// capture.py tells the script where (MLOP_CORPUS_TRUTH), how it was run (MLOP_CORPUS_MODE) and
// the command line (MLOP_CORPUS_COMMAND).  Run by hand, without capture.py, nothing is written.
'use strict';
const fs = require('fs');

const ILLUSTRATIVE =
  ' [Quoted example lines in these notes show the SHAPE of the output; their numbers may be ' +
  'illustrative - the console file and the series above are the facts.]';

class Series {
  constructor() {
    this.series = {};
  }
  // one printed value: [step, epoch, value] in print order
  add(name, step, epoch, value) {
    let v = Number(value);
    if (Number.isNaN(v)) v = 'nan';
    else if (!Number.isFinite(v)) v = v > 0 ? 'inf' : '-inf';
    if (!this.series[name]) this.series[name] = { points: [] };
    this.series[name].points.push([step == null ? null : step, epoch == null ? null : epoch, v]);
  }
}

function write({ library, script, record, stepKind, series, extraOk, notPrinted, notes, more }) {
  const path = process.env.MLOP_CORPUS_TRUTH;
  if (!path) return;
  const body = {
    library,
    script,
    command: process.env.MLOP_CORPUS_COMMAND || process.argv.slice(1).join(' '),
    mode: process.env.MLOP_CORPUS_MODE || 'pipe',
    record,
    step_kind: stepKind,
    series: series instanceof Series ? series.series : series,
    extra_ok: extraOk || [],
    not_printed: notPrinted || [],
    notes: (notes || '') + ILLUSTRATIVE,
    ...(more || {}),
  };
  let text = JSON.stringify(body, null, 1);
  // one point per line, as _truth.py writes them
  text = text.replace(/\[\n\s*([^\[\]{}]*?)\n\s*\]/g, (m, inner) => '[' + inner.replace(/\s*\n\s*/g, ' ') + ']');
  fs.writeFileSync(path, text + '\n');
}

function version(pkg) {
  return require(pkg + '/package.json').version;
}

module.exports = { Series, write, version };
