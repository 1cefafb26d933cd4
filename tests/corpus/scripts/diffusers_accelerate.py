# A diffusers training loop in the shape of diffusers' examples/text_to_image/train_text_to_image.py:
# Accelerator, a tqdm bar over all steps ("Steps"), set_postfix(step_loss=..., lr=...) every step and
# accelerator.log({"train_loss": ...}) per optimizer step. Tiny UNet2DModel from a config (random init),
# DDPM noise schedule, synthetic 16x16 images. No download.
# diffusers 0.42.1, accelerate 1.16.0, torch 2.13.0+cpu, tqdm 4.70.1.
# Truth: the script's own record of every logged value (what set_postfix and accelerator.log got), --record.
# Captures (from the repo root):
#   python tests/corpus/scripts/capture_torch.py pipe tests/corpus/console/real_diffusers_accelerate.txt -- \
#       python tests/corpus/scripts/diffusers_accelerate.py --record /tmp/diff_pipe.json
#   python tests/corpus/scripts/capture_torch.py pty tests/corpus/console/real_diffusers_accelerate_pty.txt -- \
#       python tests/corpus/scripts/diffusers_accelerate.py --record /tmp/diff_pty.json
import argparse
import json
import logging

import torch
import torch.nn.functional as F
from accelerate import Accelerator
from accelerate.logging import get_logger
from accelerate.utils import set_seed
from diffusers import DDPMScheduler, UNet2DModel
from diffusers.optimization import get_scheduler
from tqdm.auto import tqdm

logger = get_logger(__name__, log_level="INFO")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--record", required=True)
    a = p.parse_args()
    logging.basicConfig(
        format="%(asctime)s - %(levelname)s - %(name)s - %(message)s",
        datefmt="%m/%d/%Y %H:%M:%S",
        level=logging.INFO,
    )
    accelerator = Accelerator(gradient_accumulation_steps=1, cpu=True)
    set_seed(0)
    model = UNet2DModel(
        sample_size=16,
        in_channels=3,
        out_channels=3,
        layers_per_block=1,
        block_out_channels=(16, 32),
        down_block_types=("DownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "UpBlock2D"),
        norm_num_groups=8,
    )
    noise_scheduler = DDPMScheduler(num_train_timesteps=100)
    images = torch.rand(48, 3, 16, 16, generator=torch.Generator().manual_seed(1)) * 2 - 1
    loader = torch.utils.data.DataLoader(images, batch_size=8, shuffle=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    epochs = 3
    max_train_steps = epochs * len(loader)
    lr_scheduler = get_scheduler(
        "cosine", optimizer=optimizer, num_warmup_steps=3, num_training_steps=max_train_steps
    )
    model, optimizer, loader, lr_scheduler = accelerator.prepare(
        model, optimizer, loader, lr_scheduler
    )

    logger.info("***** Running training *****")
    logger.info(f"  Num examples = {len(images)}")
    logger.info(f"  Num Epochs = {epochs}")
    logger.info(f"  Total optimization steps = {max_train_steps}")
    record = []
    global_step = 0
    progress_bar = tqdm(
        range(0, max_train_steps),
        initial=0,
        desc="Steps",
        disable=not accelerator.is_local_main_process,
    )
    for epoch in range(epochs):
        model.train()
        train_loss = 0.0
        for clean in loader:
            with accelerator.accumulate(model):
                noise = torch.randn_like(clean)
                t = torch.randint(
                    0, noise_scheduler.config.num_train_timesteps, (clean.shape[0],)
                ).long()
                noisy = noise_scheduler.add_noise(clean, noise, t)
                pred = model(noisy, t).sample
                loss = F.mse_loss(pred.float(), noise.float(), reduction="mean")
                avg_loss = accelerator.gather(loss.repeat(clean.shape[0])).mean()
                train_loss += avg_loss.item() / accelerator.gradient_accumulation_steps
                accelerator.backward(loss)
                optimizer.step()
                lr_scheduler.step()
                optimizer.zero_grad()
            if accelerator.sync_gradients:
                progress_bar.update(1)
                global_step += 1
                accelerator.log({"train_loss": train_loss}, step=global_step)
                record.append(
                    {"name": "train_loss", "step": global_step, "epoch": epoch, "value": train_loss}
                )
                train_loss = 0.0
            logs = {"step_loss": loss.detach().item(), "lr": lr_scheduler.get_last_lr()[0]}
            progress_bar.set_postfix(**logs)
            for k, v in logs.items():
                record.append({"name": k, "step": global_step, "epoch": epoch, "value": v})
            if global_step >= max_train_steps:
                break
    accelerator.wait_for_everyone()
    accelerator.end_training()
    with open(a.record, "w") as f:
        json.dump(record, f, indent=1)


if __name__ == "__main__":
    main()
