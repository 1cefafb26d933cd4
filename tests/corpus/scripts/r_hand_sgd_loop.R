# A hand-written R training loop in a common style: a one-hidden-layer network in base R trained
# by mini-batch SGD, utils::txtProgressBar(style = 3) over the batches of each epoch, a
# cat(sprintf()) summary line per epoch, message() lines with a timestamp on stderr, early stopping.
#
# Versions: R 4.2.2, jsonlite 1.8.4 (Debian 12 apt: r-base-core r-cran-jsonlite).
# Capture (repository root):
#   python tests/corpus/scripts/capture.py pipe real_r_hand_sgd_loop -- Rscript tests/corpus/scripts/r_hand_sgd_loop.R
#   python tests/corpus/scripts/capture.py pty real_r_hand_sgd_loop_pty -- Rscript tests/corpus/scripts/r_hand_sgd_loop.R
# Truth: the loop's own history data.frame (full precision), the values it printed.
script_path <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
source(file.path(dirname(script_path), "_truth.R"))

set.seed(2718)
n <- 2400; p <- 8; h <- 16
X <- matrix(rnorm(n * p), n, p)
y <- as.numeric(X[, 1] * X[, 2] + 0.8 * X[, 3] - 0.5 * X[, 4]^2 + rnorm(n, sd = .5) > 0)
val <- 1:400
Xtr <- X[-val, ]; ytr <- y[-val]; Xva <- X[val, ]; yva <- y[val]
cfg <- list(hidden = h, lr = 0.05, batch_size = 64, epochs = 20, patience = 2)
cat("Config:\n"); str(cfg)
cat(sprintf("Train: %d  Val: %d  Features: %d\n", nrow(Xtr), nrow(Xva), p))

W1 <- matrix(rnorm(p * h, sd = 0.3), p, h); b1 <- rep(0, h)
w2 <- rnorm(h, sd = 0.3); b2 <- 0
sigm <- function(z) 1 / (1 + exp(-z))
forward <- function(X) {
  H <- tanh(sweep(X %*% W1, 2, b1, "+"))
  list(H = H, p = sigm(drop(H %*% w2) + b2))
}
bce <- function(p, y) -mean(y * log(p + 1e-12) + (1 - y) * log(1 - p + 1e-12))

history <- data.frame()
best <- Inf; best_epoch <- 0; wait <- 0
nb <- ceiling(nrow(Xtr) / cfg$batch_size)
for (epoch in seq_len(cfg$epochs)) {
  t0 <- Sys.time()
  perm <- sample(nrow(Xtr))
  pb <- txtProgressBar(min = 0, max = nb, style = 3)
  for (b in seq_len(nb)) {
    idx <- perm[((b - 1) * cfg$batch_size + 1):min(b * cfg$batch_size, nrow(Xtr))]
    xb <- Xtr[idx, , drop = FALSE]; yb <- ytr[idx]
    f <- forward(xb)
    d2 <- (f$p - yb) / length(yb)
    gw2 <- drop(t(f$H) %*% d2); gb2 <- sum(d2)
    dH <- outer(d2, w2) * (1 - f$H^2)
    gW1 <- t(xb) %*% dH; gb1 <- colSums(dH)
    W1 <- W1 - cfg$lr * 10 * gW1; b1 <- b1 - cfg$lr * 10 * gb1
    w2 <- w2 - cfg$lr * 10 * gw2; b2 <- b2 - cfg$lr * 10 * gb2
    setTxtProgressBar(pb, b)
  }
  close(pb)
  ftr <- forward(Xtr); fva <- forward(Xva)
  row <- data.frame(epoch = epoch,
                    train_loss = bce(ftr$p, ytr), train_acc = mean((ftr$p > .5) == ytr),
                    val_loss = bce(fva$p, yva), val_acc = mean((fva$p > .5) == yva))
  history <- rbind(history, row)
  secs <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
  cat(sprintf("Epoch %2d/%d - loss: %.4f - acc: %.4f - val_loss: %.4f - val_acc: %.4f - %.2fs\n",
              epoch, cfg$epochs, row$train_loss, row$train_acc, row$val_loss, row$val_acc, secs))
  if (row$val_loss < best - 1e-4) {
    best <- row$val_loss; best_epoch <- epoch; wait <- 0
    message(sprintf("[%s] val_loss improved to %.5f, saving weights", format(Sys.time(), "%H:%M:%S"), best))
  } else {
    wait <- wait + 1
    message(sprintf("[%s] no improvement for %d epoch(s)", format(Sys.time(), "%H:%M:%S"), wait))
    if (wait >= cfg$patience) {
      cat(sprintf("Early stopping at epoch %d; best val_loss %.5f at epoch %d\n", epoch, best, best_epoch))
      break
    }
  }
}
cat("Done.\n")

s <- truth_series()
for (k in c("loss", "acc", "val_loss", "val_acc")) {
  col <- c(loss = "train_loss", acc = "train_acc", val_loss = "val_loss", val_acc = "val_acc")[[k]]
  for (i in seq_len(nrow(history))) s <- truth_add(s, k, NA, history$epoch[i], history[[col]][i])
}
# the improvement messages: the best val_loss so far, 5 decimals
imp <- c(); bst <- Inf
for (i in seq_len(nrow(history))) if (history$val_loss[i] < bst - 1e-4) {
  bst <- history$val_loss[i]; s <- truth_add(s, "val_loss improved to", NA, history$epoch[i], bst)
}
if (wait >= cfg$patience) s <- truth_add(s, "best val_loss", NA, best_epoch, best)
truth_write(library = sprintf("base R %s (utils::txtProgressBar), a hand-written loop", getRversion()),
            script = "tests/corpus/scripts/r_hand_sgd_loop.R",
            record = "the loop's own history data.frame (epoch, train_loss, train_acc, val_loss, val_acc)",
            step_kind = "epoch", series = s,
            extra_ok = c("the per-epoch seconds ('- 0.21s')"),
            notes = paste(
              "Config printed by str(list(...)) (' $ lr        : num 0.05'), then per epoch a",
              "txtProgressBar style 3 redrawn with '\\r' ('  |=====     |  42%', percentages of the bar)",
              "closed with a newline, then 'Epoch  3/12 - loss: 0.4123 - acc: 0.8125 - val_loss: ... -",
              "val_acc: ... - 0.21s' (keras-like names; acc/val_acc are fractions). message() lines on",
              "stderr: '[20:41:07] val_loss improved to 0.41234, saving weights' (a clock time, then the",
              "best val_loss so far) or '[..] no improvement for 1 epoch(s)'; early stopping prints",
              "'Early stopping at epoch 9; best val_loss 0.40123 at epoch 6'. Under a pty the bar and",
              "lines are the same bytes with '\\r\\n' line ends (R does not check for a terminal)."))
