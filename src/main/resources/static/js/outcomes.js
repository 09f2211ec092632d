// Effect page: Chart.js charts from /effect/data (no inline scripts; CSP script-src 'self').
(function () {
  'use strict';
  var section = document.getElementById('effect-charts');
  if (!section || typeof Chart === 'undefined') return;
  var ACCENT = '#00507a', TARGET = '#b35900', BAND = 'rgba(0, 80, 122, 0.18)';

  // draws the 95 % interval of each bar as a whisker
  var intervalBars = {
    id: 'intervalBars',
    afterDatasetsDraw: function (chart) {
      var ds = chart.data.datasets[0];
      if (!ds || !ds.intervals) return;
      var meta = chart.getDatasetMeta(0), y = chart.scales.y, ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#222';
      ctx.lineWidth = 1.5;
      meta.data.forEach(function (bar, i) {
        var iv = ds.intervals[i];
        if (!iv) return;
        var top = y.getPixelForValue(iv[1] * 100), bottom = y.getPixelForValue(iv[0] * 100), x = bar.x, w = 6;
        ctx.beginPath();
        ctx.moveTo(x, top); ctx.lineTo(x, bottom);
        ctx.moveTo(x - w, top); ctx.lineTo(x + w, top);
        ctx.moveTo(x - w, bottom); ctx.lineTo(x + w, bottom);
        ctx.stroke();
      });
      ctx.restore();
    }
  };

  function pct(v) { return v === null || v === undefined ? null : Math.round(v * 1000) / 10; }

  function measureChart(canvas, id, report, labels) {
    var x = [], rates = [], intervals = [];
    report.cohorts.forEach(function (c) {
      var m = c.measures.find(function (mm) { return mm.id === id; });
      x.push(String(c.cohort));
      rates.push(pct(m.rate));
      intervals.push(m.ci95);
    });
    var total = report.measures.find(function (mm) { return mm.id === id; });
    x.push(labels.total);
    rates.push(pct(total.rate));
    intervals.push(total.ci95);
    var datasets = [{ type: 'bar', label: labels.rate, data: rates, intervals: intervals, backgroundColor: ACCENT }];
    if (total.target !== null && total.target !== undefined) {
      datasets.push({ type: 'line', label: labels.target, data: x.map(function () { return total.target * 100; }),
        borderColor: TARGET, borderDash: [6, 4], pointRadius: 0, borderWidth: 2, fill: false });
    }
    new Chart(canvas, {
      data: { labels: x, datasets: datasets },
      options: {
        responsive: true, animation: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: labels.rate + ' (%)' } } },
        plugins: {
          tooltip: { callbacks: { afterLabel: function (ctx) {
            var iv = ctx.dataset.intervals && ctx.dataset.intervals[ctx.dataIndex];
            return iv ? labels.interval + ': ' + pct(iv[0]) + '–' + pct(iv[1]) + ' %' : '';
          } } }
        }
      },
      plugins: [intervalBars]
    });
  }

  function kmChart(canvas, points, labels) {
    var s = [{ x: 0, y: 100 }], lo = [{ x: 0, y: 100 }], hi = [{ x: 0, y: 100 }];
    points.forEach(function (p) {
      s.push({ x: p.day, y: pct(p.survival) });
      lo.push({ x: p.day, y: pct(p.lower) });
      hi.push({ x: p.day, y: pct(p.upper) });
    });
    new Chart(canvas, {
      type: 'line',
      data: { datasets: [
        { label: labels.lower, data: lo, stepped: true, pointRadius: 0, borderWidth: 0, fill: false },
        { label: labels.upper, data: hi, stepped: true, pointRadius: 0, borderWidth: 0, backgroundColor: BAND, fill: '-1' },
        { label: labels.survival, data: s, stepped: true, pointRadius: 0, borderColor: ACCENT, borderWidth: 2, fill: false }
      ] },
      options: {
        responsive: true, animation: false, parsing: false,
        scales: { x: { type: 'linear', min: 0, title: { display: true, text: labels.day } },
                  y: { min: 0, max: 100, title: { display: true, text: labels.survival + ' (%)' } } }
      }
    });
  }

  fetch(section.getAttribute('data-url'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
    .then(function (d) {
      section.querySelectorAll('canvas[data-measure]').forEach(function (c) {
        measureChart(c, c.getAttribute('data-measure'), d.report, d.labels);
      });
      var km = document.getElementById('km-chart');
      if (km) kmChart(km, d.survival.points, d.labels);
    })
    .catch(function () { section.hidden = true; });
})();
