/**
 * Committee and evaluator reports: a small framework (a report is a list of sections rendered to HTML,
 * PDF and Excel; downloads cached by parameters and data version) and statistical disclosure control (primary
 * and secondary suppression) used by every published table.
 */
package dk.vendepunkt.reporting;
