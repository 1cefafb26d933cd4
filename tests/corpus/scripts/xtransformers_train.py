"""x-transformers (lucidrains): the repository's own training scripts, their loops and prints verbatim,
on synthetic data and tiny models, on the CPU.

    enwik8  train_enwik8.py: a GPT-like TransformerWrapper(Decoder) in an AutoregressiveWrapper on a
            synthetic wiki-markup byte corpus (generated here; enwik8 is not downloaded). Prints
            'training loss: 5.61...' every batch (the last of 4 accumulated micro-batches),
            'validation loss: 5.57...' every VALIDATE_EVERY, and every GENERATE_EVERY the prime as
            print(f'%s \\n\\n %s', (prime, '*' * 100)) (a tuple's repr, verbatim) then the sampled text;
            a tqdm bar 'training' (mininterval=10) on stderr.
    copy    train_copy.py: an XTransformer encoder-decoder learning to copy random token sequences.
            Prints '{i}: {loss}' every batch and every GENERATE_EVERY 'input:  ' / 'predicted output:  '
            (tensors) and 'incorrects: N'.

Truth: the script's own record. train_enwik8.py hands dict(loss=...) / dict(valid_loss=...) to
wandb.log (wandb disabled); here the same dicts go to a list in its place. train_copy.py keeps nothing:
its loop appends (i, loss.item()) and (i, incorrects) where it prints them. Step = the loop index i.

Versions: x-transformers 2.31.10, torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11. Seeds fixed; ~10 s of CPU.
Capture (repository root, venv /work/venvs/corpus-zAA-1):
    python tests/corpus/scripts/capture.py pipe real_xtransformers_enwik8 -- python tests/corpus/scripts/xtransformers_train.py enwik8
    python tests/corpus/scripts/capture.py pty real_xtransformers_enwik8_pty -- python tests/corpus/scripts/xtransformers_train.py enwik8
    python tests/corpus/scripts/capture.py pipe real_xtransformers_copy -- python tests/corpus/scripts/xtransformers_train.py copy
"""

import os
import random
import sys
from importlib.metadata import version

import numpy as np
import torch
import tqdm
from torch.utils.data import DataLoader, Dataset
from x_transformers import Decoder, TransformerWrapper, XTransformer
from x_transformers.autoregressive_wrapper import AutoregressiveWrapper

sys.path.insert(0, os.path.dirname(__file__))

import _truth

LIB = f"x-transformers {version('x-transformers')} (torch {torch.__version__})"
SCRIPT = "tests/corpus/scripts/xtransformers_train.py"


def synthetic_wiki(n_bytes, seed=0):
    """Wiki-markup-like text (titles, dates, numbers, links), like enwik8's bytes."""
    rnd = random.Random(seed)
    words = "the of and river city was in born population census album released station".split()
    out = []
    while sum(map(len, out)) < n_bytes:
        title = " ".join(rnd.choice(words).title() for _ in range(2))
        year = rnd.randint(1800, 2008)
        pop = rnd.randint(100, 99999)
        body = " ".join(rnd.choice(words) for _ in range(rnd.randint(6, 14)))
        out.append(
            f"  <page>\n    <title>{title}</title>\n    <id>{rnd.randint(1, 9999)}</id>\n"
            f"'''{title}''' {body} in {year}. The population was {pop} at the "
            f"[[{year + rnd.randint(1, 9)} census]].\n[[Category:{rnd.choice(words).title()}]]\n"
        )
    return "".join(out).encode()[:n_bytes]


def enwik8():
    NUM_BATCHES = 41
    BATCH_SIZE = 4
    GRADIENT_ACCUMULATE_EVERY = 4
    LEARNING_RATE = 1e-3
    VALIDATE_EVERY = 10
    GENERATE_EVERY = 20
    GENERATE_LENGTH = 48
    SEQ_LEN = 64

    def cycle(loader):
        while True:
            for data in loader:  # noqa: UP028 (verbatim)
                yield data

    def decode_token(token):
        return str(chr(max(32, token)))

    def decode_tokens(tokens):
        return "".join(list(map(decode_token, tokens)))

    model = TransformerWrapper(
        num_tokens=256,
        max_seq_len=SEQ_LEN,
        attn_layers=Decoder(dim=64, depth=2, heads=4, rotary_pos_emb=True),
    )
    model = AutoregressiveWrapper(model)

    data = np.frombuffer(synthetic_wiki(60_000), dtype=np.uint8).copy()
    train_x, valid_x = np.split(data, [50_000])
    data_train, data_val = torch.from_numpy(train_x), torch.from_numpy(valid_x)

    class TextSamplerDataset(Dataset):
        def __init__(self, data, seq_len):
            super().__init__()
            self.data = data
            self.seq_len = seq_len

        def __getitem__(self, index):
            rand_start = torch.randint(0, self.data.size(0) - self.seq_len - 1, (1,))
            full_seq = self.data[rand_start : rand_start + self.seq_len + 1].long()
            return full_seq

        def __len__(self):
            return self.data.size(0) // self.seq_len

    train_dataset = TextSamplerDataset(data_train, SEQ_LEN)
    val_dataset = TextSamplerDataset(data_val, SEQ_LEN)
    train_loader = cycle(DataLoader(train_dataset, batch_size=BATCH_SIZE, drop_last=True))
    val_loader = cycle(DataLoader(val_dataset, batch_size=BATCH_SIZE, drop_last=True))

    optim = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)

    logged = []  # stands where train_enwik8.py calls wandb.log (wandb disabled there)

    for i in tqdm.tqdm(range(NUM_BATCHES), mininterval=10.0, desc="training"):
        model.train()

        for __ in range(GRADIENT_ACCUMULATE_EVERY):
            loss = model(next(train_loader))
            (loss / GRADIENT_ACCUMULATE_EVERY).backward()

        print(f"training loss: {loss.item()}")
        logged.append((i, dict(loss=loss.item())))

        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
        optim.step()
        optim.zero_grad()

        if i % VALIDATE_EVERY == 0:
            model.eval()
            with torch.no_grad():
                loss = model(next(val_loader))

                print(f"validation loss: {loss.item()}")
                logged.append((i, dict(valid_loss=loss.item())))

        if i % GENERATE_EVERY == 0:
            model.eval()
            inp = random.choice(val_dataset)[:-1]
            prime = decode_tokens(inp)
            print("%s \n\n %s", (prime, "*" * 100))

            sample = model.generate(prompts=inp, seq_len=GENERATE_LENGTH, cache_kv=True)

            output_str = decode_tokens(sample)
            print(output_str)

    series = _truth.Series()
    printed = {"loss": "training loss", "valid_loss": "validation loss"}
    for i, row in logged:
        for key, value in row.items():
            series.add(printed[key], i, None, value)
    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the dicts train_enwik8.py hands to wandb.log (dict(loss=...), dict(valid_loss=...)), kept "
        "in a list in wandb's place, with the loop index i",
        step_kind="global",
        series=series,
        notes="x-transformers' train_enwik8.py loop verbatim (tiny model, 41 batches, synthetic "
        "wiki-markup bytes): 'training loss: 5.612345...' each batch (full float repr), "
        "'validation loss: ...' when i % 10 == 0, and when i % 20 == 0 the line "
        "\"%s \\n\\n %s ('<64 bytes of prime text>', '****...')\" (the script prints a tuple's repr "
        "of the prime: wiki text with years, ids and populations such as '<id>4821</id>' or 'The "
        "population was 51234 at the [[1953 census]]') and the sampled text, which holds the same kind "
        "of numbers: none of them is a metric. A tqdm bar 'training:  0%|  | 0/41' on stderr "
        "(mininterval=10, so few redraws). The training loss printed is the last of the 4 accumulated "
        "micro-batches' losses.",
    )


def copy():
    NUM_BATCHES = 60
    BATCH_SIZE = 32
    LEARNING_RATE = 3e-4 * 10
    GENERATE_EVERY = 20
    NUM_TOKENS = 16 + 2
    ENC_SEQ_LEN = 8
    DEC_SEQ_LEN = 16 + 1

    def cycle():
        while True:
            prefix = torch.ones((BATCH_SIZE, 1)).long()
            src = torch.randint(2, NUM_TOKENS, (BATCH_SIZE, ENC_SEQ_LEN)).long()
            tgt = torch.cat((prefix, src, src), 1)
            src_mask = torch.ones(BATCH_SIZE, src.shape[1]).bool()
            yield (src, tgt, src_mask)

    model = XTransformer(
        dim=64,
        tie_token_emb=True,
        return_tgt_loss=True,
        enc_num_tokens=NUM_TOKENS,
        enc_depth=2,
        enc_heads=4,
        enc_max_seq_len=ENC_SEQ_LEN,
        dec_num_tokens=NUM_TOKENS,
        dec_depth=2,
        dec_heads=4,
        dec_max_seq_len=DEC_SEQ_LEN,
    )

    optim = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)

    series = _truth.Series()
    for i in tqdm.tqdm(range(NUM_BATCHES), mininterval=10.0, desc="training"):
        model.train()

        src, tgt, src_mask = next(cycle())

        loss = model(src, tgt, mask=src_mask)
        loss.backward()
        print(f"{i}: {loss.item()}")
        series.add("value", i, None, loss.item())

        optim.step()
        optim.zero_grad()

        if i != 0 and i % GENERATE_EVERY == 0:
            model.eval()
            src, _, src_mask = next(cycle())
            src, src_mask = src[:1], src_mask[:1]
            start_tokens = (torch.ones((1, 1)) * 1).long()

            sample = model.generate(src, start_tokens, ENC_SEQ_LEN, mask=src_mask)
            incorrects = (src != sample).long().abs().sum()

            print("input:  ", src)
            print("predicted output:  ", sample)
            print(f"incorrects: {incorrects}")
            series.add("incorrects", i, None, int(incorrects))

    _truth.write(
        library=LIB,
        script=SCRIPT,
        record="the loss.item() and incorrects the loop of train_copy.py prints, appended where printed "
        "(x-transformers keeps no history)",
        step_kind="global",
        series=series,
        notes="x-transformers' train_copy.py loop verbatim (tiny XTransformer, 60 batches, sequences of "
        "8 random tokens to copy): one line per batch '{i}: {loss}' ('0: 2.9931...': the loop index, a "
        "colon, the full float repr of the loss with no name printed: truth 'value'), and when i is a "
        "non-zero multiple of 20: 'input:   tensor([[ 5, 12, ...]])', 'predicted output:   "
        "tensor([[...]])' (token ids, not metrics) and 'incorrects: 7' (the number of wrongly copied "
        "tokens of the one sample: the task's evaluation result). A tqdm bar 'training' on stderr.",
    )


if __name__ == "__main__":
    random.seed(0)
    torch.manual_seed(0)
    {"enwik8": enwik8, "copy": copy}[sys.argv[1]]()
