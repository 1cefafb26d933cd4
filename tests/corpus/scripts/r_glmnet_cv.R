# glmnet (R): cv.glmnet with trace.it=1 (txtProgressBar per fold), print(cvfit)'s
# 'Lambda Index Measure SE Nonzero' table, print(fit)'s 'Df  %Dev  Lambda' path; binomial
# variant with type.measure="auc" and print(assess.glmnet(...)) on a holdout.
#
# Versions: R 4.2.2, glmnet 4.1-6, jsonlite 1.8.4 (Debian 12 apt: r-base-core r-cran-glmnet r-cran-jsonlite).
# Capture (repository root):
#   python tests/corpus/scripts/capture.py pipe real_r_glmnet_cv_trace -- Rscript tests/corpus/scripts/r_glmnet_cv.R gaussian
#   python tests/corpus/scripts/capture.py pty real_r_glmnet_cv_trace_pty -- Rscript tests/corpus/scripts/r_glmnet_cv.R gaussian
#   python tests/corpus/scripts/capture.py pipe real_r_glmnet_binomial_auc -- Rscript tests/corpus/scripts/r_glmnet_cv.R binomial
# Truth: the cv.glmnet object (cvm, cvsd at index.min / index.1se), the glmnet fit's dev.ratio
# per lambda, assess.glmnet()'s list.
args <- commandArgs(trailingOnly = TRUE)
which <- if (length(args)) args[1] else "gaussian"
script_path <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
source(file.path(dirname(script_path), "_truth.R"))
suppressPackageStartupMessages(library(glmnet))

set.seed(9)
n <- 240; p <- 12
x <- matrix(rnorm(n * p), n, p, dimnames = list(NULL, paste0("x", 1:p)))
s <- truth_series()
lib <- sprintf("glmnet %s (R %s)", packageVersion("glmnet"), getRversion())
if (which == "gaussian") {
  y <- 2 * x[, 1] - x[, 3] + 0.5 * x[, 7] + rnorm(n)
  cat(sprintf("x: %d x %d, y mean %.3f\n", nrow(x), ncol(x), mean(y)))
  set.seed(1)
  cvfit <- cv.glmnet(x, y, nfolds = 5, nlambda = 30, trace.it = 1)
  print(cvfit)
  print(cvfit$glmnet.fit)
  cat("\nlambda.min:", cvfit$lambda.min, " lambda.1se:", cvfit$lambda.1se, "\n")
  print(coef(cvfit, s = "lambda.1se"))
  ix <- c(cvfit$index)
  for (i in ix) s <- truth_add(s, "Measure", i, NA, cvfit$cvm[i])
  for (i in ix) s <- truth_add(s, "SE", i, NA, cvfit$cvsd[i])
  f <- cvfit$glmnet.fit
  for (i in seq_along(f$lambda)) s <- truth_add(s, "%Dev", i, NA, 100 * f$dev.ratio[i])
  truth_write(library = lib, script = "tests/corpus/scripts/r_glmnet_cv.R",
              record = "cvfit$cvm / cvfit$cvsd at cvfit$index (min, 1se), cvfit$glmnet.fit$dev.ratio (x 100) per lambda; step = the lambda index",
              step_kind = "global", series = s,
              extra_ok = c("Lambda (the regularisation path, printed per index like a schedule)"),
              not_printed = c("cvm / cvsd at the other lambdas"),
              notes = paste(
                "trace.it=1: 'Training' then a txtProgressBar (style 3, '\\r  |====   |  40%'), then 'Fold: 1/5'",
                "and a bar per fold. print(cvfit): 'Measure: Mean-Squared Error', a table with rows min / 1se:",
                "'min 0.07826    11   1.080 0.122       7' (Lambda, Index, Measure, SE, Nonzero; signif 4 /",
                "3 digits). print(fit): 'Df  %Dev  Lambda' per lambda index (%Dev = 100 x dev.ratio, 2",
                "decimals). The script prints lambda.min / lambda.1se (penalties, not metrics) and the",
                "coefficients at lambda.1se (a sparse matrix, '.' for zeros). Under a pty the bytes are the",
                "same but for '\\r\\n' line ends (txtProgressBar does not check for a terminal)."))
} else {
  y <- factor(ifelse(x[, 1] - 0.8 * x[, 2] + 0.5 * x[, 5] + rnorm(n) > 0, "case", "control"))
  tr <- 1:180
  set.seed(2)
  cvfit <- cv.glmnet(x[tr, ], y[tr], family = "binomial", type.measure = "auc", nfolds = 4, nlambda = 25)
  print(cvfit)
  plot_data <- data.frame(lambda = cvfit$lambda, auc = cvfit$cvm, lo = cvfit$cvlo, hi = cvfit$cvup)
  print(head(plot_data, 10))
  a <- assess.glmnet(cvfit, newx = x[-tr, ], newy = y[-tr], s = "lambda.min")
  print(a)
  ix <- c(cvfit$index)
  for (i in ix) s <- truth_add(s, "Measure", i, NA, cvfit$cvm[i])
  for (i in ix) s <- truth_add(s, "SE", i, NA, cvfit$cvsd[i])
  for (i in 1:10) s <- truth_add(s, "auc", i, NA, cvfit$cvm[i])
  for (i in 1:10) s <- truth_add(s, "lo", i, NA, cvfit$cvlo[i])
  for (i in 1:10) s <- truth_add(s, "hi", i, NA, cvfit$cvup[i])
  for (k in names(a)) s <- truth_add(s, k, NA, NA, a[[k]])
  truth_write(library = lib, script = "tests/corpus/scripts/r_glmnet_cv.R",
              record = "cvfit$cvm / cvsd / cvlo / cvup (per lambda index; step = index) and assess.glmnet()'s list on the holdout",
              step_kind = "global", series = s,
              extra_ok = c("Lambda", "lambda (the regularisation path: the cv table's Lambda column and the data frame's lambda column)"),
              notes = paste(
                "type.measure='auc', no trace: print(cvfit) 'Measure: AUC' with min / 1se rows; the script",
                "prints the first 10 rows of a data.frame(lambda, auc, lo, hi) built from the cv object (cvm,",
                "cvlo, cvup), then print(assess.glmnet(...)): an R list print '$deviance' / '[1] 1.02' /",
                "'attr(,\"measure\")' / '[1] \"Binomial Deviance\"' for deviance, class, auc, mse, mae",
                "(names as the list prints them after '$')."))
}
