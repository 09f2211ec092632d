package dk.vendepunkt.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A committee or evaluator report: a title and a list of sections, rendered by {@link ReportRenderer}
 * to HTML, PDF and Excel. Build the content once; the three formats show the same figures.
 * Every table whose figures derive from personal data must have passed disclosure control first.
 *
 * @param title    the report's title (Danish)
 * @param subtitle e.g. the period covered; may be null
 * @param produced the date the report was produced; null until the renderer dates it (today by the application's clock)
 * @param sections content in order
 */
public record Report(String title, String subtitle, LocalDate produced, List<ReportSection> sections) {

    public Report {
        sections = List.copyOf(sections);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    private static final java.time.format.DateTimeFormatter LONG_DATE =
            java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", java.util.Locale.of("da", "DK"));

    /** A date as reports write it in text: "31. december 2015". */
    public static String longDate(LocalDate d) {
        return d.format(LONG_DATE);
    }

    /** A date as reports write it in tables: "31-12-2015". */
    public static String shortDate(LocalDate d) {
        return dk.vendepunkt.platform.DanishDates.format(d);
    }

    /** Fluent construction of a report. */
    public static final class Builder {
        private final String title;
        private String subtitle;
        private LocalDate produced;
        private final List<ReportSection> sections = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        /** The report's date; without it the renderer writes today's (ADR 0010: time from the injected clock). */
        public Builder produced(LocalDate produced) {
            this.produced = produced;
            return this;
        }

        public Builder heading(String text) {
            sections.add(new ReportSection.Heading(text, 2));
            return this;
        }

        public Builder subheading(String text) {
            sections.add(new ReportSection.Heading(text, 3));
            return this;
        }

        public Builder text(String text) {
            sections.add(new ReportSection.Text(text));
            return this;
        }

        public Builder add(ReportSection section) {
            sections.add(section);
            return this;
        }

        public Report build() {
            return new Report(title, subtitle, produced, sections);
        }
    }
}
