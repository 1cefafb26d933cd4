"""Stable TensorBoard folder names and the grouping of folders into trainings (tb_names)."""

from __future__ import annotations

import os
import socket

import pytest

from mlop_cli.sources.tb_names import (
    FolderNaming,
    group_trainings,
    stable_path,
    stable_segment,
    writer_identity,
)
from mlop_cli.sources.tb_watch import event_folders
from tests.tb_writers import (
    run_writer,
    simple_scalar_events,
    summary_writer_script,
    tensorboard_writer_script,
    write_events,
)

HOST = "gpu-node-07.cluster.example.org"


@pytest.mark.parametrize(
    ("segment", "stable"),
    [
        # add_hparams' folder: str(time.time())
        ("1796547203.9912345", ""),
        ("1701850399", ""),
        ("1701850399123", ""),  # milliseconds
        # SummaryWriter()'s run folder: %b%d_%H-%M-%S_<host><comment>
        ("Dec06_08-53-19_gpu-node-07.cluster.example.org", ""),
        ("Dec06_08-53-19_gpu-node-07", ""),
        ("Dec06_08-53-19_gpu-node-07_train", "train"),
        ("Dec06_08-53-19_gpu-node-07LR_0.1_BATCH_16", "LR_0.1_BATCH_16"),
        ("Dez06_08-53-19_gpu-node-07", ""),  # a German month abbreviation
        ("Dec06_08-53-19", ""),
        # Lightning
        ("version_0", ""),
        ("version_12", ""),
        # dates and times (Keras tutorials, Hydra)
        ("20231206-085319", ""),
        ("2023-12-06", ""),
        ("08-53-19", ""),
        ("2023-12-06_08-53-19", ""),
        ("2023-12-06T08:53:19.123Z", ""),
        ("run-20231206_085319", "run"),
        ("exp_2023-12-06_08-53-19_lr0.1", "exp_lr0.1"),
        # what stays
        ("train", "train"),
        ("validation", "validation"),
        ("lightning_logs", "lightning_logs"),
        ("version_final", "version_final"),
        ("v1", "v1"),
        ("1234", "1234"),
        ("12345678", "12345678"),  # not a date
        ("20231399", "20231399"),  # month 13
        ("25-61-00", "25-61-00"),  # not a time of day
        ("085319", "085319"),  # a time needs separators
        ("seed_2023", "seed_2023"),
        ("9999999999", "9999999999"),  # past 2103
    ],
)
def test_generated_segments(segment, stable):
    assert stable_segment(segment, [HOST]) == stable


def test_paths_lose_only_their_generated_segments():
    assert stable_path("runs/Dec06_08-53-19_gpu-node-07/1796547203.99", [HOST]) == "runs"
    assert stable_path("lightning_logs/version_3") == "lightning_logs"
    assert stable_path("tb_logs/my_model/version_0") == "tb_logs/my_model"
    assert stable_path("logs/fit/20231206-085319/validation") == "logs/fit/validation"
    assert stable_path("outputs/2023-12-06/08-53-19/tb") == "outputs/tb"
    assert stable_path(".") == stable_path("version_0") == ""


def test_writer_identity_from_real_file_names(tmp_path):
    path = write_events(tmp_path / "a", simple_scalar_events("loss", [1.0]))
    identity = writer_identity(path.name)
    assert identity.host == socket.gethostname() and identity.pid == os.getpid()
    assert identity.created is not None and abs(identity.created - path.stat().st_mtime) < 5
    assert writer_identity("events.out.tfevents.1701850399.my.host.org.1234.5.v2").host == (
        "my.host.org"
    )
    bare = writer_identity("events.out.tfevents.1701850399.myhost")  # tensorboardX
    assert (bare.host, bare.pid) == ("myhost", None)
    assert writer_identity("events.out.tfevents") == writer_identity("x")  # CatBoost: nothing


def test_naming_joins_nested_generated_folders_and_never_merges_two_trainings(tmp_path):
    def file(folder: str) -> str:
        return str(tmp_path / folder / f"events.out.tfevents.1701850399.{HOST}.1.0")

    naming = FolderNaming([tmp_path], always_prefix=False, hosts=[])
    naming.assign([file("runs/Dec06_08-53-19_gpu-node-07")])
    naming.assign([file("runs/Dec06_08-53-19_gpu-node-07/1796547203.99")])
    naming.assign([file("lightning_logs/version_0"), file("lightning_logs/version_1")])
    naming.assign([file("logs/fit/20231206-085319/validation")])
    assert naming.prefixes == {
        str(tmp_path / "runs/Dec06_08-53-19_gpu-node-07"): "",
        str(tmp_path / "runs/Dec06_08-53-19_gpu-node-07/1796547203.99"): "",
        str(tmp_path / "lightning_logs/version_0"): "lightning_logs/",
        # Same stable name, not nested: another training, which keeps its full path.
        str(tmp_path / "lightning_logs/version_1"): "lightning_logs/version_1/",
        str(tmp_path / "logs/fit/20231206-085319/validation"): "logs/fit/validation/",
    }


def test_folders_of_one_writer_found_together_are_one_name(tmp_path):
    """The host in the event file's name is what tells it from a comment."""
    naming = FolderNaming([tmp_path], always_prefix=False, hosts=[])
    folder = tmp_path / "runs" / "Dec06_08-53-19_node3_eval"
    naming.assign(
        [
            str(folder / "events.out.tfevents.1701850399.node3.77.0"),
            str(folder / "1796547203.99" / "events.out.tfevents.1701850400.node3.77.1"),
        ]
    )
    assert set(naming.prefixes.values()) == {""}
    naming.assign(
        [
            str(
                tmp_path
                / "runs"
                / "Dec06_08-53-19_node3_train"
                / "events.out.tfevents.1701850401.node3.77.2"
            )
        ]
    )
    assert naming.prefixes[str(tmp_path / "runs" / "Dec06_08-53-19_node3_train")] == "runs/train/"


def test_summary_writer_and_add_hparams_are_one_training(tmp_path):
    """SummaryWriter()'s default folder and add_hparams' time folder inside it: one training;
    a second SummaryWriter() (another training, another second) another one. (torch's
    SummaryWriter lays out the same folders: test_run_tensorboard.py runs both.)"""
    writer = "tensorboardX"
    runs = [
        {"values": [3.0, 2.0], "hparams": {"lr": 0.1}, "metrics": {"hparam/eval_loss": 1.5}},
    ]
    first = run_writer(summary_writer_script(writer, runs), tmp_path)
    second = run_writer(
        summary_writer_script(writer, [{"values": [1.0], "comment": "_b"}]), tmp_path
    )
    folders = event_folders(tmp_path / "runs")
    assert len(folders) == 3  # two writer folders, one time folder
    trainings = group_trainings(tmp_path / "runs", folders)
    assert [training for training, _ in trainings] == sorted(
        [tmp_path / first[0], tmp_path / second[0]]
    )
    assert sorted(len(members) for _, members in trainings) == [1, 2]


def test_keras_like_train_and_validation_written_by_one_process_are_one_training(tmp_path):
    run_writer(
        tensorboard_writer_script(
            {"logs/train": {"epoch_loss": [1.0, 0.5]}, "logs/validation": {"epoch_loss": [1.2]}}
        ),
        tmp_path,
    )
    # Two trainings by two processes into sibling folders stay apart.
    run_writer(tensorboard_writer_script({"other/a": {"loss": [1.0]}}), tmp_path)
    run_writer(tensorboard_writer_script({"other/b": {"loss": [2.0]}}), tmp_path)
    trainings = group_trainings(tmp_path, event_folders(tmp_path))
    assert [(training, len(members)) for training, members in trainings] == [
        (tmp_path / "logs", 2),
        (tmp_path / "other" / "a", 1),
        (tmp_path / "other" / "b", 1),
    ]


def test_version_folders_and_dated_folders_are_trainings(tmp_path):
    run_writer(
        tensorboard_writer_script(
            {
                # One process, two Lightning trainings (fit, then a second Trainer).
                "lightning_logs/version_0": {"train_loss": [1.0]},
                "lightning_logs/version_1": {"train_loss": [2.0]},
                # Hydra: outputs/<date>/<time>/..., Keras: logs/fit/<time>/{train,validation}
                "outputs/2023-12-06/08-53-19/tb": {"loss": [1.0]},
                "outputs/2023-12-06/09-10-11/tb": {"loss": [2.0]},
                "fit/20231206-085319/train": {"loss": [1.0]},
                "fit/20231206-085319/validation": {"loss": [1.0]},
            }
        ),
        tmp_path,
    )
    trainings = group_trainings(tmp_path, event_folders(tmp_path))
    assert [(training.relative_to(tmp_path).as_posix(), len(m)) for training, m in trainings] == [
        ("fit/20231206-085319", 2),
        ("lightning_logs/version_0", 1),
        ("lightning_logs/version_1", 1),
        ("outputs/2023-12-06/08-53-19/tb", 1),
        ("outputs/2023-12-06/09-10-11/tb", 1),
    ]
