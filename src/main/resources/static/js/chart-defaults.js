// Chart.js defaults for every chart (loaded right after chart.umd.js through fragments/charts.html):
// Danish numbers on axes and tooltips ("1.000", "0,5"), and tick labels that skip rather than overlap.
(function () {
  if (typeof Chart === 'undefined') return;
  Chart.defaults.locale = 'da-DK';
  Chart.defaults.scale.ticks.autoSkip = true;
  Chart.defaults.scale.ticks.autoSkipPadding = 12;
  Chart.defaults.scale.ticks.maxRotation = 0;
})();
