/**
 * Benchmarks with their data generators, run on demand (never part of the test suite):
 * {@code ./mvnw -Pbench test-compile exec:java -Dexec.mainClass=dk.vendepunkt.bench.<Name>}.
 */
package dk.vendepunkt.bench;
