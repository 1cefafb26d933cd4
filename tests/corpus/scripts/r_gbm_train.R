# gbm (R) with verbose=TRUE: its "Iter   TrainDeviance   ValidDeviance   StepSize   Improve" table.
#
# Versions: R 4.2.2, gbm 2.1.8.1, jsonlite 1.8.4 (Debian 12 apt: r-base-core r-cran-gbm r-cran-jsonlite).
# Capture (repository root):
#   python tests/corpus/scripts/capture.py pipe real_r_gbm_bernoulli -- Rscript tests/corpus/scripts/r_gbm_train.R bernoulli
#   python tests/corpus/scripts/capture.py pipe real_r_gbm_gaussian_cv -- Rscript tests/corpus/scripts/r_gbm_train.R gaussian_cv
# Truth: the gbm object's own fit$train.error, fit$valid.error, fit$oobag.improve (per tree), printed rows only.
args <- commandArgs(trailingOnly = TRUE)
which <- if (length(args)) args[1] else "bernoulli"
script_path <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
source(file.path(dirname(script_path), "_truth.R"))
suppressPackageStartupMessages(library(gbm))

set.seed(2024)
n <- 1200
df <- data.frame(x1 = rnorm(n), x2 = rnorm(n), x3 = runif(n), x4 = factor(sample(letters[1:4], n, TRUE)),
                 x5 = rnorm(n))
lin <- 1.2 * df$x1 - 0.8 * df$x2^2 + 2 * (df$x3 > 0.5) + as.integer(df$x4) * 0.3
if (which == "bernoulli") {
  df$y <- rbinom(n, 1, plogis(lin - 1))
  cat("Training data:", nrow(df), "rows,", ncol(df) - 1, "predictors\n")
  print(table(df$y))
  t0 <- proc.time()
  fit <- gbm(y ~ ., data = df, distribution = "bernoulli", n.trees = 300, interaction.depth = 3,
             shrinkage = 0.05, bag.fraction = 0.7, train.fraction = 0.8, n.minobsinnode = 10,
             verbose = TRUE)
  el <- (proc.time() - t0)[["elapsed"]]
  cat(sprintf("Fitted in %.2f s\n", el))
  print(fit)
  best <- gbm.perf(fit, method = "test", plot.it = FALSE)
  cat("Best iteration (test):", best, "\n")
  print(summary(fit, plotit = FALSE))
} else {
  df$y <- lin + rnorm(n, sd = 0.7)
  cat("Training data:", nrow(df), "rows\n")
  fit <- gbm(y ~ ., data = df, distribution = "gaussian", n.trees = 200, interaction.depth = 2,
             shrinkage = 0.1, bag.fraction = 0.5, cv.folds = 3, n.cores = 1, verbose = TRUE)
  print(fit)
  best <- gbm.perf(fit, method = "cv", plot.it = FALSE)
  cat("Best iteration (cv):", best, "\n")
  cat(sprintf("CV error at best iteration: %.4f\n", fit$cv.error[best]))
}

# ---- ground truth: the rows gbm's verbose table printed (1..10, every 20th, the last) ----
nt <- fit$n.trees
printed <- which(seq_len(nt) <= 10 | seq_len(nt) %% 20 == 0 | seq_len(nt) == nt)
s <- truth_series()
for (i in printed) s <- truth_add(s, "TrainDeviance", i, NA, fit$train.error[i])
for (i in printed) s <- truth_add(s, "ValidDeviance", i, NA, fit$valid.error[i])
for (i in printed) s <- truth_add(s, "Improve", i, NA, fit$oobag.improve[i])
extra <- character(0)
notes <- paste(
  "gbm's C code prints 'Iter TrainDeviance ValidDeviance StepSize Improve' rows for trees 1-10, every",
  "20th tree and the last, 4 decimals ('%6d %13.4f %15.4f %10.4f %9.4f'). StepSize is the shrinkage",
  "setting (a constant), not a metric. Improve is the out-of-bag improvement in deviance",
  "(fit$oobag.improve), printed as '-0.0000' when tiny and negative.")
if (which == "bernoulli") {
  notes <- paste(notes, "train.fraction=0.8: ValidDeviance is the held-out last 20% of rows.",
                 "Then print(fit) ('The best test-set iteration was 172.'), gbm.perf's best iteration",
                 "and summary()'s relative-influence data frame (rel.inf, importances, not metrics).")
} else {
  s <- truth_add(s, "CV error at best iteration", best, NA, fit$cv.error[best])
  notes <- paste(notes, "cv.folds=3 without train.fraction: 'CV: 1'..'CV: 3' lines (the fold fits are",
                 "silent), then the full fit's table where ValidDeviance is NaN (no held-out rows) and",
                 "prints '-nan'. Last line is the script's own sprintf of fit$cv.error[best]; the",
                 "per-tree fit$cv.error is not printed.")
}
truth_write(library = sprintf("gbm %s (R %s)", packageVersion("gbm"), getRversion()),
            script = "tests/corpus/scripts/r_gbm_train.R",
            record = "the gbm object: fit$train.error, fit$valid.error, fit$oobag.improve, fit$cv.error (per tree)",
            step_kind = "global", series = s, extra_ok = extra,
            not_printed = c("fit$cv.error per tree (only the best iteration's value is printed)"),
            notes = notes)
