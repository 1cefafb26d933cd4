% GNU Octave: regularised logistic regression the way the classic machine-learning course
% exercises (ex2 / ex2_reg) do it, on synthetic data.
%   gd          hand-written batch gradient descent printing 'Iteration %4i | Cost: %4.6e\r' on one
%               line that it keeps redrawing with a carriage return (the course's fmincg shape),
%               then 'Train Accuracy: %f'.
%   fminsearch  Octave's own fminsearch with optimset('Display','iter') (Nelder-Mead trace
%               'Iter.  1,  how = initial  , nf =   5,  f = 6.8326e-01  (1.4%)'), then accuracy.
%
% Versions: GNU Octave 7.3.0 (Debian 12 apt: octave, --no-install-recommends).
% Capture (repository root):
%   python tests/corpus/scripts/capture.py pipe real_octave_gd_cost -- octave-cli -q tests/corpus/scripts/octave_logreg.m gd
%   python tests/corpus/scripts/capture.py pty real_octave_gd_cost_pty -- octave-cli -q tests/corpus/scripts/octave_logreg.m gd
%   python tests/corpus/scripts/capture.py pipe real_octave_fminsearch_iter -- octave-cli -q tests/corpus/scripts/octave_logreg.m fminsearch
% Truth: gd: the loop's own J_history (what it printed); fminsearch: optimValues.fval handed to
% an OutputFcn at 'init' and at each 'iter' (fminsearch's own record of the trace it prints).
1;

function [J, grad] = costFunctionReg(theta, X, y, lambda)
  m = length(y);
  h = 1 ./ (1 + exp(-X * theta));
  J = (-y' * log(h) - (1 - y)' * log(1 - h)) / m + lambda / (2 * m) * sum(theta(2:end) .^ 2);
  grad = X' * (h - y) / m;
  grad(2:end) = grad(2:end) + lambda / m * theta(2:end);
end

function out = mapFeature(X1, X2)
  degree = 4;
  out = ones(size(X1(:, 1)));
  for i = 1:degree
    for j = 0:i
      out(:, end + 1) = (X1 .^ (i - j)) .* (X2 .^ j);
    end
  end
end

function stop = record_trace(x, optv, state)
  global TRACE;
  stop = false;
  if strcmp(state, "init")
    TRACE.f0 = optv.fval;
  elseif strcmp(state, "iter")
    TRACE.iter(end + 1) = optv.iteration;
    TRACE.f(end + 1) = optv.fval;
  end
end

function write_truth(body)
  path = getenv("MLOP_CORPUS_TRUTH");
  if isempty(path)
    return;
  end
  cmd = getenv("MLOP_CORPUS_COMMAND");
  mode = getenv("MLOP_CORPUS_MODE");
  if isempty(mode)
    mode = "pipe";
  end
  body.command = cmd;
  body.mode = mode;
  body.notes = [body.notes " [Quoted example lines in these notes show the SHAPE of the output; their numbers may be illustrative - the console file and the series above are the facts.]"];
  fid = fopen(path, "w");
  fputs(fid, jsonencode(body));
  fputs(fid, "\n");
  fclose(fid);
end

function pts = points(steps, values)
  pts = cell(1, numel(values));
  for k = 1:numel(values)
    if isempty(steps)
      pts{k} = {NaN, NaN, values(k)};
    else
      pts{k} = {steps(k), NaN, values(k)};
    end
  end
end

args = argv();
mode = "gd";
if numel(args) > 0
  mode = args{1};
end
rand("seed", 42); randn("seed", 42);
m = 236;
X1 = 2 * rand(m, 1) - 1; X2 = 2 * rand(m, 1) - 1;
y = double(X1 .^ 2 + 1.3 * X2 .^ 2 - 0.4 * X1 .* X2 + 0.15 * randn(m, 1) < 0.55);
printf("Loaded %d microchip tests (%d accepted, %d rejected)\n", m, sum(y == 1), sum(y == 0));
X = mapFeature(X1, X2);
printf("Mapped features: X is %d x %d (degree 4 polynomial)\n", rows(X), columns(X));
lambda = 1;
initial_theta = zeros(columns(X), 1);
[cost, grad] = costFunctionReg(initial_theta, X, y, lambda);
printf("Cost at initial theta (zeros): %f\n", cost);
printf("Gradient at initial theta (zeros) - first five values only:\n");
printf(" %f \n", grad(1:5));
if strcmp(mode, "gd")
  alpha = 1.5;
  num_iters = 150;
  theta = initial_theta;
  J_history = zeros(num_iters, 1);
  printf("\nRunning gradient descent (alpha = %g, lambda = %g) ...\n", alpha, lambda);
  for iter = 1:num_iters
    [J, g] = costFunctionReg(theta, X, y, lambda);
    theta = theta - alpha * g;
    J_history(iter) = costFunctionReg(theta, X, y, lambda);
    printf("Iteration %4i | Cost: %4.6e\r", iter, J_history(iter));
    fflush(stdout);
  end
  printf("\n");
else
  global TRACE;
  TRACE = struct("f0", 0, "iter", [], "f", []);
  options = optimset("Display", "iter", "MaxIter", 40, "OutputFcn", @record_trace);
  printf("\nRunning fminsearch (Nelder-Mead) on the first 6 parameters ...\n");
  Xs = X(:, 1:6);
  [theta6, fval, exitflag] = fminsearch(@(t) costFunctionReg(t, Xs, y, lambda), zeros(6, 1), options);
  printf("fminsearch exit flag %d\n", exitflag);
  theta = [theta6; zeros(columns(X) - 6, 1)];
end
printf("theta(1:3) = [%s]\n", sprintf(" %.4f", theta(1:3)));
p = double((1 ./ (1 + exp(-X * theta))) >= 0.5);
acc = mean(double(p == y)) * 100;
printf("Train Accuracy: %f\n", acc);

body = struct();
body.library = sprintf("GNU Octave %s", version());
body.script = "tests/corpus/scripts/octave_logreg.m";
s = struct();
s.("Cost at initial theta (zeros)") = struct("points", {points([], cost)});
if strcmp(mode, "gd")
  body.record = "the loop's own J_history (cost after each gradient step); the script's accuracy";
  body.step_kind = "global";
  s.("Cost") = struct("points", {points(1:num_iters, J_history')});
  body.notes = ["Each iteration prints 'Iteration   12 | Cost: 5.213040e-01' followed by a carriage " ...
    "return and no newline, so the whole trace is one physical line of 150 redraws; one newline ends it. " ...
    "'Train Accuracy: 83.050847' is a percentage as printed. The gradient values printed under " ...
    "'first five values only' are gradients, not metrics; 'alpha = 1.5, lambda = 1' are settings."];
else
  body.record = "fminsearch's optimValues.fval at the OutputFcn's 'init' and 'iter' calls; the script's accuracy";
  body.step_kind = "global";
  s.("f(x0)") = struct("points", {points([], TRACE.f0)});
  s.("f") = struct("points", {points(TRACE.iter, TRACE.f)});
  body.notes = ["fminsearch Display iter prints 'f(x0) = 6.9315e-01' then per iteration " ...
    "'Iter.  2,  how = expand,    nf =   7,  f = 3.3546e-01  (50.9%)': nf is the count of function " ...
    "evaluations and the percentage in brackets is the relative decrease of f, neither is a recorded metric. " ...
    "'Train Accuracy: 83.050847' is a percentage as printed."];
end
s.("Train Accuracy") = struct("points", {points([], acc)});
body.series = s;
body.extra_ok = {};
body.not_printed = {};
write_truth(body);
