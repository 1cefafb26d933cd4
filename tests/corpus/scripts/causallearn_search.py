"""causal-learn's causal discovery on a synthetic linear-Gaussian 5-variable chain/collider:
`pc_ges`: PC with its default tqdm bar, print(cg.G), then GES and its graph and score;
`fci_verbose`: FCI with verbose=True (every conditional-independence test it runs, then the
orientation rules), then print(g).

Versions: causal-learn 0.1.4.8, numpy 2.2.6, scipy 1.13.1, networkx 3.6.1, tqdm 4.70.1,
Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zO-1):
    python tests/corpus/scripts/capture.py pipe real_causallearn_pc_ges -- python tests/corpus/scripts/causallearn_search.py pc_ges
    python tests/corpus/scripts/capture.py pty real_causallearn_pc_ges_pty -- python tests/corpus/scripts/causallearn_search.py pc_ges
    python tests/corpus/scripts/capture.py pipe real_causallearn_fci_verbose -- python tests/corpus/scripts/causallearn_search.py fci_verbose
Truth: GES's returned Record['score'] (the learned graph's total local BIC score), printed by the
script. PC and FCI print no metric: their bars and test lines are counts, node indices and the
p-values of single independence tests.
"""

import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
from causallearn.search.ConstraintBased.FCI import fci
from causallearn.search.ConstraintBased.PC import pc
from causallearn.search.ScoreBased.GES import ges

what = sys.argv[1] if len(sys.argv) > 1 else "pc_ges"
rng = np.random.RandomState(0)
n = 1000
x0 = rng.randn(n)
x1 = 0.8 * x0 + rng.randn(n)
x2 = 0.5 * x0 + rng.randn(n)
x3 = x1 - x2 + rng.randn(n)
x4 = 0.7 * x3 + rng.randn(n)
X = np.c_[x0, x1, x2, x3, x4]

series = _truth.Series()
if what == "pc_ges":
    cg = pc(X, 0.05, "fisherz")
    print(cg.G)
    record = ges(X)
    print(record["G"])
    print("GES score:", record["score"])
    series.add("GES score", None, None, float(np.ravel(record["score"])[0]))
    notes = (
        "PC's tqdm bar on stderr, one per depth of the skeleton search, redrawn with '\\r' "
        "(piped too): 'Depth=0, working on node 3:  80%|████████  | 4/5 [00:00<00:00, "
        "2486.62it/s]' (Depth=k is the size of the conditioning sets, 'node 3' the node worked "
        "on, 4/5 its position over the 5 nodes: counts, indices; it/s a throughput); each "
        "depth's bar ends at 100% and the next depth's first state is drawn over it ('Depth=0, "
        "working on node 4:   0%|          | 0/5'). Then print(cg.G): 'Graph Nodes:', "
        "'X1;X2;X3;X4;X5', a blank line, 'Graph Edges:', numbered edges '1. X1 --- X2', '3. X2 "
        "--> X4' (list numbers and variable names with digits: no metric). GES prints nothing "
        "itself; print(record['G']) shows the same kind of graph, then 'GES score: "
        "-2452.806...' (Record['score'], the learned graph's total local BIC score: the "
        "series, one point, no step)."
    )
else:
    g, edges = fci(X, "fisherz", 0.05, verbose=True)
    print(g)
    notes = (
        "fci(verbose=True) prints, with blank lines around them, one line per "
        "conditional-independence test of the adjacency search: '0 dep 2 | () with p-value "
        "0.000000' (node indices, 'dep'/'ind' the decision, the conditioning set) and with a "
        "conditioning set '0 ind 4 | (np.int64(3),) with p-value 0.349998' (the set shown as "
        "a tuple of numpy ints). Each p-value is the statistic of ONE test between one pair "
        "of variables, compared with alpha=0.05 to prune an edge: an internal decision of the "
        "search, like the per-coefficient p-values of a regression table, not a metric of "
        "the run (storing them is inventing). A tqdm bar 'Depth=0, working on node 4: "
        "100%|██████████| 5/5 [...]' (counts), 'Orienting collider: X2 *-> X4 <-* X3', "
        "'Orienting edge (Away from collider):X4 --> X5', a bare 'Epoch' line (a leftover "
        "debug print in causal-learn's FCI: a word, no number) and the edge 'X4 --> X5' "
        "again, then print(g): 'Graph Nodes:', 'X1;X2;X3;X4;X5', 'Graph Edges:', '1. X1 o-o "
        "X2' ... (list numbers, variable names). No metric is printed: series empty."
    )

_truth.write(
    library=(
        f"causal-learn {metadata.version('causal-learn')} (numpy {np.__version__}, "
        f"tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/causallearn_search.py",
    record="GES's returned Record['score']" if what == "pc_ges" else "none: no metric printed",
    step_kind="none",
    series=series,
    extra_ok=["it/s of the tqdm bars (throughput)"],
    not_printed=[],
    notes=notes,
)
