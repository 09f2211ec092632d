// Economics page: Chart.js charts from the section's data-chart (no inline scripts; CSP script-src 'self').
(function () {
  'use strict';
  var section = document.getElementById('economics-charts');
  if (!section || typeof Chart === 'undefined') return;
  var d = JSON.parse(section.getAttribute('data-chart'));
  var ACCENT = '#00507a', WARN = '#b35900', GOOD = '#2e7d32', BAD = '#b3261e';
  var kr = function (v) { return Math.round(v).toLocaleString('da-DK'); };

  // gain per participant: the intervals as floating bars, the point estimate as a line
  new Chart(document.getElementById('gain-chart'), {
    type: 'bar',
    data: {
      labels: d.intervals.map(function (i) { return i.label; }),
      datasets: [{ label: d.labels.gain, data: d.intervals.map(function (i) { return [i.low, i.high]; }), backgroundColor: 'rgba(0, 80, 122, 0.35)', borderColor: ACCENT, borderWidth: 1 }]
    },
    options: {
      indexAxis: 'y', animation: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { return kr(c.raw[0]) + ' – ' + kr(c.raw[1]) + ' kr.'; } } } },
      scales: { x: { title: { display: true, text: d.labels.gain + ' (' + kr(d.gain) + ' kr.)' } } }
    }
  });

  // break-even against the cohorts' measured rates
  var cohorts = d.cohorts.map(function (c) { return c.cohort; });
  new Chart(document.getElementById('break-even-chart'), {
    type: 'bar',
    data: {
      labels: cohorts.length ? cohorts : [''],
      datasets: [
        { type: 'bar', label: d.labels.measured, data: d.cohorts.map(function (c) { return c.rate * 100; }),
          backgroundColor: d.cohorts.map(function (c) { return d.breakEven !== null && c.rate >= d.breakEven ? GOOD : BAD; }) },
        { type: 'line', label: d.labels.breakEven, data: (cohorts.length ? cohorts : ['']).map(function () { return d.breakEven === null ? null : d.breakEven * 100; }),
          borderColor: WARN, borderDash: [6, 4], pointRadius: 0, fill: false }
      ]
    },
    options: { animation: false, scales: { y: { min: 0, max: 100, title: { display: true, text: d.labels.rate } } } }
  });

  // Monte Carlo histogram of the gain
  new Chart(document.getElementById('histogram-chart'), {
    type: 'bar',
    data: {
      labels: d.histogram.starts.map(function (s) { return kr(s + d.histogram.width / 2); }),
      datasets: [{ label: d.labels.draws, data: d.histogram.counts,
        backgroundColor: d.histogram.starts.map(function (s) { return s + d.histogram.width / 2 >= 0 ? GOOD : BAD; }), barPercentage: 1, categoryPercentage: 1 }]
    },
    options: { animation: false, plugins: { legend: { display: false } }, scales: { x: { title: { display: true, text: d.labels.gain } }, y: { title: { display: true, text: d.labels.draws } } } }
  });

  // tornado: the gain with each parameter at its low and high end
  new Chart(document.getElementById('tornado-chart'), {
    type: 'bar',
    data: {
      labels: d.tornado.map(function (t) { return t.parameter; }),
      datasets: [
        { label: d.labels.low, data: d.tornado.map(function (t) { return [d.gain, t.atLow]; }), backgroundColor: WARN },
        { label: d.labels.high, data: d.tornado.map(function (t) { return [d.gain, t.atHigh]; }), backgroundColor: ACCENT }
      ]
    },
    options: { indexAxis: 'y', animation: false, scales: { x: { title: { display: true, text: d.labels.gain } }, y: { stacked: true } } }
  });
})();
