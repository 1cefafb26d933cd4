// mlop report: draws the charts of the page from the embedded data.
// Run strings reach the DOM only through textContent or plotly (labels pre-escaped in Python).
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("mlop-data").textContent);
  var TIME_UNIT = DATA.x.time[0], TIME_SCALE = DATA.x.time[1];
  var EPOCH_SCALE = 1e6; // epochs travel as micro-epochs (see _pack.py)
  var state = { xAxis: DATA.x.default, smoothing: 0, logY: false, hidden: {} };
  var decoded = null; // Uint8Array of all packed points
  var cache = {}; // "chart:trace" -> {steps, ms, values, epochs}
  var drawn = []; // chart elements drawn so far
  var report = (window.mlopReport = { charts: DATA.charts.length, drawn: 0, ready: false, errors: [],
    timings: { script: performance.now() } });
  var statusLine = document.getElementById("chart-status");
  var FONT = getComputedStyle(document.body).fontFamily;

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

  // Epoch deltas run between known epochs; a NaN delta is a point of unknown epoch. With a
  // ratio (e: 2) each delta is what is left after ratio x the steps since the last known epoch.
  function epochsOf(deltas, steps, ratio) {
    var out = new Float64Array(deltas.length), sum = 0, previous = 0;
    for (var i = 0; i < deltas.length; i++) {
      if (isNaN(deltas[i])) { out[i] = NaN; continue; }
      sum += deltas[i];
      if (ratio !== undefined) sum += Math.round((steps[i] - previous) * ratio);
      previous = steps[i];
      out[i] = sum / EPOCH_SCALE;
    }
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
      var steps = cumulative(new Float64Array(unshuffle(o, n, 8)));
      cache[key] = {
        steps: steps,
        ms: cumulative(new Float64Array(unshuffle(o + 8 * n, n, 8))),
        values: values,
        epochs: trace.e ? epochsOf(new Float64Array(unshuffle(o + 20 * n, n, 8)), steps,
                                   trace.e === 2 ? trace.er : undefined) : null,
      };
    }
    return cache[key];
  }

  // System metrics are samples in time: they follow the time axes, never step or epoch.
  function axisOf(chart) {
    if (chart.system) return state.xAxis === "wall" ? "wall" : "relative";
    return state.xAxis;
  }

  function xValues(points, run, axis) {
    if (axis === "step") return points.steps;
    if (axis === "epoch") return points.epochs;
    var n = points.ms.length, out = new Float64Array(n), i;
    if (axis === "wall") {
      for (i = 0; i < n; i++) out[i] = run.t0 * 1000 + points.ms[i];
    } else {
      var scale = 1000 * TIME_SCALE;
      for (i = 0; i < n; i++) out[i] = points.ms[i] / scale;
    }
    return out;
  }

  function xTitle(axis) {
    if (axis === "relative") return "time since start (" + TIME_UNIT + ")";
    if (axis === "wall") return "wall time (UTC)";
    return axis;
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

  function unitSuffix(unit) {
    if (!unit) return "";
    return unit === "%" ? "%" : " " + unit;
  }

  function metricFigure(chartIndex) {
    var chart = DATA.charts[chartIndex], traces = [], missing = 0;
    var smoothing = state.smoothing, axis = axisOf(chart);
    var xHover = axis === "wall" ? "%{x|%H:%M:%S}" : axis === "epoch" ? "%{x:.3~f}" : "%{x:.4~g}";
    var hover = "<b>%{y:.4~g}" + unitSuffix(chart.unit) + "</b><br>" + xTitle(axis) + " " + xHover +
      "<extra>%{meta}</extra>";
    chart.traces.forEach(function (trace, traceIndex) {
      var run = DATA.runs[trace.r], points = series(chartIndex, traceIndex);
      var x = xValues(points, run, axis);
      if (!x) { missing++; return; }
      var base = {
        type: "scatter", mode: points.values.length === 1 ? "markers" : "lines",
        x: x, name: run.short, meta: run.label, showlegend: false, visible: !state.hidden[trace.r],
        line: { color: run.colour, width: 1.6 }, marker: { color: run.colour, size: 6 },
        hovertemplate: hover,
      };
      if (smoothing > 0) {
        traces.push(Object.assign({}, base, {
          y: points.values, opacity: 0.25, hoverinfo: "skip", hovertemplate: null,
        }));
        traces.push(Object.assign({}, base, { y: smooth(points.values, smoothing) }));
      } else {
        traces.push(Object.assign({}, base, { y: points.values }));
      }
    });
    var yaxis = {
      title: { text: chart.unit || "", font: { size: 11 }, standoff: 6 },
      type: state.logY ? "log" : "linear", gridcolor: "#eef1f4", zeroline: false, automargin: true,
      exponentformat: "e", rangemode: chart.zero && !state.logY ? "tozero" : "normal",
    };
    if (chart.range && !state.logY) { yaxis.range = chart.range.slice(); yaxis.autorange = false; }
    var layout = {
      // The top margin holds the toolbar (shown on hover), so it never covers a line.
      margin: { l: 52, r: 12, t: 30, b: 40 }, height: 290, showlegend: false,
      hovermode: "closest", font: { family: FONT, size: 11 },
      xaxis: { title: { text: xTitle(axis), font: { size: 11 }, standoff: 4 },
               type: axis === "wall" ? "date" : "linear",
               gridcolor: "#eef1f4", zeroline: false, automargin: true },
      yaxis: yaxis,
      paper_bgcolor: "#ffffff", plot_bgcolor: "#ffffff",
    };
    // Training charts share the report's range on the epoch and time axes (see html.py).
    var shared = !chart.system && DATA.x.ranges && DATA.x.ranges[axis];
    if (shared) { layout.xaxis.range = shared.slice(); layout.xaxis.autorange = false; }
    if (missing && missing === chart.traces.length) {
      layout.annotations = [{ text: "no epoch recorded for this metric: choose step or time",
        xref: "paper", yref: "paper", x: 0.5, y: 0.5, showarrow: false, font: { color: "#656d76" } }];
      layout.xaxis.showticklabels = false;
      layout.yaxis.showticklabels = false;
    }
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
        margin: { l: 52, r: 12, t: 30, b: 40 }, height: 290,
        font: { family: FONT, size: 11 },
        xaxis: { title: { text: "step", font: { size: 11 } } }, yaxis: { title: { text: "value", font: { size: 11 } } },
      },
    };
  }

  // The toolbar shows on hover, above the plot area. No "Share chart" button: it would upload
  // the chart to Plotly's cloud, and a report stays on the reader's machine.
  var CONFIG = {
    displaylogo: false, responsive: true, displayModeBar: "hover", showSendToCloud: false,
    plotlyServerURL: "",
    modeBarButtonsToRemove: ["sendChartToCloud", "lasso2d", "select2d", "zoomIn2d", "zoomOut2d",
      "autoScale2d", "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian"],
  };

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
    xAxis.value = state.xAxis;
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
    // The sidebar legend is every chart's legend: a click hides or shows the run everywhere.
    Array.prototype.forEach.call(document.querySelectorAll(".legend-run"), function (button) {
      button.addEventListener("click", function () {
        var run = Number(button.getAttribute("data-run"));
        state.hidden[run] = !state.hidden[run];
        button.setAttribute("aria-pressed", state.hidden[run] ? "false" : "true");
        redrawAll();
      });
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
      // Everything at once (for printing and tests): folded sections open first, so each
      // chart is drawn at its real size.
      Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) {
        details.open = true;
      });
      elements.forEach(enqueue);
      return;
    }
    // Charts in a folded section have no size; the observer sees them once it is opened.
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); enqueue(entry.target); }
      });
    }, { rootMargin: "300px 0px" });
    elements.forEach(function (element) { observer.observe(element); });
  }

  // A link into a folded section (the contents' "System", a shared #system URL) opens it.
  function openTarget() {
    var target = location.hash.length > 1 && document.getElementById(location.hash.slice(1));
    var fold = target && (target.matches("details") ? target : target.querySelector("details.fold"));
    if (fold && !fold.open) { fold.open = true; target.scrollIntoView(); }
  }

  setUpControls();
  window.addEventListener("hashchange", openTarget);
  openTarget();
  inflate(base64Bytes(document.getElementById("mlop-points").textContent))
    .then(function (bytes) { decoded = bytes; report.timings.decoded = performance.now(); start(); })
    .catch(function (error) { showError("Charts could not be drawn: " + error.message); });
})();
