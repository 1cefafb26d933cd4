# e1071 (R): tune.svm grid search with 5-fold CV, print(summary(tuned)) ('- best performance:',
# '- Detailed performance results:' table of error / dispersion), then the best svm and a holdout table.
#
# Versions: R 4.2.2, e1071 1.7-13, jsonlite 1.8.4 (Debian 12 apt: r-base-core r-cran-e1071 r-cran-jsonlite).
# Capture (repository root):
#   python tests/corpus/scripts/capture.py pipe real_r_e1071_tune_svm -- Rscript tests/corpus/scripts/r_e1071_tune.R
# Truth: the tune object's $performances (error, dispersion per grid row), $best.performance;
# the holdout accuracy from predict().
script_path <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
source(file.path(dirname(script_path), "_truth.R"))
suppressPackageStartupMessages(library(e1071))

set.seed(13)
n <- 360
df <- data.frame(glucose = rnorm(n, 120, 25), bmi = rnorm(n, 30, 6), age = runif(n, 21, 70), pedigree = rexp(n, 2))
z <- 0.04 * (df$glucose - 120) + 0.1 * (df$bmi - 30) + 0.03 * (df$age - 45) + rnorm(n, sd = 0.8)
df$diabetes <- factor(ifelse(z > 0.3, "pos", "neg"))
tr <- sample(n, 270)
cat("Class balance (train):\n"); print(prop.table(table(df$diabetes[tr])))
set.seed(100)
tuned <- tune.svm(diabetes ~ ., data = df[tr, ], gamma = 10^(-2:0), cost = 10^(-1:1),
                  tunecontrol = tune.control(sampling = "cross", cross = 5))
print(summary(tuned))
best <- tuned$best.model
print(best)
pred <- predict(best, df[-tr, ])
tab <- table(pred = pred, true = df$diabetes[-tr])
print(tab)
acc <- sum(diag(tab)) / sum(tab)
cat(sprintf("Holdout accuracy: %.2f%%\n", 100 * acc))
s <- truth_series()
s <- truth_add(s, "best performance", NA, NA, tuned$best.performance)
pf <- tuned$performances
for (i in seq_len(nrow(pf))) s <- truth_add(s, "error", i, NA, pf$error[i])
for (i in seq_len(nrow(pf))) s <- truth_add(s, "dispersion", i, NA, pf$dispersion[i])
s <- truth_add(s, "Holdout accuracy", NA, NA, 100 * acc)
truth_write(library = sprintf("e1071 %s (R %s)", packageVersion("e1071"), getRversion()),
            script = "tests/corpus/scripts/r_e1071_tune.R",
            record = "tuned$performances (error = CV misclassification rate, dispersion = its sd, per grid row; step = row) and tuned$best.performance; 100 x the holdout accuracy as printed",
            step_kind = "trial", series = s,
            notes = paste(
              "summary(tune) prints \"Parameter tuning of 'svm':\" (curly quotes in a UTF-8 locale),",
              "'- sampling method: 5-fold cross validation', '- best parameters:' (gamma cost row),",
              "'- best performance: 0.1925926', then '- Detailed performance results:' with rows",
              "'  gamma cost     error dispersion' (7 significant digits). print(best) shows the svm's",
              "settings and 'Number of Support Vectors:  142' (a count). The script's prop.table of",
              "classes (data fractions) and holdout count table are not metrics; its last line is",
              "'Holdout accuracy: 80.00%' (percent)."))
