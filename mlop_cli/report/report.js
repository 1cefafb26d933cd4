// mlop report: draws the charts of the page from the embedded data.
// Run strings reach the DOM only through textContent or plotly (labels pre-escaped in Python).
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("mlop-data").textContent);
  var state = { xAxis: "step", smoothing: 0, logY: false };
  var decoded = null; // Uint8Array of all packed points
  var cache = {}; // "chart:trace" -> {steps, ms, values}
  var drawn = []; // chart elements drawn so far
  var report = (window.mlopReport = { charts: DATA.charts.length, drawn: 0, ready: false, errors: [],
    timings: { script: performance.now() } });
  var statusLine = document.getElementById("chart-status");

  function showError(message) {
    var banner = document.getElementById("load-error");
    banner.textContent = message;
    banner.classList.remove("hidden");
    report.errors.push(message);
  }

  function base64Bytes(text) {
    var binary = atob(text.trim());
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function inflate(bytes) {
    if (bytes.length === 0) return Promise.resolve(new Uint8Array(0));
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot decompress the chart data (needs DecompressionStream)"));
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  // Columns are byte-shuffled (all first bytes, then all second bytes, ...): undo it.
  function unshuffle(offset, count, width) {
    var out = new Uint8Array(count * width);
    for (var b = 0; b < width; b++) {
      var base = offset + b * count;
      for (var i = 0; i < count; i++) out[i * width + b] = decoded[base + i];
    }
    return out.buffer;
  }

  function cumulative(deltas) {
    var out = new Float64Array(deltas.length), sum = 0;
    for (var i = 0; i < deltas.length; i++) { sum += deltas[i]; out[i] = sum; }
    return out;
  }

  function series(chartIndex, traceIndex) {
    var key = chartIndex + ":" + traceIndex;
    if (!cache[key]) {
      var trace = DATA.charts[chartIndex].traces[traceIndex], n = trace.n, o = trace.o;
      var values32 = new Float32Array(unshuffle(o + 16 * n, n, 4));
      var values = new Float64Array(n);
      // Plotly skips NaN; infinities would break autorange, so they become gaps too.
      for (var i = 0; i < n; i++) values[i] = isFinite(values32[i]) ? values32[i] : NaN;
      cache[key] = {
        steps: cumulative(new Float64Array(unshuffle(o, n, 8))),
        ms: cumulative(new Float64Array(unshuffle(o + 8 * n, n, 8))),
        values: values,
      };
    }
    return cache[key];
  }

  function xValues(points, run) {
    if (state.xAxis === "step") return points.steps;
    var out = new Float64Array(points.ms.length);
    var origin = state.xAxis === "wall" ? run.t0 * 1000 : 0;
    var scale = state.xAxis === "wall" ? 1 : 0.001;
    for (var i = 0; i < out.length; i++) out[i] = origin + points.ms[i] * scale;
    return out;
  }

  // TensorBoard's smoothing: an exponential moving average, debiased for its zero start.
  function smooth(values, weight) {
    var out = new Float64Array(values.length), last = 0, count = 0;
    for (var i = 0; i < values.length; i++) {
      var v = values[i];
      if (!isFinite(v)) { out[i] = v; continue; }
      last = last * weight + (1 - weight) * v;
      count++;
      var debias = weight === 1 ? 1 : 1 - Math.pow(weight, count);
      out[i] = last / debias;
    }
    return out;
  }

  var X_TITLES = { step: "step", relative: "relative time (s)", wall: "wall time (UTC)" };

  function metricFigure(chartIndex) {
    var chart = DATA.charts[chartIndex], traces = [];
    var smoothing = state.smoothing;
    chart.traces.forEach(function (trace, traceIndex) {
      var run = DATA.runs[trace.r], points = series(chartIndex, traceIndex);
      var x = xValues(points, run);
      var base = {
        type: "scatter", mode: points.values.length === 1 ? "markers" : "lines",
        x: x, name: run.short, meta: run.label, legendgroup: "run" + trace.r,
        line: { color: run.colour, width: 1.6 }, marker: { color: run.colour, size: 6 },
        hovertemplate: "<b>%{y:.7~g}</b><br>" + X_TITLES[state.xAxis] + " %{x}<extra>%{meta}</extra>",
      };
      if (smoothing > 0) {
        traces.push(Object.assign({}, base, {
          y: points.values, showlegend: false, opacity: 0.25, hoverinfo: "skip", hovertemplate: null,
        }));
        traces.push(Object.assign({}, base, { y: smooth(points.values, smoothing) }));
      } else {
        traces.push(Object.assign({}, base, { y: points.values }));
      }
    });
    var layout = {
      margin: { l: 56, r: 12, t: 8, b: 70 }, height: 300, showlegend: true,
      legend: { orientation: "h", y: -0.22, x: 0, font: { size: 11 } },
      hovermode: "closest", font: { family: getComputedStyle(document.body).fontFamily, size: 11 },
      xaxis: { title: { text: X_TITLES[state.xAxis], font: { size: 11 } }, type: state.xAxis === "wall" ? "date" : "linear",
               gridcolor: "#eef1f4", zeroline: false, automargin: true },
      yaxis: { type: state.logY ? "log" : "linear", gridcolor: "#eef1f4", zeroline: false, automargin: true, exponentformat: "e" },
      paper_bgcolor: "#ffffff", plot_bgcolor: "#ffffff",
    };
    return { data: traces, layout: layout };
  }

  function histogramFigure(chartIndex) {
    var chart = DATA.charts[chartIndex], run = DATA.runs[chart.r];
    return {
      data: [{
        type: "heatmap", x: chart.x, y: chart.y, z: chart.z, colorscale: "Viridis", reversescale: false,
        colorbar: { thickness: 10, title: { text: "share", side: "right" } },
        meta: run.label, hovertemplate: "step %{x}<br>value %{y:.4~g}<br>share %{z:.3~p}<extra>%{meta}</extra>",
      }],
      layout: {
        margin: { l: 56, r: 12, t: 8, b: 40 }, height: 300,
        font: { family: getComputedStyle(document.body).fontFamily, size: 11 },
        xaxis: { title: { text: "step", font: { size: 11 } } }, yaxis: { title: { text: "value", font: { size: 11 } } },
      },
    };
  }

  var CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] };

  function figure(element) {
    var chartIndex = Number(element.getAttribute("data-chart"));
    return DATA.charts[chartIndex].kind === "histogram" ? histogramFigure(chartIndex) : metricFigure(chartIndex);
  }

  function draw(element) {
    if (element.classList.contains("drawn") || element.classList.contains("drawing")) return;
    element.classList.add("drawing");
    try {
      var fig = figure(element);
      Plotly.newPlot(element, fig.data, fig.layout, CONFIG).then(function () {
        element.classList.remove("drawing", "placeholder");
        element.classList.add("drawn");
        drawn.push(element);
        if (drawn.length === 1) report.timings.firstDrawn = performance.now();
        report.drawn = drawn.length;
        statusLine.textContent = drawn.length + " of " + DATA.charts.length + " charts drawn";
      }, function (error) { showError("chart failed: " + error); });
    } catch (error) {
      showError("chart failed: " + error);
    }
  }

  function redrawAll() {
    drawn.forEach(function (element) {
      if (DATA.charts[Number(element.getAttribute("data-chart"))].kind !== "metric") return;
      var fig = figure(element);
      Plotly.react(element, fig.data, fig.layout, CONFIG);
    });
  }

  function setUpControls() {
    var xAxis = document.getElementById("x-axis"), slider = document.getElementById("smoothing");
    var output = document.getElementById("smoothing-value"), logY = document.getElementById("log-y");
    xAxis.addEventListener("change", function () { state.xAxis = xAxis.value; redrawAll(); });
    var pending = null;
    slider.addEventListener("input", function () {
      state.smoothing = Number(slider.value);
      output.textContent = slider.value;
      clearTimeout(pending);
      pending = setTimeout(redrawAll, 120); // one redraw after the slider rests
    });
    logY.addEventListener("change", function () { state.logY = logY.checked; redrawAll(); });
    var onlyDiff = document.getElementById("only-diff");
    if (onlyDiff) onlyDiff.addEventListener("change", function () {
      document.body.classList.toggle("only-diff", onlyDiff.checked);
    });
  }

  // Charts wait in a queue and are drawn one per task, those on screen first, so the
  // page stays responsive and what the reader sees is drawn before what is near it.
  var queue = [], pumping = false;

  function onScreen(element) {
    var rect = element.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < window.innerHeight && rect.height > 0;
  }

  function pump() {
    if (!queue.length) { pumping = false; return; }
    var index = 0;
    for (var i = 0; i < queue.length; i++) if (onScreen(queue[i])) { index = i; break; }
    draw(queue.splice(index, 1)[0]);
    setTimeout(pump, 0);
  }

  function enqueue(element) {
    queue.push(element);
    if (!pumping) { pumping = true; setTimeout(pump, 0); }
  }

  function start() {
    var elements = Array.prototype.slice.call(document.querySelectorAll(".chart[data-chart]"));
    elements.forEach(function (element) { element.classList.add("placeholder"); });
    report.ready = true;
    if (location.hash === "#all" || typeof IntersectionObserver === "undefined") {
      elements.forEach(enqueue);
      return;
    }
    // Charts in a collapsed group have no size; the observer sees them once it is opened.
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); enqueue(entry.target); }
      });
    }, { rootMargin: "300px 0px" });
    elements.forEach(function (element) { observer.observe(element); });
  }

  setUpControls();
  inflate(base64Bytes(document.getElementById("mlop-points").textContent))
    .then(function (bytes) { decoded = bytes; report.timings.decoded = performance.now(); start(); })
    .catch(function (error) { showError("Charts could not be drawn: " + error.message); });
})();
