package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.FamilyAssessmentService.MeasureRow;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The measures in place (part 3 of the family assessment) laid out on a timeline for an SVG drawn by the template: each
 * bar's start and width as a share (0-100) of the span from the earliest start to the latest end (an ongoing measure
 * runs to today). The table beside it carries the same facts for screen readers.
 */
record FamilyTimeline(LocalDate start, LocalDate end, List<Bar> bars) {

    /** One measure: {@code x} and {@code width} in percent of the span; {@code ongoing} when it has no end date. */
    record Bar(MeasureRow measure, double x, double width, boolean ongoing) {}

    static FamilyTimeline of(List<MeasureRow> measures, LocalDate today) {
        if (measures.isEmpty()) return new FamilyTimeline(today, today, List.of());
        LocalDate start = measures.stream().map(MeasureRow::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate end = measures.stream().map(m -> m.to() == null ? max(today, m.from()) : m.to()).max(LocalDate::compareTo).orElseThrow();
        double span = Math.max(1, ChronoUnit.DAYS.between(start, end));
        List<Bar> bars = measures.stream().map(m -> {
            LocalDate to = m.to() == null ? max(today, m.from()) : m.to();
            double x = ChronoUnit.DAYS.between(start, m.from()) / span * 100;
            double w = Math.max(1, ChronoUnit.DAYS.between(m.from(), to) / span * 100);
            return new Bar(m, round(x), round(Math.min(w, 100 - x)), m.to() == null);
        }).toList();
        return new FamilyTimeline(start, end, bars);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
