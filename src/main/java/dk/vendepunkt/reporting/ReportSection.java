package dk.vendepunkt.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The building blocks of a {@link Report}. */
public sealed interface ReportSection {

    /** A heading; level 2 or 3 (the report title is level 1). */
    record Heading(String text, int level) implements ReportSection {}

    /** A paragraph of plain text. */
    record Text(String text) implements ReportSection {}

    /** Label/value pairs, e.g. key facts of an effect goal. */
    record Facts(List<Fact> facts) implements ReportSection {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    record Fact(String label, String value) {}

    /** How a column's values are shown. Values: String, Number, {@link ReportMark} or null (empty). */
    enum Kind {
        TEXT, INTEGER, DECIMAL, MONEY, PERCENT, CHANGE_PERCENT,
        /** one decimal, e.g. an index: 103,1 */
        DECIMAL_1,
        /** a signed change with one decimal: +3,1, −2,0, 0,0 */
        CHANGE
    }

    record Column(String header, Kind kind) {
        public static Column text(String header) { return new Column(header, Kind.TEXT); }
        public static Column integer(String header) { return new Column(header, Kind.INTEGER); }
        public static Column decimal(String header) { return new Column(header, Kind.DECIMAL); }
        /** One decimal (103,1), e.g. an index or a rate. */
        public static Column decimal1(String header) { return new Column(header, Kind.DECIMAL_1); }
        /** A signed change with one decimal: 3.1 is shown as +3,1, −2 as −2,0 (with a minus sign, U+2212). */
        public static Column change(String header) { return new Column(header, Kind.CHANGE); }
        public static Column money(String header) { return new Column(header, Kind.MONEY); }
        /** Values are fractions (0.42 is shown as 42,0 %). */
        public static Column percent(String header) { return new Column(header, Kind.PERCENT); }
        /** A change in per cent, signed: values are fractions (0.031 is shown as +3,1 %, −0.05 as −5,0 % with a minus sign, U+2212). */
        public static Column changePercent(String header) { return new Column(header, Kind.CHANGE_PERCENT); }
    }

    /** What a table row is: an ordinary row, the head of a group (e.g. a bydel with its total), or a member of the group above (e.g. one of its districts). */
    enum RowRole {
        PLAIN, GROUP, MEMBER
    }

    /**
     * A table with an optional total row and a note under it (e.g. "– = under 5, undertrykt").
     * Rows are lists of cell values in column order; {@code roles} (one per row) groups rows: a GROUP row
     * heads the MEMBER rows after it (HTML: one tbody per group, the head's first cell a row-group header,
     * members indented); a PLAIN row ends a group.
     */
    record Table(String caption, List<Column> columns, List<List<Object>> rows, List<Object> totals, String note, List<RowRole> roles)
            implements ReportSection {
        public Table(String caption, List<Column> columns, List<List<Object>> rows, List<Object> totals, String note) {
            this(caption, columns, rows, totals, note, java.util.Collections.nCopies(rows.size(), RowRole.PLAIN));
        }

        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
            roles = List.copyOf(roles);
            if (roles.size() != rows.size()) {
                throw new IllegalArgumentException(roles.size() + " row roles for " + rows.size() + " rows");
            }
            totals = totals == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(totals));
            for (List<Object> r : rows) {
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("row has " + r.size() + " cells, table has " + columns.size() + " columns");
                }
            }
            if (totals != null && totals.size() != columns.size()) {
                throw new IllegalArgumentException("total row has " + totals.size() + " cells, table has " + columns.size() + " columns");
            }
        }

        public static Builder builder(String caption, Column... columns) {
            return new Builder(caption, Arrays.asList(columns));
        }

        public static final class Builder {
            private final String caption;
            private final List<Column> columns;
            private final List<List<Object>> rows = new ArrayList<>();
            private final List<RowRole> roles = new ArrayList<>();
            private List<Object> totals;
            private String note;

            private Builder(String caption, List<Column> columns) {
                this.caption = caption;
                this.columns = columns;
            }

            public Builder row(Object... cells) {
                return add(RowRole.PLAIN, cells);
            }

            /** The head of a group of rows (e.g. a bydel with its total); the {@link #member} rows after it belong to it. */
            public Builder group(Object... cells) {
                return add(RowRole.GROUP, cells);
            }

            /** A row of the group above (e.g. one of the bydel's districts), shown indented under it. */
            public Builder member(Object... cells) {
                if (roles.isEmpty() || roles.getLast() == RowRole.PLAIN) throw new IllegalStateException("a member row needs a group row above it");
                return add(RowRole.MEMBER, cells);
            }

            private Builder add(RowRole role, Object... cells) {
                rows.add(Arrays.asList(cells));
                roles.add(role);
                return this;
            }

            public Builder totals(Object... cells) {
                totals = Arrays.asList(cells);
                return this;
            }

            public Builder note(String note) {
                this.note = note;
                return this;
            }

            public Table build() {
                return new Table(caption, columns, rows, totals, note, roles);
            }
        }
    }

    enum ChartType {
        /** grouped bars, one group per x label; bands become error bars */
        BAR,
        /** straight lines between points; bands become shaded areas */
        LINE,
        /** step function (e.g. a Kaplan–Meier curve); bands become shaded steps */
        STEP
    }

    /**
     * One data series; {@code lower}/{@code upper} (same length as values, or null) give an interval
     * band. A null value is a gap (e.g. a suppressed or missing figure).
     */
    record Series(String name, List<Double> values, List<Double> lower, List<Double> upper) {
        public static Series of(String name, List<Double> values) {
            return new Series(name, values, null, null);
        }
    }

    /**
     * A chart drawn as SVG (inline in HTML, vector in PDF; its data as a table in Excel).
     *
     * @param xLabels     category labels (BAR) or x values as text (LINE/STEP; must be numeric for STEP)
     * @param percent     y values are fractions shown as percentages
     * @param target      optional horizontal target line (e.g. 0.60), with its label
     */
    record Chart(String caption, ChartType type, List<String> xLabels, List<Series> series, String yLabel,
                 boolean percent, Double target, String targetLabel) implements ReportSection {
        public Chart {
            xLabels = List.copyOf(xLabels);
            series = List.copyOf(series);
        }
    }
}
