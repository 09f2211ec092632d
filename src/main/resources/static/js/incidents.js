// Incidents per district in the chosen period: districts shaded by count, no third-party tiles (CSP script-src 'self').
(function () {
  var SCALE = ['#f7f7f7', '#fddbc7', '#f4a582', '#d6604d', '#b2182b'];
  function colour(n, max) {
    if (!n) return SCALE[0];
    return SCALE[Math.min(4, 1 + Math.floor(3 * (n - 1) / Math.max(1, max - 1) + 0.0001))];
  }
  function init() {
    var el = document.getElementById('incident-map');
    if (!el || typeof L === 'undefined') return;
    fetch(el.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var max = 0;
        Object.keys(data.counts).forEach(function (k) { max = Math.max(max, data.counts[k]); });
        var map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
        var layer = L.geoJSON(data.geojson, {
          style: function (f) {
            return { color: '#333', weight: 1, fillOpacity: 0.85, fillColor: colour(data.counts[f.properties.code] || 0, max) };
          },
          onEachFeature: function (f, l) {
            l.bindTooltip(f.properties.name + ' (' + f.properties.code + '): ' + (data.counts[f.properties.code] || 0));
          }
        }).addTo(map);
        var b = layer.getBounds();
        if (b.isValid()) map.fitBounds(b); else map.setView([55.68, 12.57], 11);
      })
      .catch(function () { el.textContent = el.getAttribute('aria-label') + ': –'; });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
