"""PyTorch's knowledge distillation tutorial (beginner/knowledge_distillation_tutorial): a teacher
(DeepNN) and a student (LightNN) trained with cross-entropy, then a fresh student trained with CE +
KD loss, then with CE + cosine loss on hidden representations; its print statements verbatim, on
synthetic 3x16x16 10-class images (the tutorial uses CIFAR-10; the classifiers are sized for 16x16).

Versions: torch 2.13.0 (CPU), Python 3.11.
Capture (repository root, venv /work/venvs/corpus-zAR-1):
    python tests/corpus/scripts/capture.py pipe real_torch_kd_tutorial -- /work/venvs/corpus-zAR-1/bin/python tests/corpus/scripts/torch_kd_tutorial.py
(plain print(): the same under a terminal, no pty entry.)
Truth: the values the tutorial's functions print (running_loss / len(train_loader), the test
accuracy), kept as printed, full precision.
"""

# ruff: noqa: UP032  (the tutorial's/example's code and prints are kept as they are)

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import torch
import torch.nn as nn
import torch.optim as optim

series = _truth.Series()
run = {"name": ""}
device = "cpu"
EPOCHS = 3


def synthetic(n, gen, protos):
    y = torch.randint(0, 10, (n,), generator=gen)
    x = protos[y] + 1.0 * torch.randn(n, 3, 16, 16, generator=gen)
    return torch.utils.data.TensorDataset(x, y)


gen = torch.Generator().manual_seed(0)
protos = torch.randn(10, 3, 16, 16, generator=gen) * 0.4
train_dataset, test_dataset = synthetic(1024, gen, protos), synthetic(512, gen, protos)
train_loader = torch.utils.data.DataLoader(
    train_dataset, batch_size=128, shuffle=True, num_workers=0
)
test_loader = torch.utils.data.DataLoader(
    test_dataset, batch_size=128, shuffle=False, num_workers=0
)


class DeepNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 128, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.Conv2d(128, 64, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Conv2d(64, 64, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.Conv2d(64, 32, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.classifier = nn.Sequential(
            nn.Linear(512, 512), nn.ReLU(), nn.Dropout(0.1), nn.Linear(512, num_classes)
        )

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


class LightNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 16, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Conv2d(16, 16, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.classifier = nn.Sequential(
            nn.Linear(256, 256), nn.ReLU(), nn.Dropout(0.1), nn.Linear(256, num_classes)
        )

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


def train(model, train_loader, epochs, learning_rate, device):
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=learning_rate)
    model.train()
    for epoch in range(epochs):
        running_loss = 0.0
        for inputs, labels in train_loader:
            inputs, labels = inputs.to(device), labels.to(device)
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
        print(f"Epoch {epoch + 1}/{epochs}, Loss: {running_loss / len(train_loader)}")
        series.add(f"Loss ({run['name']})", None, epoch + 1, running_loss / len(train_loader))


def test(model, test_loader, device):
    model.to(device)
    model.eval()
    correct = 0
    total = 0
    with torch.no_grad():
        for inputs, labels in test_loader:
            inputs, labels = inputs.to(device), labels.to(device)
            outputs = model(inputs)
            _, predicted = torch.max(outputs.data, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    accuracy = 100 * correct / total
    print(f"Test Accuracy: {accuracy:.2f}%")
    series.add(f"Test Accuracy ({run['name']})", None, None, accuracy)
    return accuracy


def train_knowledge_distillation(
    teacher,
    student,
    train_loader,
    epochs,
    learning_rate,
    T,
    soft_target_loss_weight,
    ce_loss_weight,
    device,
):
    ce_loss = nn.CrossEntropyLoss()
    optimizer = optim.Adam(student.parameters(), lr=learning_rate)
    teacher.eval()
    student.train()
    for epoch in range(epochs):
        running_loss = 0.0
        for inputs, labels in train_loader:
            inputs, labels = inputs.to(device), labels.to(device)
            optimizer.zero_grad()
            with torch.no_grad():
                teacher_logits = teacher(inputs)
            student_logits = student(inputs)
            soft_targets = nn.functional.softmax(teacher_logits / T, dim=-1)
            soft_prob = nn.functional.log_softmax(student_logits / T, dim=-1)
            soft_targets_loss = (
                torch.sum(soft_targets * (soft_targets.log() - soft_prob))
                / soft_prob.size()[0]
                * (T**2)
            )
            label_loss = ce_loss(student_logits, labels)
            loss = soft_target_loss_weight * soft_targets_loss + ce_loss_weight * label_loss
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
        print(f"Epoch {epoch + 1}/{epochs}, Loss: {running_loss / len(train_loader)}")
        series.add(f"Loss ({run['name']})", None, epoch + 1, running_loss / len(train_loader))


class ModifiedDeepNNCosine(DeepNN):
    def forward(self, x):
        x = self.features(x)
        flattened_conv_output = torch.flatten(x, 1)
        x = self.classifier(flattened_conv_output)
        flattened_conv_output_after_pooling = torch.nn.functional.avg_pool1d(
            flattened_conv_output, 2
        )
        return x, flattened_conv_output_after_pooling


class ModifiedLightNNCosine(LightNN):
    def forward(self, x):
        x = self.features(x)
        flattened_conv_output = torch.flatten(x, 1)
        x = self.classifier(flattened_conv_output)
        return x, flattened_conv_output


def train_cosine_loss(
    teacher,
    student,
    train_loader,
    epochs,
    learning_rate,
    hidden_rep_loss_weight,
    ce_loss_weight,
    device,
):
    ce_loss = nn.CrossEntropyLoss()
    cosine_loss = nn.CosineEmbeddingLoss()
    optimizer = optim.Adam(student.parameters(), lr=learning_rate)
    teacher.to(device)
    student.to(device)
    teacher.eval()
    student.train()
    for epoch in range(epochs):
        running_loss = 0.0
        for inputs, labels in train_loader:
            inputs, labels = inputs.to(device), labels.to(device)
            optimizer.zero_grad()
            with torch.no_grad():
                _, teacher_hidden_representation = teacher(inputs)
            student_logits, student_hidden_representation = student(inputs)
            hidden_rep_loss = cosine_loss(
                student_hidden_representation,
                teacher_hidden_representation,
                target=torch.ones(inputs.size(0)).to(device),
            )
            label_loss = ce_loss(student_logits, labels)
            loss = hidden_rep_loss_weight * hidden_rep_loss + ce_loss_weight * label_loss
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
        print(f"Epoch {epoch + 1}/{epochs}, Loss: {running_loss / len(train_loader)}")
        series.add(f"Loss ({run['name']})", None, epoch + 1, running_loss / len(train_loader))


def test_multiple_outputs(model, test_loader, device):
    model.to(device)
    model.eval()
    correct = 0
    total = 0
    with torch.no_grad():
        for inputs, labels in test_loader:
            inputs, labels = inputs.to(device), labels.to(device)
            outputs, _ = model(inputs)
            _, predicted = torch.max(outputs.data, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    accuracy = 100 * correct / total
    print(f"Test Accuracy: {accuracy:.2f}%")
    series.add(f"Test Accuracy ({run['name']})", None, None, accuracy)
    return accuracy


run["name"] = "teacher"
torch.manual_seed(42)
nn_deep = DeepNN(num_classes=10).to(device)
train(nn_deep, train_loader, epochs=EPOCHS, learning_rate=0.001, device=device)
test_accuracy_deep = test(nn_deep, test_loader, device)

torch.manual_seed(42)
nn_light = LightNN(num_classes=10).to(device)
torch.manual_seed(42)
new_nn_light = LightNN(num_classes=10).to(device)
print("Norm of 1st layer of nn_light:", torch.norm(nn_light.features[0].weight).item())
print("Norm of 1st layer of new_nn_light:", torch.norm(new_nn_light.features[0].weight).item())
total_params_deep = "{:,}".format(sum(p.numel() for p in nn_deep.parameters()))
print(f"DeepNN parameters: {total_params_deep}")
total_params_light = "{:,}".format(sum(p.numel() for p in nn_light.parameters()))
print(f"LightNN parameters: {total_params_light}")

run["name"] = "student CE"
train(nn_light, train_loader, epochs=EPOCHS, learning_rate=0.001, device=device)
test_accuracy_light_ce = test(nn_light, test_loader, device)
print(f"Teacher accuracy: {test_accuracy_deep:.2f}%")
print(f"Student accuracy: {test_accuracy_light_ce:.2f}%")
series.add("Teacher accuracy", None, None, test_accuracy_deep)
series.add("Student accuracy", None, None, test_accuracy_light_ce)

run["name"] = "student CE + KD"
train_knowledge_distillation(
    teacher=nn_deep,
    student=new_nn_light,
    train_loader=train_loader,
    epochs=EPOCHS,
    learning_rate=0.001,
    T=2,
    soft_target_loss_weight=0.25,
    ce_loss_weight=0.75,
    device=device,
)
test_accuracy_light_ce_and_kd = test(new_nn_light, test_loader, device)
print(f"Teacher accuracy: {test_accuracy_deep:.2f}%")
print(f"Student accuracy without teacher: {test_accuracy_light_ce:.2f}%")
print(f"Student accuracy with CE + KD: {test_accuracy_light_ce_and_kd:.2f}%")
series.add("Teacher accuracy", None, None, test_accuracy_deep)
series.add("Student accuracy without teacher", None, None, test_accuracy_light_ce)
series.add("Student accuracy with CE + KD", None, None, test_accuracy_light_ce_and_kd)

modified_nn_deep = ModifiedDeepNNCosine(num_classes=10).to(device)
modified_nn_deep.load_state_dict(nn_deep.state_dict())
torch.manual_seed(42)
modified_nn_light = ModifiedLightNNCosine(num_classes=10).to(device)
print("Norm of 1st layer:", torch.norm(modified_nn_light.features[0].weight).item())
sample_input = torch.randn(128, 3, 16, 16).to(device)
logits, hidden_representation = modified_nn_light(sample_input)
print("Student logits shape:", logits.shape)
print("Student hidden representation shape:", hidden_representation.shape)
logits, hidden_representation = modified_nn_deep(sample_input)
print("Teacher logits shape:", logits.shape)
print("Teacher hidden representation shape:", hidden_representation.shape)
run["name"] = "student CE + CosineLoss"
train_cosine_loss(
    teacher=modified_nn_deep,
    student=modified_nn_light,
    train_loader=train_loader,
    epochs=EPOCHS,
    learning_rate=0.001,
    hidden_rep_loss_weight=0.25,
    ce_loss_weight=0.75,
    device=device,
)
test_accuracy_light_ce_and_cosine_loss = test_multiple_outputs(
    modified_nn_light, test_loader, device
)
print(f"Student accuracy with CE + CosineLoss: {test_accuracy_light_ce_and_cosine_loss:.2f}%")
series.add(
    "Student accuracy with CE + CosineLoss", None, None, test_accuracy_light_ce_and_cosine_loss
)

_truth.write(
    library=f"torch {torch.__version__}",
    script="tests/corpus/scripts/torch_kd_tutorial.py",
    record="the values the tutorial's train/test functions print, kept as printed",
    step_kind="epoch",
    series=series,
    notes=(
        "PyTorch's knowledge distillation tutorial, its prints verbatim, 3 epochs per run instead of 10. Four "
        "models are trained one after another and every training epoch prints the SAME line 'Epoch 1/3, Loss: "
        "1.8912345678' (print of a float: repr digits; epoch 1-based, '/3' the number of epochs) and every test "
        "the same 'Test Accuracy: 54.30%': the teacher (DeepNN, CE), the student (LightNN, CE), a fresh student "
        "trained with CE + KD loss (T=2, soft-target weight 0.25, CE weight 0.75: not metrics), then a student "
        "trained with CE + cosine loss on hidden representations. Each run is its own series: 'Loss (teacher)', "
        "'Loss (student CE)', 'Loss (student CE + KD)', 'Loss (student CE + CosineLoss)', and 'Test Accuracy "
        "(<run>)' one point each (the names add the run in brackets: the printed words are the same; the KD and "
        "cosine losses are different quantities from CE). The summaries name the models: 'Teacher accuracy: "
        "…%' (printed twice, the same value: two points), 'Student accuracy: …%', 'Student accuracy without "
        "teacher: …%' (the CE student again), 'Student accuracy with CE + KD: …%', 'Student accuracy with CE + "
        "CosineLoss: …%'. Not metrics: 'Norm of 1st layer of nn_light: 2.3273…' (a weight norm, showing the two "
        "students start equal; printed again as 'Norm of 1st layer:'), 'DeepNN parameters: 1,186,986' and "
        "'LightNN parameters: 267,738' (parameter counts with thousands commas), 'Student logits shape: "
        "torch.Size([128, 10])' and the hidden representation shapes. Data: synthetic 3x16x16 images, 1024 "
        "train / 512 test."
    ),
)
