"""PyTorch's most copied official tutorials, their print statements verbatim, on synthetic data.

Each style re-creates one pytorch/tutorials script (model, optimizer, loop and every print of the
original, written from the tutorial's source) around synthetic data of the same shape as the
tutorial's data set (nothing downloaded; data sets cut down so that a run takes seconds of CPU),
so the printed numbers are real training numbers. The script keeps every metric value it printed,
at full precision, as its own record (the ground truth).
Versions: torch 2.13.0+cpu, Python 3.11 (venv /work/venvs/corpus-t-1: `pip install torch==2.13.0`).
Capture (repository root), one entry per style:
    python tests/corpus/scripts/capture.py pipe real_hand_quickstart_tutorial -- python tests/corpus/scripts/hand_tutorials.py quickstart
    python tests/corpus/scripts/capture.py pipe real_hand_seq2seq_tutorial -- python tests/corpus/scripts/hand_tutorials.py seq2seq
    python tests/corpus/scripts/capture.py pipe real_hand_char_rnn_tutorial -- python tests/corpus/scripts/hand_tutorials.py charrnn
    python tests/corpus/scripts/capture.py pipe real_hand_char_rnn_2024_tutorial -- python tests/corpus/scripts/hand_tutorials.py charrnn2024
    python tests/corpus/scripts/capture.py pipe real_hand_transformer_lm_tutorial -- python tests/corpus/scripts/hand_tutorials.py transformer
None of these tutorials draws a bar, so a terminal capture would only change '\\n' to '\\r\\n'.
"""

# The tutorials' own code, kept verbatim: %-formatting and their unused loop variables.
# ruff: noqa: UP031, B007, F841

from __future__ import annotations

import math
import os
import random
import string
import sys
import tempfile
import time

import torch
import torch.nn.functional as F
from torch import nn, optim
from torch.utils.data import DataLoader, RandomSampler, TensorDataset

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from _toy import Record

style = sys.argv[1]
rec = Record()
torch.manual_seed(0)
random.seed(0)
torch.set_num_threads(1)
NOTES: dict[str, str] = {}
EXTRA: dict[str, list[str]] = {}
KIND: dict[str, str] = {}


# ------------------------------------------------ 1. beginner/basics/quickstart_tutorial.py
def quickstart():
    # FashionMNIST's shapes and sizes (60,000 / 10,000 1x28x28 images in [0, 1], 10 classes):
    # each class is a smooth template + noise.
    g = torch.Generator().manual_seed(1)
    templates = F.avg_pool2d(torch.rand(10, 1, 28, 28, generator=g), 5, 1, 2)
    templates = (templates - templates.mean()) * 4 + 0.5

    def make(n):
        y = torch.randint(0, 10, (n,), generator=g)
        x = (0.5 * templates[y] + 0.5 * torch.rand(n, 1, 28, 28, generator=g)).clamp(0, 1)
        return TensorDataset(x, y)

    training_data, test_data = make(60000), make(10000)
    batch_size = 64
    train_dataloader = DataLoader(training_data, batch_size=batch_size)
    test_dataloader = DataLoader(test_data, batch_size=batch_size)

    for X, y in test_dataloader:
        print(f"Shape of X [N, C, H, W]: {X.shape}")
        print(f"Shape of y: {y.shape} {y.dtype}")
        break

    device = (
        torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
    )
    print(f"Using {device} device")

    class NeuralNetwork(nn.Module):
        def __init__(self):
            super().__init__()
            self.flatten = nn.Flatten()
            self.linear_relu_stack = nn.Sequential(
                nn.Linear(28 * 28, 512),
                nn.ReLU(),
                nn.Linear(512, 512),
                nn.ReLU(),
                nn.Linear(512, 10),
            )

        def forward(self, x):
            x = self.flatten(x)
            logits = self.linear_relu_stack(x)
            return logits

    model = NeuralNetwork().to(device)
    print(model)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    state = {"step": 0, "epoch": 0}

    def train(dataloader, model, loss_fn, optimizer):
        size = len(dataloader.dataset)
        model.train()
        for batch, (X, y) in enumerate(dataloader):
            X, y = X.to(device), y.to(device)
            pred = model(X)
            loss = loss_fn(pred, y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            state["step"] += 1
            if batch % 100 == 0:
                loss, current = loss.item(), (batch + 1) * len(X)
                rec("loss", state["step"], state["epoch"], loss)
                print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")

    def evaluate(dataloader, model, loss_fn):  # the tutorial's test(); no pytest test
        size = len(dataloader.dataset)
        num_batches = len(dataloader)
        model.eval()
        test_loss, correct = 0, 0
        with torch.no_grad():
            for X, y in dataloader:
                X, y = X.to(device), y.to(device)
                pred = model(X)
                test_loss += loss_fn(pred, y).item()
                correct += (pred.argmax(1) == y).type(torch.float).sum().item()
        test_loss /= num_batches
        correct /= size
        rec("Accuracy", state["step"], state["epoch"], 100 * correct)
        rec("Avg loss", state["step"], state["epoch"], test_loss)
        print(f"Test Error: \n Accuracy: {(100 * correct):>0.1f}%, Avg loss: {test_loss:>8f} \n")

    epochs = 5
    for t in range(epochs):
        state["epoch"] = t + 1
        print(f"Epoch {t + 1}\n-------------------------------")
        train(train_dataloader, model, loss_fn, optimizer)
        evaluate(test_dataloader, model, loss_fn)
    print("Done!")

    path = os.path.join(tempfile.mkdtemp(prefix="quickstart-"), "model.pth")
    torch.save(model.state_dict(), path)
    print("Saved PyTorch Model State to model.pth")
    model = NeuralNetwork().to(device)
    model.load_state_dict(torch.load(path, weights_only=True))
    classes = [
        "T-shirt/top",
        "Trouser",
        "Pullover",
        "Dress",
        "Coat",
        "Sandal",
        "Shirt",
        "Sneaker",
        "Bag",
        "Ankle boot",
    ]
    model.eval()
    x, y = test_data[0][0], test_data[0][1]
    with torch.no_grad():
        x = x.to(device)
        pred = model(x)
        predicted, actual = classes[pred[0].argmax(0)], classes[y]
        print(f'Predicted: "{predicted}", Actual: "{actual}"')


NOTES["quickstart"] = (
    "PyTorch's 'Quickstart' tutorial (pytorch/tutorials beginner_source/basics/"
    "quickstart_tutorial.py), every print verbatim: 'Shape of X [N, C, H, W]: torch.Size([64, 1, "
    "28, 28])', 'Shape of y: torch.Size([64]) torch.int64', 'Using cpu device', print(model) (the "
    "module repr: in_features/out_features, no metric), then per epoch 'Epoch 1' and a "
    "'-------------------------------' rule, 'loss: 2.303614  [   64/60000]' every 100 batches "
    "(batch counts from 0; the bracket is samples seen including this batch / data-set size: no "
    "metric), and after each epoch 'Test Error: ' alone on a line, then ' Accuracy: 45.1%, Avg "
    "loss: 2.150217 ' and a blank line (the two test values are named 'Accuracy' and 'Avg loss' "
    "as printed; 'Test Error:' is the heading of the line below it). Then 'Done!', 'Saved PyTorch "
    'Model State to model.pth\' and \'Predicted: "Bag", Actual: "Bag"\' (a prediction, no '
    "metric). The truth's step is the global optimizer step the script counts (1-based: the "
    "printed batch 0 of epoch 2 is step 939 with 938 batches per epoch), the epoch the printed "
    "one (1-based); test values at the epoch's last step. 'Accuracy' is the printed percent "
    "(100 x correct / size). Data: synthetic tensors of FashionMNIST's shapes and sizes (60,000 "
    "training and 10,000 test 1x28x28 images in [0, 1], 10 classes: templates + noise); model, "
    "SGD lr 1e-3, batch 64 and 5 epochs as the tutorial."
)
EXTRA["quickstart"] = []
KIND["quickstart"] = "global"


# ------------------------------- 2. intermediate/seq2seq_translation_tutorial.py (NLP From Scratch)
def seq2seq():
    SOS_token, EOS_token, MAX_LENGTH = 0, 1, 10
    device = torch.device("cpu")

    class Lang:
        def __init__(self, name):
            self.name = name
            self.word2index = {}
            self.word2count = {}
            self.index2word = {0: "SOS", 1: "EOS"}
            self.n_words = 2

        def addSentence(self, sentence):
            for word in sentence.split(" "):
                self.addWord(word)

        def addWord(self, word):
            if word not in self.word2index:
                self.word2index[word] = self.n_words
                self.word2count[word] = 1
                self.index2word[self.n_words] = word
                self.n_words += 1
            else:
                self.word2count[word] += 1

    # A synthetic eng-fra corpus: a subject prefix + words translated word by word (some pairs
    # reordered), the tutorial's eng_prefixes filter then keeps the short ones it would.
    subj = [
        ("i am", "je suis"),
        ("he is", "il est"),
        ("she is", "elle est"),
        ("you are", "vous etes"),
        ("we are", "nous sommes"),
        ("they are", "ils sont"),
    ]
    # (English word(s), French): several English renderings share one French word, so the
    # fra -> eng direction keeps some irreducible loss.
    lex = [
        ("very", "tres"),
        ("really", "tres"),
        ("not", "pas"),
        ("happy", "heureux"),
        ("glad", "heureux"),
        ("tired", "fatigue"),
        ("sleepy", "fatigue"),
        ("sick", "malade"),
        ("ill", "malade"),
        ("ready", "pret"),
        ("here", "ici"),
        ("late", "en retard"),
        ("busy", "occupe"),
        ("a teacher", "un professeur"),
        ("a student", "un etudiant"),
        ("at home", "a la maison"),
        ("too old", "trop vieux"),
        ("still young", "encore jeune"),
        ("serious", "serieux"),
        ("afraid of dogs", "peur des chiens"),
        ("scared of dogs", "peur des chiens"),
        ("in the kitchen", "dans la cuisine"),
        ("painting a picture", "en train de peindre un tableau"),
    ]
    lines = []
    for _ in range(640):
        e, f = random.choice(subj)
        k = random.randint(1, 3)
        words = random.sample(lex, k)
        eng = e + " " + " ".join(w[0] for w in words) + " ."
        fra = f + " " + " ".join(w[1] for w in reversed(words)) + " ."
        lines.append(eng + "\t" + fra)
    eng_prefixes = (
        "i am ",
        "i m ",
        "he is",
        "he s ",
        "she is",
        "she s ",
        "you are",
        "you re ",
        "we are",
        "we re ",
        "they are",
        "they re ",
    )

    def readLangs(lang1, lang2, reverse=False):
        print("Reading lines...")
        pairs = [[s for s in line.split("\t")] for line in lines]
        if reverse:
            pairs = [list(reversed(p)) for p in pairs]
            input_lang, output_lang = Lang(lang2), Lang(lang1)
        else:
            input_lang, output_lang = Lang(lang1), Lang(lang2)
        return input_lang, output_lang, pairs

    def filterPair(p):
        return (
            len(p[0].split(" ")) < MAX_LENGTH
            and len(p[1].split(" ")) < MAX_LENGTH
            and p[1].startswith(eng_prefixes)
        )

    def filterPairs(pairs):
        return [pair for pair in pairs if filterPair(pair)]

    def prepareData(lang1, lang2, reverse=False):
        input_lang, output_lang, pairs = readLangs(lang1, lang2, reverse)
        print("Read %s sentence pairs" % len(pairs))
        pairs = filterPairs(pairs)
        print("Trimmed to %s sentence pairs" % len(pairs))
        print("Counting words...")
        for pair in pairs:
            input_lang.addSentence(pair[0])
            output_lang.addSentence(pair[1])
        print("Counted words:")
        print(input_lang.name, input_lang.n_words)
        print(output_lang.name, output_lang.n_words)
        return input_lang, output_lang, pairs

    input_lang, output_lang, pairs = prepareData("eng", "fra", True)
    print(random.choice(pairs))

    class EncoderRNN(nn.Module):
        def __init__(self, input_size, hidden_size, dropout_p=0.1):
            super().__init__()
            self.hidden_size = hidden_size
            self.embedding = nn.Embedding(input_size, hidden_size)
            self.gru = nn.GRU(hidden_size, hidden_size, batch_first=True)
            self.dropout = nn.Dropout(dropout_p)

        def forward(self, input):
            embedded = self.dropout(self.embedding(input))
            output, hidden = self.gru(embedded)
            return output, hidden

    class BahdanauAttention(nn.Module):
        def __init__(self, hidden_size):
            super().__init__()
            self.Wa = nn.Linear(hidden_size, hidden_size)
            self.Ua = nn.Linear(hidden_size, hidden_size)
            self.Va = nn.Linear(hidden_size, 1)

        def forward(self, query, keys):
            scores = self.Va(torch.tanh(self.Wa(query) + self.Ua(keys)))
            scores = scores.squeeze(2).unsqueeze(1)
            weights = F.softmax(scores, dim=-1)
            context = torch.bmm(weights, keys)
            return context, weights

    class AttnDecoderRNN(nn.Module):
        def __init__(self, hidden_size, output_size, dropout_p=0.1):
            super().__init__()
            self.embedding = nn.Embedding(output_size, hidden_size)
            self.attention = BahdanauAttention(hidden_size)
            self.gru = nn.GRU(2 * hidden_size, hidden_size, batch_first=True)
            self.out = nn.Linear(hidden_size, output_size)
            self.dropout = nn.Dropout(dropout_p)

        def forward(self, encoder_outputs, encoder_hidden, target_tensor=None):
            batch_size = encoder_outputs.size(0)
            decoder_input = torch.empty(batch_size, 1, dtype=torch.long, device=device).fill_(
                SOS_token
            )
            decoder_hidden = encoder_hidden
            decoder_outputs = []
            attentions = []
            for i in range(MAX_LENGTH):
                decoder_output, decoder_hidden, attn_weights = self.forward_step(
                    decoder_input, decoder_hidden, encoder_outputs
                )
                decoder_outputs.append(decoder_output)
                attentions.append(attn_weights)
                if target_tensor is not None:
                    decoder_input = target_tensor[:, i].unsqueeze(1)  # Teacher forcing
                else:
                    _, topi = decoder_output.topk(1)
                    decoder_input = topi.squeeze(-1).detach()
            decoder_outputs = torch.cat(decoder_outputs, dim=1)
            decoder_outputs = F.log_softmax(decoder_outputs, dim=-1)
            attentions = torch.cat(attentions, dim=1)
            return decoder_outputs, decoder_hidden, attentions

        def forward_step(self, input, hidden, encoder_outputs):
            embedded = self.dropout(self.embedding(input))
            query = hidden.permute(1, 0, 2)
            context, attn_weights = self.attention(query, encoder_outputs)
            input_gru = torch.cat((embedded, context), dim=2)
            output, hidden = self.gru(input_gru, hidden)
            output = self.out(output)
            return output, hidden, attn_weights

    def indexesFromSentence(lang, sentence):
        return [lang.word2index[word] for word in sentence.split(" ")]

    def tensorFromSentence(lang, sentence):
        indexes = indexesFromSentence(lang, sentence)
        indexes.append(EOS_token)
        return torch.tensor(indexes, dtype=torch.long, device=device).view(1, -1)

    def get_dataloader(batch_size):
        n = len(pairs)
        input_ids = torch.zeros((n, MAX_LENGTH), dtype=torch.long)
        target_ids = torch.zeros((n, MAX_LENGTH), dtype=torch.long)
        for idx, (inp, tgt) in enumerate(pairs):
            inp_ids = indexesFromSentence(input_lang, inp)
            tgt_ids = indexesFromSentence(output_lang, tgt)
            inp_ids.append(EOS_token)
            tgt_ids.append(EOS_token)
            input_ids[idx, : len(inp_ids)] = torch.tensor(inp_ids)
            target_ids[idx, : len(tgt_ids)] = torch.tensor(tgt_ids)
        train_data = TensorDataset(input_ids.to(device), target_ids.to(device))
        train_sampler = RandomSampler(train_data)
        return DataLoader(train_data, sampler=train_sampler, batch_size=batch_size)

    def train_epoch(dataloader, encoder, decoder, encoder_optimizer, decoder_optimizer, criterion):
        total_loss = 0
        for data in dataloader:
            input_tensor, target_tensor = data
            encoder_optimizer.zero_grad()
            decoder_optimizer.zero_grad()
            encoder_outputs, encoder_hidden = encoder(input_tensor)
            decoder_outputs, _, _ = decoder(encoder_outputs, encoder_hidden, target_tensor)
            loss = criterion(
                decoder_outputs.view(-1, decoder_outputs.size(-1)), target_tensor.view(-1)
            )
            loss.backward()
            encoder_optimizer.step()
            decoder_optimizer.step()
            total_loss += loss.item()
        return total_loss / len(dataloader)

    def asMinutes(s):
        m = math.floor(s / 60)
        s -= m * 60
        return "%dm %ds" % (m, s)

    def timeSince(since, percent):
        now = time.time()
        s = now - since
        es = s / (percent)
        rs = es - s
        return "%s (- %s)" % (asMinutes(s), asMinutes(rs))

    def train(
        train_dataloader, encoder, decoder, n_epochs, learning_rate=0.001, print_every=100,
        plot_every=100,
    ):  # fmt: skip
        start = time.time()
        plot_losses = []
        print_loss_total = 0
        plot_loss_total = 0
        encoder_optimizer = optim.Adam(encoder.parameters(), lr=learning_rate)
        decoder_optimizer = optim.Adam(decoder.parameters(), lr=learning_rate)
        criterion = nn.NLLLoss()
        for epoch in range(1, n_epochs + 1):
            loss = train_epoch(
                train_dataloader, encoder, decoder, encoder_optimizer, decoder_optimizer, criterion
            )
            print_loss_total += loss
            plot_loss_total += loss
            if epoch % print_every == 0:
                print_loss_avg = print_loss_total / print_every
                print_loss_total = 0
                rec("loss", None, epoch, print_loss_avg)
                print(
                    "%s (%d %d%%) %.4f"
                    % (
                        timeSince(start, epoch / n_epochs),
                        epoch,
                        epoch / n_epochs * 100,
                        print_loss_avg,
                    )
                )
            if epoch % plot_every == 0:
                plot_loss_avg = plot_loss_total / plot_every
                plot_losses.append(plot_loss_avg)
                plot_loss_total = 0
        # showPlot(plot_losses): a matplotlib figure, nothing printed

    def evaluate(encoder, decoder, sentence, input_lang, output_lang):
        with torch.no_grad():
            input_tensor = tensorFromSentence(input_lang, sentence)
            encoder_outputs, encoder_hidden = encoder(input_tensor)
            decoder_outputs, decoder_hidden, decoder_attn = decoder(encoder_outputs, encoder_hidden)
            _, topi = decoder_outputs.topk(1)
            decoded_ids = topi.squeeze()
            decoded_words = []
            for idx in decoded_ids:
                if idx.item() == EOS_token:
                    decoded_words.append("<EOS>")
                    break
                decoded_words.append(output_lang.index2word[idx.item()])
        return decoded_words, decoder_attn

    def evaluateRandomly(encoder, decoder, n=10):
        for i in range(n):
            pair = random.choice(pairs)
            print(">", pair[0])
            print("=", pair[1])
            output_words, _ = evaluate(encoder, decoder, pair[0], input_lang, output_lang)
            output_sentence = " ".join(output_words)
            print("<", output_sentence)
            print("")

    hidden_size = 128
    batch_size = 32
    train_dataloader = get_dataloader(batch_size)
    encoder = EncoderRNN(input_lang.n_words, hidden_size).to(device)
    decoder = AttnDecoderRNN(hidden_size, output_lang.n_words).to(device)
    train(train_dataloader, encoder, decoder, 30, print_every=5, plot_every=5)
    encoder.eval()
    decoder.eval()
    evaluateRandomly(encoder, decoder)

    def evaluateAndShowAttention(input_sentence):
        output_words, attentions = evaluate(
            encoder, decoder, input_sentence, input_lang, output_lang
        )
        print("input =", input_sentence)
        print("output =", " ".join(output_words))
        # showAttention(...): a matplotlib figure, nothing printed

    evaluateAndShowAttention("il est trop vieux tres fatigue .")
    evaluateAndShowAttention("elle est en train de peindre un tableau .")


NOTES["seq2seq"] = (
    "PyTorch's 'NLP From Scratch: Translation with a Sequence to Sequence Network and Attention' "
    "tutorial (pytorch/tutorials intermediate_source/seq2seq_translation_tutorial.py), every print "
    "verbatim: prepareData's 'Reading lines...', 'Read 640 sentence pairs', 'Trimmed to 571 "
    "sentence pairs', 'Counting words...', 'Counted words:', 'fra 44' / 'eng 44' (vocabulary "
    "sizes), a random pair printed as a Python list, then every 5 epochs '0m 2s (- 0m 14s) (5 16%) "
    "1.3973' (time since start, '(- remaining)', the epoch and the percent of the run done, then "
    "the mean of the last 5 epochs' mean batch losses at '%.4f': the tutorial's print_loss_avg; the "
    "value has NO name on the line, the truth calls it 'loss', as the tutorial's train_epoch "
    "returns it), then evaluateRandomly's '> il est malade .' / '= he is sick .' / '< he is sick . "
    "<EOS>' triples and evaluateAndShowAttention's 'input = …' / 'output = …' (sentences, no "
    "metric). The tutorial counts epochs only (step_kind epoch; step null); the truth's epoch is "
    "the printed one. Durations '0m 3s' and '(- 0m 24s)' are times, not metrics. Data: a synthetic "
    "fra-eng corpus (subject prefix + word-by-word translated phrases); model (GRU encoder, "
    "Bahdanau attention decoder, hidden 128, batch 32, Adam 1e-3, print_every=5) as the tutorial, "
    "30 epochs instead of 80 (640 synthetic pairs)."
)
EXTRA["seq2seq"] = []
KIND["seq2seq"] = "epoch"


# --------------------------- 3. intermediate/char_rnn_classification_tutorial.py (2017-2024 form)
def synthetic_names():
    """18 synthetic 'languages' of 120 names each, each building its names from its own syllables
    (a stand-in for the tutorial's data/names/*.txt)."""
    langs = [
        "Arabic", "Chinese", "Czech", "Dutch", "English", "French", "German", "Greek", "Irish",
        "Italian", "Japanese", "Korean", "Polish", "Portuguese", "Russian", "Scottish", "Spanish",
        "Vietnamese",
    ]  # fmt: skip
    rng = random.Random(5)
    syll = {
        c: ["".join(rng.choice("bcdfghjklmnprstvwxz") + rng.choice("aeiouy")) for _ in range(6)]
        + [rng.choice("aeiou") + rng.choice("nrsklt") for _ in range(2)]
        for c in langs
    }
    category_lines = {
        c: [
            "".join(rng.choice(syll[c]) for _ in range(rng.randint(1, 4))).capitalize()
            for _ in range(120)
        ]
        for c in langs
    }
    return langs, category_lines


def charrnn():
    all_letters = string.ascii_letters + " .,;'"
    n_letters = len(all_letters)
    langs, category_lines = synthetic_names()
    all_categories = langs
    n_categories = len(all_categories)
    print(category_lines["Italian"][:5])

    def letterToIndex(letter):
        return all_letters.find(letter)

    def letterToTensor(letter):
        tensor = torch.zeros(1, n_letters)
        tensor[0][letterToIndex(letter)] = 1
        return tensor

    def lineToTensor(line):
        tensor = torch.zeros(len(line), 1, n_letters)
        for li, letter in enumerate(line):
            tensor[li][0][letterToIndex(letter)] = 1
        return tensor

    print(letterToTensor("J"))
    print(lineToTensor("Jones").size())

    class RNN(nn.Module):
        def __init__(self, input_size, hidden_size, output_size):
            super().__init__()
            self.hidden_size = hidden_size
            self.i2h = nn.Linear(input_size, hidden_size)
            self.h2h = nn.Linear(hidden_size, hidden_size)
            self.h2o = nn.Linear(hidden_size, output_size)
            self.softmax = nn.LogSoftmax(dim=1)

        def forward(self, input, hidden):
            hidden = F.tanh(self.i2h(input) + self.h2h(hidden))
            output = self.h2o(hidden)
            output = self.softmax(output)
            return output, hidden

        def initHidden(self):
            return torch.zeros(1, self.hidden_size)

    n_hidden = 128
    rnn = RNN(n_letters, n_hidden, n_categories)
    input = lineToTensor("Albert")
    hidden = torch.zeros(1, n_hidden)
    output, next_hidden = rnn(input[0], hidden)
    print(output)

    def categoryFromOutput(output):
        top_n, top_i = output.topk(1)
        category_i = top_i[0].item()
        return all_categories[category_i], category_i

    print(categoryFromOutput(output))

    def randomChoice(values):
        return values[random.randint(0, len(values) - 1)]

    def randomTrainingExample():
        category = randomChoice(all_categories)
        line = randomChoice(category_lines[category])
        category_tensor = torch.tensor([all_categories.index(category)], dtype=torch.long)
        line_tensor = lineToTensor(line)
        return category, line, category_tensor, line_tensor

    for i in range(10):
        category, line, category_tensor, line_tensor = randomTrainingExample()
        print("category =", category, "/ line =", line)

    criterion = nn.NLLLoss()
    learning_rate = 0.005

    def train(category_tensor, line_tensor):
        hidden = rnn.initHidden()
        rnn.zero_grad()
        for i in range(line_tensor.size()[0]):
            output, hidden = rnn(line_tensor[i], hidden)
        loss = criterion(output, category_tensor)
        loss.backward()
        for p in rnn.parameters():
            p.data.add_(p.grad.data, alpha=-learning_rate)
        return output, loss.item()

    n_iters = 20000
    print_every = 1000
    plot_every = 200
    current_loss = 0
    all_losses = []

    def timeSince(since):
        now = time.time()
        s = now - since
        m = math.floor(s / 60)
        s -= m * 60
        return "%dm %ds" % (m, s)

    start = time.time()
    for iter in range(1, n_iters + 1):
        category, line, category_tensor, line_tensor = randomTrainingExample()
        output, loss = train(category_tensor, line_tensor)
        current_loss += loss
        if iter % print_every == 0:
            guess, guess_i = categoryFromOutput(output)
            correct = "✓" if guess == category else "✗ (%s)" % category
            rec("loss", iter, None, loss)
            print(
                "%d %d%% (%s) %.4f %s / %s %s"
                % (iter, iter / n_iters * 100, timeSince(start), loss, line, guess, correct)
            )
        if iter % plot_every == 0:
            all_losses.append(current_loss / plot_every)
            current_loss = 0

    def evaluate(line_tensor):
        hidden = rnn.initHidden()
        for i in range(line_tensor.size()[0]):
            output, hidden = rnn(line_tensor[i], hidden)
        return output

    def predict(input_line, n_predictions=3):
        print("\n> %s" % input_line)
        with torch.no_grad():
            output = evaluate(lineToTensor(input_line))
            topv, topi = output.topk(n_predictions, 1, True)
            predictions = []
            for i in range(n_predictions):
                value = topv[0][i].item()
                category_index = topi[0][i].item()
                print("(%.2f) %s" % (value, all_categories[category_index]))
                predictions.append([value, all_categories[category_index]])

    predict("Dovesky")
    predict("Jackson")
    predict("Satoshi")


NOTES["charrnn"] = (
    "PyTorch's 'NLP From Scratch: Classifying Names with a Character-Level RNN' tutorial "
    "(pytorch/tutorials intermediate_source/char_rnn_classification_tutorial.py in its long-lived "
    "2017-2024 form), every print verbatim: five names as a list, letterToTensor('J') (a one-hot "
    "tensor of 0./1.), 'torch.Size([5, 1, 57])', the untrained output 'tensor([[-2.8934, …]], "
    "grad_fn=<LogSoftmaxBackward0>)' (log-probabilities of one forward pass, no metric), "
    "\"('Korean', 11)\", ten 'category = Greek / line = Bexo' lines, then every 1000 iterations "
    "'1000 5% (0m 1s) 2.8412 Kuvo / Greek ✗ (Korean)' (the iteration, the percent of the run, the "
    "time since start, then the loss of THAT iteration's single example at '%.4f', the name, the "
    "guess and ✓ or ✗ (right category)); the loss has NO name on the line: the truth calls it "
    "'loss' (the tutorial's variable). step = the printed iteration (1-based, one example per "
    "iteration); no epoch. Then predict()'s '\\n> Dovesky' and three '(-0.47) Russian' lines: "
    "the log-probabilities of a prediction, not metrics. Data: 18 synthetic 'languages' of 120 "
    "names each (their own syllables); model (the hand-made RNN, n_hidden 128, lr 0.005) as the "
    "tutorial, n_iters 20000 / print_every 1000 instead of 100000 / 5000."
)
EXTRA["charrnn"] = []
KIND["charrnn"] = "global"


# ------------------------------- 4. beginner/transformer_tutorial.py (Language Modeling, nn.Transformer)
def transformer():
    from torch.nn import TransformerEncoder, TransformerEncoderLayer

    device = torch.device("cpu")

    class PositionalEncoding(nn.Module):
        def __init__(self, d_model: int, dropout: float = 0.1, max_len: int = 5000):
            super().__init__()
            self.dropout = nn.Dropout(p=dropout)
            position = torch.arange(max_len).unsqueeze(1)
            div_term = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
            pe = torch.zeros(max_len, 1, d_model)
            pe[:, 0, 0::2] = torch.sin(position * div_term)
            pe[:, 0, 1::2] = torch.cos(position * div_term)
            self.register_buffer("pe", pe)

        def forward(self, x):
            x = x + self.pe[: x.size(0)]
            return self.dropout(x)

    class TransformerModel(nn.Module):
        def __init__(self, ntoken, d_model, nhead, d_hid, nlayers, dropout=0.5):
            super().__init__()
            self.model_type = "Transformer"
            self.pos_encoder = PositionalEncoding(d_model, dropout)
            encoder_layers = TransformerEncoderLayer(d_model, nhead, d_hid, dropout)
            self.transformer_encoder = TransformerEncoder(encoder_layers, nlayers)
            self.embedding = nn.Embedding(ntoken, d_model)
            self.d_model = d_model
            self.linear = nn.Linear(d_model, ntoken)
            self.init_weights()

        def init_weights(self) -> None:
            initrange = 0.1
            self.embedding.weight.data.uniform_(-initrange, initrange)
            self.linear.bias.data.zero_()
            self.linear.weight.data.uniform_(-initrange, initrange)

        def forward(self, src, src_mask=None):
            src = self.embedding(src) * math.sqrt(self.d_model)
            src = self.pos_encoder(src)
            if src_mask is None:
                src_mask = nn.Transformer.generate_square_subsequent_mask(len(src)).to(device)
            output = self.transformer_encoder(src, src_mask)
            output = self.linear(output)
            return output

    # A synthetic token stream standing in for WikiText-2: a sparse Markov chain over 200 tokens.
    ntokens = 200
    g = torch.Generator().manual_seed(3)
    nxt = torch.randint(0, ntokens, (ntokens, 4), generator=g)

    def stream(n):
        out = torch.empty(n, dtype=torch.long)
        t = 0
        r = torch.rand(n, generator=g)
        j = torch.randint(0, 4, (n,), generator=g)
        u = torch.randint(0, ntokens, (n,), generator=g)
        for k in range(n):
            out[k] = t
            t = int(nxt[t, j[k]]) if r[k] < 0.9 else int(u[k])
        return out

    def batchify(data, bsz: int):
        seq_len = data.size(0) // bsz
        data = data[: seq_len * bsz]
        data = data.view(bsz, seq_len).t().contiguous()
        return data.to(device)

    batch_size = 20
    eval_batch_size = 10
    train_data = batchify(stream(20 * 35 * 420), batch_size)
    val_data = batchify(stream(10 * 35 * 40), eval_batch_size)
    test_data = batchify(stream(10 * 35 * 40), eval_batch_size)
    bptt = 35

    def get_batch(source, i: int):
        seq_len = min(bptt, len(source) - 1 - i)
        data = source[i : i + seq_len]
        target = source[i + 1 : i + 1 + seq_len].reshape(-1)
        return data, target

    emsize = 64
    d_hid = 64
    nlayers = 2
    nhead = 2
    dropout = 0.2
    model = TransformerModel(ntokens, emsize, nhead, d_hid, nlayers, dropout).to(device)
    criterion = nn.CrossEntropyLoss()
    lr = 5.0
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1.0, gamma=0.95)
    state = {"step": 0}

    def train(model: nn.Module) -> None:
        model.train()
        total_loss = 0.0
        log_interval = 200
        start_time = time.time()
        num_batches = len(train_data) // bptt
        for batch, i in enumerate(range(0, train_data.size(0) - 1, bptt)):
            data, targets = get_batch(train_data, i)
            output = model(data)
            output_flat = output.view(-1, ntokens)
            loss = criterion(output_flat, targets)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
            optimizer.step()
            state["step"] += 1
            total_loss += loss.item()
            if batch % log_interval == 0 and batch > 0:
                lr = scheduler.get_last_lr()[0]
                ms_per_batch = (time.time() - start_time) * 1000 / log_interval
                cur_loss = total_loss / log_interval
                ppl = math.exp(cur_loss)
                rec("lr", state["step"], epoch, lr)
                rec("loss", state["step"], epoch, cur_loss)
                rec("ppl", state["step"], epoch, ppl)
                print(
                    f"| epoch {epoch:3d} | {batch:5d}/{num_batches:5d} batches | "
                    f"lr {lr:02.2f} | ms/batch {ms_per_batch:5.2f} | "
                    f"loss {cur_loss:5.2f} | ppl {ppl:8.2f}"
                )
                total_loss = 0
                start_time = time.time()

    def evaluate(model: nn.Module, eval_data) -> float:
        model.eval()
        total_loss = 0.0
        with torch.no_grad():
            for i in range(0, eval_data.size(0) - 1, bptt):
                data, targets = get_batch(eval_data, i)
                seq_len = data.size(0)
                output = model(data)
                output_flat = output.view(-1, ntokens)
                total_loss += seq_len * criterion(output_flat, targets).item()
        return total_loss / (len(eval_data) - 1)

    best_val_loss = float("inf")
    epochs = 3
    with tempfile.TemporaryDirectory() as tempdir:
        best_model_params_path = os.path.join(tempdir, "best_model_params.pt")
        for epoch in range(1, epochs + 1):
            epoch_start_time = time.time()
            train(model)
            val_loss = evaluate(model, val_data)
            val_ppl = math.exp(val_loss)
            elapsed = time.time() - epoch_start_time
            rec("valid loss", state["step"], epoch, val_loss)
            rec("valid ppl", state["step"], epoch, val_ppl)
            print("-" * 89)
            print(
                f"| end of epoch {epoch:3d} | time: {elapsed:5.2f}s | "
                f"valid loss {val_loss:5.2f} | valid ppl {val_ppl:8.2f}"
            )
            print("-" * 89)
            if val_loss < best_val_loss:
                best_val_loss = val_loss
                torch.save(model.state_dict(), best_model_params_path)
            scheduler.step()
        model.load_state_dict(torch.load(best_model_params_path))

    test_loss = evaluate(model, test_data)
    test_ppl = math.exp(test_loss)
    rec("test loss", state["step"], None, test_loss)
    rec("test ppl", state["step"], None, test_ppl)
    print("=" * 89)
    print(f"| End of training | test loss {test_loss:5.2f} | test ppl {test_ppl:8.2f}")
    print("=" * 89)


NOTES["transformer"] = (
    "PyTorch's 'Language Modeling with nn.Transformer and torchtext' tutorial (pytorch/tutorials "
    "beginner_source/transformer_tutorial.py), its prints verbatim: every 200 batches '| epoch   1 "
    "|   200/  420 batches | lr 5.00 | ms/batch 10.21 | loss  4.51 | ppl    91.07' (batch counts "
    "from 0, printed when batch % 200 == 0 and batch > 0; 420 is the number of batches per epoch, "
    "not a metric), after each epoch the '-' * 89 framed '| end of epoch   1 | time:  5.12s | "
    "valid loss  3.44 | valid ppl    31.21', at the end the '=' * 89 framed '| End of training | "
    "test loss  3.40 | test ppl    29.96' (the best epoch's model). The truth's step is the global "
    "optimizer step the script counts (420 per epoch: printed batch 200 of epoch 2 is step 621), "
    "the epoch the printed one; valid values at the epoch's last step, test values at the final "
    "step with no epoch. 'loss' is the mean batch loss since the last print (divided by "
    "log_interval even over the first window of 201 batches, as the tutorial), 'ppl' = exp of it; "
    "'lr' is the SGD learning rate in use (StepLR gamma 0.95 per epoch: 5.00, 4.75, 4.51). "
    "'ms/batch' and the epoch's 'time' are timings (extra_ok). Data: a synthetic Markov token "
    "stream (200 tokens) instead of WikiText-2 (no torchtext); model as the tutorial but emsize / "
    "d_hid 64 instead of 200 (nlayers 2, nhead 2, dropout 0.2, bptt 35, batch 20, SGD lr 5.0)."
)
EXTRA["transformer"] = ["ms/batch (time per batch)", "time (the epoch's wall time, s)"]
KIND["transformer"] = "global"


# ------------------- 5. intermediate/char_rnn_classification_tutorial.py (rewritten form, 2024-)
def charrnn2024():
    import numpy as np

    allowed_characters = string.ascii_letters + " .,;'" + "_"
    n_letters = len(allowed_characters)

    def letterToIndex(letter):
        if letter not in allowed_characters:
            return allowed_characters.find("_")
        return allowed_characters.find(letter)

    def lineToTensor(line):
        tensor = torch.zeros(len(line), 1, n_letters)
        for li, letter in enumerate(line):
            tensor[li][0][letterToIndex(letter)] = 1
        return tensor

    print(f"The letter 'a' becomes {lineToTensor('a')}")
    print(f"The name 'Ahn' becomes {lineToTensor('Ahn')}")

    class NamesDataset(torch.utils.data.Dataset):
        def __init__(self):
            langs, category_lines = synthetic_names()
            labels_set = set()
            self.data, self.data_tensors, self.labels, self.labels_tensors = [], [], [], []
            for label in langs:
                for name in category_lines[label]:
                    self.data.append(name)
                    self.data_tensors.append(lineToTensor(name))
                    self.labels.append(label)
                labels_set.add(label)
            self.labels_uniq = list(labels_set)
            for idx in range(len(self.labels)):
                temp_tensor = torch.tensor(
                    [self.labels_uniq.index(self.labels[idx])], dtype=torch.long
                )
                self.labels_tensors.append(temp_tensor)

        def __len__(self):
            return len(self.data)

        def __getitem__(self, idx):
            data_item = self.data[idx]
            data_label = self.labels[idx]
            data_tensor = self.data_tensors[idx]
            label_tensor = self.labels_tensors[idx]
            return label_tensor, data_tensor, data_label, data_item

    alldata = NamesDataset()
    print(f"loaded {len(alldata)} items of data")
    print(f"example = {alldata[0]}")
    train_set, test_set = torch.utils.data.random_split(
        alldata, [0.85, 0.15], generator=torch.Generator().manual_seed(2024)
    )
    print(f"train examples = {len(train_set)}, validation examples = {len(test_set)}")

    class CharRNN(nn.Module):
        def __init__(self, input_size, hidden_size, output_size):
            super().__init__()
            self.rnn = nn.RNN(input_size, hidden_size)
            self.h2o = nn.Linear(hidden_size, output_size)
            self.softmax = nn.LogSoftmax(dim=1)

        def forward(self, line_tensor):
            rnn_out, hidden = self.rnn(line_tensor)
            output = self.h2o(hidden[0])
            output = self.softmax(output)
            return output

    n_hidden = 128
    rnn = CharRNN(n_letters, n_hidden, len(alldata.labels_uniq))
    print(rnn)

    def label_from_output(output, output_labels):
        top_n, top_i = output.topk(1)
        label_i = top_i[0].item()
        return output_labels[label_i], label_i

    input = lineToTensor("Albert")
    output = rnn(input)
    print(output)
    print(label_from_output(output, alldata.labels_uniq))

    def train(
        rnn, training_data, n_epoch=10, n_batch_size=64, report_every=50, learning_rate=0.2,
        criterion=nn.NLLLoss(),
    ):  # fmt: skip
        current_loss = 0
        all_losses = []
        rnn.train()
        optimizer = torch.optim.SGD(rnn.parameters(), lr=learning_rate)
        start = time.time()
        print(f"training on data set with n = {len(training_data)}")
        for iter in range(1, n_epoch + 1):
            rnn.zero_grad()
            batches = list(range(len(training_data)))
            random.shuffle(batches)
            batches = np.array_split(batches, len(batches) // n_batch_size)
            for idx, batch in enumerate(batches):
                batch_loss = 0
                for i in batch:
                    (label_tensor, text_tensor, label, text) = training_data[i]
                    output = rnn.forward(text_tensor)
                    loss = criterion(output, label_tensor)
                    batch_loss += loss
                batch_loss.backward()
                nn.utils.clip_grad_norm_(rnn.parameters(), 3)
                optimizer.step()
                optimizer.zero_grad()
                current_loss += batch_loss.item() / len(batch)
            all_losses.append(current_loss / len(batches))
            if iter % report_every == 0:
                rec("average batch loss", None, iter, all_losses[-1])
                print(f"{iter} ({iter / n_epoch:.0%}): \t average batch loss = {all_losses[-1]}")
            current_loss = 0
        return all_losses

    start = time.time()
    all_losses = train(rnn, train_set, n_epoch=27, learning_rate=0.15, report_every=5)
    end = time.time()
    print(f"training took {end - start}s")
    # plt.plot(all_losses) and evaluate()'s confusion matrix are matplotlib figures, no print


NOTES["charrnn2024"] = (
    "PyTorch's 'NLP From Scratch: Classifying Names with a Character-Level RNN' tutorial in its "
    "current (2024-) form (pytorch/tutorials intermediate_source/"
    "char_rnn_classification_tutorial.py), every print verbatim: \"The letter 'a' becomes "
    'tensor([[[1., 0., …]]])" and "The name \'Ahn\' becomes tensor(…)" (one-hot tensors over '
    "several lines), 'loaded 2160 items of data', 'example = (tensor([…]), tensor([[[0., …]]]), "
    "'Arabic', 'Ro')' (a data item: label index tensor, one-hot name tensor, label, name), "
    "'train examples = 1836, validation examples = 324' (counts), print(rnn) (module repr "
    "'CharRNN(' / '(rnn): RNN(58, 128)' / '(h2o): Linear(in_features=128, out_features=18, "
    "bias=True)' …), the untrained output 'tensor([[-2.9, …]], grad_fn=<LogSoftmaxBackward0>)' "
    "and \"('Greek', 7)\" (no metric), 'training on data set with n = 1836' (a count), then "
    "every 5 epochs '5 (19%): \\t average batch loss = 2.4710393517812883' (the epoch, the "
    "percent of the run, and the epoch's mean of per-batch mean losses printed at full repr "
    "precision, after ': ' and a tab), and 'training took 9.83s' (a duration, not a metric). "
    "The tutorial counts epochs only (step_kind epoch; step null); the truth's epoch is the "
    "printed one. Data: 18 synthetic 'languages' of 120 names each; model (nn.RNN 58 -> 128, "
    "Linear to 18, LogSoftmax), SGD lr 0.15, batch 64, 27 epochs, report_every 5 as the tutorial. "
    "The label order is the tutorial's set order (Python's string hash seed): a rerun's numbers differ."
)
EXTRA["charrnn2024"] = []
KIND["charrnn2024"] = "epoch"

STYLES = {
    "quickstart": quickstart,
    "seq2seq": seq2seq,
    "charrnn": charrnn,
    "charrnn2024": charrnn2024,
    "transformer": transformer,
}
STYLES[style]()
_truth.write(
    library="hand-written tutorial script (print), torch 2.13.0+cpu",
    script="tests/corpus/scripts/hand_tutorials.py",
    record="the values the script printed, kept by the script itself at full precision",
    step_kind=KIND[style],
    series=rec.series,
    extra_ok=EXTRA[style],
    notes=NOTES[style],
)
