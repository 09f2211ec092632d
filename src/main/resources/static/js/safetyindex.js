// Tryghedsindeks choropleth: districts coloured by category, no third-party tiles (CSP script-src 'self').
(function () {
  var COLOURS = { MARKANT: '#b2182b', INTENSIVERET: '#ef8a62', ORDINAER: '#f7f7f7', REDUCERET: '#92c5de', MINIMAL: '#4393c3', INSUFFICIENT_DATA: '#bdbdbd' };
  function init() {
    var el = document.getElementById('safety-map');
    if (!el || typeof L === 'undefined') return;
    fetch(el.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
        var layer = L.geoJSON(data.geojson, {
          style: function (f) {
            var d = data.districts[f.properties.code];
            return { color: '#333', weight: 1, fillOpacity: 0.85, fillColor: COLOURS[d ? d.category : 'INSUFFICIENT_DATA'] };
          },
          onEachFeature: function (f, l) {
            var d = data.districts[f.properties.code];
            var text = (d ? d.name : f.properties.name) + ' (' + f.properties.code + '): ' + (d ? d.label : '')
              + (d && d.index !== null ? ', indeks ' + d.index.toFixed(1).replace('.', ',') : '');
            l.bindTooltip(text);
          }
        }).addTo(map);
        var b = layer.getBounds();
        if (b.isValid()) map.fitBounds(b); else map.setView([55.68, 12.57], 11);
      })
      .catch(function () { el.textContent = el.getAttribute('aria-label') + ': –'; });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
