package dk.vendepunkt.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Progress measurement in the family-oriented model (ADR 0021): scales defined as data (well-being 1–10, school
 * absence %, leisure job yes/no, parenting 1–5, a parent's employment, a change ladder, and what an administrator
 * adds at {@code /admin/progress-scales}) and the measurements of a family's members at baseline, during and at the
 * end. A measurement is personal data: recording and reading are checked against the person (restrictions, team,
 * break-the-glass) and audited; the family case checks its own access on top. {@link #progress} is the contract's
 * {@code progress} field of the family-model report.
 */
public interface ProgressScales {

    enum Kind { NUMERIC, PERCENT, YES_NO, CATEGORY, LADDER }

    /** Which members of the family a scale is for. */
    enum Member { CHILD, PARENT }

    enum Occasion { BASELINE, DURING, END }

    /** A value of a CATEGORY scale or a rung of a LADDER; a measurement stores its {@code position} (1, 2, ...). */
    record Option(int position, String code, String name) {}

    /**
     * A scale. NUMERIC has {@code min}, {@code max} and {@code step}; PERCENT is 0–100; YES_NO is 0 (no) or 1 (yes);
     * CATEGORY and LADDER take the position of one of their ordered {@code options}.
     */
    record Scale(String code, String name, Kind kind, BigDecimal min, BigDecimal max, BigDecimal step, Member appliesTo,
                 boolean higherIsBetter, List<Option> options, boolean active, int position, int version) {
        public Scale {
            options = options == null ? List.of() : List.copyOf(options);
        }

        /** The option whose position is {@code value}, for CATEGORY and LADDER. */
        public Optional<Option> option(BigDecimal value) {
            if (value == null) return Optional.empty();
            return options.stream().filter(o -> BigDecimal.valueOf(o.position()).compareTo(value) == 0).findFirst();
        }

        /** The position of the option with this code (e.g. {@code ORDINARY_EMPLOYMENT}). */
        public Optional<Integer> position(String optionCode) {
            return options.stream().filter(o -> o.code().equals(optionCode)).map(Option::position).findFirst();
        }
    }

    /** What is recorded; {@code value} per the scale's kind (for CATEGORY/LADDER the option's position). */
    record NewMeasurement(long familyCaseId, long personId, String scale, LocalDate measuredOn, Occasion occasion, BigDecimal value,
                          String note) {}

    /** A recorded measurement; {@code optionCode} is the option of a CATEGORY/LADDER value, else null. */
    record Measurement(long id, long familyCaseId, long personId, String scale, LocalDate measuredOn, Occasion occasion, BigDecimal value,
                       String optionCode, String note, String createdBy, int version) {}

    /**
     * One scale's paired change: {@code children} with a baseline and a later measurement; {@code meanChange} the mean of
     * (latest later value − baseline value), null when there is none; {@code ci95} the 95 % t interval of the mean, null
     * when fewer than two children have a pair (no spread to estimate).
     */
    record Change(String scale, int children, Double meanChange, List<Double> ci95) {}

    /** The scales, in their order (active and inactive). */
    List<Scale> scales();

    Optional<Scale> scale(String code);

    /** Records a measurement (validated against the scale, Danish messages); checks and audits the person. */
    Measurement record(NewMeasurement measurement);

    /**
     * Records a measurement without a signed-in user (demo data, system use): validated the same way, audited, no
     * person check; {@code by} is stored as who recorded it.
     */
    Measurement recordSystem(NewMeasurement measurement, String by);

    /** The family case's measurements of the persons the user may see (audited as one list naming them), by date. */
    List<Measurement> forCase(long familyCaseId);

    /** One member's measurements in the family case, by date (checked and audited). */
    List<Measurement> forPerson(long familyCaseId, long personId);

    /**
     * Without access check or audit, for aggregate figures only (the family-model report, which publishes counts and
     * means under disclosure control): the measurements of these family cases.
     */
    List<Measurement> forCasesUnaudited(Collection<Long> familyCaseIds);

    /**
     * The paired change per scale (pure; in scale order, one entry per active scale and per inactive scale that has
     * measurements among those given): pass the children's measurements. A pair
     * is per family case and person: the BASELINE measurement and the latest later measurement (after the baseline date).
     */
    List<Change> progress(Collection<Measurement> measurements);

    /**
     * A child's measurements drawn per scale, for the family page: add the result as a model attribute and include
     * {@code fragments/progress :: chart(${attribute})}.
     */
    ProgressChart chart(long familyCaseId, long personId);

    /** One member's measurements per scale, with labels, for {@code fragments/progress :: chart}. */
    record ProgressChart(long familyCaseId, long personId, List<Series> series) {
        public record Point(LocalDate measuredOn, Occasion occasion, BigDecimal value, String label) {}

        public record Series(Scale scale, List<Point> points) {
            /** The dates as a JSON array, for the chart's data attribute. */
            public String datesJson() {
                return json(points.stream().map(p -> p.measuredOn().toString()).toList());
            }

            /** The values as a JSON array of numbers. */
            public String valuesJson() {
                return "[" + String.join(",", points.stream().map(p -> p.value().toPlainString()).toList()) + "]";
            }

            /** The option names (CATEGORY, LADDER) as a JSON array: the y axis' labels of positions 1, 2, ... */
            public String ticksJson() {
                return json(scale.options().stream().map(Option::name).toList());
            }

            private static String json(List<String> texts) {
                return "[" + String.join(",", texts.stream().map(t -> "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "]";
            }
        }
    }
}
