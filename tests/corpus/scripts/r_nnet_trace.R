# nnet (R): the BFGS optimiser's trace ("# weights:  32", "initial  value 205.612224",
# "iter  10 value 111.811274", "final  value ...", "converged" / "stopped after 60 iterations").
#
# Versions: R 4.2.2, nnet 7.3-18, jsonlite 1.8.4 (Debian 12 apt: r-base-core r-cran-nnet r-cran-jsonlite).
# Capture (repository root):
#   python tests/corpus/scripts/capture.py pipe real_r_nnet_softmax -- Rscript tests/corpus/scripts/r_nnet_trace.R nnet
#   python tests/corpus/scripts/capture.py pipe real_r_nnet_multinom -- Rscript tests/corpus/scripts/r_nnet_trace.R multinom
# Truth: nnet keeps no trace, only fit$value (the final objective). The optimiser is
# deterministic given the seed, so the value printed at "iter k" is fit$value of the same fit
# re-run silently with maxit = k (maxit = 0 for the initial value); the script checks that the
# last of these equals the traced fit's fit$value.
args <- commandArgs(trailingOnly = TRUE)
which <- if (length(args)) args[1] else "nnet"
script_path <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
source(file.path(dirname(script_path), "_truth.R"))
suppressPackageStartupMessages(library(nnet))

set.seed(3)
n <- 400
df <- data.frame(income = rnorm(n, 50, 12), age = rnorm(n, 40, 10), score = runif(n))
s <- truth_series()
lib <- sprintf("nnet %s (R %s)", packageVersion("nnet"), getRversion())
if (which == "nnet") {
  df$y <- factor(ifelse((df$income - 50) * (df$age - 40) > 0, "buy", "skip"))
  sc <- scale(df[, 1:3])
  tr <- 1:300
  cat("Fitting nnet: size=5, decay=1e-3, maxit=150\n")
  fitter <- function(maxit, trace) {
    set.seed(11)
    nnet(sc[tr, ], class.ind(df$y[tr]), size = 5, softmax = TRUE, decay = 1e-3, maxit = maxit, trace = trace)
  }
  fit <- fitter(150, TRUE)
  print(fit)
  pred <- factor(predict(fit, sc[-tr, ], type = "class"), levels = levels(df$y))
  cm <- table(predicted = pred, actual = df$y[-tr])
  print(cm)
  acc <- mean(pred == df$y[-tr])
  cat(sprintf("Holdout accuracy: %.3f\n", acc))
  its <- fit$convergence  # 1: maxit reached, 0: converged
} else {
  df$plan <- factor(sample(c("basic", "plus", "premium"), n, TRUE))
  df$plan[df$income > 60] <- "premium"
  df$plan[df$age < 30] <- "basic"
  fitter <- function(maxit, trace) multinom(plan ~ income + age + score, data = df, maxit = maxit, trace = trace)
  fit <- fitter(100, TRUE)
  print(fit)
  print(summary(fit)$standard.errors)
}
# the trace: initial value, every 10th iteration, final value
iters <- c(0, seq(10, 1000, by = 10))
vals <- c()
for (k in iters) {
  v <- fitter(k, FALSE)$value
  vals <- c(vals, v)
  if (abs(v - fit$value) < 1e-12 && k > 0) break
}
last <- iters[length(vals)]
# nnet prints "iter k" only for iterations it runs through; a fit that converges between two
# multiples of 10 prints no row for the last multiple
final_k <- if (fit$convergence == 1) last else NA
s <- truth_add(s, "initial  value", 0, NA, vals[1])
for (j in seq_along(vals)[-1]) {
  if (iters[j] == last && fit$convergence == 0 && vals[j] == fit$value) break
  s <- truth_add(s, "value", iters[j], NA, vals[j])
}
s <- truth_add(s, "final  value", final_k, NA, fit$value)
notes <- paste(
  "nnet's C optimiser (vmmin) prints 'initial  value 205.612224 ' (two spaces), 'iter  10 value 111.811274'",
  "every 10 iterations, 'final  value 26.694470 ' and 'converged' or 'stopped after N iterations'",
  "(6 decimals). The value is the fitting criterion (least squares / entropy + weight decay).")
if (which == "nnet") {
  s <- truth_add(s, "Holdout accuracy", NA, NA, acc)
  notes <- paste(notes, "Then print(fit) ('a 3-5-2 network with 32 weights', 'options were - softmax",
                 "modelling  decay=0.001'), a confusion table of counts and the script's holdout accuracy.")
} else {
  s <- truth_add(s, "Residual Deviance", NA, NA, fit$deviance)
  s <- truth_add(s, "AIC", NA, NA, fit$AIC)
  notes <- paste(notes, "multinom prints the same trace, then print(fit): Call, the Coefficients matrix",
                 "(model parameters, not metrics), 'Residual Deviance: ...' and 'AIC: ...' (fit$deviance,",
                 "fit$AIC); then summary(fit)$standard.errors (parameter standard errors, not metrics).")
}
truth_write(library = lib, script = "tests/corpus/scripts/r_nnet_trace.R",
            record = "fit$value of the traced fit and of the same fit re-run with maxit = 0, 10, 20, ... (nnet keeps no trace itself)",
            step_kind = "global", series = s, notes = notes)
