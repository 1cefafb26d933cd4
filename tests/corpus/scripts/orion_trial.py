"""The trial script orion_hunt.py hands to `orion hunt`: ridge regression's 3-fold CV mean squared
error for the sampled --alpha, reported with orion.client.report_objective(..., name="cv_mse")."""

import argparse

from orion.client import report_objective
from sklearn.datasets import make_regression
from sklearn.linear_model import Ridge
from sklearn.model_selection import cross_val_score

parser = argparse.ArgumentParser()
parser.add_argument("--alpha", type=float)
args = parser.parse_args()
X, y = make_regression(n_samples=200, n_features=20, noise=10.0, random_state=0)
scores = cross_val_score(Ridge(alpha=args.alpha), X, y, cv=3, scoring="neg_mean_squared_error")
report_objective(-scores.mean(), name="cv_mse")
