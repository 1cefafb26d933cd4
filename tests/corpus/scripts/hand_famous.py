"""Hand-written training loops printing exactly like the most copied public training scripts.

Each style re-creates one well-known script's print statements (format strings written from the
originals, nothing downloaded) around a tiny real PyTorch model trained on synthetic data, so
the printed numbers are real training numbers. The script keeps every value it printed, at full
precision, as its own record (the ground truth).
Versions: torch 2.13.0+cpu, numpy 2.4.6, Python 3.11 (venv /work/venvs/torch-e).
Capture (repository root, venv active), one entry per style:
    python tests/corpus/scripts/capture.py pipe real_hand_mnist_example -- python tests/corpus/scripts/hand_famous.py mnist
    python tests/corpus/scripts/capture.py pipe real_hand_word_lm_example -- python tests/corpus/scripts/hand_famous.py wordlm
    python tests/corpus/scripts/capture.py pipe real_hand_dcgan_tutorial -- python tests/corpus/scripts/hand_famous.py dcgan
    python tests/corpus/scripts/capture.py pipe real_hand_pytorch_gan -- python tests/corpus/scripts/hand_famous.py pytorch_gan
    python tests/corpus/scripts/capture.py pipe real_hand_llm_from_scratch -- python tests/corpus/scripts/hand_famous.py llm_scratch
    python tests/corpus/scripts/capture.py pipe real_hand_build_nanogpt -- python tests/corpus/scripts/hand_famous.py nanogpt
    python tests/corpus/scripts/capture.py pipe real_hand_bentrevett -- python tests/corpus/scripts/hand_famous.py bentrevett
(Keras' "training loop from scratch" guide is already in the corpus: real_tf_guide_loop.)
None of these scripts draws a bar, so a terminal capture would only change '\\n' to '\\r\\n'.
"""

from __future__ import annotations

import copy
import math
import os
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record

style = sys.argv[1]
rec = Record()
torch.manual_seed(0)
torch.set_num_threads(1)
G = torch.Generator().manual_seed(0)

# A small English vocabulary for the language-model styles: the generated samples they print are
# words, as a real tokenizer's decode gives.
WORDS = (
    "the a of and to in was he his it that had I you her with for at as on but not be "
    "every effort moves Hello , I'm language model . said would could picture painting Jack "
    "Gisburn always thought rather cheap genius though good fellow enough so it was no great "
    "surprise me hear height glory dropped painting married rich widow settled villa Riviera"
).split()
V = len(WORDS)


def word_stream(n: int, seed: int) -> torch.Tensor:
    """A token stream from a sparse Markov chain over WORDS (each word has 3 likely successors)."""
    g = torch.Generator().manual_seed(seed)
    nxt = torch.randint(0, V, (V, 3), generator=torch.Generator().manual_seed(7))
    out = torch.empty(n, dtype=torch.long)
    t = 0
    for k in range(n):
        out[k] = t
        r = torch.rand((), generator=g).item()
        t = (
            int(nxt[t, 0 if r < 0.6 else 1 if r < 0.85 else 2])
            if r < 0.95
            else int(torch.randint(0, V, (), generator=g))
        )
    return out


def decode(ids) -> str:
    text = ""
    for i in ids:
        w = WORDS[int(i)]
        text += w if (not text or w in ",.") else " " + w
    return text


class Block(nn.Module):
    """One GPT block (causal self-attention + MLP), as in nanoGPT, tiny."""

    def __init__(self, d: int, heads: int):
        super().__init__()
        self.ln_1, self.ln_2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.c_attn, self.c_proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
        self.heads = heads

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.c_attn(self.ln_1(x)).split(d, dim=2)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.c_proj(y.transpose(1, 2).reshape(b, t, d))
        return x + self.mlp(self.ln_2(x))


class GPT(nn.Module):
    def __init__(self, d: int = 32, heads: int = 2, block: int = 32):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(V, d), nn.Embedding(block, d)
        self.h = Block(d, heads)
        self.ln_f = nn.LayerNorm(d)
        self.lm_head = nn.Linear(d, V, bias=False)
        self.block = block

    def forward(self, idx):
        pos = torch.arange(idx.shape[1])
        return self.lm_head(self.ln_f(self.h(self.wte(idx) + self.wpe(pos))))


def lm_batches(stream: torch.Tensor, ctx: int, batch: int):
    """Non-overlapping (input, target) windows of ctx tokens, batched, last partial batch dropped."""
    xs = [stream[i : i + ctx] for i in range(0, len(stream) - ctx - 1, ctx)]
    ys = [stream[i + 1 : i + ctx + 1] for i in range(0, len(stream) - ctx - 1, ctx)]
    n = len(xs) // batch
    return [
        (torch.stack(xs[k * batch : (k + 1) * batch]), torch.stack(ys[k * batch : (k + 1) * batch]))
        for k in range(n)
    ]


def classification(n: int, dim: int, classes: int, seed: int):
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(dim, classes, generator=g)
    x = torch.randn(n, dim, generator=g)
    y = (x @ w + 1.5 * torch.randn(n, classes, generator=g)).argmax(1)
    return x, y


NOTES: dict[str, str] = {}
EXTRA: dict[str, list[str]] = {}
KIND: dict[str, str] = {}


# ---------------------------------------------------------------- 1. pytorch/examples mnist/main.py
def mnist():
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1, self.dropout, self.fc2 = (
                nn.Linear(64, 128),
                nn.Dropout(0.25),
                nn.Linear(128, 10),
            )

        def forward(self, x):
            return F.log_softmax(self.fc2(self.dropout(F.relu(self.fc1(x)))), dim=1)

    x, y = classification(1920 + 480, 64, 10, 1)
    train_x, train_y, test_x, test_y = x[:1920], y[:1920], x[1920:], y[1920:]
    batch_size, log_interval, epochs = 64, 10, 3
    n_batches = len(train_x) // batch_size  # 30
    model = Net()
    optimizer = torch.optim.Adadelta(model.parameters(), lr=1.0)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.7)
    step = 0
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(len(train_x), generator=G)
        for batch_idx in range(n_batches):
            idx = order[batch_idx * batch_size : (batch_idx + 1) * batch_size]
            data, target = train_x[idx], train_y[idx]
            optimizer.zero_grad()
            output = model(data)
            loss = F.nll_loss(output, target)
            loss.backward()
            optimizer.step()
            step += 1
            if batch_idx % log_interval == 0:
                print(
                    "Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}".format(
                        epoch,
                        batch_idx * len(data),
                        len(train_x),
                        100.0 * batch_idx / n_batches,
                        rec("Train Loss", step, epoch, loss.item()),
                    )
                )
        model.eval()
        test_loss, correct = 0.0, 0
        with torch.no_grad():
            for k in range(0, len(test_x), 1000):
                output = model(test_x[k : k + 1000])
                test_loss += F.nll_loss(output, test_y[k : k + 1000], reduction="sum").item()
                pred = output.argmax(dim=1, keepdim=True)
                correct += pred.eq(test_y[k : k + 1000].view_as(pred)).sum().item()
        test_loss /= len(test_x)
        print(
            "\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n".format(
                rec("Test set Average loss", step, epoch, test_loss),
                correct,
                len(test_x),
                rec("Test set Accuracy", step, epoch, 100.0 * correct / len(test_x)),
            )
        )
        scheduler.step()


NOTES["mnist"] = (
    "PyTorch's official MNIST example (pytorch/examples mnist/main.py), its two print statements "
    "verbatim: 'Train Epoch: 1 [640/1920 (33%)]\\tLoss: 0.123456' every 10 batches (batch_idx "
    "counts from 0; the bracket is samples seen before the batch / dataset size and the percent of "
    "the epoch: no metric), and after each epoch '\\nTest set: Average loss: 0.0480, Accuracy: "
    "401/480 (84%)\\n' (a blank line either side). The truth's step is the global optimizer step "
    "the script counts (1-based, 30 per epoch: the printed batch_idx 10 of epoch 2 is step 41), "
    "the epoch the printed one; test values at the epoch's last step. Series are named by the "
    "line's label and the value's name, as in real_fabric_print (the same shape through Fabric): "
    "'Train Loss', 'Test set Average loss', 'Test set Accuracy'. 'Test set Accuracy' is the "
    "printed percent (100 x correct / 480, printed rounded to an integer); 401/480 is the count "
    "of correct test samples over the test-set size, not a metric. Model: a small MLP on "
    "synthetic 64-d 10-class data (Adadelta lr 1.0, StepLR gamma 0.7, as the example)."
)
EXTRA["mnist"] = []
KIND["mnist"] = "global"


# ------------------------------------------------------- 2. pytorch/examples word_language_model
def wordlm():
    class RNNModel(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder, self.rnn = nn.Embedding(V, 32), nn.LSTM(32, 32)
            self.decoder = nn.Linear(32, V)

        def forward(self, inp, hidden):
            out, hidden = self.rnn(self.encoder(inp), hidden)
            return self.decoder(out), hidden

    def batchify(data, bsz):
        nbatch = data.size(0) // bsz
        return data[: nbatch * bsz].view(bsz, -1).t().contiguous()

    bptt, bsz, eval_bsz, log_interval, clip, epochs = 35, 20, 10, 10, 0.25, 3
    train_data = batchify(word_stream(2101 * 20, 1), bsz)
    val_data = batchify(word_stream(4000, 2), eval_bsz)
    test_data = batchify(word_stream(4000, 3), eval_bsz)
    model = RNNModel()
    criterion = nn.NLLLoss()
    lr = 20.0
    n_batches = len(train_data) // bptt

    def get_batch(source, i):
        seq_len = min(bptt, len(source) - 1 - i)
        return source[i : i + seq_len], source[i + 1 : i + 1 + seq_len].reshape(-1)

    def repackage(h):
        return tuple(v.detach() for v in h)

    def evaluate(data_source):
        model.eval()
        total_loss = 0.0
        hidden = (torch.zeros(1, eval_bsz, 32), torch.zeros(1, eval_bsz, 32))
        with torch.no_grad():
            for i in range(0, data_source.size(0) - 1, bptt):
                data, targets = get_batch(data_source, i)
                output, hidden = model(data, hidden)
                output = F.log_softmax(output.view(-1, V), dim=1)
                total_loss += len(data) * criterion(output, targets).item()
        return total_loss / (len(data_source) - 1)

    step = 0
    best_val_loss = None
    best_state = None
    for epoch in range(1, epochs + 1):
        epoch_start_time = time.time()
        model.train()
        total_loss = 0.0
        start_time = time.time()
        hidden = (torch.zeros(1, bsz, 32), torch.zeros(1, bsz, 32))
        for batch, i in enumerate(range(0, train_data.size(0) - 1, bptt)):
            data, targets = get_batch(train_data, i)
            model.zero_grad()
            hidden = repackage(hidden)
            output, hidden = model(data, hidden)
            loss = criterion(F.log_softmax(output.view(-1, V), dim=1), targets)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
            for p in model.parameters():
                p.data.add_(p.grad, alpha=-lr)
            step += 1
            total_loss += loss.item()
            if batch % log_interval == 0 and batch > 0:
                cur_loss = total_loss / log_interval
                elapsed = time.time() - start_time
                print(
                    "| epoch {:3d} | {:5d}/{:5d} batches | lr {:02.2f} | ms/batch {:5.2f} | "
                    "loss {:5.2f} | ppl {:8.2f}".format(
                        epoch,
                        batch,
                        n_batches,
                        rec("lr", step, epoch, lr),
                        elapsed * 1000 / log_interval,
                        rec("loss", step, epoch, cur_loss),
                        rec("ppl", step, epoch, math.exp(cur_loss)),
                    )
                )
                total_loss = 0
                start_time = time.time()
        val_loss = evaluate(val_data)
        print("-" * 89)
        print(
            "| end of epoch {:3d} | time: {:5.2f}s | valid loss {:5.2f} | valid ppl {:8.2f}".format(
                epoch,
                (time.time() - epoch_start_time),
                rec("valid loss", step, epoch, val_loss),
                rec("valid ppl", step, epoch, math.exp(val_loss)),
            )
        )
        print("-" * 89)
        if not best_val_loss or val_loss < best_val_loss:
            best_state = copy.deepcopy(model.state_dict())
            best_val_loss = val_loss
        else:
            lr /= 4.0
    model.load_state_dict(best_state)
    test_loss = evaluate(test_data)
    print("=" * 89)
    print(
        "| End of training | test loss {:5.2f} | test ppl {:8.2f}".format(
            rec("test loss", step, None, test_loss),
            rec("test ppl", step, None, math.exp(test_loss)),
        )
    )
    print("=" * 89)


NOTES["wordlm"] = (
    "PyTorch's word_language_model example (pytorch/examples word_language_model/main.py), its "
    "print statements verbatim: '| epoch   1 |    10/   60 batches | lr 20.00 | ms/batch 12.34 | "
    "loss  3.21 | ppl    24.87' every 10 batches (batch counts from 0 and is printed when "
    "batch % 10 == 0 and batch > 0; 60 is the number of batches per epoch, not a metric), after "
    "each epoch the '-' * 89 framed '| end of epoch   1 | time:  0.80s | valid loss  3.10 | valid "
    "ppl    22.20', and at the end the '=' * 89 framed '| End of training | test loss  3.05 | "
    "test ppl    21.10'. The truth's step is the global optimizer step the script counts (60 "
    "per epoch; printed batch 10 of epoch 2 is step 71), the epoch the printed one; the epoch's "
    "valid values at its last step, the test values at the final step with no epoch. 'loss' is "
    "the mean batch loss since the last print (the example divides by log_interval even over its "
    "first window of 11 batches; kept as printed), 'ppl' = exp of it; 'lr' is the SGD learning "
    "rate used, divided by 4 when the validation loss does not improve. 'ms/batch' and the "
    "epoch's 'time' are timings (extra_ok). Model: a small LSTM LM on a synthetic Markov word "
    "stream (vocabulary 66)."
)
EXTRA["wordlm"] = ["ms/batch (time per batch)", "time (the epoch's wall time, s)"]
KIND["wordlm"] = "global"


# -------------------------------------------------- 3. PyTorch DCGAN tutorial (dcgan_faces_tutorial)
def gan_nets(nz: int, data_dim: int):
    class Generator(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Linear(nz, 32), nn.BatchNorm1d(32), nn.ReLU(True), nn.Linear(32, data_dim)
            )

        def forward(self, z):
            return self.main(z)

    class Discriminator(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Linear(data_dim, 32),
                nn.LeakyReLU(0.2, inplace=True),
                nn.Linear(32, 1),
                nn.Sigmoid(),
            )

        def forward(self, x):
            return self.main(x).view(-1)

    return Generator(), Discriminator()


def real_samples(n: int, seed: int) -> torch.Tensor:
    """A ring of 8 Gaussians in 2-D (the usual toy GAN target)."""
    g = torch.Generator().manual_seed(seed)
    k = torch.randint(0, 8, (n,), generator=g).float() * (2 * math.pi / 8)
    return torch.stack([2 * torch.cos(k), 2 * torch.sin(k)], 1) + 0.1 * torch.randn(
        n, 2, generator=g
    )


def dcgan():
    manualSeed = 999
    print("Random Seed: ", manualSeed)
    torch.manual_seed(manualSeed)
    nz, batch_size, num_epochs = 8, 32, 5
    data = real_samples(120 * batch_size, 1)
    n_batches = len(data) // batch_size  # 120
    netG, netD = gan_nets(nz, 2)
    print(netG)
    print(netD)
    criterion = nn.BCELoss()
    fixed_noise = torch.randn(64, nz)
    real_label, fake_label = 1.0, 0.0
    optimizerD = torch.optim.Adam(netD.parameters(), lr=0.0002, betas=(0.5, 0.999))
    optimizerG = torch.optim.Adam(netG.parameters(), lr=0.0002, betas=(0.5, 0.999))
    img_list, G_losses, D_losses = [], [], []
    iters = 0
    print("Starting Training Loop...")
    for epoch in range(num_epochs):
        order = torch.randperm(len(data), generator=G)
        for i in range(n_batches):
            real = data[order[i * batch_size : (i + 1) * batch_size]]
            netD.zero_grad()
            label = torch.full((batch_size,), real_label)
            output = netD(real)
            errD_real = criterion(output, label)
            errD_real.backward()
            D_x = output.mean().item()
            noise = torch.randn(batch_size, nz)
            fake = netG(noise)
            label.fill_(fake_label)
            output = netD(fake.detach())
            errD_fake = criterion(output, label)
            errD_fake.backward()
            D_G_z1 = output.mean().item()
            errD = errD_real + errD_fake
            optimizerD.step()
            netG.zero_grad()
            label.fill_(real_label)
            output = netD(fake)
            errG = criterion(output, label)
            errG.backward()
            D_G_z2 = output.mean().item()
            optimizerG.step()
            if i % 50 == 0:
                print(
                    "[%d/%d][%d/%d]\tLoss_D: %.4f\tLoss_G: %.4f\tD(x): %.4f\tD(G(z)): %.4f / %.4f"  # noqa: UP031 (the original)
                    % (
                        epoch,
                        num_epochs,
                        i,
                        n_batches,
                        rec("Loss_D", iters, epoch, errD.item()),
                        rec("Loss_G", iters, epoch, errG.item()),
                        rec("D(x)", iters, epoch, D_x),
                        rec("D(G(z))", iters, epoch, D_G_z1),
                        D_G_z2,
                    )
                )
            G_losses.append(errG.item())
            D_losses.append(errD.item())
            if (iters % 500 == 0) or ((epoch == num_epochs - 1) and (i == n_batches - 1)):
                with torch.no_grad():
                    img_list.append(netG(fixed_noise).detach())
            iters += 1


NOTES["dcgan"] = (
    "The PyTorch DCGAN tutorial's loop (beginner_source/dcgan_faces_tutorial.py), its print "
    "verbatim: '[0/5][50/120]\\tLoss_D: 1.3862\\tLoss_G: 0.6931\\tD(x): 0.5012\\tD(G(z)): 0.4990 / "
    "0.4987' every 50 iterations; the first bracket is epoch/num_epochs (epoch from 0), the second "
    "the batch index in the epoch (from 0) / batches per epoch. The truth's step is the "
    "tutorial's own 'iters' counter (0-based global iteration: epoch x 120 + i), its epoch the "
    "printed one (0-based). 'D(G(z))' prints two numbers: the discriminator's mean output on the "
    "fakes before its update (the truth's 'D(G(z))') and, after ' / ', after its update (the "
    "tutorial's D_G_z2; no name of its own: extra_ok). Noise before training: 'Random Seed:  999' "
    "(a seed, not a metric), the repr of the Generator and Discriminator modules (layer sizes, "
    "'negative_slope=0.2', 'eps=1e-05, momentum=0.1'), 'Starting Training Loop...'. Model: a small "
    "MLP GAN on a synthetic 2-D ring of 8 Gaussians (Adam lr 0.0002, betas (0.5, 0.999), as the "
    "tutorial)."
)
EXTRA["dcgan"] = ["D(G(z)) second value after / (D's output on the fakes after its update, D_G_z2)"]
KIND["dcgan"] = "global"


# ------------------------------------------------------ 4. eriklindernoren/PyTorch-GAN implementations/gan
def pytorch_gan():
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--n_epochs", type=int, default=3)
    parser.add_argument("--batch_size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=0.0002)
    parser.add_argument("--b1", type=float, default=0.5)
    parser.add_argument("--b2", type=float, default=0.999)
    parser.add_argument("--n_cpu", type=int, default=8)
    parser.add_argument("--latent_dim", type=int, default=8)
    parser.add_argument("--img_size", type=int, default=2)
    parser.add_argument("--channels", type=int, default=1)
    parser.add_argument("--sample_interval", type=int, default=400)
    opt = parser.parse_args([])
    print(opt)
    generator, discriminator = gan_nets(opt.latent_dim, opt.img_size)
    adversarial_loss = nn.BCELoss()
    data = real_samples(25 * opt.batch_size, 2)
    n_batches = len(data) // opt.batch_size  # 25
    optimizer_G = torch.optim.Adam(generator.parameters(), lr=opt.lr, betas=(opt.b1, opt.b2))
    optimizer_D = torch.optim.Adam(discriminator.parameters(), lr=opt.lr, betas=(opt.b1, opt.b2))
    for epoch in range(opt.n_epochs):
        order = torch.randperm(len(data), generator=G)
        for i in range(n_batches):
            imgs = data[order[i * opt.batch_size : (i + 1) * opt.batch_size]]
            valid = torch.ones(imgs.size(0))
            fake = torch.zeros(imgs.size(0))
            optimizer_G.zero_grad()
            z = torch.randn(imgs.shape[0], opt.latent_dim)
            gen_imgs = generator(z)
            g_loss = adversarial_loss(discriminator(gen_imgs), valid)
            g_loss.backward()
            optimizer_G.step()
            optimizer_D.zero_grad()
            real_loss = adversarial_loss(discriminator(imgs), valid)
            fake_loss = adversarial_loss(discriminator(gen_imgs.detach()), fake)
            d_loss = (real_loss + fake_loss) / 2
            d_loss.backward()
            optimizer_D.step()
            batches_done = epoch * n_batches + i
            print(
                "[Epoch %d/%d] [Batch %d/%d] [D loss: %f] [G loss: %f]"  # noqa: UP031 (the original)
                % (
                    epoch,
                    opt.n_epochs,
                    i,
                    n_batches,
                    rec("D loss", batches_done, epoch, d_loss.item()),
                    rec("G loss", batches_done, epoch, g_loss.item()),
                )
            )


NOTES["pytorch_gan"] = (
    "eriklindernoren/PyTorch-GAN's implementations/gan/gan.py shape (copied by most of its "
    "implementations): 'print(opt)' of the argparse Namespace first (hyper-parameters, not "
    "metrics: 'Namespace(n_epochs=3, batch_size=64, lr=0.0002, ...)'), then every batch '[Epoch "
    "0/3] [Batch 10/25] [D loss: 0.693147] [G loss: 0.693147]' (%f: six decimals). Epoch and "
    "batch count from 0; 3 and 25 are totals. The truth's step is the script's own "
    "'batches_done' (epoch x 25 + i, 0-based), its epoch the printed one (0-based). Model: a "
    "small MLP GAN on a synthetic 2-D ring of 8 Gaussians."
)
EXTRA["pytorch_gan"] = []
KIND["pytorch_gan"] = "global"


# ------------------------------------------- 5. rasbt/LLMs-from-scratch ch05 train_model_simple
def llm_scratch():
    text_tokens = word_stream(1300, 11)
    total_characters = len(decode(text_tokens))
    print("Characters:", total_characters)
    print("Tokens:", len(text_tokens))
    split = int(0.9 * len(text_tokens))
    train_loader = lm_batches(text_tokens[:split], 32, 2)
    val_loader = lm_batches(text_tokens[split:], 32, 2)
    torch.manual_seed(123)
    model = GPT()

    def calc_loss_batch(input_batch, target_batch):
        logits = model(input_batch)
        return F.cross_entropy(logits.flatten(0, 1), target_batch.flatten())

    def calc_loss_loader(loader, num_batches=None):
        num_batches = len(loader) if num_batches is None else min(num_batches, len(loader))
        total = 0.0
        for i, (x, y) in enumerate(loader):
            if i >= num_batches:
                break
            total += calc_loss_batch(x, y).item()
        return total / num_batches

    with torch.no_grad():
        train_loss = calc_loss_loader(train_loader)
        val_loss = calc_loss_loader(val_loader)
    print("Training loss:", rec("Training loss", None, None, train_loss))
    print("Validation loss:", rec("Validation loss", None, None, val_loss))

    def evaluate_model(eval_iter):
        model.eval()
        with torch.no_grad():
            tl = calc_loss_loader(train_loader, num_batches=eval_iter)
            vl = calc_loss_loader(val_loader, num_batches=eval_iter)
        model.train()
        return tl, vl

    def generate_and_print_sample(start_context):
        model.eval()
        ids = torch.tensor([[WORDS.index(w) for w in start_context.split()]])
        with torch.no_grad():
            for _ in range(20):
                logits = model(ids[:, -model.block :])[:, -1, :]
                ids = torch.cat((ids, logits.argmax(-1, keepdim=True)), dim=1)
        print(decode(ids[0]).replace("\n", " "))
        model.train()

    start_time = time.time()
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.0004, weight_decay=0.1)
    num_epochs, eval_freq, eval_iter = 4, 5, 5
    tokens_seen, global_step = 0, -1
    for epoch in range(num_epochs):
        model.train()
        for input_batch, target_batch in train_loader:
            optimizer.zero_grad()
            loss = calc_loss_batch(input_batch, target_batch)
            loss.backward()
            optimizer.step()
            tokens_seen += input_batch.numel()
            global_step += 1
            if global_step % eval_freq == 0:
                train_loss, val_loss = evaluate_model(eval_iter)
                print(
                    f"Ep {epoch + 1} (Step {global_step:06d}): "
                    f"Train loss {rec('Train loss', global_step, epoch + 1, train_loss):.3f}, "
                    f"Val loss {rec('Val loss', global_step, epoch + 1, val_loss):.3f}"
                )
        generate_and_print_sample("every effort moves you")
    end_time = time.time()
    execution_time_minutes = (end_time - start_time) / 60
    print(f"Training completed in {execution_time_minutes:.2f} minutes.")


NOTES["llm_scratch"] = (
    "rasbt/LLMs-from-scratch chapter 5 as a script: 'Characters: 7123' and 'Tokens: 1300' (counts "
    "of the text, not metrics), the untrained model's 'Training loss: 4.3021...' and 'Validation "
    "loss: 4.2987...' (print(name, float): full repr; steps and epochs null, before training), "
    "then train_model_simple's 'Ep 1 (Step 000005): Train loss 3.456, Val loss 3.789' every 5 "
    "steps (global_step from 0, zero-padded to 6 digits; the epoch printed 1-based), a generated "
    "sample after each epoch ('every effort moves you the the ...': words, no metric) and "
    "'Training completed in 0.05 minutes.' (a duration, extra_ok). The truth's step is the "
    "printed global_step, the epoch the printed one. 'Train loss' / 'Val loss' are means over "
    "eval_iter=5 batches; 'Training loss' / 'Validation loss' over the whole loaders before "
    "training: separate series. Model: a one-block GPT on a synthetic word stream (vocabulary 66)."
)
EXTRA["llm_scratch"] = ["Training completed in (minutes)"]
KIND["llm_scratch"] = "global"


# ----------------------------------------------------------- 6. karpathy/build-nanogpt train_gpt2.py
def nanogpt():
    device = "cpu"
    print(f"using device: {device}")
    B, T = 8, 32
    total_batch_size = B * T * 2
    grad_accum_steps = total_batch_size // (B * T)
    print(f"total desired batch size: {total_batch_size}")
    print(f"=> calculated gradient accumulation steps: {grad_accum_steps}")
    stream = {"train": word_stream(20000, 21), "val": word_stream(4000, 22)}
    for split in ("train", "val"):
        print(f"found 1 shards for split {split}")
    pos = {"train": 0, "val": 0}

    def next_batch(split):
        buf = stream[split][pos[split] : pos[split] + B * T + 1]
        pos[split] += B * T
        if pos[split] + B * T + 1 > len(stream[split]):
            pos[split] = 0
        return buf[:-1].view(B, T), buf[1:].view(B, T)

    torch.manual_seed(1337)
    model = GPT(block=T)
    param_dict = {pn: p for pn, p in model.named_parameters() if p.requires_grad}
    decay_params = [p for n, p in param_dict.items() if p.dim() >= 2]
    nodecay_params = [p for n, p in param_dict.items() if p.dim() < 2]
    num_decay_params = sum(p.numel() for p in decay_params)
    num_nodecay_params = sum(p.numel() for p in nodecay_params)
    print(
        f"num decayed parameter tensors: {len(decay_params)}, with {num_decay_params:,} parameters"
    )
    print(
        f"num non-decayed parameter tensors: {len(nodecay_params)}, with {num_nodecay_params:,} parameters"
    )
    use_fused = False
    print(f"using fused AdamW: {use_fused}")
    optimizer = torch.optim.AdamW(
        [
            {"params": decay_params, "weight_decay": 0.1},
            {"params": nodecay_params, "weight_decay": 0.0},
        ],
        lr=6e-4,
        betas=(0.9, 0.95),
        eps=1e-8,
    )
    max_lr, warmup_steps, max_steps = 6e-3, 10, 60
    min_lr = max_lr * 0.1

    def get_lr(it):
        if it < warmup_steps:
            return max_lr * (it + 1) / warmup_steps
        if it > max_steps:
            return min_lr
        decay_ratio = (it - warmup_steps) / (max_steps - warmup_steps)
        coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
        return min_lr + coeff * (max_lr - min_lr)

    enc_prompt = [WORDS.index(w) for w in "Hello , I'm a language model ,".split()]
    for step in range(max_steps):
        t0 = time.time()
        last_step = step == max_steps - 1
        if step % 20 == 0 or last_step:
            model.eval()
            pos["val"] = 0
            with torch.no_grad():
                val_loss_accum = 0.0
                val_loss_steps = 5
                for _ in range(val_loss_steps):
                    x, y = next_batch("val")
                    loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten())
                    val_loss_accum += loss.detach() / val_loss_steps
            print(
                f"validation loss: {rec('validation loss', step, None, val_loss_accum.item()):.4f}"
            )
        if (step > 0 and step % 20 == 0) or last_step:
            model.eval()
            num_return_sequences, max_length = 2, 16
            xgen = torch.tensor(enc_prompt).unsqueeze(0).repeat(num_return_sequences, 1)
            sample_rng = torch.Generator().manual_seed(42)
            while xgen.size(1) < max_length:
                with torch.no_grad():
                    probs = F.softmax(model(xgen)[:, -1, :], dim=-1)
                    topk_probs, topk_indices = torch.topk(probs, 50, dim=-1)
                    ix = torch.multinomial(topk_probs, 1, generator=sample_rng)
                    xgen = torch.cat((xgen, torch.gather(topk_indices, -1, ix)), dim=1)
            for i in range(num_return_sequences):
                print(f"rank 0 sample {i}: {decode(xgen[i, :max_length].tolist())}")
        model.train()
        optimizer.zero_grad()
        loss_accum = 0.0
        for _ in range(grad_accum_steps):
            x, y = next_batch("train")
            loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten()) / grad_accum_steps
            loss_accum += loss.detach()
            loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        lr = get_lr(step)
        for param_group in optimizer.param_groups:
            param_group["lr"] = lr
        optimizer.step()
        t1 = time.time()
        dt = t1 - t0
        tokens_per_sec = B * T * grad_accum_steps / dt
        print(
            f"step {step:5d} | loss: {rec('loss', step, None, loss_accum.item()):.6f} | "
            f"lr {rec('lr', step, None, lr):.4e} | norm: {rec('norm', step, None, norm.item()):.4f} | "
            f"dt: {dt * 1000:.2f}ms | tok/sec: {tokens_per_sec:.2f}"
        )


NOTES["nanogpt"] = (
    "karpathy/build-nanogpt train_gpt2.py, its prints verbatim (single process, no DDP): setup "
    "lines 'using device: cpu', 'total desired batch size: 512', '=> calculated gradient "
    "accumulation steps: 2', 'found 1 shards for split train', 'num decayed parameter tensors: "
    "8, with 12,345 parameters', 'using fused AdamW: False' (sizes and counts, not metrics); then "
    "'step     7 | loss: 3.912345 | lr 4.8000e-03 | norm: 0.8123 | dt: 12.34ms | tok/sec: "
    "41234.56' per step (step from 0, '{step:5d}'), 'validation loss: 4.1234' at steps 0, 20, "
    "40 and the last (printed before that step's training line; the truth gives it that step), "
    "and generated samples 'rank 0 sample 0: Hello, I'm a language model, ...' (words, no "
    "metric) at 20, 40 and the last step. No epoch. 'lr' is the cosine schedule's value used at "
    "that step, 'norm' the clipped gradient's norm before clipping; 'dt' and 'tok/sec' are timings "
    "(extra_ok). HellaSwag evaluation is left out (it needs the data set). Model: a one-block GPT "
    "on a synthetic word stream (vocabulary 66), 60 steps."
)
EXTRA["nanogpt"] = ["dt (ms per step)", "tok/sec (throughput)"]
KIND["nanogpt"] = "global"


# ------------------------------------------ 8. bentrevett/pytorch-sentiment-analysis (legacy tutorials)
def bentrevett():
    class FastText(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding, self.fc = nn.Embedding(V, 16), nn.Linear(16, 1)

        def forward(self, text):
            return self.fc(self.embedding(text).mean(1)).squeeze(1)

    g = torch.Generator().manual_seed(5)
    sentiment = torch.randn(V, generator=g)

    def make(n):
        text = torch.randint(0, V, (n, 12), generator=g)
        label = ((sentiment[text].sum(1) + 1.5 * torch.randn(n, generator=g)) > 0).float()
        return [(text[k : k + 32], label[k : k + 32]) for k in range(0, n, 32)]

    train_iterator, valid_iterator, test_iterator = make(1600), make(320), make(320)
    model = FastText()
    print(
        f"The model has {sum(p.numel() for p in model.parameters() if p.requires_grad):,} trainable parameters"
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    criterion = nn.BCEWithLogitsLoss()

    def binary_accuracy(preds, y):
        return (torch.round(torch.sigmoid(preds)) == y).float().sum() / len(y)

    def train(iterator):
        epoch_loss = epoch_acc = 0.0
        model.train()
        for text, label in iterator:
            optimizer.zero_grad()
            predictions = model(text)
            loss = criterion(predictions, label)
            acc = binary_accuracy(predictions, label)
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
            epoch_acc += acc.item()
        return epoch_loss / len(iterator), epoch_acc / len(iterator)

    def evaluate(iterator):
        epoch_loss = epoch_acc = 0.0
        model.eval()
        with torch.no_grad():
            for text, label in iterator:
                predictions = model(text)
                epoch_loss += criterion(predictions, label).item()
                epoch_acc += binary_accuracy(predictions, label).item()
        return epoch_loss / len(iterator), epoch_acc / len(iterator)

    def epoch_time(start_time, end_time):
        elapsed_time = end_time - start_time
        elapsed_mins = int(elapsed_time / 60)
        elapsed_secs = int(elapsed_time - (elapsed_mins * 60))
        return elapsed_mins, elapsed_secs

    N_EPOCHS = 5
    best_valid_loss = float("inf")
    best_state = None
    for epoch in range(N_EPOCHS):
        start_time = time.time()
        train_loss, train_acc = train(train_iterator)
        valid_loss, valid_acc = evaluate(valid_iterator)
        end_time = time.time()
        epoch_mins, epoch_secs = epoch_time(start_time, end_time)
        if valid_loss < best_valid_loss:
            best_valid_loss = valid_loss
            best_state = copy.deepcopy(model.state_dict())
        e = epoch + 1
        print(f"Epoch: {epoch + 1:02} | Epoch Time: {epoch_mins}m {epoch_secs}s")
        print(
            f"\tTrain Loss: {rec('Train Loss', None, e, train_loss):.3f} | "
            f"Train Acc: {rec('Train Acc', None, e, train_acc * 100):.2f}%"
        )
        print(
            f"\t Val. Loss: {rec('Val. Loss', None, e, valid_loss):.3f} |  "
            f"Val. Acc: {rec('Val. Acc', None, e, valid_acc * 100):.2f}%"
        )
    model.load_state_dict(best_state)
    test_loss, test_acc = evaluate(test_iterator)
    print(
        f"Test Loss: {rec('Test Loss', None, None, test_loss):.3f} | "
        f"Test Acc: {rec('Test Acc', None, None, test_acc * 100):.2f}%"
    )


NOTES["bentrevett"] = (
    "bentrevett/pytorch-sentiment-analysis (the legacy FastText tutorial's loop), its prints "
    "verbatim: 'The model has 1,185 trainable parameters' (a count), then per epoch 'Epoch: 01 | "
    "Epoch Time: 0m 0s' (epoch zero-padded; the time is a duration in minutes and seconds, "
    "extra_ok), '\\tTrain Loss: 0.693 | Train Acc: 50.12%' and '\\t Val. Loss: 0.690 |  Val. "
    "Acc: 51.23%' (a tab, and a space before 'Val.' to align the pipes), and after training the "
    "best model's 'Test Loss: 0.512 | Test Acc: 78.91%' (steps and epoch null). Accuracies are "
    "the printed percent (100 x the mean batch accuracy). The script counts epochs only "
    "(step_kind epoch); the truth's epoch is the printed one (1-based). Model: mean of word "
    "embeddings + a linear layer on synthetic 12-token 'reviews' (vocabulary 66)."
)
EXTRA["bentrevett"] = ["Epoch Time (minutes and seconds)"]
KIND["bentrevett"] = "epoch"

STYLES = {
    "mnist": mnist,
    "wordlm": wordlm,
    "dcgan": dcgan,
    "pytorch_gan": pytorch_gan,
    "llm_scratch": llm_scratch,
    "nanogpt": nanogpt,
    "bentrevett": bentrevett,
}
STYLES[style]()
_truth.write(
    library="hand-written loop (print), torch 2.13.0+cpu model",
    script="tests/corpus/scripts/hand_famous.py",
    record="the values the script printed, kept by the script itself at full precision",
    step_kind=KIND[style],
    series=rec.series,
    extra_ok=EXTRA[style],
    notes=NOTES[style],
)
