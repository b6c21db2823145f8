// Draws every chart described in #report-data with Chart.js, then writes the outcome into the
// attributes of the invisible #render-status: data-status "ok" or "error", and data-detail
// "ok charts=N/N" when every chart drew ink on its canvas and no error was raised, otherwise
// "error charts=K/N: <problems>". scripts/check-reports.sh reads them; the page shows neither.
(function () {
  'use strict';
  var errors = window.__reportErrors || [];
  var PALETTE = ['#1d5fa8', '#d9480f', '#2b8a3e', '#862e9c', '#c92a2a', '#0b7285', '#e67700', '#5c940d',
                 '#495057', '#a61e4d'];
  var problems = [];
  var drawn = 0;
  var total = 0;

  function color(i) { return PALETTE[i % PALETTE.length]; }

  // x = 1/(1-p): 2 is the median, 10 the 90th percentile, 100 the 99th, 1000 the 99.9th...
  function percentLabel(x) {
    if (x <= 1) { return '0%'; }
    var digits = Math.max(0, Math.round(Math.log10(x)) - 2);
    return (100 * (1 - 1 / x)).toFixed(digits) + '%';
  }

  function percentileTicks(axis) {
    var ticks = [{ value: 1 }, { value: 2 }];
    for (var v = 10; v <= axis.max * 1.0001; v *= 10) { ticks.push({ value: v }); }
    axis.ticks = ticks;
  }

  function axisTitle(text) { return { display: !!text, text: text }; }

  function xScale(spec) {
    if (spec.xAxis === 'percentile') {
      return {
        type: 'logarithmic', min: 1, title: axisTitle(spec.xLabel), afterBuildTicks: percentileTicks,
        ticks: { autoSkip: false, maxRotation: 0, callback: function (v) { return percentLabel(v); } }
      };
    }
    if (spec.xAxis === 'category') {
      return { type: 'category', stacked: spec.stacked, title: axisTitle(spec.xLabel) };
    }
    return { type: 'linear', title: axisTitle(spec.xLabel) };
  }

  function yScale(spec, label, right) {
    var scale = {
      type: spec.logY && !right ? 'logarithmic' : 'linear', stacked: spec.stacked && !right,
      beginAtZero: !(spec.logY && !right), title: axisTitle(label), position: right ? 'right' : 'left'
    };
    if (right) { scale.grid = { drawOnChartArea: false }; }
    return scale;
  }

  function dataset(spec, s, i) {
    var base = { label: s.label, borderColor: color(i), backgroundColor: color(i), yAxisID: s.rightAxis ? 'y2' : 'y' };
    if (spec.kind === 'bar') { base.data = s.y; return base; }
    base.borderWidth = 1.5;
    base.tension = 0;
    base.spanGaps = false;
    base.pointRadius = spec.xAxis === 'percentile' ? 2 : (s.y.length > 60 ? 0 : 2);
    // right-axis series dashed, so that lines with equal values on the two axes stay apart;
    // configured limits dotted and thin, so they read as references, not measurements
    if (s.rightAxis) { base.borderDash = [6, 3]; }
    if (s.limit) { base.borderDash = [2, 3]; base.borderWidth = 1.5; base.pointRadius = 0; }
    if (spec.xAxis === 'category') {
      base.data = s.y;
    } else {
      base.data = [];
      for (var j = 0; j < s.x.length; j++) {
        if (s.x[j] !== null) { base.data.push({ x: s.x[j], y: s.y[j] }); }
      }
    }
    return base;
  }

  function toConfig(spec) {
    var scales = { x: xScale(spec), y: yScale(spec, spec.yLabel, false) };
    if (spec.series.some(function (s) { return s.rightAxis; })) { scales.y2 = yScale(spec, spec.y2Label, true); }
    var tooltip = {};
    if (spec.xAxis === 'percentile') {
      tooltip.callbacks = {
        title: function (items) {
          var x = items[0].parsed.x;
          return 'percentile ' + (x <= 1 ? 0 : +(100 * (1 - 1 / x)).toFixed(4)) + '%';
        }
      };
    }
    return {
      type: spec.kind === 'bar' ? 'bar' : 'line',
      data: {
        labels: spec.categories,
        datasets: spec.series.map(function (s, i) { return dataset(spec, s, i); })
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: spec.kind === 'bar' ? 'index' : 'nearest', intersect: false },
        scales: scales,
        plugins: { legend: { position: 'bottom' }, tooltip: tooltip }
      }
    };
  }

  function pointCount(chart) {
    var n = 0;
    chart.data.datasets.forEach(function (ds) {
      ds.data.forEach(function (p) {
        var y = p !== null && typeof p === 'object' ? p.y : p;
        if (y !== null && y !== undefined) { n++; }
      });
    });
    return n;
  }

  function hasInk(canvas) {
    var d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (var i = 3; i < d.length; i += 4) {
      if (d[i] !== 0) { return true; }
    }
    return false;
  }

  function drawAll() {
    var data;
    try {
      data = JSON.parse(document.getElementById('report-data').textContent);
    } catch (e) {
      problems.push('report data: ' + e.message);
      return;
    }
    total = data.charts.length;
    if (typeof Chart === 'undefined') {
      problems.push('Chart.js did not load');
      return;
    }
    data.charts.forEach(function (spec) {
      var canvas = document.getElementById('chart-' + spec.id);
      if (!canvas) { problems.push(spec.id + ': no canvas'); return; }
      try {
        var chart = new Chart(canvas, toConfig(spec));
        if (pointCount(chart) === 0) {
          problems.push(spec.id + ': no data points');
        } else if (!hasInk(canvas)) {
          problems.push(spec.id + ': canvas is blank');
        } else {
          drawn++;
        }
      } catch (e) {
        problems.push(spec.id + ': ' + e.message);
      }
    });
  }

  function publish() {
    var status = document.getElementById('render-status');
    var all = errors.concat(problems);
    var counts = 'charts=' + drawn + '/' + total;
    if (all.length === 0 && drawn === total) {
      status.setAttribute('data-status', 'ok');
      status.setAttribute('data-detail', 'ok ' + counts);
    } else {
      status.setAttribute('data-status', 'error');
      status.setAttribute('data-detail', 'error ' + counts + ': ' + all.join(' | '));
    }
  }

  drawAll();
  publish();
  // Errors raised after drawing (resize, late callbacks) still count.
  window.addEventListener('load', function () { setTimeout(publish, 0); });
})();
