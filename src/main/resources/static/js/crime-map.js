// Vendepunkt maps (areas and crime): Leaflet with GeoJSON layers; no third-party tiles unless an
// operator configured vendepunkt.map.tile-url (data-tile-url). No inline scripts (CSP script-src 'self').
(function () {
  var HEAT = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
  var BIN = { '3': '#b2182b', '2': '#ef8a62', '1': '#fddbc7', '-1': '#d1e5f0', '-2': '#67a9cf', '-3': '#2166ac' };

  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }
  function cellName(f) { return f.properties.cell + (f.properties.place ? ' (' + f.properties.place + ')' : ''); }

  function heatClass(v, max) {
    if (!v || max <= 0) return -1;
    return Math.min(HEAT.length - 1, Math.floor(v / max * HEAT.length - 1e-9));
  }

  function baseMap(el) {
    var map = L.map(el, { attributionControl: !!el.getAttribute('data-tile-url'), zoomSnap: 0.25 });
    var tiles = el.getAttribute('data-tile-url');
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
    }
    return map;
  }

  function fit(map, layer) {
    var b = layer.getBounds();
    if (b.isValid()) map.fitBounds(b); else map.setView([55.68, 12.57], 11);
  }

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  function crimeMap(el) {
    get(el.getAttribute('data-src')).then(function (data) {
      var map = baseMap(el);
      var maxD = 0;
      data.districts.features.forEach(function (f) { maxD = Math.max(maxD, f.properties.count); });
      var districts = L.geoJSON(data.districts, {
        style: function (f) {
          var c = heatClass(f.properties.count, maxD);
          return { color: '#333', weight: 1, fillOpacity: 0.75, fillColor: c < 0 ? '#ffffff' : HEAT[c] };
        },
        onEachFeature: function (f, l) { l.bindTooltip(f.properties.name + ' (' + f.properties.code + '): ' + f.properties.countText); }
      });
      var bydele = L.geoJSON(data.bydele, { style: { color: '#000', weight: 2.5, fill: false }, interactive: false });
      var maxC = 0;
      data.cells.features.forEach(function (f) { maxC = Math.max(maxC, f.properties.count); });
      var grid = L.geoJSON(data.cells, {
        filter: function (f) { return f.properties.count > 0; },
        style: function (f) {
          var c = heatClass(f.properties.count, maxC);
          return { color: '#666', weight: 0.5, fillOpacity: 0.8, fillColor: c < 0 ? '#ffffff' : HEAT[c] };
        },
        onEachFeature: function (f, l) { l.bindTooltip(cellName(f) + ': ' + f.properties.countText); }
      });
      var hot = L.geoJSON(data.cells, {
        filter: function (f) { return f.properties.bin !== 0; },
        style: function (f) { return { color: '#333', weight: 0.5, fillOpacity: 0.85, fillColor: BIN[String(f.properties.bin)] }; },
        onEachFeature: function (f, l) {
          l.bindTooltip(cellName(f) + ': ' + data.binLabels[String(f.properties.bin)] + ', z = ' + String(f.properties.z).replace('.', ','));
        }
      });
      districts.addTo(map);
      bydele.addTo(map);
      var overlays = {};
      overlays[el.getAttribute('data-layer-districts')] = districts;
      overlays[el.getAttribute('data-layer-grid')] = grid;
      overlays[el.getAttribute('data-layer-hotspots')] = hot;
      L.control.layers(null, overlays, { collapsed: false }).addTo(map);
      fit(map, data.districts.features.length ? districts : grid);
    }).catch(function () { el.textContent = el.getAttribute('aria-label') || '–'; });
  }

  function areasMap(el) {
    Promise.all([get(el.getAttribute('data-bydele')), get(el.getAttribute('data-districts'))]).then(function (d) {
      var map = baseMap(el);
      var districts = L.geoJSON(d[1], {
        style: { color: '#1b4f72', weight: 1, fillColor: '#aed6f1', fillOpacity: 0.5 },
        onEachFeature: function (f, l) {
          l.bindTooltip(f.properties.name + ' (' + f.properties.code + ')' + (f.properties.population != null ? ': ' + fmt(f.properties.population) : ''));
        }
      }).addTo(map);
      var bydele = L.geoJSON(d[0], { style: { color: '#000', weight: 3, fill: false }, interactive: false }).addTo(map);
      fit(map, districts.getLayers().length ? districts : bydele);
    }).catch(function () { el.textContent = '–'; });
  }

  function init() {
    if (typeof L === 'undefined') return;
    var c = document.getElementById('crime-map');
    if (c) crimeMap(c);
    var a = document.getElementById('areas-map');
    if (a) areasMap(a);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
