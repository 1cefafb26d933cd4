"""The console reader scored against real libraries' own records of their metrics.

Each ``tests/corpus/console/<entry>.truth.json`` holds what a real library recorded (its
History, ``log_history``, CSV logger, ...) for the metrics its output printed; the entry's
``.txt`` is that output, captured piped or under a terminal. The scores (see
``tests/console_score.py``) must not fall below the floors here: they are what the reader
reaches today, so a change that reads one library better and another worse shows up.
"""

from __future__ import annotations

import pytest

from tests import console_score

ENTRIES = console_score.entries()

# What the reader reaches on this corpus today, rounded down: a floor, not a target. (The
# corpus grew from 117 to 198 entries on 2026-12-06, to 306 on 2026-12-07 and to 446 later
# that day, each time with libraries whose output is harder than the first ones': the floors
# are those of the larger corpus.)
# (Precision 0.93 since optimisers printing their search parameters joined: 0.939 that day;
# recall 0.90 / 0.87 / 0.86 since training frameworks whose bars lag their postfix joined:
# 0.909 / 0.882 / 0.867 that day.) On 2026-12-07 (later), 0.89 / 0.85 / 0.86 / 0.92: 43 entries of
# optimisers' hand loops, tracking and logging wrappers and probabilistic libraries joined
# (561 entries); they scored 0.742 / 0.556 / 0.917 / 0.375 (batch zv) and worse (zx) as
# captured, and the reader reaches 0.897 / 0.857 / 0.867 / 0.927 on the whole corpus.
# Steps 0.84 (precision 0.93) since 43 more joined (604 entries: trackers, imitation and the
# RL zoo, HF-adjacent trainers, recsys and time series): whose results print while a bar is
# stale or between data bars; the whole corpus 0.893 / 0.861 / 0.846 / 0.936.
# Value recall 0.88 since AutoML printouts joined (617 entries: EvalML's cross-validation
# frame, whose column names hold spaces and sit one space apart, is not read: 48 values).
# Steps 0.83 since Avalanche joined (628 entries): its epochs restart with each experience,
# so 45 series' steps go backwards; the whole corpus 0.883 / 0.852 / 0.834 / 0.936.
# Value recall 0.87 since batch 9 (646 entries): a hand loop whose tqdm postfix changes at
# every batch while the bar's count stays stale (`8/40` drawn ten times) has a value per
# batch in its truth; the reader keeps one point per position shown, as docs/console.md
# says (246 values in two entries).
# Value recall 0.86, series 0.84, precision 0.92 since batch 10 (687 entries: solvers' verbose
# tables (CVXPY's OSQP/SCS/Clarabel, CasADi's IPOPT), PINN and spiking-net loops, thinc's
# unnamed rows, hand loops around printing utilities): 0.231 / 0.571 / 0.786 / 0.514 for the
# solvers as captured; the whole corpus 0.865 / 0.849 / 0.844 / 0.930 that day.
# Precision 0.91 since batch 12 (777 entries): feature selection and causal time series
# (Boruta, tigramite, SHAP, feature-engine: tables of per-feature values and test statistics,
# 0.438 as captured) and trackers; the whole corpus 0.862 / 0.843 / 0.842 / 0.917 that day.
# Series recall 0.83 since batches 13-15 (929 entries, 2026-12-07): NLP evaluation printouts
# (nervaluate's count columns and its tables repeated per scenario, sacrebleu's signature
# names, pretty-printed JSON lists), RecTools' model-by-fold frame, brax's learner; the whole
# corpus 0.872 / 0.839 / 0.839 / 0.914 that day.
# Precision 0.90 and series recall 0.81 since batches 16-17 (1068 entries, 2026-12-07, the
# seventh session): diagnostics printed around loops (profilers' tables, timers), Kaggle-style
# scripts (df.head(), describe(), importance frames beside xgboost/lightgbm/catboost logs),
# time-series evaluations (a metric per cell of wide frames: hierarchicalforecast,
# utilsforecast, sktime), black-box optimisers' state columns (pymoo), several runs or ranks
# in one console. Captured, batch 17 scored 0.596 / 0.589 / 0.883 / 0.558; the whole corpus
# 0.863 / 0.815 / 0.842 / 0.904 that day.
# Value recall 0.85 and series recall 0.80 since batch 19 (1109 entries, 2026-12-07, the eighth
# session): science ML (chemprop, MACE, NequIP, SevenNet, scvi-tools), model compression
# (quanto, torch-pruning, brevitas, INC, tfmot: the same lines printed again for each stage of
# a model), federated and few-shot learning (Flower, FedLab, easyfsl, higher), LLM stacks
# (litgpt, torchtune, lm-eval's table naming each row's metric, adapters). Captured, batch 19
# scored 0.550 / 0.505 / 0.800 / 0.759; the whole corpus 0.859 / 0.809 / 0.843 / 0.907 that day.
# Unchanged by batch 20 (1258 entries, 2026-12-07, the ninth session): tools other than Python
# libraries (Debian's CLI tools: xgboost, libsvm, liblinear, fastText, Weka; R's gbm, caret,
# randomForest, glmnet, nnet; JavaScript under node: TensorFlow.js, brain.js, synaptic),
# legacy TensorFlow (tf.estimator, TF1 sessions, Keras 2), experiment trackers' console
# (MLflow, DVCLive, Aim, ClearML, Sacred), and more PyTorch, RL, BO, audio/MT, detection and
# survival libraries. Captured, batch 20 scored 0.811 / 0.701 / 0.838 / 0.737 (with the
# parser of 1a10aa9); the whole corpus 0.857 / 0.814 / 0.852 / 0.902 that day.
FLOORS = {"value_recall": 0.85, "series_recall": 0.80, "steps": 0.83, "precision": 0.90}


@pytest.fixture(scope="module")
def scores() -> list[console_score.EntryScore]:
    return [console_score.score_entry(entry) for entry in ENTRIES]


def test_the_corpus_spans_many_libraries() -> None:
    assert len(ENTRIES) >= 1250
    libraries = {console_score.library_of(entry) for entry in ENTRIES}
    assert len(libraries) >= 390, sorted(libraries)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_scores_stay_above_their_floors(
    scores: list[console_score.EntryScore], measure: str
) -> None:
    totals = console_score.summary(scores)
    assert totals[measure] >= FLOORS[measure], (
        f"{measure} fell to {totals[measure]:.3f}; `python tests/console_score.py` shows where"
    )


# Entries whose output the reader cannot read yet, and why. A run printing them is told so
# at its end ("never silent": numbers but no metric, use --pattern). An entry read at last
# leaves this list.
KNOWN_UNREAD = {
    # 2026-12-07 (seventh session's batch): CTGAN's bar description puts each loss in
    # parentheses after its name (`Gen. (+00.98) | Discrim. (-00.05):  17%|…`); DoubleML
    # prints each learner's loss inside a NumPy array, over two lines when repeated
    # (`Learner ml_l RMSE: [[1.18446821]]`).
    "real_ctgan_fit": "values in parentheses after their names in a bar's description",
    "real_ctgan_fit_pty": "values in parentheses after their names in a bar's description",
    "real_doubleml_plr": "values inside nested NumPy arrays",
    "real_doubleml_irm": "values inside nested NumPy arrays",
    # GPyOpt prints its optimum alone on a line (`-6.018127542991791`), with no name.
    "real_gpyopt_forrester": "a value with no name",
    # Time-series evaluations: sktime's `evaluate()` frame per forecaster under a title line
    # (named `<title> <column>` by the truth); hierarchicalforecast's wrapped frame of metric
    # cells whose rows open with text cells (`Country   rmse  36.86…`); scalecast's rows with
    # a dict cell before the numbers; PyAF's records after a logger's label words
    # (`MODEL_PERFS Fit STEP=1 {'MAPE': …}`); tbats' summary blocks per model.
    "real_sktime_evaluate": "frames per model under a title line",
    "real_hierarchicalforecast_eval": "wrapped frames whose rows open with text cells",
    "real_scalecast_cv": "rows with a dict cell before the numbers",
    "real_pyaf_train": "records after a logger's label words",
    "real_tbats_summary": "summary blocks per model",
    # 2026-12-07 (sixth session's batch): pingouin's coefficient frame repeats the model's
    # `r2`/`adj_r2` on every coefficient's row (the one-row reading of a whole-model value is
    # not made); zuko's tutorial prints `(0) 1.688 ± 0.223`, a value with no name; cleanlab's
    # `Overall dataset quality in terms of this issue: 0.7567` is a sentence, not a name.
    "real_pingouin_bootstrap_pty": "model values repeated on every coefficient's row",
    "real_pingouin_bootstrap": "model values repeated on every coefficient's row",
    "real_zuko_forward_kl": "values with no name",
    "real_cleanlab_datalab": "a value after a sentence",
    # RecTools' cross-validation frame: a row per model and fold (`1  ease  0  0.0554 …`
    # under `model  i_split  precision@10 …`); its model column is not read as the row's key.
    # Batch 15's tuners: hpbandster's `result: {'loss': …, 'info': {…}}` (`result` labels
    # settings as often as results: `Best result: {'target': …, 'params': …}`); mle-hyperopt's
    # rich rows with a wrapped configuration cell;
    # naiveautoml's `Scores are {…}` and `Observed score of 0.98 for default configuration of
    # …` (prose around the value); NNI's list of `TrialResult(…, value=0.89, …)` reprs; Oríon's
    # indented `best trial:` block beside hashes.
    "real_hpbandster_bohb_debug": "a nested result record after a label",
    "real_mle_hyperopt_random": "rich rows with wrapped configuration cells",
    "real_mle_hyperopt_random_pty": "rich rows with wrapped configuration cells",
    "real_naiveautoml_info": "values inside prose about configurations",
    "real_naiveautoml_info_pty": "values inside prose about configurations",
    "real_nni_experiment_export": "a list of dataclass reprs",
    "real_orion_hunt_info": "an indented block beside hashes",
    "real_orion_hunt_verbose": "an indented block beside hashes",
    # az.compare's frame: rows keyed by a model, ending in text cells (`… 0.000000    False
    # log`): a row with a key and text after its numbers is not read.
    "real_arviz_compare": "rows ending in text cells",
    "real_arviz_compare_pty": "rows ending in text cells",
    # A lone `Name: value` printed before any counter or bar (SHAP's `Test accuracy: 0.6700`
    # before its bar) is held as configuration and never comes back.
    "real_shap_kernel": "a result printed once before the run's output began",
    "real_shap_kernel_pty": "a result printed once before the run's output began",
    # tigramite: `pc_alpha=0.05 got score 1570.98 with parents [ (X -1) ]` (a value in prose).
    "real_tigramite_pcmci_verbose2": "a value inside prose after a setting",
    # `ROC AUC with all 8 features: 0.8325 (+/- 0.0627)`: a count inside a long name.
    "real_sklearn_sfs_scorer": "a long name holding a count, then a spread",
    # livelossplot's text output: a metric's name on a line of its own, then per phase
    # `\ttraining  \t (min:    0.503, max:    1.006, cur:    0.503)`: the value is `cur`.
    "real_livelossplot_default": "running extremes and the current value in parentheses",
    "real_livelossplot_default_pty": "running extremes and the current value in parentheses",
    "real_livelossplot_extrema": "running extremes and the current value in parentheses",
    # Trax's `Step     50: train WeightedCategoryCrossEntropy |  0.39065969`: a name and its
    # value split by `|` after a step's label.
    "real_trax_loop": "a name, `|`, its value",
    "real_trax_loop_named": "a name, `|`, its value",
    # sample-factory: `Avg episode reward: [(0, '85.930')]` (a policy's number, a quoted value).
    "real_sample_factory_appo": "values quoted in a list of tuples",
    "real_sample_factory_appo_pty": "values quoted in a list of tuples",
    # CausalML's frame: names with spaces and `%` one space apart, row keys with parentheses
    # (`S Learner (LR)   0.361414  0.070801`).
    "real_causalml_meta": "a frame of spaced names keyed by spaced row names",
    "real_causalml_meta_pty": "a frame of spaced names keyed by spaced row names",
    # The fast.ai course's basic learner prints bare fields: epoch, a True/False training flag,
    # loss, accuracy (`0 True 0.7371380615234375 0.83875`): no names.
    "real_hand_miniai_basic": "no names printed",
    # quanto's example: six stages (float, calibrated, quantized, tuned, frozen, reloaded) each
    # print the same `Test set evaluated in 0.46 s: Average loss: …, Accuracy: 782/1000 (78%)`,
    # named only by a title line before it; the truth names each stage's series by its title.
    "real_quanto_mnist_example": "stages told apart only by title lines",
    # thinc's examples print rows of bare numbers (`0     0.142`, `0\t598.44\t0.562`): no names.
    "real_thinc_mnist_rows": "no names printed",
    "real_thinc_mnist_rows_pty": "no names printed",
    "real_thinc_textcat_tabs": "no names printed",
    "real_thinc_textcat_tabs_pty": "no names printed",
    # Platypus' experiment prints its indicators as lists per seed (`Hypervolume: [0.039, …]`).
    "real_platypus_experiment": "values in lists, one per seed",
    # A table with no header and no names at all (`         2   -2533.56832880    +303.13`):
    # nothing says what its columns are; only `--pattern` can.
    "real_hmmlearn_gaussian": "no names printed",
    # A pandas frame keyed by a duration column (`0  1 days  0.475469  0.689543 …`).
    "real_prophet_cv": "rows keyed by a duration",
    # A fitness after a list of 60 genes: `Best Individual: [1, 0, 1, …] : 453.148`.
    "real_inspyred_ga_best": "a value after a long list, no name of its own",
    # Inertias printed with no name: `118.754 --> 55.700 --> 53.513 -->`.
    "real_tslearn_kmeans": "no names printed",
    # PyTorch's tutorials printing a loss with no name: `0m 2s (- 0m 14s) (5 16%) 1.3973`,
    # `1000 5% (0m 0s) 2.8078 Heco / English ✗ (Spanish)`.
    "real_hand_seq2seq_tutorial": "a loss printed with no name",
    "real_hand_char_rnn_tutorial": "a loss printed with no name",
    # Box cells of `key = value` pairs side by side (`│ FCN = 19.01 (χ²/ndof = 0.7) │ Nfcn = 49
    # │`): a summary's layout no rule reads yet.
    "real_iminuit_migrad_lsq": "key = value cells in a box",
    # A two-line record laid out as a table under a log prefix, the prefix on the header only.
    "real_rlberry_writer_pty": "a table record whose header carries the log prefix",
    # A CSV row holding an array cell (`0,9.19,[ 2.13 -1.81 0.75]`): more numbers than names.
    "real_leap_ec_best_genome": "a CSV row with an array cell",
    # A trial's line of settings with flags and one result (`… norm=False, igb=True,
    # accuracy=0.6429, status=retained …`): a line with `x=False,` is configuration.
    "real_aeon_tde": "a result among flags on a configuration line",
    # pprint of a nested result dict holding `'done': False` and `np.float64(19.44)`.
    "real_rllib_ppo_pprint": "a pprinted nested dict with flags",
    "real_rllib_ppo_pprint_config": "a pprinted nested dict with flags",
    # Lists of several objectives (`objectives: [0.21, 18.17]`) and a Pareto table whose rows
    # are labelled `Objective 1`, `Objective 2`: numbered names no rule reads yet.
    "real_openbox_multi_constraint": "lists of several values; rows labelled with a number",
    # Numbers with thousands separators (`[250] rmse: 5,650.425404`) are read as the digits
    # before the comma (rmse = 5: a wrong value), `[1,000]` as epoch 1. Left alone: a comma is
    # also a CSV row's separator, and a token with commas needs every reader path to change.
    # AICc values printed after a model's signature with no name (`ARIMA(2,1,2)(1,1,1)[12]
    # : 242.3713`).
    "real_statsforecast_autoarima": "values after a model's signature, with no name",
    # A log prefix whose logger / channel name is a split word (`[…] INFO: train: step=10
    # epoch=1 loss=0.4750 …`): every name is read as `train/loss`, `train/val_loss` …
    # An objective printed with no name after the generation (`#0 635.64 (x1=2.29, x2 = 0.52)`,
    # `#0 (12682129.3 12)`): cmaes' README loops.
    "real_cmaes_readme": "a value printed with no name",
    "real_cmaes_sop": "a value printed with no name",
    # Results inside a sentence (`Completed trial 0 with raw_data={'branin': np.float64(24.1)}`).
    "real_ax_client": "a result dict inside a logged sentence",
    # rich's table of metrics (rows) by agents (columns) whose header cells hold numbers
    # (`┃ Metric ┃ Agent 1 ┃ Agent 2 ┃ Mean ┃`, over the `┡━━━╇` header rule): the header
    # is read as a line of values.
    "real_agilerl_ppo": "a box whose header cells hold numbers (`Agent 1`)",
    "real_agilerl_ppo_pty": "a box whose header cells hold numbers (`Agent 1`)",
    # Names that are phrases with prepositions, in a line with no counter (`Loss on this step:
    # 24.2, Loss on the last accepted step: 0.0, Step size: 1.0, y: [-1.2  1. ]`): prose.
    "real_optimistix_bfgs": "names that are phrases (`Loss on this step`)",
}


def test_every_library_gets_some_of_its_values_read(
    scores: list[console_score.EntryScore],
) -> None:
    """No library whose output mlop reads nothing of (a new shape gone unread)."""
    unread = {s.entry for s in scores if s.values and not s.found}
    assert unread == set(KNOWN_UNREAD), "read now, or newly unread: update KNOWN_UNREAD"


# The holdout set (libraries the reader was not written against) scored the same way: its
# floors are lower, and the gap between the two sets is how much the reader is still tuned.
HOLDOUT_FLOORS = {"value_recall": 0.91, "series_recall": 0.82, "steps": 0.86, "precision": 0.91}


@pytest.mark.parametrize("measure", sorted(HOLDOUT_FLOORS))
def test_holdout_scores_stay_above_their_floors(measure: str) -> None:
    holdout = console_score.HOLDOUT
    scores = [
        console_score.score_entry(entry, corpus=holdout) for entry in console_score.entries(holdout)
    ]
    assert len(scores) >= 30
    totals = console_score.summary(scores)
    assert totals[measure] >= HOLDOUT_FLOORS[measure], (
        f"holdout {measure} fell to {totals[measure]:.3f}; "
        "`MLOP_CORPUS=tests/corpus/holdout python tests/console_score.py` shows where"
    )


# Piped captures whose records at epochs wait for a step in a lump (behind a stderr bar, or
# with no bar yet: block-buffered stdout): their steps are placed as far as the read holds
# them, so a read ending between two records places them a little differently ("close when
# output reaches a pipe in blocks", docs/console.md). Their values are the same in any reads;
# their steps and order may differ.
IN_BLOCKS = {
    "real_hf_bert_early_stop",
    "real_sentence_transformers_trainer",
    "real_ray_train_torch",
    "real_setfit_fewshot",  # sentence-transformers' trainer, as above
    "real_trl_dpo",  # Hugging Face's Trainer under TRL, as above
    "real_trl_reward",
}


@pytest.mark.parametrize("entry", ENTRIES[::7])
def test_reads_of_any_size_give_the_same_points(entry: str) -> None:
    data = (console_score.CORPUS / f"{entry}.txt").read_bytes()
    whole = console_score.parse(data, 1 << 20)
    small = console_score.parse(data, 997)
    if entry in IN_BLOCKS:
        assert {n: sorted(v for _, _, v in p.points) for n, p in small.items()} == {
            n: sorted(v for _, _, v in p.points) for n, p in whole.items()
        }
        return
    assert repr(small) == repr(whole)


def test_every_entry_but_the_lumped_ones_reads_the_same_in_any_reads() -> None:
    """The whole corpus, not a sample: only the entries of IN_BLOCKS may differ (in steps)."""
    differ = set()
    for entry in ENTRIES:
        data = (console_score.CORPUS / f"{entry}.txt").read_bytes()
        if repr(console_score.parse(data, 997)) != repr(console_score.parse(data, 1 << 20)):
            differ.add(entry)
    assert differ <= IN_BLOCKS, sorted(differ - IN_BLOCKS)


@pytest.mark.parametrize(
    "entry",
    ["real_aim_tqdm_postfix", "real_tqdm_nested_epochs", "real_hand_scratch_tqdm_pty"],
)
def test_a_bar_whose_count_lags_its_values_gives_each_iteration_its_point(entry: str) -> None:
    """tqdm in a `for` loop copies its count to the bar only at timed refreshes, while each
    `set_postfix` redraws at once: `0/40 … loss=0.663`, `0/40 … loss=0.625`, … then
    `8/40 … loss=0.593`. Each redraw with new values is an iteration, at its own step (they
    were 10 to 40 points of 250 before; a repeated value or a bar closed before its count
    showed the last ones cost a few)."""
    score = console_score.score_entry(entry)
    assert score.found >= 0.94 * score.values, (score.found, score.values)
    assert not score.invented
    if entry == "real_aim_tqdm_postfix":
        assert score.complete == score.steps_right == len(score.series)
