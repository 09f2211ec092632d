// Progress measurements per scale (fragments/progress.html): one line chart per canvas.progress-chart, data in
// data-* attributes (no inline scripts). CATEGORY and LADDER values are positions 1..n, labelled with the option names;
// the table under each chart holds the same figures.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') return;
  document.querySelectorAll('canvas.progress-chart').forEach(function (canvas) {
    var dates = JSON.parse(canvas.dataset.dates);
    var values = JSON.parse(canvas.dataset.values);
    var ticks = JSON.parse(canvas.dataset.ticks || '[]');
    var kind = canvas.dataset.kind;
    var y = { beginAtZero: kind === 'PERCENT' || kind === 'YES_NO' };
    if (canvas.dataset.min) y.min = Number(canvas.dataset.min);
    if (canvas.dataset.max) y.max = Number(canvas.dataset.max);
    if (ticks.length) {
      y.min = 1; y.max = ticks.length;
      y.ticks = { stepSize: 1, callback: function (v) { return ticks[v - 1] || ''; } };
    }
    if (kind === 'YES_NO') {
      y.min = 0; y.max = 1;
      y.ticks = { stepSize: 1, callback: function (v) { return v === 1 ? 'ja' : (v === 0 ? 'nej' : ''); } };
    }
    new Chart(canvas, {
      type: 'line',
      data: { labels: dates, datasets: [{ label: canvas.dataset.label, data: values, borderColor: '#00507a', backgroundColor: '#00507a', stepped: kind === 'YES_NO' }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: y } }
    });
  });
});
