"""PyTorch's static quantization tutorial (advanced/static_quantization_tutorial: eager mode
post-training static quantization, per-channel, quantization-aware training, speed-up), its print
statements verbatim, on a small quantizable CNN and synthetic 10-class images (the tutorial's
MobileNetV2/ImageNet need torchvision and downloads). The float model the tutorial loads is trained by
the script first, silently.

Versions: torch 2.13.0 (CPU, torch.ao.quantization), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAR-1):
    python tests/corpus/scripts/capture.py pipe real_torch_ao_static_quant_tutorial -- /work/venvs/corpus-zAR-1/bin/python tests/corpus/scripts/torch_ao_static_quant_tutorial.py
(plain print(): the same under a terminal, no pty entry.)
Truth: the tutorial's AverageMeter values (top1.avg, top5.avg, avgloss.avg) kept as printed, full
precision.
"""

# ruff: noqa: B007, F841, UP004, UP031, UP032  (the tutorial's/example's code and prints are kept as they are)

import os
import sys
import time
import warnings

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torch.nn as nn
from torch.ao.quantization import DeQuantStub, QuantStub

warnings.filterwarnings("ignore", message=".*deprecated.*")  # the tutorial silences these too
series = _truth.Series()
TMP = "/tmp/corpus-zAR"


class ConvBNReLU(nn.Sequential):
    def __init__(self, in_planes, out_planes, kernel_size=3, stride=1):
        padding = (kernel_size - 1) // 2
        super().__init__(
            nn.Conv2d(in_planes, out_planes, kernel_size, stride, padding, bias=False),
            nn.BatchNorm2d(out_planes, momentum=0.1),
            nn.ReLU(inplace=False),
        )


class SmallNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.quant = QuantStub()
        self.features = nn.Sequential(
            ConvBNReLU(3, 16, stride=2), ConvBNReLU(16, 32, stride=2), ConvBNReLU(32, 32)
        )
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(32, num_classes))
        self.dequant = DeQuantStub()

    def forward(self, x):
        x = self.quant(x)
        x = self.features(x)
        x = self.pool(x).reshape(x.shape[0], -1)
        x = self.classifier(x)
        return self.dequant(x)

    def fuse_model(self, is_qat=False):
        fuse_modules = (
            torch.ao.quantization.fuse_modules_qat if is_qat else torch.ao.quantization.fuse_modules
        )
        for m in self.modules():
            if type(m) is ConvBNReLU:
                fuse_modules(m, ["0", "1", "2"], inplace=True)


class AverageMeter(object):
    """Computes and stores the average and current value"""

    def __init__(self, name, fmt=":f"):
        self.name = name
        self.fmt = fmt
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count

    def __str__(self):
        fmtstr = "{name} {val" + self.fmt + "} ({avg" + self.fmt + "})"
        return fmtstr.format(**self.__dict__)


def accuracy(output, target, topk=(1,)):
    """Computes the accuracy over the k top predictions for the specified values of k"""
    with torch.no_grad():
        maxk = max(topk)
        batch_size = target.size(0)
        _, pred = output.topk(maxk, 1, True, True)
        pred = pred.t()
        correct = pred.eq(target.view(1, -1).expand_as(pred))
        res = []
        for k in topk:
            correct_k = correct[:k].reshape(-1).float().sum(0, keepdim=True)
            res.append(correct_k.mul_(100.0 / batch_size))
        return res


def evaluate(model, criterion, data_loader, neval_batches):
    model.eval()
    top1 = AverageMeter("Acc@1", ":6.2f")
    top5 = AverageMeter("Acc@5", ":6.2f")
    cnt = 0
    with torch.no_grad():
        for image, target in data_loader:
            output = model(image)
            loss = criterion(output, target)
            cnt += 1
            acc1, acc5 = accuracy(output, target, topk=(1, 5))
            print(".", end="")
            top1.update(acc1[0], image.size(0))
            top5.update(acc5[0], image.size(0))
            if cnt >= neval_batches:
                return top1, top5
    return top1, top5


def print_size_of_model(model):
    torch.save(model.state_dict(), f"{TMP}/temp.p")
    print("Size (MB):", os.path.getsize(f"{TMP}/temp.p") / 1e6)
    os.remove(f"{TMP}/temp.p")


def train_one_epoch(model, criterion, optimizer, data_loader, device, ntrain_batches, epoch=None):
    model.train()
    top1 = AverageMeter("Acc@1", ":6.2f")
    top5 = AverageMeter("Acc@5", ":6.2f")
    avgloss = AverageMeter("Loss", "1.5f")
    cnt = 0
    for image, target in data_loader:
        print(".", end="")
        cnt += 1
        image, target = image.to(device), target.to(device)
        output = model(image)
        loss = criterion(output, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        acc1, acc5 = accuracy(output, target, topk=(1, 5))
        top1.update(acc1[0], image.size(0))
        top5.update(acc5[0], image.size(0))
        avgloss.update(loss, image.size(0))
        if cnt >= ntrain_batches:
            print("Loss", avgloss.avg)
            print(
                "Training: * Acc@1 {top1.avg:.3f} Acc@5 {top5.avg:.3f}".format(top1=top1, top5=top5)
            )
            if epoch is not None:
                series.add("Loss", None, epoch, float(avgloss.avg.detach()))
                series.add("Training: Acc@1", None, epoch, float(top1.avg))
                series.add("Training: Acc@5", None, epoch, float(top5.avg))
            return
    print(
        "Full imagenet train set:  * Acc@1 {top1.global_avg:.3f} Acc@5 {top5.global_avg:.3f}".format(
            top1=top1, top5=top5
        )
    )


def run_benchmark(model_file, img_loader):
    elapsed = 0
    model = torch.jit.load(model_file)
    model.eval()
    num_batches = 5
    for i, (images, target) in enumerate(img_loader):
        if i < num_batches:
            start = time.time()
            output = model(images)
            end = time.time()
            elapsed = elapsed + (end - start)
        else:
            break
    num_images = images.size()[0] * num_batches
    print("Elapsed time: %3.0f ms" % (elapsed / num_images * 1000))
    return elapsed


def synthetic(n, gen, protos):
    y = torch.randint(0, 10, (n,), generator=gen)
    x = protos[y] + 1.0 * torch.randn(n, 3, 24, 24, generator=gen)
    return torch.utils.data.TensorDataset(x, y)


torch.manual_seed(191009)
gen = torch.Generator().manual_seed(0)
protos = torch.randn(10, 3, 24, 24, generator=gen).clamp(-1, 1) * 0.5
dataset, dataset_test = synthetic(1600, gen, protos), synthetic(600, gen, protos)
train_batch_size, eval_batch_size = 30, 50
data_loader = torch.utils.data.DataLoader(dataset, batch_size=train_batch_size, shuffle=True)
data_loader_test = torch.utils.data.DataLoader(dataset_test, batch_size=eval_batch_size)
criterion = nn.CrossEntropyLoss()
saved_model_dir = TMP + "/"
float_model_file = "smallnet_pretrained_float.pth"
scripted_float_model_file = "smallnet_quantization_scripted.pth"
scripted_quantized_model_file = "smallnet_quantization_scripted_quantized.pth"

# stands for the tutorial's downloaded pretrained float model
pre = SmallNet()
opt = torch.optim.SGD(pre.parameters(), lr=0.05, momentum=0.9)
for _ in range(4):
    for image, target in data_loader:
        opt.zero_grad()
        criterion(pre(image), target).backward()
        opt.step()
torch.save(pre.state_dict(), saved_model_dir + float_model_file)


def load_model(model_file):
    model = SmallNet()
    model.load_state_dict(torch.load(model_file, weights_only=True))
    model.to("cpu")
    return model


num_eval_batches = 6
num_calibration_batches = 8

float_model = load_model(saved_model_dir + float_model_file).to("cpu")
float_model.eval()
print("\n Inverted Residual Block: Before fusion \n\n", float_model.features[1])
float_model.fuse_model()
print("\n Inverted Residual Block: After fusion\n\n", float_model.features[1])

print("Size of baseline model")
print_size_of_model(float_model)
top1, top5 = evaluate(float_model, criterion, data_loader_test, neval_batches=num_eval_batches)
print("Evaluation accuracy on %d images, %2.2f" % (num_eval_batches * eval_batch_size, top1.avg))
series.add("Evaluation accuracy (float model)", None, None, float(top1.avg))
torch.jit.save(torch.jit.script(float_model), saved_model_dir + scripted_float_model_file)

myModel = load_model(saved_model_dir + float_model_file).to("cpu")
myModel.eval()
myModel.fuse_model()
myModel.qconfig = torch.ao.quantization.default_qconfig
print(myModel.qconfig)
torch.ao.quantization.prepare(myModel, inplace=True)
print("Post Training Quantization Prepare: Inserting Observers")
print("\n Inverted Residual Block:After observer insertion \n\n", myModel.features[1])
evaluate(myModel, criterion, data_loader, neval_batches=num_calibration_batches)
print("Post Training Quantization: Calibration done")
torch.ao.quantization.convert(myModel, inplace=True)
print("Post Training Quantization: Convert done")
print(
    "\n Inverted Residual Block: After fusion and quantization, note fused modules: \n\n",
    myModel.features[1],
)
print("Size of model after quantization")
print_size_of_model(myModel)
top1, top5 = evaluate(myModel, criterion, data_loader_test, neval_batches=num_eval_batches)
print("Evaluation accuracy on %d images, %2.2f" % (num_eval_batches * eval_batch_size, top1.avg))
series.add("Evaluation accuracy (per-tensor quantized)", None, None, float(top1.avg))

per_channel_quantized_model = load_model(saved_model_dir + float_model_file)
per_channel_quantized_model.eval()
per_channel_quantized_model.fuse_model()
per_channel_quantized_model.qconfig = torch.ao.quantization.get_default_qconfig("x86")
print(per_channel_quantized_model.qconfig)
torch.ao.quantization.prepare(per_channel_quantized_model, inplace=True)
evaluate(per_channel_quantized_model, criterion, data_loader, num_calibration_batches)
torch.ao.quantization.convert(per_channel_quantized_model, inplace=True)
top1, top5 = evaluate(
    per_channel_quantized_model, criterion, data_loader_test, neval_batches=num_eval_batches
)
print("Evaluation accuracy on %d images, %2.2f" % (num_eval_batches * eval_batch_size, top1.avg))
series.add("Evaluation accuracy (per-channel quantized)", None, None, float(top1.avg))
torch.jit.save(
    torch.jit.script(per_channel_quantized_model), saved_model_dir + scripted_quantized_model_file
)

qat_model = load_model(saved_model_dir + float_model_file)
qat_model.fuse_model(is_qat=True)
optimizer = torch.optim.SGD(qat_model.parameters(), lr=0.0001)
qat_model.qconfig = torch.ao.quantization.get_default_qat_qconfig("x86")
torch.ao.quantization.prepare_qat(qat_model, inplace=True)
print(
    "Inverted Residual Block: After preparation for QAT, note fake-quantization modules \n",
    qat_model.features[1],
)

num_train_batches = 20
for nepoch in range(5):
    train_one_epoch(
        qat_model, criterion, optimizer, data_loader, torch.device("cpu"), num_train_batches, nepoch
    )
    if nepoch > 3:
        qat_model.apply(torch.ao.quantization.disable_observer)
    if nepoch > 2:
        qat_model.apply(torch.ao.nn.intrinsic.qat.freeze_bn_stats)
    quantized_model = torch.ao.quantization.convert(qat_model.eval(), inplace=False)
    quantized_model.eval()
    top1, top5 = evaluate(
        quantized_model, criterion, data_loader_test, neval_batches=num_eval_batches
    )
    print(
        "Epoch %d :Evaluation accuracy on %d images, %2.2f"
        % (nepoch, num_eval_batches * eval_batch_size, top1.avg)
    )
    series.add("Epoch Evaluation accuracy (QAT)", None, nepoch, float(top1.avg))

run_benchmark(saved_model_dir + scripted_float_model_file, data_loader_test)
run_benchmark(saved_model_dir + scripted_quantized_model_file, data_loader_test)

_truth.write(
    library=f"torch {torch.__version__} (torch.ao.quantization, eager mode)",
    script="tests/corpus/scripts/torch_ao_static_quant_tutorial.py",
    record="the tutorial's AverageMeter averages (top1.avg, top5.avg, avgloss.avg) as printed",
    step_kind="epoch",
    series=series,
    extra_ok=["Elapsed time (ms per image of the scripted float / quantized model)"],
    notes=(
        "PyTorch's static quantization tutorial, its prints verbatim. evaluate() and train_one_epoch() print "
        "'.' per batch with end='', so the next line starts after a run of dots: '......Evaluation accuracy on "
        "300 images, 84.33' ('300 images' is the number of images evaluated, a count; the value is top1.avg, a "
        "percent, '%2.2f'). That line is printed for three DIFFERENT models, with no name: the fused float "
        "baseline (series 'Evaluation accuracy (float model)'), the per-tensor post-training-quantized model "
        "(after 'Size of model after quantization' / 'Size (MB): 0.03…': series 'Evaluation accuracy "
        "(per-tensor quantized)') and the per-channel one (series 'Evaluation accuracy (per-channel "
        "quantized)'), one point each; the series names add the model in brackets since the printed name is "
        "the same. The calibration passes print only dots. 'Size (MB): 0.042…' (the state_dict file's size), "
        "the module reprs (Conv2d(16, 32, kernel_size=(3, 3), stride=(2, 2), …), QuantizedConvReLU2d(…, "
        "scale=0.0123, zero_point=0, …)) and the printed QConfig (MinMaxObserver quant_min=0, quant_max=127, "
        "HistogramObserver reduce_range=True, PerChannelMinMaxObserver ch_axis=0, qscheme) are sizes and "
        "configuration, no metric. Quantization-aware training, 5 epochs of 20 batches: per epoch '"
        "....................Loss tensor(0.4321, grad_fn=<DivBackward0>)' (the tutorial prints the loss "
        "meter's average, a tensor: series 'Loss'), 'Training: * Acc@1 84.333 Acc@5 99.000' (series "
        "'Training: Acc@1', 'Training: Acc@5': the training batches' running accuracy, percent) and "
        "'......Epoch 0 :Evaluation accuracy on 300 images, 85.67' (the converted QAT model's test accuracy: "
        "series 'Epoch Evaluation accuracy (QAT)', epoch 0-based as printed). 'Elapsed time:   1 ms' twice "
        "(scripted float, then scripted per-channel quantized model: ms per image, a timing). Model: a 3-block "
        "ConvBNReLU CNN with QuantStub/DeQuantStub on synthetic 3x24x24 images."
    ),
)
