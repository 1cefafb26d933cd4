# rpart (R): a classification tree grown with 10-fold cross-validation, then printcp(fit), the
# cp table a user reads to prune (rel error / xerror / xstd per number of splits), the pruned
# tree printed, and the script's test accuracy.
#
# Versions: R 4.2.2, rpart 4.1.19, jsonlite 1.8.4 (Debian 12 apt: r-base-core r-cran-rpart r-cran-jsonlite).
# Capture (repository root):
#   python tests/corpus/scripts/capture.py pipe real_r_rpart_printcp -- Rscript tests/corpus/scripts/r_rpart_printcp.R
# Truth: fit$cptable (the cp table printcp prints), pruned$frame for the root node error, and
# mean(predict == y) for the test accuracy.
script_path <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
source(file.path(dirname(script_path), "_truth.R"))
suppressPackageStartupMessages(library(rpart))

set.seed(11)
n <- 900
d <- data.frame(age = round(runif(n, 18, 80)), income = rlnorm(n, 10.5, .6),
                tenure = rpois(n, 4), region = factor(sample(c("north", "south", "east", "west"), n, TRUE)),
                visits = rnbinom(n, 3, .4))
z <- -1.2 + .04 * (d$age - 45) - .5 * (d$tenure > 5) + .9 * (d$region == "south") +
     .15 * d$visits + rnorm(n, sd = 1.1)
d$churn <- factor(ifelse(z > 0, "yes", "no"))
idx <- sample(n, 700)
train <- d[idx, ]; test <- d[-idx, ]
cat(sprintf("train rows: %d, test rows: %d, churn rate (train): %.3f\n", nrow(train), nrow(test),
            mean(train$churn == "yes")))
fit <- rpart(churn ~ ., data = train, method = "class",
             control = rpart.control(cp = 0.002, minsplit = 15, xval = 10))
printcp(fit)
cpt <- fit$cptable
best <- which.min(cpt[, "xerror"])
cp_best <- cpt[best, "CP"]
cat(sprintf("\nbest cp = %.5f (nsplit = %d), pruning\n\n", cp_best, cpt[best, "nsplit"]))
pruned <- prune(fit, cp = cp_best)
print(pruned)
pred <- predict(pruned, test, type = "class")
acc <- mean(pred == test$churn)
cat(sprintf("\nTest accuracy: %.4f\n", acc))
print(table(predicted = pred, actual = test$churn))

s <- truth_series()
for (i in seq_len(nrow(cpt))) {
  ns <- cpt[i, "nsplit"]
  s <- truth_add(s, "rel error", ns, NA, cpt[i, "rel error"])
  s <- truth_add(s, "xerror", ns, NA, cpt[i, "xerror"])
  s <- truth_add(s, "xstd", ns, NA, cpt[i, "xstd"])
}
s <- truth_add(s, "Test accuracy", NA, NA, acc)
truth_write(library = sprintf("rpart %s (R %s)", packageVersion("rpart"), getRversion()),
            script = "tests/corpus/scripts/r_rpart_printcp.R",
            record = "fit$cptable (CP, nsplit, rel error, xerror, xstd: rpart's own cross-validation table); mean(predict == y) for the test accuracy",
            step_kind = "global", series = s,
            extra_ok = c("CP", "Root node error"),
            notes = paste(
              "printcp prints 'Root node error: 218/700 = 0.31143', 'n= 700', then a table",
              "'        CP nsplit rel error  xerror     xstd' with rows '1  0.0963303      0   1.00000 1.00000 0.056643'",
              "(row number, then CP, nsplit, rel error, xerror, xstd; 5-6 significant digits).",
              "step = nsplit (the number of splits, the table's own ordering). CP is the complexity",
              "threshold of each row and the root node error is the majority-class error rate: both",
              "metric-like, listed in extra_ok. print(pruned) prints the tree: 'node), split, n, loss,",
              "yval, (yprob)' lines whose numbers are counts, split thresholds and class shares, not",
              "metrics. The last table is a confusion matrix of counts."))
