"""The training script Guild AI runs in tracker_guild.py (its module globals are Guild's flags):
a tiny numpy MLP (_toy.py) printing Guild's output-scalar lines 'name: value', one per line,
with 'step: N' before each group (Guild's default output scalars read these lines).
"""

from _toy import Toy

lr = 0.3
batch_size = 32
epochs = 3


def main():
    toy = Toy(n=960, batch=batch_size, lr=lr)
    step = 0
    for _epoch in range(epochs):
        for _ in range(toy.steps_per_epoch):
            step += 1
            loss, acc = toy.train_step()
            if step % 10 == 0:
                print(f"step: {step}")
                print(f"loss: {loss:.4f}")
                print(f"accuracy: {acc:.4f}")
        val_loss, val_acc = toy.evaluate()
        print(f"val_loss: {val_loss:.4f}")
        print(f"val_accuracy: {val_acc:.4f}")


if __name__ == "__main__":
    main()
