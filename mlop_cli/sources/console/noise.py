"""Lines that look like metrics but are not: configuration dumps, summaries, warnings.

Real training output starts with ``Namespace(lr=0.1, epochs=2, seed=42)`` (or, printed with
``vars(args)``, a dict holding ``None``, ``True``, ``False`` or a list: a metric dict never
does), Hugging Face's multi-line ``TrainingArguments(`` dump, Lightning's and Keras'
``Trainable params: 9`` summary, ``GPU available: False, used: False`` and library warnings
(``/.../fit_loop.py:321: ... the logging interval Trainer(log_every_n_steps=50)``); read as
``key=value`` they would become metrics ``epochs``, ``seed``, ``params``... These rules drop
them before the recognisers run. Every rule looks at a line's text around its numbers, never
at the numbers, so a line template (:mod:`~mlop_cli.sources.console.templates`) never matches
a dropped line.
"""

from __future__ import annotations

import re

# One line, whole: an object repr of a configuration (`Namespace(...)`, `TrainConfig(...)`),
# a model summary's totals, Lightning's hardware banner.
_CONFIG_SUFFIXES = (
    "Namespace",
    "Config",
    "Arguments",
    "Args",
    "Options",
    "Params",
    "Settings",
    "Trainer",  # Lightning's warnings: `Trainer(log_every_n_steps=50)`, wrapped in a terminal
    # Optimizers and schedulers as constructed: `AdamW(lr=0.001667, momentum=0.9)`.
    "Adam",
    "AdamW",
    "SGD",
    "RMSprop",
    "Adagrad",
    "Adadelta",
    "Adafactor",
    "Lion",
    "LAMB",
    "Optimizer",
    "Scheduler",
    "LR",
)
_CONFIG_NAME = rf"[\w.]*(?:{'|'.join(_CONFIG_SUFFIXES)}|Hparams|HParams)"
# A script's own warning: `train.py:3: UserWarning: lr=0.5 …` (a noise line, and the head of
# the echoed source line skipped after it).
_WARNING_HEAD = r"(?:[^\s:]*\.py|<string>):\d+:[ ]\w*Warning:"
_NOISE = re.compile(
    # (the indentation taken whole, as an atomic group would: `(?=(…))\1`; the alternatives'
    # lazy scans of it were quadratic on a long indentation)
    rf"""(?=([ \t]*))\1(?:
        (?:[^=\n]*?[^\w.=\n])?{_CONFIG_NAME}\([\w.]+=  # also after words: `Training with Namespace(lr=...`
      | (?:[^\n{{]*?[^\w\n{{])?\{{'[^\n]*?':[ ](?:None|True|False|\[)[^\n]*\}}[ \t]*$  # `print(vars(args))`
      | [^\s:]*/[^\s:/]+\.py:\d+:[ ]  # a library's warning: `/…/fit_loop.py:321: … Trainer(log_every_n_steps=50)`
      | {_WARNING_HEAD}
      | \([\w.\-]+\):[ ][A-Za-z_][\w.]*\(  # a PyTorch module repr: `(c_fc): Linear(in_features=32, ...)`
      | (?:[^\n=]*?[ \t])?  # after a logger's prefix (`[transformers]`, `[INFO|trainer.py:1619] … >>`), not after a pair
        (?:Num|Number[ ]of|Instantaneous|Total[ ](?:train|optimization)|Gradient[ ]Accumulation|Batch[ ]size)
        [ ][^=:\n]*?=[ ]  # Hugging Face's banner: `  Num update steps per epoch = 4`
      | [^\n]*Process[ ]rank:[ ]\d+,[ ]device:  # HF example scripts: `Process rank: 0, device: cpu, n_gpu: 0`
      | (?:Total|Trainable|Non-trainable|Optimizer)[ ][A-Za-z ()]*params\b
      | Modules[ ]in[ ]\w+[ ]mode:
      | Total[ ]FLOPs:
      | [GTHI]PU[ ]available:
      | LOCAL_RANK:
      | [^\n]*(?:GLOBAL_RANK:|\(exitcode:[ ]-?\d+\))  # Lightning's `Initializing distributed: GLOBAL_RANK: 1`, torchrun's `failed (exitcode: 1) local_rank: 1 (pid: 7)`
      | (?:rank|exitcode)[ ]+:[ ][^\n]*\((?:local_rank|pid):  # torchrun's failure report: `  rank      : 1 (local_rank: 1)`
      | \[LightGBM\][ ]\[  # `[LightGBM] [Info] Number of positive: 199, number of negative: 201`
      | [A-Za-z_]\w*[ ]=[ ]dict\(  # mmengine's config printout: `randomness = dict(seed=42)`
      | [^\n]*?[\w.]=(?:True|False|None),  # a configuration line: `engine/trainer: task=detect, amp=True, batch=16, ...`
      | (?:Name:[ ][^\n]*,[ ])?(?:Length:[ ]\d+,[ ])?dtype:[ ]\w+[ \t]*$  # a pandas Series' last line: `Name: 0, dtype: object`
      | File[ ]"[^"\n]*",[ ]line[ ]\d+  # a traceback's frame: `  File "/…/transform.py", line 8603, in _fit`
      | mlop:[ ]  # mlop's own lines, in a log that holds them (`mlop import-log slurm.out`)
      | wandb:[ ]  # W&B's own summary of what the script logged through it (repeats)
      | [IWEF]\d{{4}}[ ]+[\d:.]+[ ]+\d+[ ]+[\w./\-]+\.(?:cc|cpp|cxx|cu|c|h|hpp):\d+\](?!(?:[^\n]*?\w=[-+]?\.?\d){{3}})  # a native library's glog line (TensorFlow, XLA, gRPC): `I0000 00:00:17.3 2909 op.cc:213] … M_TRIM_THRESHOLD=128`, unless it is a record of pairs (SentencePiece's `EM sub_iter=0 size=2707 obj=9.25 …`)
      | [^\n]*?[\w.]=(?:True|False|None)\b  # a configuration: `enabled=False loss_scale=0`
      | [^\n]*?\w[ ]\.{(4,)}[ ]  # a configuration printout with dot leaders: `lr ......... 0.1`
    )""",
    re.VERBOSE,
)
_NOISE_LINE = re.compile(rf"^(?:{_NOISE.pattern})[^\n]*", re.VERBOSE | re.MULTILINE)
# Cheap pre-checks: a block holds no noise line unless it holds one of these.
_MARKERS = (
    *(name + "(" for name in _CONFIG_SUFFIXES),
    "arams(",
    "params",
    "mode:",
    "FLOPs:",
    "available:",
    "LOCAL_RANK:",
    ".py:",  # a warning
    ".cc:",  # a native library's glog line
    ".cpp:",
    ".cu:",
    ".c:",
    ".h:",
    "<string>:",
    "): ",  # a module repr
    " = ",  # Hugging Face's `  Num examples = 64` banner
    "rank:",
    "': None",
    "': True",
    "': False",
    "': [",
    "_RANK:",
    "(exitcode:",
    "(local_rank:",
    "(pid:",
    "[LightGBM] [",
    "mlop: ",
    "wandb: ",
    "=True",
    "=False",
    "=None",
    " .....",
    "=True,",
    "=False,",
    "=None,",
    " = dict(",
)

# Every marker holds one of these (tests check it): a block with none of them has no noise.
_GATES = ("(", ":", "params", " = ", "[LightGBM]", "=True", "=False", "=None", " .....")

# Several lines: `TrainingArguments(` alone on a line (or after a logger's words, as Hugging
# Face's example scripts print it), one `name=value,` per line, then `)` at the same indent; a
# model printout `GPT2LMHeadModel(` ... `)`; a Hugging Face config `GPT2Config {` ... `}`; a
# protobuf text message `trainer_spec {` ... `}`. A class's name opens an object's printout; a
# call of a function or method (`  logger.warn(`, a warning's echoed source line) does not.
_DUMP_START = re.compile(
    rf"^(?=([ \t]*))\1(?:(?:[A-Za-z_]\w*\.)*[A-Z]\w*\(|(?:[^\n]*[^\w.\n])?{_CONFIG_NAME}\(|(?:[^\n]*[^\w.\n])?[\w.]*Config[ ]\{{"
    # a message in protobuf's text format (`trainer_spec {`, SentencePiece's settings)
    rf"|[A-Za-z_][\w.]*[ ]\{{)$"
)
# An environment banner up to its closing rule of dashes: mmengine's `System environment:`
# (`numpy_random_seed: 42`, `C++ Version: 202002`, `CUDA_VERSION=13`, `GPU number: 1`).
# Or a config printout up to a blank line: mmengine's `... - INFO - Config:` then Python code
# (`optim_wrapper = dict(\n    optimizer=dict(lr=0.05, momentum=0.9))`).
_BANNER_START = re.compile(
    r"^(?:(System|Runtime)[ ]environment|[^\n]*[ ]-[ ]Config"
    r"|[ \t]*(?:[A-Z][a-z]+[ ]){0,3}(?:[Hh]yper[-_ ]?)?(?:[Pp]arameters|[Pp]arams|[Hh]params"
    r"|[Aa]rguments|[Aa]rgs|[Cc]onfig(?:uration)?|[Oo]ptions|[Ss]ettings|[Ff]lags"
    # a fitted model's values: its coefficients or its features' importances, no measure
    r"|[Ii]mportances?|[Cc]oefficients|[Ee]stimates)):[ ]*$"
)
# A decorated title over a block of a fitted model's parameters or of settings (`[[Variables]]`,
# `[[Correlations]] (unreported correlations are < 0.100)`, `<Initial Parameters>`,
# `== Hyperparameters ==`): its block holds estimates or settings, to a blank line or the next
# decorated title (`[[Fit Statistics]]`, `<Training Info>`: read again).
_DECORATED_TITLE = re.compile(
    r"[ \t]*(?:\[\[?|<|[=#*\-]{2,}[ ]?)[A-Z][A-Za-z]*(?:[ ][A-Za-z]+){0,3}"
    r"(?:\]\]?|>|[ ]?[=#*\-]{2,})(?:[ ]+\([^\n]*\))?[ \t]*"
)
_SETTINGS_TITLE = re.compile(
    r"(?i)[^A-Za-z]*(?:[a-z]+[ ]){0,3}(?:hyper[-_ ]?)?(?:variables|parameters|params|hparams"
    r"|arguments|args|config|configuration|options|settings|coefficients|estimates"
    r"|correlations|covariance)\W"
)
# Every such title holds one of these (a block with none of them has no such title).
_TITLE_FRAGMENTS = (
    "ariables",
    "arameters",
    "arams",
    "rguments",
    "Args",
    "onfig",
    "ptions",
    "ettings",
    "oefficients",
    "stimates",
    "orrelations",
    "ovariance",
)
_LOGGER_LINE = re.compile(
    r"^[^\n]*?[ ]-[ ](?:[\w.]+[ ]-[ ])?(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)[ ]-[ ]"
)
# One line to skip after these: the source line Python echoes under a warning or a traceback's
# `File "...", line N` (`    model.fit(x, epochs=3, batch_size=32)` holds no metric).
_ECHO_HEAD = re.compile(rf'^[ \t]*File "[^"\n]*", line \d+|^{_WARNING_HEAD}')
# What ends an open skip besides its exact closing line (`)` or `}` at the dump's indent).
_UNTIL_RULE = "-"  # a banner: a rule of dashes
_UNTIL_BLANK = "\n"  # a config printout: a blank line (or the next log record)
_UNTIL_BALANCED = "()"  # a wrapped object repr: its parentheses closed
_UNTIL_TITLE = "[]"  # a titled block of estimates or settings: a blank line or the next title
# A line of the training's output (a counter and its number): no settings block goes on past it.
_TITLE_RULE = re.compile(r"[ \t]*[-=_*#━─═]{5,}[ \t]*")
# One `key: value` or `key = value` (a setting of a printout).
_ONE_PAIR = re.compile(r"[ \t]*[\w.\-\[\]\"' ]+[ ]?[:=][ ]*\S*[ \t]*")
_COUNTER_LINE = re.compile(r"(?i)\b(?:epoch|step|iter|iteration|batch)\b[ :=#\[]*\d")
_CLOSER = {"(": ")", "{": "}"}
_OPENER = {")": "(", "}": "{"}
_UNTIL_TOTALS = "Σ"  # a model's layer table: the rule after its totals (`Total params: 11,330`)
# A model's layer table (torchsummary, torchinfo, Keras printed plain): `Layer (type)  Output
# Shape  Param #`, a row per layer, then its totals: a description of the model, no metric.
_LAYER_TABLE = re.compile(r"[ \t]*Layer \(type[^)]*\)[ \t]")
_TOTALS = re.compile(r"[ \t]*(?:Total|Trainable|Non-trainable)[ ]params:")
_RULE = re.compile(r"[ \t]*[-=_━─═]{20,}[ \t]*")
# A line ending as a dump, a banner or a wrapped repr starts (`(`, `{`, `:`, `,`): the `\n`
# first, so that `re` looks for the one character and tests the one before at each find.
_OPENING_END = re.compile(r"\n(?<=[(:{,]\n)")
# A constructor repr whose arguments go on past the line: `Name(key=value, …,` (a class name,
# then a keyword argument; the line ends inside the parentheses with a comma).
_WRAPPED_REPR = re.compile(r"(?:^|[^\w.])[A-Z]\w*\([ ]*[A-Za-z_]\w*=")
MAX_DUMP_LINES = 2000
"""A dump still open after this many lines is taken to have ended (output goes on)."""


def is_noise(line: str) -> bool:
    """Whether ``line`` is a configuration or summary line that holds no metric."""
    return _NOISE.match(line) is not None


def drop_noise(text: str) -> str:
    """Empty every noise line of a block of ``\\n``-separated records (keeping their count)."""
    # Three quick scans spare the marker scans in a flood of plain text.
    if not any(gate in text for gate in _GATES):
        return text
    for marker in _MARKERS:
        if marker in text:
            return _NOISE_LINE.sub("", text)
    return text


class DumpSkipper:
    """Empties the lines of multi-line configuration dumps, across the blocks of one stream."""

    __slots__ = ("_close", "_dedent", "_depth", "_left")

    def __init__(self) -> None:
        self._left = 0  # lines still to skip; 0: none
        self._close = ""  # the line that ends the open dump (`)` or `}` at its indent); "": none
        self._depth = 0  # parentheses a wrapped object repr still has open
        # A config printout's lines are indented (None: not known yet): a line that is not
        # ends it (`flags:` / `  lr: 0.3` / `scalars:`: the next block is read).
        self._dedent: bool | None = None

    def skip(self, text: str) -> str:
        """Return ``text`` with the lines of dumps emptied (the line count is kept).

        Args:
            text: One block of records from the stream, in order.
        """
        # A scan for one character is many times quicker than one for a string: each rare
        # character's absence spares its string's scan. _OPENING_END finds `(`, `{`, `:` or
        # `,` ending a line in one scan for the (rarer) `\n`.
        if (
            not self._left
            and not text.endswith(("(", "{", ":", ","))
            and ("F" not in text or 'File "' not in text)
            and ("W" not in text or "Warning:" not in text)
            and _OPENING_END.search(text) is None
            and not any(fragment in text for fragment in _TITLE_FRAGMENTS)
            and "Layer (type" not in text
            and "( # " not in text
        ):
            return text
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if self._left and self._close == _UNTIL_TITLE:
                if _TITLE_RULE.fullmatch(line):
                    self._left, self._close = 0, ""  # its closing rule: the block ends
                    lines[index] = ""
                    continue
                if _DECORATED_TITLE.fullmatch(line) or _COUNTER_LINE.search(line):
                    # The next title (read, or a block of its own), or the training's output.
                    self._left, self._close = 0, ""
            if self._left and self._close == _UNTIL_TOTALS and _TOTALS.match(line):
                self._close = _UNTIL_RULE  # the totals, then the rule that ends the table
            if (
                self._left
                and self._close == _UNTIL_BLANK
                and (
                    _LOGGER_LINE.match(line)
                    or (_COUNTER_LINE.search(line) and not _ONE_PAIR.fullmatch(line))
                )
            ):
                # The next log record, or the training's output (`epoch 1 loss 0.5`; a setting
                # named like a counter, `epoch: 10`, is one pair): read, not skipped.
                self._left, self._close = 0, ""
            if self._left and self._close == _UNTIL_BLANK and line.strip():
                if self._dedent is None:
                    self._dedent = line[:1] in " \t"
                elif self._dedent and line[:1] not in " \t":
                    self._left, self._close = 0, ""
            if self._left and self._close == _UNTIL_BALANCED and not line[:1].isspace():
                self._left, self._close = 0, ""  # a wrapped repr goes on indented, or it ended
            if self._left:
                self._left -= 1
                lines[index] = ""
                if self._close and self._closes(line):
                    self._left, self._close = 0, ""
                continue
            if line.endswith(",") and "=" in line and "(" in line:
                start = _WRAPPED_REPR.search(line)
                depth = line.count("(") - line.count(")")
                if start is not None and depth > 0:
                    # An object repr wrapped over lines (`LGBMClassifier(max_bin=255,` then
                    # its indented rest): a constructed object's arguments, to its last `)`.
                    self._left, self._close, self._depth = MAX_DUMP_LINES, _UNTIL_BALANCED, depth
                    lines[index] = ""
                    continue
            if "( # " in line:
                # `CNN( # Param: 11,178 (44.7 KB)`: a printout annotated with a comment (Flax
                # NNX's `nnx.display`), to its `)` at its indent.
                line = line[: line.index("( # ") + 1]
            if line.endswith(("(", "{")):
                start = _DUMP_START.match(line)
                if start is not None:
                    self._left = MAX_DUMP_LINES
                    self._close = start[1] + (")" if line.endswith("(") else "}")
                    opener = line[-1]
                    self._depth = line.count(opener) - line.count(_CLOSER[opener])
                    lines[index] = ""
                    continue
            if "Layer (type" in line and _LAYER_TABLE.match(line):
                self._left, self._close = MAX_DUMP_LINES, _UNTIL_TOTALS
                lines[index] = ""
                continue
            if (
                line[-1:] in "]>=#*-)"
                and _DECORATED_TITLE.fullmatch(line)
                and _SETTINGS_TITLE.match(line)
            ):
                self._left, self._close = MAX_DUMP_LINES, _UNTIL_TITLE
                lines[index] = ""
                continue
            if ("File" in line or ":" in line) and _ECHO_HEAD.match(line):
                self._left, self._close = 1, ""
            elif line.rstrip().endswith(":") and _BANNER_START.match(line) is not None:
                start = _BANNER_START.match(line)
                if start is not None:
                    # An environment banner (group 1) or a config printout.
                    self._left = MAX_DUMP_LINES
                    self._close = _UNTIL_RULE if start[1] else _UNTIL_BLANK
                    self._dedent = None
                    lines[index] = ""
        return "\n".join(lines)

    def _closes(self, line: str) -> bool:
        if self._close == _UNTIL_BALANCED:
            self._depth += line.count("(") - line.count(")")
            return self._depth <= 0
        if self._close == _UNTIL_RULE:
            return _RULE.fullmatch(line) is not None  # (a banner's rule of dashes too)
        if self._close in (_UNTIL_BLANK, _UNTIL_TITLE):
            return not line.strip()
        if line.rstrip() == self._close:
            return True
        closer = self._close[-1:]
        if closer in _OPENER:
            # Its brackets balanced: a repr closing at the end of its last line
            # (`TimeStep(` … ` 'observation': array([…], dtype=float32)})`).
            self._depth += line.count(_OPENER[closer]) - line.count(closer)
            if self._depth <= 0:
                return True
        # `print("### MODEL ###\n", model)`: print's separator indents the first line only;
        # the printout closes at its `)` nearer the margin.
        stripped = line.strip()
        return stripped == self._close.lstrip() and len(line) - len(line.lstrip()) < len(
            self._close
        ) - len(stripped)
