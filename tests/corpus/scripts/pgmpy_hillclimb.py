"""pgmpy: sample the Asia network (its BIF file ships inside pgmpy), learn a DAG back with
HillClimbSearch (BIC score, its tqdm bar), score it, fit its CPDs by maximum likelihood and print
two of them, as pgmpy's docstrings do.

Versions: pgmpy 1.1.2, pandas 3.1.1, numpy 2.2.6, networkx 3.6.1, tqdm 4.70.1, Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zO-1; HF_HUB_OFFLINE=1 so nothing is fetched):
    HF_HUB_OFFLINE=1 python tests/corpus/scripts/capture.py pipe real_pgmpy_hillclimb -- python tests/corpus/scripts/pgmpy_hillclimb.py
    HF_HUB_OFFLINE=1 python tests/corpus/scripts/capture.py pty real_pgmpy_hillclimb_pty -- python tests/corpus/scripts/pgmpy_hillclimb.py
Truth: the values pgmpy's own metrics return (StructureScore('bic-d') of the learned and of the
true DAG, StructureScore('ll-d') of the learned DAG, SHD against the true DAG), the same numbers
the script prints. HillClimbSearch keeps no per-iteration score record; its bar prints counts only.
"""

import gzip
import os
import sys
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import pgmpy
from pgmpy.base import DAG
from pgmpy.causal_discovery import HillClimbSearch
from pgmpy.metrics import SHD, StructureScore
from pgmpy.models import DiscreteBayesianNetwork
from pgmpy.parameter_estimator import DiscreteMLE
from pgmpy.readwrite import BIFReader

bif = os.path.join(os.path.dirname(pgmpy.__file__), "utils", "example_models", "asia.bif.gz")
with open(bif, "rb") as fh:
    true_model = BIFReader(string=gzip.decompress(fh.read()).decode("utf-8")).get_model()
df = true_model.simulate(n_samples=5000, seed=42)
print(df.head())

hc = HillClimbSearch(scoring_method="bic-d", return_type="dag")
hc.fit(df)
dag = hc.causal_graph_
print(sorted(dag.edges()))

bic = StructureScore(scoring_method="bic-d")(X=df, causal_graph=dag)
bic_true = StructureScore(scoring_method="bic-d")(X=df, causal_graph=true_model)
ll = StructureScore(scoring_method="ll-d")(X=df, causal_graph=dag)
shd = SHD()(true_causal_graph=DAG(true_model.edges()), est_causal_graph=dag)
print(f"BIC score (learned DAG): {bic}")
print(f"BIC score (true DAG): {bic_true}")
print(f"log-likelihood (learned DAG): {ll}")
print(f"SHD to the true DAG: {shd}")

bn = DiscreteBayesianNetwork(dag.edges())
bn.fit(df, estimator=DiscreteMLE())
print(bn.get_cpds("either"))
print(bn.get_cpds("dysp"))

series = _truth.Series()
series.add("BIC score (learned DAG)", None, None, bic)
series.add("BIC score (true DAG)", None, None, bic_true)
series.add("log-likelihood (learned DAG)", None, None, ll)
series.add("SHD to the true DAG", None, None, shd)

_truth.write(
    library=(
        f"pgmpy {metadata.version('pgmpy')} (pandas {pd.__version__}, numpy {np.__version__}, "
        f"tqdm {metadata.version('tqdm')})"
    ),
    script="tests/corpus/scripts/pgmpy_hillclimb.py",
    record=(
        "pgmpy.metrics.StructureScore('bic-d' / 'll-d') and pgmpy.metrics.SHD return values "
        "(printed by the script with print(), full repr)"
    ),
    step_kind="none",
    series=series,
    extra_ok=["it/s or s/it of the tqdm bars (throughput)"],
    not_printed=[],
    notes=(
        "stderr: DiscreteBayesianNetwork.simulate draws a tqdm bar whose description names the "
        "node being sampled: 'Generating for node: smoke:  12%|█▎        | 1/8 [00:01<00:08,  "
        "1.26s/it]' (8 = the network's nodes: counts). stdout: df.head(), a pandas table of "
        "yes/no states with a 0..4 row index. HillClimbSearch.fit draws a tqdm trange over "
        "max_iter=1e6 that breaks when no operation improves the score: '  0%|          | "
        "8/1000000 [00:00<9:54:55, 28.01it/s]' (the climb's iteration count, an ETA of hours "
        "for the bound never reached; the break closes the bar, redrawn once more and ended by "
        "a newline). Then the learned edges as a "
        "list of name tuples, four 'label: value' lines printed by the script from pgmpy's "
        "metrics (the series: 'BIC score (learned DAG): -11199.1...', 'BIC score (true DAG): "
        "...', 'log-likelihood (learned DAG): ...', 'SHD to the true DAG: 5' (the structural "
        "Hamming distance, an error count that IS pgmpy's structure-learning metric)), then two "
        "TabularCPD grids '+-----------+---------+-----+' / '| lung      | lung(no) | ... |' / "
        "'| either(no) | 1.0 | 0.0 | ...' (conditional probabilities: fitted PARAMETERS of the "
        "network, not metrics). No step: print order. The climb breaks ties in set order, which "
        "follows Python's per-process string hashing: the learned DAG, its scores and the CPDs "
        "printed differ from run to run (pipe and pty captures differ); each truth belongs to its "
        "capture."
    ),
)
