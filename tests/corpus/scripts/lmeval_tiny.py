# lm-evaluation-harness (`lm_eval --model hf ...`) on a tiny randomly initialised GPT-2 (2 layers,
# n_embd 32) and a BPE tokenizer trained here on synthetic sentences, both saved to a local dir
# (no download), evaluated on two custom task YAMLs read from a local --include_path with local
# JSON data (dataset_path: json): a multiple-choice task (acc, acc_norm) and a rolling-loglikelihood
# perplexity task (word_perplexity, byte_perplexity, bits_per_byte).
# Printed as users see them: lm_eval's INFO/WARNING log lines (model args, task building,
# request counts), its tqdm bars, then the run header line and the markdown results table
# (Tasks|Version|Filter|n-shot|Metric| |Value| |Stderr).
# Truth: the results JSON lm_eval writes with --output_path (results[task]["<metric>,none"] and
# "<metric>_stderr,none"), lm_eval's own record of the table.
# lm_eval 0.4.13, transformers 5.25.0, accelerate 1.16.0, datasets 5.2.0, torch 2.13.0+cpu
# (venv corpus-zAT-3: pip install torch==2.13.0 && pip install lm-eval transformers accelerate).
# Captures (from the repo root; the venv's bin/ on PATH for `lm_eval`):
#   PATH=/work/venvs/corpus-zAT-3/bin:$PATH python tests/corpus/scripts/capture.py pipe \
#       real_lmeval_tiny_tasks -- /work/venvs/corpus-zAT-3/bin/python tests/corpus/scripts/lmeval_tiny.py
#   PATH=/work/venvs/corpus-zAT-3/bin:$PATH python tests/corpus/scripts/capture.py pty \
#       real_lmeval_tiny_tasks_pty -- /work/venvs/corpus-zAT-3/bin/python tests/corpus/scripts/lmeval_tiny.py
#   PATH=/work/venvs/corpus-zAT-3/bin:$PATH python tests/corpus/scripts/capture.py pipe \
#       real_lmeval_group_fewshot -- /work/venvs/corpus-zAT-3/bin/python tests/corpus/scripts/lmeval_tiny.py --variant group
#   PATH=/work/venvs/corpus-zAT-3/bin:$PATH python tests/corpus/scripts/capture.py pty \
#       real_lmeval_group_fewshot_pty -- /work/venvs/corpus-zAT-3/bin/python tests/corpus/scripts/lmeval_tiny.py --variant group
import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import torch
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

WORDS = "the a cat dog bird sat ran flew on under over mat log tree fast slow red blue big small".split()
COLOURS = ["red", "blue", "green", "black"]

MC_YAML = """task: tiny_colours
dataset_path: json
dataset_kwargs:
  data_files:
    test: {data}
test_split: test
fewshot_split: test
output_type: multiple_choice
doc_to_text: "{{{{question}}}}"
doc_to_choice: "{{{{choices}}}}"
doc_to_target: label
metric_list:
  - metric: acc
    aggregation: mean
    higher_is_better: true
  - metric: acc_norm
    aggregation: mean
    higher_is_better: true
metadata:
  version: 1.0
"""

YESNO_YAML = """task: tiny_yesno
dataset_path: json
dataset_kwargs:
  data_files:
    test: {data}
test_split: test
fewshot_split: test
output_type: multiple_choice
doc_to_text: "{{{{question}}}} Answer:"
doc_to_choice: [" no", " yes"]
doc_to_target: label
metric_list:
  - metric: acc
    aggregation: mean
    higher_is_better: true
metadata:
  version: 1.0
"""

GROUP_YAML = """group: tiny_suite
task:
  - tiny_colours
  - tiny_yesno
aggregate_metric_list:
  - metric: acc
    aggregation: mean
    weight_by_size: true
metadata:
  version: 1.0
"""

PPL_YAML = """task: tiny_stories_ppl
dataset_path: json
dataset_kwargs:
  data_files:
    test: {data}
test_split: test
output_type: loglikelihood_rolling
doc_to_text: ""
doc_to_target: "{{{{text}}}}"
metric_list:
  - metric: word_perplexity
  - metric: byte_perplexity
  - metric: bits_per_byte
metadata:
  version: 2.0
"""


def sentences(n, seed):
    r = random.Random(seed)
    return [" ".join(r.choice(WORDS) for _ in range(r.randint(5, 12))) + "." for _ in range(n)]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--variant", choices=["tasks", "group"], default="tasks")
    a = p.parse_args()
    os.makedirs("/tmp/corpus-zAT", exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="lmeval_", dir="/tmp/corpus-zAT")
    model_dir = os.path.join(tmp, "tiny-gpt2")
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.train_from_iterator(
        sentences(500, 0) + ["The colour of the sky is " + c for c in COLOURS],
        trainers.BpeTrainer(
            vocab_size=300,
            special_tokens=["<|endoftext|>", "<unk>"],
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
            show_progress=False,
        ),
    )
    from tokenizers import decoders

    tok.decoder = decoders.ByteLevel()
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        eos_token="<|endoftext|>",
        bos_token="<|endoftext|>",
        unk_token="<unk>",
    )
    fast.save_pretrained(model_dir)
    torch.manual_seed(0)
    cfg = GPT2Config(
        vocab_size=len(fast),
        n_positions=128,
        n_embd=32,
        n_layer=2,
        n_head=2,
        bos_token_id=fast.bos_token_id,
        eos_token_id=fast.eos_token_id,
    )
    GPT2LMHeadModel(cfg).save_pretrained(model_dir)

    tasks = os.path.join(tmp, "tasks")
    os.makedirs(tasks)
    r = random.Random(1)
    mc = []
    for _ in range(40):
        thing = r.choice(["sky", "cat", "dog", "mat", "tree"])
        label = r.randrange(len(COLOURS))
        mc.append(
            {
                "question": f"The colour of the {thing} is",
                "choices": [" " + c for c in COLOURS],
                "label": label,
            }
        )
    with open(os.path.join(tasks, "colours.json"), "w") as fh:
        json.dump(mc, fh)
    with open(os.path.join(tasks, "stories.json"), "w") as fh:
        json.dump([{"text": t} for t in sentences(24, 2)], fh)
    with open(os.path.join(tasks, "tiny_colours.yaml"), "w") as fh:
        fh.write(MC_YAML.format(data=os.path.join(tasks, "colours.json")))
    with open(os.path.join(tasks, "tiny_stories_ppl.yaml"), "w") as fh:
        fh.write(PPL_YAML.format(data=os.path.join(tasks, "stories.json")))

    yn = []
    for _ in range(30):
        w = r.choice(WORDS)
        yn.append({"question": f"Is {w} a word?", "label": r.randrange(2)})
    with open(os.path.join(tasks, "yesno.json"), "w") as fh:
        json.dump(yn, fh)
    with open(os.path.join(tasks, "tiny_yesno.yaml"), "w") as fh:
        fh.write(YESNO_YAML.format(data=os.path.join(tasks, "yesno.json")))
    with open(os.path.join(tasks, "tiny_suite.yaml"), "w") as fh:
        fh.write(GROUP_YAML)
    if a.variant == "tasks":
        task_args = ["--tasks", "tiny_colours,tiny_stories_ppl"]
    else:
        task_args = ["--tasks", "tiny_suite", "--num_fewshot", "2"]
    out = os.path.join(tmp, "results")
    sys.stdout.flush()
    exe = shutil.which("lm_eval") or os.path.join(os.path.dirname(sys.executable), "lm_eval")
    subprocess.run(
        [
            exe,
            "--model",
            "hf",
            "--model_args",
            f"pretrained={model_dir},dtype=float32",
            *task_args,
            "--include_path",
            tasks,
            "--device",
            "cpu",
            "--batch_size",
            "8",
            "--output_path",
            out,
            "--seed",
            "0",
        ],
        check=True,
    )
    (res,) = glob.glob(os.path.join(out, "**", "results_*.json"), recursive=True)
    with open(res) as fh:
        dump = json.load(fh)
    results = dump["results"]
    s = _truth.Series()

    def add_rows(task, prefix):
        for key, v in results[task].items():
            if key.endswith(",none") and not key.split(",")[0].endswith("_stderr"):
                name = key.split(",")[0]
                s.add(prefix + name, None, None, v)
                se = results[task].get(f"{name}_stderr,none")
                if isinstance(se, (int, float)):
                    s.add(f"{prefix}{name}/Stderr", None, None, se)

    if a.variant == "tasks":
        for task in ("tiny_colours", "tiny_stories_ppl"):
            add_rows(task, task + "/")  # (named by the row's task, as the group variant is)
    else:
        # main table: the group row, then its tasks (alias ' - tiny_colours'), then the Groups table
        for task in ("tiny_suite", "tiny_colours", "tiny_yesno", "tiny_suite"):
            add_rows(task, task + "/")
    _truth.write(
        library="lm_eval 0.4.13 (transformers 5.25.0)",
        script="tests/corpus/scripts/lmeval_tiny.py",
        record="lm_eval's results JSON (--output_path .../results_<time>.json), key results[task]",
        step_kind="none",
        series=s,
        extra_ok=[],
        not_printed=[
            "alias",
            "samples",
            "n-samples",
            "configs",
            "versions (printed in the table's Version column)",
        ],
        notes=NOTES[a.variant],
    )


NOTES = {
    "tasks": (
        "One row per metric in the markdown table: `|tiny_colours    |      1|none  |     0|acc            |↑  "
        "|0.2750|±  |0.0715|`: Version, n-shot are configuration; Value is the metric, recorded under "
        "the Metric column's name under the row's task (`tiny_colours/acc`, as in the group "
        "variant); the Stderr column is recorded under `<task>/<metric>/Stderr` "
        "(results `<metric>_stderr,none`); the perplexity metrics print `N/A` for Stderr and have no "
        "stderr series. The run header `hf ({'pretrained': ..., 'dtype': 'float32'}), gen_kwargs: ..., "
        "limit: None, num_fewshot: None, batch_size: 8` and the log lines (request counts, model "
        "args, seed values) are configuration and counts."
    ),
    "group": (
        "`--tasks tiny_suite --num_fewshot 2`: a group of two multiple-choice tasks that both report "
        "`acc`. The main table prints the group row `|tiny_suite     |      1|none  |     2|acc     |↑  "
        "|0.4714|±  |0.0581|` then its tasks as ` - tiny_colours` / ` - tiny_yesno` rows with the same "
        "Metric name `acc` (n-shot 2); a second `|  Groups  |Version|...` table repeats the group row. "
        "Series are named `<task>/<metric>` and `<task>/<metric>/Stderr` (Value and Stderr columns of "
        "that task's row): three different `acc` values are printed, one per task and one for the group "
        "(the size-weighted mean), and the group's is printed twice (both tables), so `tiny_suite/acc` "
        "has two points. Storing the three under one `acc` series merges different quantities. The "
        "run header line and the log lines (request counts, logger names with source line numbers such "
        "as `[api.task:312]`) are configuration and counts."
    ),
}


if __name__ == "__main__":
    main()
