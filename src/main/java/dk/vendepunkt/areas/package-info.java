/**
 * The city's geography: bydele and their districts (imported as GeoJSON, kind {@code areas}),
 * population per area and year (kind {@code population}), point-in-polygon lookup with a spatial
 * index, the 1 km cells of Det Danske Kvadratnet (EPSG:25832) and the {@code /areas} map page.
 * Public API: {@link dk.vendepunkt.areas.AreaDirectory}, {@link dk.vendepunkt.areas.Area},
 * {@link dk.vendepunkt.areas.AreaLevel}, {@link dk.vendepunkt.areas.Kvadratnet} and the
 * {@link dk.vendepunkt.areas.AreasChanged} event (published after an areas import commits).
 */
package dk.vendepunkt.areas;
