"""SDV single-table synthesizer TVAESynthesizer(verbose=True) on a small synthetic mixed-type table,
then sdv.evaluation.evaluate_quality() and run_diagnostic() (both verbose by
default), as SDV's single-table tutorial runs them.

Versions: sdv 2.0.0, sdmetrics 0.32.0, ctgan 0.12.1, rdt 2.0.0, torch 2.13.0 (CPU), pandas 2.3.3, numpy
2.4.6, Python 3.11 (venv /work/venvs/corpus-zAI-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sdv_tvae_report -- python tests/corpus/scripts/sdv_tvae_report.py
    python tests/corpus/scripts/capture.py pty real_sdv_tvae_report_pty -- python tests/corpus/scripts/sdv_tvae_report.py
Truth: synthesizer.get_loss_values() (the TVAE's own DataFrame: Epoch, Batch, Loss per batch; the
bar shows each epoch's last batch), and the reports' own results: QualityReport.get_properties()
and get_score(), DiagnosticReport.get_properties() and get_score().  The reports print their
scores as percentages rounded to 2 decimals (round(score * 100, 2)): the truth is score * 100.
"""

import os
import sys
from importlib import metadata as md

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
import torch
from sdv.evaluation import evaluate_quality, run_diagnostic
from sdv.metadata import Metadata
from sdv.single_table import TVAESynthesizer

torch.manual_seed(0)
np.random.seed(0)
torch.set_num_threads(1)
rng = np.random.RandomState(1)
n = 500
room = rng.choice(["BASIC", "DELUXE", "SUITE"], n, p=[0.6, 0.3, 0.1])
nights = rng.poisson(3, n) + 1
rate = np.round(rng.normal(120, 20, n) * np.where(room == "SUITE", 2.5, 1.0), 2)
has_rewards = rng.uniform(size=n) < 0.35
amenities = np.round(rng.exponential(30, n) * (room != "BASIC"), 2)
data = pd.DataFrame(
    {
        "guest_id": [f"G{i:04d}" for i in range(n)],
        "room_type": room,
        "nights": nights,
        "room_rate": rate,
        "has_rewards": has_rewards,
        "amenities_fee": amenities,
    }
)

real = {"hotel_guests": data}  # SDV 2 takes a dict of table name -> DataFrame
metadata = Metadata.detect_from_dataframes(real)
synthesizer = TVAESynthesizer(metadata, epochs=15, batch_size=100, verbose=True)
synthesizer.fit(real)
synthetic_data = synthesizer.sample(num_rows=500)

quality_report = evaluate_quality(real, synthetic_data, metadata)
diagnostic = run_diagnostic(real, synthetic_data, metadata)

series = _truth.Series()
loss = synthesizer.get_loss_values()
for ep, grp in loss.groupby("Epoch", sort=True):
    series.add("Loss", None, int(ep), grp["Loss"].iloc[-1])
# the reports print '<Property> Score: x%' while generating, then 'Overall Score (Average): x%'
# (a property with no score, NaN, e.g. Constraint Validity without constraints, prints 'N/A')
for report in (quality_report, diagnostic):
    skipped = report._get_skipped_properties(metadata.to_dict())
    props = report.get_properties()
    for _, row in props.iterrows():
        if row["Property"] not in skipped:  # skipped ones print 'N/A'; a NaN score prints 'nan%'
            series.add(f"{row['Property']} Score", None, None, row["Score"] * 100)
    series.add("Overall Score (Average)", None, None, report.get_score() * 100)

_truth.write(
    library=(
        f"sdv {md.version('sdv')} (sdmetrics {md.version('sdmetrics')}, ctgan {md.version('ctgan')}, "
        f"rdt {md.version('rdt')}, torch {torch.__version__}, pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/sdv_tvae_report.py",
    record=(
        "TVAESynthesizer.get_loss_values(); QualityReport / DiagnosticReport get_properties() and "
        "get_score()"
    ),
    step_kind="epoch",
    series=series,
    extra_ok=["tqdm's rate (it/s or s/it) and elapsed/remaining times of the bars"],
    not_printed=["Loss of every batch but each epoch's last"],
    notes=(
        "The TVAE's tqdm bar over 15 epochs on stderr, described 'Loss: +00.00' before the first "
        "epoch (a placeholder: not in the record) and then 'Loss: -01.23' after each epoch (the "
        "epoch's last batch loss, ctgan's _format_score: sign, zero-padded, 2 decimals); epoch "
        "= the record's 0-based Epoch. evaluate_quality() then prints 'Generating report ...', "
        "a bar per property on stdout ('(1/4) Evaluating Column Shapes: |####| 6/6 [00:00<00:00, "
        "...it/s]|': n/6 are column counts) each followed by 'Column Shapes Score: 57.56%', and "
        "'Overall Score (Average): 44.68%'; run_diagnostic() prints the same for 'Data Validity' "
        "and 'Data Structure' and its own 'Overall Score (Average): 100.0%' (so that name has two "
        "points: quality then diagnostic; no step). The percentages are score*100 rounded to 2 decimals. Properties that do not apply print '(3/4) Evaluating Cardinality: N/A' and a sentence: '(3/4)' is a position among the report's properties, not a metric. A UserWarning from SDV about saving the metadata comes first."
    ),
)
