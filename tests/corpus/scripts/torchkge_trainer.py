"""TorchKGE: the documentation's 'shortest training' loop (TransE + MarginLoss + Bernoulli negative
sampling, a tqdm epoch bar whose description carries the mean loss) on a tiny synthetic knowledge
graph (no dataset download), then the link-prediction evaluator's print_results(k=[1, 3, 10])
and triplet classification's accuracy, as the docs print them. (torchkge 0.17.7's own
Trainer.run() fails before its first epoch - TrainDataLoader.get_counter_examples() reads an
iterator not made yet - so the docs' hand loop is the way the library trains.)

Output: 'Epoch 3 | mean loss: 0.41234' as the bar's description each epoch, the
'Link prediction evaluation' bar (batches), then 'Hit@1 : 0.1 \t\t Filt. Hit@1 : 0.2' per k,
'Mean Rank : 9 \t Filt. Mean Rank : 7', 'MRR : 0.2 \t\t Filt. MRR : 0.3', and the docs' line
'Accuracy on test set: 0.7'.

Truth: the per-epoch mean loss the loop formats (running_loss / len(dataloader), kept at full
precision beside the print: the docs' loop keeps no other record); the evaluation figures from
the evaluator's own methods (hit_at_k, mean_rank, mrr) and TripletClassificationEvaluator.accuracy.

Versions: torchkge 0.17.7, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; a few s CPU.
Capture (repository root, venv /work/venvs/corpus-zAM-1: pip install torch==2.13.0; pip install
torchkge fuxictr):
    python tests/corpus/scripts/capture.py pipe real_torchkge_trainer -- python tests/corpus/scripts/torchkge_trainer.py
    python tests/corpus/scripts/capture.py pty real_torchkge_trainer_pty -- python tests/corpus/scripts/torchkge_trainer.py
"""

import os
import sys
from importlib import metadata

import numpy as np
import pandas as pd
import torch
import torchkge
from torch.optim import Adam
from torchkge.data_structures import KnowledgeGraph
from torchkge.evaluation import LinkPredictionEvaluator, TripletClassificationEvaluator
from torchkge.models import TransEModel
from torchkge.sampling import BernoulliNegativeSampler
from torchkge.utils import DataLoader, MarginLoss
from tqdm.autonotebook import tqdm

sys.path.insert(0, os.path.dirname(__file__))

import _truth

torch.manual_seed(0)
np.random.seed(0)

# --- a synthetic knowledge graph ---------------------------------------------------------------
rng = np.random.default_rng(0)
rows = set()
for i in range(80):
    g = i // 10
    for _ in range(4):
        rows.add((f"e{i}", "r0", f"e{g * 10 + rng.integers(10)}"))
        rows.add((f"e{i}", "r1", f"e{((g + 1) % 8) * 10 + rng.integers(10)}"))
    rows.add((f"e{i}", f"r{2 + rng.integers(2)}", f"e{rng.integers(80)}"))
df = pd.DataFrame(sorted(rows), columns=["from", "rel", "to"])
kg = KnowledgeGraph(df=df)
kg_train, kg_val, kg_test = kg.split_kg(share=0.8, validation=True)

# --- the docs' shortest training loop -----------------------------------------------------------
emb_dim, lr, margin, n_epochs, b_size = 32, 0.01, 0.5, 25, 128
model = TransEModel(emb_dim, kg_train.n_ent, kg_train.n_rel, dissimilarity_type="L2")
criterion = MarginLoss(margin)
optimizer = Adam(model.parameters(), lr=lr, weight_decay=1e-5)
sampler = BernoulliNegativeSampler(kg_train)
dataloader = DataLoader(kg_train, batch_size=b_size)
epoch_means = []

iterator = tqdm(range(n_epochs), unit="epoch")
for epoch in iterator:
    running_loss = 0.0
    for batch in dataloader:
        h, t, r = batch[0], batch[1], batch[2]
        n_h, n_t = sampler.corrupt_batch(h, t, r)
        optimizer.zero_grad()
        pos, neg = model(h, t, r, n_h, n_t)
        loss = criterion(pos, neg)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    epoch_means.append(running_loss / len(dataloader))
    iterator.set_description(f"Epoch {epoch + 1} | mean loss: {running_loss / len(dataloader):.5f}")
model.normalize_parameters()

evaluator = LinkPredictionEvaluator(model, kg_test)
evaluator.evaluate(b_size=32)
evaluator.print_results(k=[1, 3, 10])

classifier = TripletClassificationEvaluator(model, kg_val, kg_test)
classifier.evaluate(b_size=128)
accuracy = classifier.accuracy(b_size=128)
print(f"Accuracy on test set: {accuracy}")

# --- truth -------------------------------------------------------------------------------------
series = _truth.Series()
for epoch, mean in enumerate(epoch_means, start=1):
    series.add("mean loss", epoch, epoch, mean)
for k in (1, 3, 10):
    raw, filt = evaluator.hit_at_k(k=k)
    series.add(f"Hit@{k}", None, None, raw)
    series.add(f"Filt. Hit@{k}", None, None, filt)
mr, filt_mr = evaluator.mean_rank()
series.add("Mean Rank", None, None, int(mr))
series.add("Filt. Mean Rank", None, None, int(filt_mr))
mrr, filt_mrr = evaluator.mrr()
series.add("MRR", None, None, mrr)
series.add("Filt. MRR", None, None, filt_mrr)
series.add("Accuracy on test set", None, None, accuracy)

_truth.write(
    library=f"torchkge {torchkge.__version__} (torch {torch.__version__}, tqdm {metadata.version('tqdm')})",
    script="tests/corpus/scripts/torchkge_trainer.py",
    record=(
        "mean loss: the docs' loop's running_loss / len(dataloader) per epoch, kept beside the "
        "print (the loop's own figure); evaluation: LinkPredictionEvaluator.hit_at_k / "
        "mean_rank / mrr, TripletClassificationEvaluator.accuracy"
    ),
    step_kind="epoch",
    series=series,
    extra_ok=["tqdm rates (s/epoch, epoch/s, batch/s) of the training and evaluation bars"],
    not_printed=[],
    notes=(
        f"Knowledge graph of {kg.n_facts} facts, {kg.n_ent} entities, {kg.n_rel} relations (not "
        "printed). The training bar's description is 'Epoch 3 | mean loss: 0.41234' ('Epoch N' "
        "is the 1-based epoch of the value, 'mean loss' the series), its count '3/25' the same "
        "epoch; the evaluation bar is 'Link prediction evaluation: 100%|...| 2/2 [...]' (batches, "
        "no metric). print_results prints raw and filtered figures on one line separated by tabs: "
        "'Hit@10 : 0.5 \\t\\t Filt. Hit@10 : 0.6' -> series 'Hit@10' and 'Filt. Hit@10' (rounded "
        "to 3 digits as printed; the truth is at full precision). 'Mean Rank : 9 \\t Filt. Mean "
        "Rank : 7': TorchKGE prints int(mean_rank), a truncation; the truth holds the printed "
        "integers (the records are "
        f"{mr!r} and {filt_mr!r}). 'Accuracy on test set: 0.7...' is the script's docs-style "
        "print of the triplet classification accuracy (full float repr). No steps: the "
        "evaluation figures are single values."
    ),
)
