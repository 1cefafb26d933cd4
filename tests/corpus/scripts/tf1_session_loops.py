"""TensorFlow 1.x graph-mode training loops (tf.compat.v1.Session) printing in the styles of the
classic TF1 tutorials and example repositories, on synthetic data (no MNIST download), CPU.

- basic: aymericdamien's TensorFlow-Examples linear regression
             Epoch: 0050 cost= 0.123456789 W= 0.25 b= 1.3
             Optimization Finished!
             Training cost= 0.0771 W= 0.25 b= 1.3
         then the 'Deep MNIST for Experts' loop (softmax MLP on 8x8 synthetic digits)
             step 100, training accuracy 0.82
             test accuracy 0.9112
- feed:  the 'fully_connected_feed.py' tutorial loop
             Step 100: loss = 1.23 (0.002 sec)
             Training Data Eval:
               Num examples: 2000  Num correct: 1500  Precision @ 1: 0.7500
         then aymericdamien's neural-network example
             Step 1, Minibatch Loss= 2.3301, Training Accuracy= 0.117
             Testing Accuracy: 0.89
- logreg: aymericdamien's logistic regression ('Epoch: 0001 cost= 1.183520160',
         'Accuracy: 0.88') and word2vec_basic's 'Average loss at step  200 :  3.21'.

Truth: the values session.run returned for each printed line (this loop's own record, dumped
as the script prints), at full precision; W and b of the linear regression are parameters,
not metrics, and are not in it.

Versions: tensorflow-cpu 2.15.1 (tf.compat.v1, eager disabled), numpy 1.26.4, Python 3.11
(venv /work/venvs/corpus-zAZ-1). Seeds fixed; a few s of CPU.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_tf1_session_basic -- python tests/corpus/scripts/tf1_session_loops.py basic
    python tests/corpus/scripts/capture.py pipe real_tf1_session_feed -- python tests/corpus/scripts/tf1_session_loops.py feed
    python tests/corpus/scripts/capture.py pipe real_tf1_session_logreg -- python tests/corpus/scripts/tf1_session_loops.py logreg
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

tf1 = tf.compat.v1
tf1.disable_eager_execution()
tf1.set_random_seed(0)
mode = sys.argv[1]
S = _truth.Series()
rng = np.random.default_rng(0)

# synthetic 8x8 "digits": class prototypes + noise
protos = rng.normal(size=(10, 64))
lab = rng.integers(0, 10, size=6000)
img = (protos[lab] + 4.5 * rng.normal(size=(6000, 64))).astype("float32")
onehot = np.eye(10, dtype="float32")[lab]
tr_x, tr_y, te_x, te_y = img[:5000], onehot[:5000], img[5000:], onehot[5000:]


def batches(bs, seed):
    r = np.random.default_rng(seed)
    while True:
        idx = r.permutation(5000)
        for i in range(0, 5000 - bs + 1, bs):
            yield tr_x[idx[i:i + bs]], tr_y[idx[i:i + bs]]


def softmax_model(hidden=None):
    x = tf1.placeholder(tf.float32, [None, 64])
    y_ = tf1.placeholder(tf.float32, [None, 10])
    h = x
    if hidden:
        for k, units in enumerate(hidden):
            W = tf.Variable(tf1.truncated_normal([int(h.shape[1]), units], stddev=0.1, seed=k))
            h = tf.nn.relu(tf.matmul(h, W) + tf.Variable(tf.constant(0.1, shape=[units])))
    W = tf.Variable(tf1.truncated_normal([int(h.shape[1]), 10], stddev=0.1, seed=9))
    logits = tf.matmul(h, W) + tf.Variable(tf.zeros([10]))
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=logits))
    acc = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(y_, 1)), tf.float32))
    return x, y_, logits, loss, acc


if mode == "basic":
    # --- linear regression (TensorFlow-Examples/2_BasicModels/linear_regression.py) ---
    train_X = np.linspace(0, 10, 17).astype("float32")
    train_Y = (0.25 * train_X + 1.3 + 0.4 * rng.normal(size=17)).astype("float32")
    n_samples = train_X.shape[0]
    X, Y = tf1.placeholder("float"), tf1.placeholder("float")
    W = tf.Variable(rng.normal(), name="weight", dtype=tf.float32)
    b = tf.Variable(rng.normal(), name="bias", dtype=tf.float32)
    pred = tf.add(tf.multiply(X, W), b)
    cost = tf.reduce_sum(tf.pow(pred - Y, 2)) / (2 * n_samples)
    optimizer = tf1.train.GradientDescentOptimizer(0.01).minimize(cost)
    with tf1.Session() as sess:
        sess.run(tf1.global_variables_initializer())
        for epoch in range(300):
            for (xx, yy) in zip(train_X, train_Y):
                sess.run(optimizer, feed_dict={X: xx, Y: yy})
            if (epoch + 1) % 50 == 0:
                c = sess.run(cost, feed_dict={X: train_X, Y: train_Y})
                S.add("cost", None, epoch + 1, c)
                print("Epoch:", "%04d" % (epoch + 1), "cost=", "{:.9f}".format(c),
                      "W=", sess.run(W), "b=", sess.run(b))
        print("Optimization Finished!")
        training_cost = sess.run(cost, feed_dict={X: train_X, Y: train_Y})
        S.add("Training cost", None, None, training_cost)
        print("Training cost=", training_cost, "W=", sess.run(W), "b=", sess.run(b), "\n")
    # --- Deep MNIST for Experts style ---
    tf1.reset_default_graph()
    tf1.set_random_seed(0)
    x, y_, logits, loss, acc = softmax_model([128])
    train_step = tf1.train.AdamOptimizer(1e-3).minimize(loss)
    it = batches(50, 1)
    with tf1.Session() as sess:
        sess.run(tf1.global_variables_initializer())
        for i in range(1000):
            bx, by = next(it)
            if i % 100 == 0:
                train_accuracy = acc.eval(feed_dict={x: bx, y_: by})
                S.add("training accuracy", i, None, train_accuracy)
                print("step %d, training accuracy %g" % (i, train_accuracy))
            train_step.run(feed_dict={x: bx, y_: by})
        ta = acc.eval(feed_dict={x: te_x, y_: te_y})
        S.add("test accuracy", None, None, ta)
        print("test accuracy %g" % ta)
elif mode == "feed":
    # --- fully_connected_feed.py ---
    x, y_, logits, loss, acc = softmax_model([128, 32])
    correct = tf.reduce_sum(tf.cast(tf1.nn.in_top_k(logits, tf.argmax(y_, 1), 1), tf.int32))
    tf1.summary.scalar("loss", loss)
    global_step = tf.Variable(0, name="global_step", trainable=False)
    train_op = tf1.train.GradientDescentOptimizer(0.05).minimize(loss, global_step=global_step)
    it = batches(100, 2)

    def do_eval(sess, data_x, data_y, name, step):
        true_count = 0
        steps_per_epoch = len(data_x) // 100
        num_examples = steps_per_epoch * 100
        for s in range(steps_per_epoch):
            true_count += sess.run(correct, feed_dict={x: data_x[s * 100:(s + 1) * 100],
                                                       y_: data_y[s * 100:(s + 1) * 100]})
        precision = float(true_count) / num_examples
        S.add("Precision @ 1", step, None, precision)
        print("  Num examples: %d  Num correct: %d  Precision @ 1: %0.04f"
              % (num_examples, true_count, precision))

    with tf1.Session() as sess:
        sess.run(tf1.global_variables_initializer())
        for step in range(1200):
            start_time = time.time()
            bx, by = next(it)
            _, loss_value = sess.run([train_op, loss], feed_dict={x: bx, y_: by})
            duration = time.time() - start_time
            if step % 100 == 0:
                S.add("loss", step, None, loss_value)
                print("Step %d: loss = %.2f (%.3f sec)" % (step, loss_value, duration))
            if (step + 1) % 600 == 0 or (step + 1) == 1200:
                print("Training Data Eval:")
                do_eval(sess, tr_x, tr_y, "Training Data Eval:", step)
                print("Validation Data Eval:")
                do_eval(sess, te_x[:500], te_y[:500], "Validation Data Eval:", step)
                print("Test Data Eval:")
                do_eval(sess, te_x[500:], te_y[500:], "Test Data Eval:", step)
    # --- TensorFlow-Examples/3_NeuralNetworks/neural_network_raw.py ---
    tf1.reset_default_graph()
    tf1.set_random_seed(0)
    learning_rate, num_steps, batch_size, display_step = 0.1, 500, 128, 100
    print("\nParameters: learning_rate=%s num_steps=%d batch_size=%d" % (learning_rate, num_steps, batch_size))
    x, y_, logits, loss, acc = softmax_model([256, 256])
    train_op = tf1.train.AdamOptimizer(learning_rate=0.001).minimize(loss)
    it = batches(batch_size, 3)
    with tf1.Session() as sess:
        sess.run(tf1.global_variables_initializer())
        for step in range(1, num_steps + 1):
            bx, by = next(it)
            sess.run(train_op, feed_dict={x: bx, y_: by})
            if step % display_step == 0 or step == 1:
                l, a = sess.run([loss, acc], feed_dict={x: bx, y_: by})
                S.add("Minibatch Loss", step, None, l)
                S.add("Training Accuracy", step, None, a)
                print("Step " + str(step) + ", Minibatch Loss= " + "{:.4f}".format(l)
                      + ", Training Accuracy= " + "{:.3f}".format(a))
        print("Optimization Finished!")
        ta = sess.run(acc, feed_dict={x: te_x, y_: te_y})
        S.add("Testing Accuracy", None, None, ta)
        print("Testing Accuracy:", ta)
else:  # logreg
    learning_rate, training_epochs, batch_size, display_step = 0.01, 12, 100, 1
    x, y_, logits, loss, acc = softmax_model()
    pred = tf.nn.softmax(logits)
    cost = tf.reduce_mean(-tf.reduce_sum(y_ * tf1.log(pred + 1e-10), axis=1))
    optimizer = tf1.train.GradientDescentOptimizer(learning_rate).minimize(cost)
    with tf1.Session() as sess:
        sess.run(tf1.global_variables_initializer())
        it = batches(batch_size, 4)
        for epoch in range(training_epochs):
            avg_cost = 0.0
            total_batch = 5000 // batch_size
            for i in range(total_batch):
                bx, by = next(it)
                _, c = sess.run([optimizer, cost], feed_dict={x: bx, y_: by})
                avg_cost += c / total_batch
            if (epoch + 1) % display_step == 0:
                S.add("cost", None, epoch + 1, avg_cost)
                print("Epoch:", "%04d" % (epoch + 1), "cost=", "{:.9f}".format(avg_cost))
        print("Optimization Finished!")
        a = acc.eval({x: te_x, y_: te_y})
        S.add("Accuracy", None, None, a)
        print("Accuracy:", a)
    # --- word2vec_basic.py's loop (skip-gram with NCE on a synthetic Zipf corpus) ---
    tf1.reset_default_graph()
    tf1.set_random_seed(0)
    vocab, emb, bs = 500, 32, 64
    words = np.minimum(rng.zipf(1.3, size=20000), vocab) - 1
    print("Data", words[:8].tolist(), "size", len(words))
    train_inputs = tf1.placeholder(tf.int32, shape=[bs])
    train_labels = tf1.placeholder(tf.int32, shape=[bs, 1])
    embeddings = tf.Variable(tf1.random_uniform([vocab, emb], -1.0, 1.0, seed=1))
    embed = tf.nn.embedding_lookup(embeddings, train_inputs)
    nce_w = tf.Variable(tf1.truncated_normal([vocab, emb], stddev=1.0 / emb ** 0.5, seed=2))
    nce_b = tf.Variable(tf.zeros([vocab]))
    nce_loss = tf.reduce_mean(tf1.nn.nce_loss(weights=nce_w, biases=nce_b, labels=train_labels,
                                             inputs=embed, num_sampled=16, num_classes=vocab))
    opt = tf1.train.GradientDescentOptimizer(1.0).minimize(nce_loss)
    with tf1.Session() as sess:
        sess.run(tf1.global_variables_initializer())
        print("Initialized")
        average_loss = 0
        r = np.random.default_rng(5)
        for step in range(1001):
            pos = r.integers(1, len(words) - 1, size=bs)
            feed = {train_inputs: words[pos], train_labels: words[pos + 1].reshape(-1, 1)}
            _, loss_val = sess.run([opt, nce_loss], feed_dict=feed)
            average_loss += loss_val
            if step % 200 == 0:
                if step > 0:
                    average_loss /= 200
                S.add("Average loss", step, None, average_loss)
                print("Average loss at step ", step, ": ", average_loss)
                average_loss = 0

_truth.write(
    library=f"tensorflow-cpu {tf.__version__} (tf.compat.v1 graph mode, Session loops)",
    script="tests/corpus/scripts/tf1_session_loops.py",
    record="the values session.run returned for each printed line (the loop's own record), full precision",
    step_kind="global" if mode != "logreg" else "epoch",
    series=S,
    extra_ok=(["the seconds per step '(0.002 sec)'"] if mode == "feed" else []),
    not_printed=[],
    notes={
        "basic": "Linear regression: 'Epoch: 0050 cost= 0.123456789 W= 0.2431 b= 1.31' every 50 epochs (epoch = "
                 "the printed epoch, no step): W= and b= are the model's weight and bias (parameters, NOT metrics). "
                 "'Training cost= 0.0771 W= ... b= ...' after 'Optimization Finished!' (no step). Then "
                 "'step 100, training accuracy 0.82' (%g; accuracy on the current 50-example batch) every 100 steps "
                 "and 'test accuracy 0.9112' (%g) at the end (no step printed: step null). "
                 "Deprecation warnings and TF start-up notices come first (stderr).",
        "feed": "'Step 100: loss = 1.23 (0.002 sec)' every 100 steps (loss %.2f; the seconds are extra_ok). At steps "
                "599 and 1199 (0-based step of the print loop) three evaluations, each a header line then "
                "'  Num examples: 2000  Num correct: 1500  Precision @ 1: 0.7500' (counts, then the precision): "
                "one series 'Precision @ 1' as printed, three points per evaluation step in print order (training, "
                "validation, test: the header line above says which). Then 'Parameters: learning_rate=0.1 num_steps=500 batch_size=128' (config, not "
                "metrics) and 'Step 100, Minibatch Loss= 0.6616, Training Accuracy= 0.773' at step 1 and every 100 "
                "steps, 'Testing Accuracy: 0.921' (repr of a float32, no step: null).",
        "logreg": "'Epoch: 0001 cost= 1.183520160' per epoch (avg of batch costs, 9 decimals; epoch as printed, no "
                  "step), 'Optimization Finished!', 'Accuracy: 0.88' (float32 repr, no step). Then word2vec_basic: "
                  "'Data [0, 3, 0, ...] size 20000' (word ids and corpus size, not metrics), 'Initialized', and "
                  "'Average loss at step  200 :  3.21...' every 200 steps (the loss averaged over the last 200 "
                  "steps; at step 0 the single first loss), full repr precision.",
    }[mode],
)
