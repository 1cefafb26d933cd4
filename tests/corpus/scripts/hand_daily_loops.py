"""Hand-written PyTorch loops printed exactly as three widely copied tutorials print them, on
synthetic data (no download):

  yunjey  yunjey/pytorch-tutorial's GAN (tutorials/03-advanced/generative_adversarial_network):
          'Epoch [0/3], Step [200/600], d_loss: 0.0560, g_loss: 4.2385, D(x): 0.99, D(G(z)): 0.04'
          (epoch printed 0-based as in the tutorial, step 1-based, every 200 steps)
  cifar   the PyTorch 'Training a Classifier' (CIFAR-10) tutorial: '[1,  2000] loss: 2.178' every
          2000 mini-batches of 4, 'Finished Training', 'Accuracy of the network on the 10000 test
          images: 54 %' and 'Accuracy for class: plane is 62.3 %' per class
  scratch a 'training loop from scratch' with tqdm: per epoch `loop = tqdm(loader, leave=False)`,
          loop.set_description(f'Epoch [{epoch}/{EPOCHS}]') and loop.set_postfix(loss=..., acc=...)
          after every batch, then a per-epoch validation print()

Each loop keeps its own record of what it printed (full-precision values): the truth.
Versions: torch 2.13.0+cpu, tqdm 4.70.1, Python 3.11 (venv corpus-zH-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_hand_yunjey_gan -- \
        /work/venvs/corpus-zH-1/bin/python tests/corpus/scripts/hand_daily_loops.py yunjey
    python tests/corpus/scripts/capture.py pipe real_hand_cifar_tutorial -- \
        /work/venvs/corpus-zH-1/bin/python tests/corpus/scripts/hand_daily_loops.py cifar
    python tests/corpus/scripts/capture.py pipe real_hand_scratch_tqdm -- \
        /work/venvs/corpus-zH-1/bin/python tests/corpus/scripts/hand_daily_loops.py scratch
    python tests/corpus/scripts/capture.py pty real_hand_scratch_tqdm_pty -- \
        /work/venvs/corpus-zH-1/bin/python tests/corpus/scripts/hand_daily_loops.py scratch
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _truth
import torch
import torch.nn as nn
import torch.nn.functional as F
from tqdm import tqdm

torch.manual_seed(0)
torch.set_num_threads(1)
S = _truth.Series()
SCRIPT = "tests/corpus/scripts/hand_daily_loops.py"


def yunjey():
    # Hyper-parameters (the tutorial's, smaller images and net, 3 epochs instead of 200)
    latent_size, hidden_size, image_size = 16, 64, 64
    num_epochs, batch_size = 3, 100
    data = torch.tanh(torch.randn(60000, image_size) * 0.5 + torch.linspace(-1, 1, image_size))
    loader = torch.utils.data.DataLoader(data, batch_size=batch_size, shuffle=True)
    D = nn.Sequential(
        nn.Linear(image_size, hidden_size),
        nn.LeakyReLU(0.2),
        nn.Linear(hidden_size, hidden_size),
        nn.LeakyReLU(0.2),
        nn.Linear(hidden_size, 1),
        nn.Sigmoid(),
    )
    G = nn.Sequential(
        nn.Linear(latent_size, hidden_size),
        nn.ReLU(),
        nn.Linear(hidden_size, hidden_size),
        nn.ReLU(),
        nn.Linear(hidden_size, image_size),
        nn.Tanh(),
    )
    criterion = nn.BCELoss()
    d_optimizer = torch.optim.Adam(D.parameters(), lr=0.0002)
    g_optimizer = torch.optim.Adam(G.parameters(), lr=0.0002)
    total_step = len(loader)
    for epoch in range(num_epochs):
        for i, images in enumerate(loader):
            real_labels = torch.ones(batch_size, 1)
            fake_labels = torch.zeros(batch_size, 1)
            outputs = D(images)
            d_loss_real = criterion(outputs, real_labels)
            real_score = outputs
            z = torch.randn(batch_size, latent_size)
            fake_images = G(z)
            outputs = D(fake_images)
            d_loss_fake = criterion(outputs, fake_labels)
            fake_score = outputs
            d_loss = d_loss_real + d_loss_fake
            d_optimizer.zero_grad()
            g_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()
            z = torch.randn(batch_size, latent_size)
            fake_images = G(z)
            outputs = D(fake_images)
            g_loss = criterion(outputs, real_labels)
            d_optimizer.zero_grad()
            g_optimizer.zero_grad()
            g_loss.backward()
            g_optimizer.step()
            if (i + 1) % 200 == 0:
                print(
                    f"Epoch [{epoch}/{num_epochs}], Step [{i + 1}/{total_step}], d_loss: {d_loss.item():.4f}, g_loss: {g_loss.item():.4f}, D(x): {real_score.mean().item():.2f}, D(G(z)): {fake_score.mean().item():.2f}"
                )
                step = epoch * total_step + i + 1
                S.add("d_loss", step, epoch, d_loss.item())
                S.add("g_loss", step, epoch, g_loss.item())
                S.add("D(x)", step, epoch, real_score.mean().item())
                S.add("D(G(z))", step, epoch, fake_score.mean().item())
    return dict(
        record="the loop's own record of each printed value (full precision)",
        notes=(
            "yunjey/pytorch-tutorial GAN print, every 200 of 600 steps per epoch: 'Epoch [0/3], Step [200/600], "
            "d_loss: 1.2345, g_loss: 0.8765, D(x): 0.51, D(G(z)): 0.43'. The epoch is printed 0-based (the "
            "tutorial prints `epoch`, not epoch+1: the first epoch shows [0/3]); the truth's epoch is that "
            "printed 0-based number. step = epoch x 600 + the printed step (global batch count). D(x) and "
            "D(G(z)) are the discriminator's mean outputs on real and fake batches (metrics, names with "
            "parentheses); 600 (steps per epoch) and 3 (epochs) in the brackets are counts. Nothing else is "
            "printed."
        ),
    )


class Net(nn.Module):  # the tutorial's Net, for 3x16x16 images
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 1 * 1, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def cifar():
    classes = ("plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
    protos = torch.randn(10, 3, 16, 16)

    def make(n):
        y = torch.randint(0, 10, (n,))
        return torch.utils.data.TensorDataset(protos[y] * 0.6 + torch.randn(n, 3, 16, 16), y)

    batch_size = 4
    trainloader = torch.utils.data.DataLoader(make(24000), batch_size=batch_size, shuffle=True)
    testloader = torch.utils.data.DataLoader(make(10000), batch_size=batch_size, shuffle=False)
    net = Net()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
    steps = len(trainloader)
    for epoch in range(2):  # loop over the dataset multiple times
        running_loss = 0.0
        for i, data in enumerate(trainloader, 0):
            inputs, labels = data
            optimizer.zero_grad()
            outputs = net(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            if i % 2000 == 1999:  # print every 2000 mini-batches
                print(f"[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 2000:.3f}")
                S.add("loss", epoch * steps + i + 1, epoch + 1, running_loss / 2000)
                running_loss = 0.0
    print("Finished Training")
    last = 2 * steps
    correct = 0
    total = 0
    with torch.no_grad():
        for data in testloader:
            images, labels = data
            outputs = net(images)
            _, predicted = torch.max(outputs, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    acc = 100 * correct // total
    print(f"Accuracy of the network on the 10000 test images: {acc} %")
    S.add("Accuracy of the network on the 10000 test images", last, 2, acc)
    correct_pred = {classname: 0 for classname in classes}
    total_pred = {classname: 0 for classname in classes}
    with torch.no_grad():
        for data in testloader:
            images, labels = data
            outputs = net(images)
            _, predictions = torch.max(outputs, 1)
            for label, prediction in zip(labels, predictions, strict=True):
                if label == prediction:
                    correct_pred[classes[label]] += 1
                total_pred[classes[label]] += 1
    for classname, correct_count in correct_pred.items():
        accuracy = 100 * float(correct_count) / total_pred[classname]
        print(f"Accuracy for class: {classname:5s} is {accuracy:.1f} %")
        S.add(f"Accuracy for class: {classname}", last, 2, accuracy)
    return dict(
        record="the loop's own record of each printed value (full precision)",
        notes=(
            "The PyTorch CIFAR-10 tutorial's prints: '[1,  2000] loss: 2.178' = [epoch (1-based), mini-batch "
            "index within the epoch (%5d)] and the running mean loss of the last 2000 mini-batches; 6000 "
            "mini-batches of 4 per epoch, 2 epochs: step = (epoch-1) x 6000 + the printed index. Then "
            "'Finished Training', 'Accuracy of the network on the 10000 test images: 54 %' (integer percent, "
            "100*correct//total; the 10000 is a count inside the phrase: truth name is the phrase) and ten "
            "'Accuracy for class: plane is 62.3 %' lines (per-class accuracy in percent; the class name "
            "labels the value: truth names 'Accuracy for class: plane', 'Accuracy for class: car', ... ('{classname:5s}' pads "
            "'cat  ', 'dog  ', 'car  ')). All final values at the last training step 12000. Synthetic 3x16x16 "
            "images of 10 classes (the tutorial's Net with its conv sizes fitted to 16x16)."
        ),
    )


DRAWN = []  # (global step the values belong to, values) per bar drawn with a postfix
CURRENT = {}


class Bar(tqdm):
    def display(self, msg=None, pos=None):
        if CURRENT.get("step") and self.postfix:
            if not DRAWN or DRAWN[-1][0] != CURRENT["step"]:
                DRAWN.append((CURRENT["step"], CURRENT["epoch"], dict(CURRENT["values"])))
        return super().display(msg, pos)


def scratch():
    EPOCHS = 3
    w_true = torch.randn(20)
    x = torch.randn(1600, 20)
    y = (x @ w_true + 0.5 * torch.randn(1600) > 0).long()
    train = torch.utils.data.TensorDataset(x[:1280], y[:1280])
    val = torch.utils.data.TensorDataset(x[1280:], y[1280:])
    train_loader = torch.utils.data.DataLoader(train, batch_size=32, shuffle=True)
    val_loader = torch.utils.data.DataLoader(val, batch_size=64)
    model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    loss_fn = nn.CrossEntropyLoss()
    step = 0
    for epoch in range(1, EPOCHS + 1):
        model.train()
        loop = Bar(train_loader, leave=False)
        for xb, yb in loop:
            step += 1
            out = model(xb)
            loss = loss_fn(out, yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            time.sleep(0.01)  # stands for a real step's compute
            acc = (out.argmax(1) == yb).float().mean().item()
            CURRENT.update(step=step, epoch=epoch, values={"loss": loss.item(), "acc": acc})
            loop.set_description(f"Epoch [{epoch}/{EPOCHS}]")
            loop.set_postfix(loss=loss.item(), acc=acc)
        CURRENT["step"] = None
        model.eval()
        vloss, vcorrect = 0.0, 0
        with torch.no_grad():
            for xb, yb in val_loader:
                out = model(xb)
                vloss += loss_fn(out, yb).item() * len(yb)
                vcorrect += (out.argmax(1) == yb).sum().item()
        vloss /= len(val)
        vacc = vcorrect / len(val)
        print(f"Validation loss: {vloss:.4f}, accuracy: {vacc:.2%}")
        for s, ep, vals in DRAWN:
            if ep == epoch:
                S.add("loss", s, ep, vals["loss"])
                S.add("acc", s, ep, vals["acc"])
        S.add("Validation loss", step, epoch, vloss)
        S.add("accuracy", step, epoch, 100 * vacc)
    return dict(
        record="the bar states tqdm drew (tqdm.display wrapped) with the full-precision values behind each "
        "postfix, and the values of the validation prints",
        extra_ok=["the bar's rate (it/s)"],
        notes=(
            "Per epoch a fresh bar over the loader, `loop = tqdm(train_loader, leave=False)`; after every "
            "batch loop.set_description(f'Epoch [{epoch}/3]') and loop.set_postfix(loss=loss.item(), "
            "acc=acc) (refresh=True: each call redraws): 'Epoch [2/3]:  45%|████▌     | 18/40 [00:00<00:00, "
            "81.3it/s, acc=0.875, loss=0.412]' (set_postfix sorts the keys: acc before loss). The postfix "
            "values are tqdm's 3 significant digits; they belong to the batch just trained, but the bar's "
            "n/total is NOT that batch: tqdm's iterator keeps its count in a local variable and copies it to "
            "the bar only at its own timed refreshes (mininterval 0.1 s), so the set_postfix/set_description "
            "redraws in between all show the count of the last timed refresh (the first 0.1 s of each epoch "
            "draws '0/40' with changing postfixes; 10 ms per step: about 10 postfixes per shown position). "
            "set_description redraws the previous postfix once more before set_postfix draws the new one. "
            "Truth step = the global batch (40 per epoch) the values "
            "belong to; one point per batch whose values were drawn. leave=False: each epoch's bar is erased "
            "when it closes ('\\r' + spaces + '\\r' piped; ESC[A/ESC[K under a pty). After each epoch a "
            "print(): 'Validation loss: 0.4361, accuracy: 82.19%' (accuracy printed in percent by '{:.2%}': "
            "truth holds the percent), at the epoch's last step. The description 'Epoch [2/3]' (epoch/total), "
            "the bar's percentage and n/total are counts. Piped, tqdm writes to stderr and the prints go to "
            "stdout (block-buffered), so the three validation lines come out together at the end, after all "
            "bars."
        ),
    )


VARIANTS = {"yunjey": yunjey, "cifar": cifar, "scratch": scratch}

if __name__ == "__main__":
    which = sys.argv[1]
    info = VARIANTS[which]()
    _truth.write(
        library="hand-written PyTorch loop, torch 2.13.0+cpu"
        + (", tqdm 4.70.1" if which == "scratch" else ""),
        script=SCRIPT,
        step_kind="global",
        series=S,
        **info,
    )
