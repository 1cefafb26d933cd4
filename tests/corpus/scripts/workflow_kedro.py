"""The hand-written loop of _wf_loop.py run as a Kedro node: this script writes a minimal Kedro
project (what `kedro new` makes, trimmed: pyproject.toml [tool.kedro], settings.py,
pipeline_registry.py with find_pipelines(), one 'train' pipeline, conf/base/parameters.yml and the
template's conf/logging.yml: RichHandler on the root logger, 'kedro' and the package's loggers at
INFO) under /tmp, changes into it and runs Kedro's own CLI entry point with `run`, as
`kedro run` does.  The node logs through its module logger (logging.getLogger(__name__), Kedro's
rich handler) and prints the rest; it writes the loop's record to the truth.

Versions: kedro 1.7.0 (kedro-telemetry uninstalled: it would ask for consent), rich 15.0.0,
numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-zN-1).
Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_kedro_run -- python tests/corpus/scripts/workflow_kedro.py
    python tests/corpus/scripts/capture.py pty real_kedro_run_pty -- python tests/corpus/scripts/workflow_kedro.py
"""

import os
import shutil
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
PROJECT = Path("/tmp/corpus-zN/kedro-wf-train")
PKG = "wf_train"

FILES = {
    "pyproject.toml": f"""\
[project]
name = "{PKG}"
dynamic = ["version"]

[tool.kedro]
package_name = "{PKG}"
project_name = "wf-train"
kedro_init_version = "1.7.0"
tools = ""
example_pipeline = "False"
source_dir = "src"
""",
    f"src/{PKG}/__init__.py": '__version__ = "0.1"\n',
    f"src/{PKG}/settings.py": "",
    f"src/{PKG}/pipeline_registry.py": """\
from kedro.framework.project import find_pipelines


def register_pipelines():
    pipelines = find_pipelines(raise_errors=True)
    pipelines["__default__"] = sum(pipelines.values())
    return pipelines
""",
    f"src/{PKG}/pipelines/__init__.py": "",
    f"src/{PKG}/pipelines/train/__init__.py": "from .pipeline import create_pipeline\n",
    f"src/{PKG}/pipelines/train/pipeline.py": """\
from kedro.pipeline import Node, Pipeline

from .nodes import train_model


def create_pipeline(**kwargs):
    return Pipeline(
        [Node(train_model, inputs="params:training", outputs="history", name="train_model")]
    )
""",
    f"src/{PKG}/pipelines/train/nodes.py": """\
import logging

import _truth
import kedro
from _wf_loop import NOTES, train

logger = logging.getLogger(__name__)


def train_model(params):
    history = train(logger, epochs=params["epochs"], lr=params["lr"])
    _truth.write(
        library=f"kedro {kedro.__version__} (rich logging), numpy loop",
        script="tests/corpus/scripts/workflow_kedro.py",
        record="the loop's own record of each printed value, returned by the node",
        step_kind="global",
        series=history,
        notes=NOTES_KEDRO + NOTES,
    )
    return history


NOTES_KEDRO = (
    "`kedro run` of a one-node project: Kedro's INFO lines through its RichHandler ('[12/07/26 "
    "10:58:01] INFO     Using 'conf/logging.yml' as logging configuration.', 'Kedro project "
    "wf-train', 'Loading data from params:training (MemoryDataset)...', 'Running node: "
    "train_model: train_model([params:training]) -> [history]', 'Saving data to history "
    "(MemoryDataset)...', 'Completed 1 out of 1 tasks', 'Pipeline execution completed "
    "successfully in 0.1 sec.'; the file:line column at the right), the time column blank when "
    "it repeats the previous line's.  Piped, rich renders 80 columns wide, so the long logging "
    "lines wrap onto a continuation line indented under the message; under the 120-column "
    "terminal fewer wrap.  The node's logger lines (module logger "
    "'wf_train.pipelines.train.nodes') go through that handler; its print() lines are bare.  "
)
""",
    "conf/base/parameters.yml": "training:\n  epochs: 4\n  lr: 0.1\n",
    "conf/base/catalog.yml": "",
    "conf/local/.gitkeep": "",
    "conf/logging.yml": f"""\
version: 1

disable_existing_loggers: False

formatters:
  simple:
    format: "%(asctime)s - %(name)s - %(levelname)s - %(message)s"

handlers:
  console:
    class: logging.StreamHandler
    level: INFO
    formatter: simple
    stream: ext://sys.stdout

  info_file_handler:
    class: logging.handlers.RotatingFileHandler
    level: INFO
    formatter: simple
    filename: info.log
    maxBytes: 10485760 # 10MB
    backupCount: 20
    encoding: utf8
    delay: True

  rich:
    class: kedro.logging.RichHandler
    rich_tracebacks: True

loggers:
  kedro:
    level: INFO

  {PKG}:
    level: INFO

root:
  handlers: [rich, info_file_handler]
""",
}


def main():
    shutil.rmtree(PROJECT, ignore_errors=True)
    for rel, text in FILES.items():
        path = PROJECT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    os.chdir(PROJECT)
    from kedro.framework.cli import main as kedro_main

    sys.argv = ["kedro", "run"]
    kedro_main()


if __name__ == "__main__":
    main()
