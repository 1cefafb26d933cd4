# ranger (R) with verbose=TRUE on a job long enough for its progress lines ('Growing trees..
# Progress: 61%. Estimated remaining time: 19 seconds.' every 30 s), then print(fit) and a holdout check.
#
# Versions: R 4.2.2, ranger 0.14.1, jsonlite 1.8.4 (Debian 12 apt: r-base-core r-cran-ranger r-cran-jsonlite).
# Capture (repository root; about 50 s of CPU on one thread, 150 s wall on a busy 2-core machine):
#   python tests/corpus/scripts/capture.py pipe real_r_ranger_verbose -- Rscript tests/corpus/scripts/r_ranger_verbose.R
# Truth: the ranger object's fit$prediction.error (OOB misclassification), the script's holdout
# accuracy from predict(); the confusion matrix is counts.
script_path <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
source(file.path(dirname(script_path), "_truth.R"))
suppressPackageStartupMessages(library(ranger))

set.seed(21)
n <- 24000; p <- 24
df <- data.frame(matrix(rnorm(n * p), n, p))
df$label <- factor(ifelse(df$X1 + df$X2 * df$X3 + sin(3 * df$X4) + rnorm(n) > 0.4, "fraud", "ok"))
tr <- sample(n, 20000)
cat(sprintf("train %d x %d, holdout %d\n", length(tr), p, n - length(tr)))
t0 <- Sys.time()
fit <- ranger(label ~ ., data = df[tr, ], num.trees = 400, mtry = 6, importance = "impurity",
              verbose = TRUE, num.threads = 1, seed = 99)
cat("elapsed:", format(round(difftime(Sys.time(), t0, units = "secs"), 1)), "\n")
print(fit)
print(fit$confusion.matrix)
pred <- predict(fit, df[-tr, ], num.threads = 1)$predictions
acc <- mean(pred == df$label[-tr])
cat("holdout accuracy =", round(acc, 4), "\n")
imp <- sort(importance(fit), decreasing = TRUE)
print(head(round(imp, 1), 5))
s <- truth_series()
s <- truth_add(s, "OOB prediction error", NA, NA, 100 * fit$prediction.error)
s <- truth_add(s, "holdout accuracy", NA, NA, round(acc, 4))
truth_write(library = sprintf("ranger %s (R %s)", packageVersion("ranger"), getRversion()),
            script = "tests/corpus/scripts/r_ranger_verbose.R",
            record = "fit$prediction.error (x 100 as printed, 'OOB prediction error: 14.03 %'); mean(predict(...) == y) for the script's line",
            step_kind = "none", series = s,
            notes = paste(
              "ranger's verbose output: 'Growing trees.. Progress: 61%. Estimated remaining time: 19 seconds.'",
              "every 30 s (progress percentages and time estimates, not metrics), then print(fit): 'Ranger",
              "result', Call, aligned settings (Number of trees, Sample size, Mtry, Target node size, ...),",
              "'OOB prediction error:             14.03 %'. Then the confusion matrix (counts), the script's",
              "'holdout accuracy = 0.8615' (the script rounds to 4 decimals itself; the truth value is that",
              "rounding) and the 5 largest impurity importances (named numeric vector, not metrics)."))
