"""ir-measures command line (trec_eval through pytrec_eval) scoring two synthetic retrieval runs
against synthetic qrels: the first run summarised ('AP\t0.2144' per measure), the second by
query (-q: 'Q3\tnDCG@10\t0.4123' rows, then 'all\tnDCG@10\t0.3010').

Versions: ir-measures 0.4.3, pytrec-eval-terrier 0.5.11 (venv corpus-r11-1).
Capture (repository root):
  python tests/corpus/scripts/capture.py pipe real_ir_measures_cli -- python tests/corpus/scripts/ir_measures_eval.py
Truth: ir_measures.calc_aggregate and ir_measures.iter_calc on the same files (the library's own
results, full precision; the command line rounds to 4 places).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import ir_measures

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _truth  # noqa: E402

random.seed(17)
tmp = Path(tempfile.mkdtemp(prefix="irm_"))
qrels_p, bm25_p, dense_p = tmp / "qrels.txt", tmp / "bm25.run", tmp / "dense.run"
queries = [f"Q{i}" for i in range(1, 7)]
rel: dict[str, dict[str, int]] = {}
with open(qrels_p, "w") as q:
    for qid in queries:
        docs = random.sample(range(500), 12)
        rel[qid] = {f"doc{d}": random.choice([1, 1, 2, 3]) for d in docs}
        for d, g in rel[qid].items():
            q.write(f"{qid} 0 {d} {g}\n")


def write_run(path: Path, tag: str, skill: float) -> None:
    with open(path, "w") as r:
        for qid in queries:
            cand = {f"doc{d}" for d in random.sample(range(500), 80)} | set(rel[qid])
            scored = sorted(cand, key=lambda d: -(skill * rel[qid].get(d, 0) + random.gauss(0, 1)))[:50]
            for rank, d in enumerate(scored, 1):
                r.write(f"{qid} Q0 {d} {rank} {50 - rank + random.random():.4f} {tag}\n")


write_run(bm25_p, "bm25", 0.45)
write_run(dense_p, "dense", 0.9)
measures = ["AP", "nDCG@10", "P@5", "R@50", "RR"]
print(f"qrels: {sum(len(v) for v in rel.values())} judgements for {len(queries)} queries")
exe = shutil.which("ir_measures") or "ir_measures"
S = _truth.Series()
parsed = [ir_measures.parse_measure(m) for m in measures]
qrels = list(ir_measures.read_trec_qrels(str(qrels_p)))

print("== run: bm25", flush=True)
subprocess.run([exe, str(qrels_p), str(bm25_p), *measures], check=True)
agg = ir_measures.calc_aggregate(parsed, qrels, list(ir_measures.read_trec_run(str(bm25_p))))
for m in parsed:  # printed in the order given
    S.add(str(m), None, None, agg[m])

print("== run: dense (per query)", flush=True)
subprocess.run([exe, "-q", str(qrels_p), str(dense_p), *measures], check=True)
run = list(ir_measures.read_trec_run(str(dense_p)))
per = {(r.query_id, str(r.measure)): r.value for r in ir_measures.iter_calc(parsed, qrels, run)}
names = [str(m) for m in parsed]  # per-series order is what matters: Q1..Q6, then all
for qid in queries:
    for n in names:
        S.add(n, None, None, per[(qid, n)])
agg = ir_measures.calc_aggregate(parsed, qrels, run)
for n in names:
    S.add(n, None, None, agg[ir_measures.parse_measure(n)])
shutil.rmtree(tmp)

_truth.write(
    library=f"ir-measures {ir_measures.__version__} (pytrec_eval provider)",
    script="tests/corpus/scripts/ir_measures_eval.py",
    record="ir_measures.calc_aggregate / iter_calc (the library's own results on the same qrels and runs)",
    step_kind="none",
    series=S,
    notes=("The script prints two headers ('== run: bm25'); the CLI prints 'AP\\t0.2144' per measure for the "
           "first run (given order) and with -q 'Q3\\tAP\\t0.4123' per query (queries Q1..Q6, each query's "
           "measures in the tool's own order), then 'all\\tAP\\t0.3010' rows (the aggregate, same name). Each series holds "
           "bm25's aggregate, then dense's six per-query values, then dense's aggregate, in print order (step "
           "null: a query id is not a step). 4 decimals as printed. The 'qrels: 42 judgements' line is a count."),
)
