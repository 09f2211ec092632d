/**
 * Crime statistics from the police: reports (crime-reports.csv) with district and 1 km cell assigned
 * at import, charges of young people (charges.csv), rollups maintained at import, the quarterly key
 * figures for Økonomiudvalget (API, page and report), Getis–Ord Gi* hotspots on the 1 km grid.
 * Public API: {@link dk.vendepunkt.crimestats.CrimeFigures}.
 */
package dk.vendepunkt.crimestats;
