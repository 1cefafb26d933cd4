# caret (R) train() with trainControl(verboseIter=TRUE): '+ Fold1: alpha=0.10, lambda=0.05742' /
# '- Fold1: ...' per resample, 'Aggregating results', print(fit)'s resampling table, then the
# usual follow-ups (fit$resample, confusionMatrix / postResample on a holdout).
#
# Versions: R 4.2.2, caret 6.0-93, glmnet 4.1-6, randomForest 4.7-1.1, jsonlite 1.8.4
# (Debian 12 apt: r-base-core r-cran-caret r-cran-glmnet r-cran-randomforest r-cran-jsonlite).
# Capture (repository root):
#   python tests/corpus/scripts/capture.py pipe real_r_caret_glmnet_cv -- Rscript tests/corpus/scripts/r_caret_train.R glmnet
#   python tests/corpus/scripts/capture.py pipe real_r_caret_rf_repeatedcv -- Rscript tests/corpus/scripts/r_caret_train.R rf
# Truth: the train object's fit$results and fit$resample, confusionMatrix()'s $overall / $byClass,
# postResample()'s named vector.
args <- commandArgs(trailingOnly = TRUE)
which <- if (length(args)) args[1] else "glmnet"
script_path <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
source(file.path(dirname(script_path), "_truth.R"))
suppressPackageStartupMessages(library(caret))

set.seed(5)
n <- 400
df <- data.frame(tenure = rnorm(n, 24, 8), charges = rnorm(n, 70, 20), calls = rpois(n, 2), score = runif(n))
s <- truth_series()
if (which == "glmnet") {
  z <- -0.08 * (df$tenure - 24) + 0.03 * (df$charges - 70) + 0.4 * (df$calls - 2) + rnorm(n, sd = .8)
  df$churn <- factor(ifelse(z > 0.3, "yes", "no"))
  inTrain <- createDataPartition(df$churn, p = 0.75, list = FALSE)
  training <- df[inTrain, ]; testing <- df[-inTrain, ]
  cat("Training rows:", nrow(training), " Test rows:", nrow(testing), "\n")
  ctrl <- trainControl(method = "cv", number = 4, verboseIter = TRUE)
  set.seed(42)
  fit <- train(churn ~ ., data = training, method = "glmnet", trControl = ctrl,
               preProcess = c("center", "scale"), tuneLength = 3)
  print(fit)
  print(fit$resample)
  pred <- predict(fit, testing)
  cm <- confusionMatrix(pred, testing$churn, positive = "yes")
  print(cm)
  r <- fit$results
  for (i in seq_len(nrow(r))) s <- truth_add(s, "Accuracy", NA, NA, r$Accuracy[i])
  for (i in seq_len(nrow(r))) s <- truth_add(s, "Kappa", NA, NA, r$Kappa[i])
  rs <- fit$resample
  for (i in seq_len(nrow(rs))) s <- truth_add(s, "Accuracy", NA, NA, rs$Accuracy[i])
  for (i in seq_len(nrow(rs))) s <- truth_add(s, "Kappa", NA, NA, rs$Kappa[i])
  o <- cm$overall; b <- cm$byClass
  s <- truth_add(s, "Accuracy", NA, NA, o[["Accuracy"]])
  s <- truth_add(s, "No Information Rate", NA, NA, o[["AccuracyNull"]])
  s <- truth_add(s, "P-Value [Acc > NIR]", NA, NA, o[["AccuracyPValue"]])
  s <- truth_add(s, "Kappa", NA, NA, o[["Kappa"]])
  s <- truth_add(s, "Mcnemar's Test P-Value", NA, NA, o[["McnemarPValue"]])
  for (k in c("Sensitivity", "Specificity", "Pos Pred Value", "Neg Pred Value", "Prevalence",
              "Detection Rate", "Detection Prevalence", "Balanced Accuracy"))
    s <- truth_add(s, k, NA, NA, b[[k]])
  truth_write(library = sprintf("caret %s, glmnet %s (R %s)", packageVersion("caret"), packageVersion("glmnet"), getRversion()),
              script = "tests/corpus/scripts/r_caret_train.R",
              record = "fit$results (one row per alpha/lambda; printed without a row number, so no step), fit$resample (per fold), confusionMatrix()$overall and $byClass",
              step_kind = "trial", series = s,
              extra_ok = c("95% CI (confusionMatrix's AccuracyLower/AccuracyUpper, printed as '(0.6953, 0.8574)')"),
              not_printed = c("AccuracySD", "KappaSD"),
              notes = paste(
                "verboseIter prints '+ Fold1: alpha=0.10, lambda=0.05742 ' / '- Fold1: ...' (tuning values,",
                "not metrics), 'Aggregating results', 'Selecting tuning parameters', 'Fitting alpha = 0.1,",
                "lambda = 0.00574 on full training set'. print(fit): sample counts, 'Summary of sample sizes:",
                "225, 225, 224, 226', a table 'alpha  lambda  Accuracy  Kappa' (7 significant digits), the",
                "selection sentence. print(fit$resample): Accuracy, Kappa, Resample (Fold4, Fold2, ...) rows.",
                "print(confusionMatrix): a 2x2 count table, then 'Accuracy : 0.78', '95% CI : (…)', 'No",
                "Information Rate : 0.59', 'P-Value [Acc > NIR] : 1.2e-05', 'Kappa : 0.53', \"Mcnemar's Test",
                "P-Value : 0.62\", Sensitivity ... Balanced Accuracy, each right-aligned at the colon (4",
                "significant digits), \"'Positive' Class : yes\". R prints a timedatectl warning on",
                "stderr in this container (no systemd)."))
} else {
  df$ltv <- 30 + 1.5 * df$tenure + 0.4 * df$charges - 3 * df$calls + 10 * sin(df$score * 6) + rnorm(n, sd = 5)
  inTrain <- createDataPartition(df$ltv, p = 0.8, list = FALSE)
  training <- df[inTrain, ]; testing <- df[-inTrain, ]
  ctrl <- trainControl(method = "repeatedcv", number = 3, repeats = 2, verboseIter = TRUE)
  set.seed(1)
  fit <- train(ltv ~ ., data = training, method = "rf", trControl = ctrl, ntree = 60,
               tuneGrid = data.frame(mtry = 2:4), importance = TRUE)
  print(fit)
  print(varImp(fit))
  pr <- postResample(predict(fit, testing), testing$ltv)
  print(pr)
  r <- fit$results
  for (m in c("RMSE", "Rsquared", "MAE")) for (i in seq_len(nrow(r))) s <- truth_add(s, m, NA, NA, r[[m]][i])
  for (m in c("RMSE", "Rsquared", "MAE")) s <- truth_add(s, m, NA, NA, pr[[m]])
  truth_write(library = sprintf("caret %s, randomForest %s (R %s)", packageVersion("caret"), packageVersion("randomForest"), getRversion()),
              script = "tests/corpus/scripts/r_caret_train.R",
              record = "fit$results (one row per mtry; no step: caret numbers no trials) and postResample()'s named vector on the holdout",
              step_kind = "trial", series = s,
              not_printed = c("RMSESD", "RsquaredSD", "MAESD", "fit$resample (not printed)"),
              notes = paste(
                "repeatedcv 3 folds x 2 repeats, verboseIter: '+ Fold1.Rep1: mtry=2 ' / '- Fold1.Rep1: mtry=2 '",
                "for every mtry, then print(fit): 'Resampling results across tuning parameters:' with",
                "'mtry  RMSE  Rsquared  MAE' rows (7 significant digits), 'RMSE was used to select the optimal",
                "model using the smallest value.'; print(varImp(fit)): 'rf variable importance', scaled",
                "Overall 0-100 per predictor (importances, not metrics); print(postResample): a named",
                "vector 'RMSE  Rsquared  MAE' / values on the next line. R prints a timedatectl warning",
                "on stderr in this container (no systemd)."))
}
