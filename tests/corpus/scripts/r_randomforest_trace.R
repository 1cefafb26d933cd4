# randomForest (R) with do.trace: the OOB / per-class error trace, then print(fit).
#
# Versions: R 4.2.2, randomForest 4.7-1.1, jsonlite 1.8.4 (Debian 12 apt: r-base-core r-cran-randomforest r-cran-jsonlite).
# Capture (repository root):
#   python tests/corpus/scripts/capture.py pipe real_r_randomforest_class -- Rscript tests/corpus/scripts/r_randomforest_trace.R class
#   python tests/corpus/scripts/capture.py pipe real_r_randomforest_regr -- Rscript tests/corpus/scripts/r_randomforest_trace.R regr
# Truth: the randomForest object: fit$err.rate (class), fit$mse / fit$rsq (regression), fit$confusion.
args <- commandArgs(trailingOnly = TRUE)
which <- if (length(args)) args[1] else "class"
script_path <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
source(file.path(dirname(script_path), "_truth.R"))
suppressPackageStartupMessages(library(randomForest))

set.seed(7)
n <- 600
X <- data.frame(sepal_len = rnorm(n, 5.8, .8), sepal_wid = rnorm(n, 3, .4), petal_len = runif(n, 1, 7),
                petal_wid = rnorm(n, 1.2, .7))
s <- truth_series()
lib <- sprintf("randomForest %s (R %s)", packageVersion("randomForest"), getRversion())
if (which == "class") {
  z <- X$sepal_len - 5.8 + (X$petal_wid - 1.2)^2 * 2 + rnorm(n, sd = .6)
  y <- factor(ifelse(z > 0.7, "virginica", ifelse(X$petal_len > 4.5, "versicolor", "setosa")))
  idx <- sample(n, 450)
  cat("train:", length(idx), " test:", n - length(idx), "\n")
  print(table(y[idx]))
  fit <- randomForest(X[idx, ], y[idx], ntree = 150, mtry = 2, do.trace = 25, importance = TRUE)
  print(fit)
  pred <- predict(fit, X[-idx, ])
  acc <- mean(pred == y[-idx])
  cat(sprintf("Test accuracy: %.4f\n", acc))
  print(round(importance(fit), 2))
  er <- fit$err.rate
  printed <- seq(25, 150, by = 25)
  cols <- colnames(er)  # OOB, setosa, versicolor, virginica: the trace heads them OOB, 1, 2, 3
  for (j in seq_along(cols)) {
    name <- if (j == 1) "OOB" else as.character(j - 1)
    for (i in printed) s <- truth_add(s, name, i, NA, 100 * er[i, j])
  }
  s <- truth_add(s, "OOB estimate of  error rate", 150, NA, 100 * er[150, "OOB"])
  for (k in seq_len(nrow(fit$confusion))) s <- truth_add(s, "class.error", NA, NA, fit$confusion[k, "class.error"])
  s <- truth_add(s, "Test accuracy", NA, NA, acc)
  truth_write(library = lib, script = "tests/corpus/scripts/r_randomforest_trace.R",
              record = "fit$err.rate (OOB and per-class error after each tree), fit$confusion's class.error; mean(predict == y) for the script's test accuracy",
              step_kind = "global", series = s,
              not_printed = c("err.rate rows between the traced trees"),
              notes = paste(
                "do.trace=25 prints 'ntree      OOB      1      2      3' then '   25:  21.48% 18.12% ...':",
                "the class columns are headed by the class number (1=setosa, 2=versicolor, 3=virginica),",
                "values are percentages (100 x err.rate, 2 decimals). print(fit) repeats the last OOB",
                "error ('OOB estimate of  error rate: 18.83%', two spaces as printed) and a confusion",
                "matrix of counts with a class.error column (fractions). The importance table",
                "(MeanDecreaseAccuracy, MeanDecreaseGini per feature) is not a training metric."))
} else {
  y <- 2 * X$sepal_len + sin(X$petal_len * 1.5) * 3 + rnorm(n, sd = .6)
  cat(sprintf("n = %d, var(y) = %.3f\n", n, var(y)))
  fit <- randomForest(X, y, ntree = 40, do.trace = TRUE)
  print(fit)
  for (i in seq_len(40)) s <- truth_add(s, "MSE", i, NA, fit$mse[i])
  for (i in seq_len(40)) s <- truth_add(s, "%Var(y)", i, NA, 100 * (1 - fit$rsq[i]))
  s <- truth_add(s, "Mean of squared residuals", 40, NA, fit$mse[40])
  s <- truth_add(s, "% Var explained", 40, NA, 100 * fit$rsq[40])
  truth_write(library = lib, script = "tests/corpus/scripts/r_randomforest_trace.R",
              record = "fit$mse and fit$rsq (OOB, after each tree)",
              step_kind = "global", series = s,
              notes = paste(
                "do.trace=TRUE prints every tree under a two-line header '     |      Out-of-bag   |' /",
                "'Tree |      MSE  %Var(y) |': '  10 |    1.222    24.86 |' (MSE 4 significant digits,",
                "%Var(y) = 100 x (1 - rsq), 2 decimals). print(fit): 'Mean of squared residuals: 0.743735',",
                "'% Var explained: 84.87' (100 x rsq). The script's own 'var(y) = ...' line is a data statistic."))
}
