package dk.vendepunkt.reporting;

/** Special cell values. */
public enum ReportMark {
    /** a figure withheld by disclosure control; shown as "–" with the table's note explaining why */
    SUPPRESSED
}
