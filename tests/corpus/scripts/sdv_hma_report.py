"""SDV multi-table HMASynthesizer (verbose by default) on two small synthetic related tables, then
sdv.evaluation.evaluate_quality() and run_diagnostic() on the synthetic tables, as SDV's
multi-table tutorial runs them.

Versions: sdv 2.0.0, sdmetrics 0.32.0, copulas 0.14.1, rdt 2.0.0, pandas 2.3.3, numpy 2.4.6, Python 3.11
(venv /work/venvs/corpus-zAI-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sdv_hma_report -- python tests/corpus/scripts/sdv_hma_report.py
    python tests/corpus/scripts/capture.py pty real_sdv_hma_report_pty -- python tests/corpus/scripts/sdv_hma_report.py
Truth: the reports' own results, QualityReport / DiagnosticReport get_properties() and
get_score(); they print each score as a percentage rounded to 2 decimals (round(score * 100,
2)): the truth is score * 100.  HMASynthesizer's bars (preprocessing, learning relationships,
modeling tables) hold no metric.
"""

import os
import sys
from importlib import metadata as md

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import pandas as pd
from sdv.evaluation import evaluate_quality, run_diagnostic
from sdv.metadata import Metadata
from sdv.multi_table import HMASynthesizer

np.random.seed(0)
rng = np.random.RandomState(2)
n_hotels, n_guests = 12, 400
hotels = pd.DataFrame(
    {
        "hotel_id": [f"H{i:02d}" for i in range(n_hotels)],
        "city": rng.choice(["Boston", "Denver", "Miami"], n_hotels),
        "rating": np.round(rng.uniform(3, 5, n_hotels), 1),
        "classification": rng.choice(["BOUTIQUE", "CHAIN"], n_hotels),
    }
)
hotel_of = rng.randint(0, n_hotels, n_guests)
guests = pd.DataFrame(
    {
        "guest_email": [f"guest{i}@example.com" for i in range(n_guests)],
        "hotel_id": hotels["hotel_id"].to_numpy()[hotel_of],
        "room_type": rng.choice(["BASIC", "DELUXE", "SUITE"], n_guests, p=[0.6, 0.3, 0.1]),
        "nights": rng.poisson(3, n_guests) + 1,
        "room_rate": np.round(
            rng.normal(120, 25, n_guests) + 20 * hotels["rating"].to_numpy()[hotel_of], 2
        ),
        "has_rewards": rng.uniform(size=n_guests) < 0.35,
    }
)
real = {"hotels": hotels, "guests": guests}
metadata = Metadata.detect_from_dataframes(real)

synthesizer = HMASynthesizer(metadata)
synthesizer.fit(real)
synthetic_data = synthesizer.sample_scale(scale=1.0)

quality_report = evaluate_quality(real, synthetic_data, metadata)
diagnostic = run_diagnostic(real, synthetic_data, metadata)

series = _truth.Series()
for report in (quality_report, diagnostic):
    skipped = report._get_skipped_properties(metadata.to_dict())
    for _, row in report.get_properties().iterrows():
        if row["Property"] not in skipped:  # skipped ones print 'N/A'; a NaN score prints 'nan%'
            series.add(f"{row['Property']} Score", None, None, row["Score"] * 100)
    series.add("Overall Score (Average)", None, None, report.get_score() * 100)

_truth.write(
    library=(
        f"sdv {md.version('sdv')} (sdmetrics {md.version('sdmetrics')}, copulas "
        f"{md.version('copulas')}, rdt {md.version('rdt')}, pandas {pd.__version__})"
    ),
    script="tests/corpus/scripts/sdv_hma_report.py",
    record="QualityReport / DiagnosticReport get_properties() and get_score()",
    step_kind="none",
    series=series,
    extra_ok=["tqdm's rate (it/s) and elapsed/remaining times of the bars"],
    not_printed=[],
    notes=(
        "HMASynthesizer.fit() draws tqdm bars over tables and foreign-key values ('Preprocess "
        "Tables: 100%|####| 2/2', 'Learning relationships:', '(1/1) Tables 'hotels' and "
        "'guests' ('hotel_id'): 100%|####| 12/12': counts of tables and parent rows; progress, "
        "not metrics) and 'Modeling Tables'. evaluate_quality() prints 'Generating report ...', "
        "a bar per property ('(1/4) Evaluating Column Shapes: |####| 9/9 [...]|': n/10 columns), "
        "each followed by 'Column Shapes Score: 89.1%', then Column Pair Trends, Cardinality, "
        "Intertable Trends ('Intertable Trends Score: nan%': the report's own NaN, a point) and 'Overall Score (Average): 74.14%' (the mean of the others); run_diagnostic() prints Data "
        "Validity, Data Structure and Relationship Validity scores, '(4/4) Evaluating Constraint "
        "Validity: N/A' / 'No constraints were provided.' and its own 'Overall Score (Average): "
        "100.0%' (that name has two points: quality then diagnostic; no step). '(k/4)' is a "
        "position among the report's properties, not a metric. Percentages are score*100 "
        "rounded to 2 decimals."
    ),
)
