"""tomotopy topic models trained as tomotopy's README and examples do: `mdl.train(10)` in a loop
printing the log-likelihood per word, then the topics and `mdl.summary()`.

Versions: tomotopy 0.14.0, numpy 2.4.6, Python 3.11 (venv /work/venvs/corpus-m-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_tomotopy_lda -- python tests/corpus/scripts/tomotopy_topics.py lda
    python tests/corpus/scripts/capture.py pipe real_tomotopy_hdp -- python tests/corpus/scripts/tomotopy_topics.py hdp
(the same bytes under a terminal, apart from '\\r\\n': no pty entry. train(show_progress=True) is
not used: in 0.14.0 it recurses without end when no callback is given.)
Truth: the model's own attributes read right after each train(10): ll_per_word (and live_k, a
count, for HDP), global_step; the summary's 'Log-likelihood per word' is ll_per_word after the
last train(). The HDP model's numbers differ from run to run (its sampler runs on
several threads), so real_tomotopy_hdp's truth belongs to its own capture; LDA's are the same.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import _truth
import numpy as np
import tomotopy as tp

which = sys.argv[1]
rng = np.random.RandomState(0)
# synthetic corpus: 300 documents, each mostly from one of 6 "themes" of 40 words plus noise words
themes = [[f"{t}word{j}" for j in range(40)] for t in "abcdef"]
noise = [f"common{j}" for j in range(30)]
docs = []
for _ in range(300):
    main, other = rng.choice(6, size=2, replace=False)
    words = list(rng.choice(themes[main], size=25)) + list(rng.choice(themes[other], size=8))
    words += list(rng.choice(noise, size=7))
    docs.append(words)

series = _truth.Series()


def prepare(mdl) -> None:
    """Initialise the model and print what tomotopy's examples print before training."""
    mdl.train(0)
    print(
        "Num docs:",
        len(mdl.docs),
        ", Vocab size:",
        len(mdl.used_vocabs),
        ", Num words:",
        mdl.num_words,
    )
    print("Removed top words:", mdl.removed_top_words)
    print("Training...", file=sys.stderr, flush=True)


if which == "lda":
    mdl = tp.LDAModel(k=6, seed=42)
    for words in docs:
        mdl.add_doc(words)
    prepare(mdl)
    for i in range(0, 100, 10):
        mdl.train(10)
        print(f"Iteration: {i}\tLog-likelihood: {mdl.ll_per_word}")
        series.add("Log-likelihood", i, None, mdl.ll_per_word)
    for k in range(mdl.k):
        print(f"Top 10 words of topic #{k}")
        print(mdl.get_topic_words(k, top_n=10))
    mdl.summary()
else:
    mdl = tp.HDPModel(
        tw=tp.TermWeight.ONE, min_cf=3, rm_top=5, gamma=1, alpha=0.1, initial_k=10, seed=99999
    )
    for words in docs:
        mdl.add_doc(words)
    mdl.burn_in = 20
    prepare(mdl)
    for i in range(0, 150, 10):
        mdl.train(10)
        print(f"Iteration: {i}\tLog-likelihood: {mdl.ll_per_word}\tNum. of topics: {mdl.live_k}")
        series.add("Log-likelihood", i, None, mdl.ll_per_word)
    mdl.summary()
# the summary's '<Training Info>' block: 'Log-likelihood per word: -3.86253' after the last train()
series.add("Log-likelihood per word", mdl.global_step, None, mdl.ll_per_word)

if which == "lda":
    notes_model = (
        "After training, 'Top 10 words of topic #0' then the Python list of (word, probability) "
        "tuples of that topic ([('aword3', 0.0521...), ...]: the model's parameters, not metrics). "
    )
    extra = ""
else:
    notes_model = ""
    extra = (
        "HDP's lines add '\\tNum. of topics: 9' (mdl.live_k: a count of live topics, not a metric). "
        "Its summary adds '| initial_k: 10 (...)', '| gamma: 1 (...)', the fitted '|  3.366' "
        "under '| gamma (concentration coefficient ...)' (a parameter), '| Number of Topics: 15' "
        "and '| Number of Tables: 426' (counts) and '| Removed Vocabs: common15 ...' (names). "
    )
_truth.write(
    library=f"tomotopy {tp.__version__} (numpy {np.__version__})",
    script="tests/corpus/scripts/tomotopy_topics.py",
    record=(
        "the model's attributes right after each mdl.train(10): ll_per_word (tomotopy's "
        "log-likelihood per word of the current state); the summary's figure is ll_per_word after "
        "the last train()"
    ),
    step_kind="global",
    series=series,
    notes=(
        "The script is tomotopy's documented loop: 'Num docs: 300 , Vocab size: 270 , Num words: "
        "12000', 'Removed top words: []' and (stderr) 'Training...' first (counts), and possibly "
        "tomotopy's RuntimeWarning that results may differ with workers != 1 (stderr, 2 lines). "
        "Then one line per train(10): 'Iteration: 0\\tLog-likelihood: -4.8112' (Python's repr of "
        "the float: full precision). Step = the PRINTED loop variable i, which is the iteration "
        "count BEFORE that train(10) (the docs' own quirk: the model's global_step is i + 10 at "
        "that print). " + extra + notes_model + "Then mdl.summary(): blocks '<Basic Info>', "
        "'<Training Info>', '<Initial Parameters>', '<Parameters>', '<Topics>' of '| key: value' "
        "lines: '| 300 docs, 12000 words', '| Total Vocabs: 270, Used Vocabs: 270', '| Entropy of "
        "words: 5.6' (a statistic of the corpus, not of the fit), '| Iterations: 100, Burn-in "
        "steps: 0', '| Optimization Interval: 10', '| Log-likelihood per word: -4.80' (series "
        "'Log-likelihood per word', one point at step = global_step; printed to 6 significant "
        "digits), then settings ('| k: 6 (the number of topics between 1 ~ 32767)', '| alpha: "
        "0.1 (...)', '| seed: 42 (random seed)'), the fitted Dirichlet priors (an array of alphas "
        "per topic: parameters, not metrics) and '| #0 (1530) : w33 w24 ...' topic rows (counts)."
    ),
)
