// Casework: the occupancy chart on the programme dashboard (data in data-* attributes; no inline scripts).
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.getElementById('occupancy-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  var years = JSON.parse(canvas.dataset.years);
  var average = JSON.parse(canvas.dataset.average);
  var capacity = canvas.dataset.capacity ? Number(canvas.dataset.capacity) : null;
  var datasets = [{ type: 'bar', label: canvas.dataset.labelAverage, data: average, backgroundColor: '#00507a' }];
  if (capacity !== null) {
    datasets.push({ type: 'line', label: canvas.dataset.labelCapacity, data: years.map(function () { return capacity; }),
      borderColor: '#a4001d', borderDash: [6, 4], pointRadius: 0, fill: false });
  }
  new Chart(canvas, { data: { labels: years, datasets: datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } } });
});
