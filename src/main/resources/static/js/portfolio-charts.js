// Sikker By charts: <canvas data-chart='{"type":"bar","labels":[...],"datasets":[{"label":..,"data":[..]}]}'>.
// The same figures are always in a table next to the chart (the accessible version).
(function () {
  var colours = ['#1f5f8b', '#c2571a', '#2e7d32', '#6a1b9a', '#8d6e00', '#455a64'];
  function number(v) {
    return new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }).format(v);
  }
  function draw(canvas) {
    if (typeof Chart === 'undefined') return;
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    var datasets = spec.datasets.map(function (d, i) {
      return {
        label: d.label,
        data: d.data.map(function (v) { return v === null ? null : Number(v); }),
        backgroundColor: d.colours ? d.colours : spec.type === 'bar' && spec.datasets.length === 1
          ? d.data.map(function (_, j) { return colours[j % colours.length]; }) : colours[i % colours.length],
        borderColor: colours[i % colours.length],
        spanGaps: false
      };
    });
    if (spec.target !== undefined && spec.target !== null) {
      datasets.push({ label: spec.targetLabel, data: spec.labels.map(function () { return Number(spec.target); }),
        borderColor: '#b00020', borderDash: [6, 4], pointRadius: 0, fill: false, type: 'line' });
    }
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        plugins: { legend: { display: spec.type !== 'bar' || spec.datasets.length > 1 || datasets.length > 1 },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + number(c.parsed.y); } } } },
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return number(v); } } } }
      }
    });
  }
  function init() { document.querySelectorAll('canvas[data-chart]').forEach(draw); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
