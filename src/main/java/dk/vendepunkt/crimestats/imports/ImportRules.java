package dk.vendepunkt.crimestats.imports;

import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportMessages;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Row rules shared by the crime-reports and charges imports. */
final class ImportRules {

    private ImportRules() {}

    /** A *_ref: 1–80 characters without control characters. */
    static String ref(CsvFile.Row r, String column) {
        String ref = r.required(column);
        if (ref == null) return null;
        if (ref.length() > 80) {
            r.fail(column, ImportMessages.text("import.crime.ref.tooLong"));
            return null;
        }
        for (int i = 0; i < ref.length(); i++) {
            if (Character.isISOControl(ref.charAt(i))) {
                r.fail(column, ImportMessages.text("import.crime.ref.control"));
                return null;
            }
        }
        return ref;
    }

    /** A report's time (microseconds since 1970-01-01T00:00Z) and its date in Europe/Copenhagen. */
    record Instant(long epochMicros, java.time.LocalDate date) {}

    private static final java.time.zone.ZoneRules RULES = dk.vendepunkt.platform.Zones.ZONE.getRules();
    private static final ThreadLocal<DayOffsets> OFFSETS = ThreadLocal.withInitial(DayOffsets::new);

    /**
     * Europe/Copenhagen's UTC offset of a local time, with the offset of whole days cached (a file has
     * few distinct days): a day whose offset is the same at 00:00 and 23:59 has it all day; on the two
     * days a year with a transition every time is looked up. In a gap (spring forward) the earlier
     * offset, which gives the same instant as {@link java.time.LocalDateTime#atZone}.
     */
    static final class DayOffsets {
        private static final int SIZE = 1 << 12;
        private static final int TRANSITION = Integer.MIN_VALUE;
        private final long[] days = new long[SIZE];
        private final int[] offsets = new int[SIZE];

        DayOffsets() {
            java.util.Arrays.fill(days, Long.MIN_VALUE);
        }

        int offsetSeconds(java.time.LocalDate date, int hour, int minute) {
            long day = date.toEpochDay();
            int slot = (int) (day & (SIZE - 1));
            if (days[slot] != day) {
                int start = RULES.getOffset(date.atStartOfDay()).getTotalSeconds();
                int end = RULES.getOffset(date.atTime(23, 59)).getTotalSeconds();
                days[slot] = day;
                offsets[slot] = start == end ? start : TRANSITION;
            }
            int offset = offsets[slot];
            return offset != TRANSITION ? offset : RULES.getOffset(date.atTime(hour, minute)).getTotalSeconds();
        }
    }

    /**
     * {@code reported_at}: ISO-8601 local time in Europe/Copenhagen or with an offset. The common form
     * {@code yyyy-MM-ddTHH:mm} is read without the general parser; anything else goes through
     * {@link CsvFile.Row#dateTime} (same rules, same messages).
     */
    static Instant reportedAt(CsvFile.Row r, String column) {
        String v = r.text(column);
        if (v != null && v.length() == 16 && v.charAt(4) == '-' && v.charAt(7) == '-' && v.charAt(10) == 'T' && v.charAt(13) == ':') {
            int y = digits(v, 0, 4);
            int mo = digits(v, 5, 7);
            int d = digits(v, 8, 10);
            int h = digits(v, 11, 13);
            int mi = digits(v, 14, 16);
            if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= java.time.Month.of(mo).length(java.time.Year.isLeap(y)) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59) {
                java.time.LocalDate date = java.time.LocalDate.of(y, mo, d);
                int offset = OFFSETS.get().offsetSeconds(date, h, mi);
                long second = date.toEpochDay() * 86_400 + h * 3600 + mi * 60 - offset;
                return new Instant(second * 1_000_000, date);
            }
        }
        java.time.OffsetDateTime at = r.dateTime(column, true);
        if (at == null) return null;
        java.time.LocalDate date = at.atZoneSameInstant(dk.vendepunkt.platform.Zones.ZONE).toLocalDate();
        return new Instant(at.toEpochSecond() * 1_000_000 + at.getNano() / 1000, date);
    }

    /** The decimal number in v[from, to), or −1 when a character is not a digit. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A decimal degree with '.' (the Danish dialect: ','; optional), within [min, max]. */
    static Double coordinate(CsvFile.Row r, String column, double min, double max) {
        String v = r.text(column);
        if (v == null) return null;
        double d = parseDecimal(r.danishDialect() ? v.replace(',', '.') : v);
        if (Double.isNaN(d)) {
            r.fail(column, ImportMessages.text(r.danishDialect() ? "import.crime.decimal.danish" : "import.crime.decimal"));
            return null;
        }
        if (d < min || d > max) {
            r.fail(column, ImportMessages.text("import.crime.degrees", String.valueOf((int) min), String.valueOf((int) max)));
            return null;
        }
        return d;
    }

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    /**
     * {@code -?digits(.digits)?} as the nearest double (as {@link Double#parseDouble}), or NaN when v has
     * another form. Up to 15 significant digits and 22 decimals it is one exact division of two exactly
     * represented numbers, hence correctly rounded; longer numbers go through {@link Double#parseDouble}.
     */
    static double parseDecimal(String v) {
        int n = v.length();
        int i = n > 0 && v.charAt(0) == '-' ? 1 : 0;
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int decimals = -1;
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (decimals >= 0) decimals++;
                if (mantissa != 0 || c != '0') significant++;
                // beyond 15 significant digits the mantissa is not used (and may overflow)
                mantissa = mantissa * 10 + (c - '0');
            } else if (c == '.' && decimals < 0 && digits > 0) {
                decimals = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || decimals == 0) return Double.NaN;
        if (significant > 15 || decimals > 22) return Double.parseDouble(v);
        double d = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
        return v.charAt(0) == '-' ? -d : d;
    }

    /** Set-based: a *_ref twice in the file is an error on every repeat (with the first line). */
    static void rejectDuplicates(JdbcClient jdbc, CsvFile f, String stage, String column) {
        boolean any = jdbc.sql("select exists (select 1 from " + stage + " group by ref having count(*) > 1)").query(Boolean.class).single();
        if (!any) return;
        jdbc.sql("""
                select line, ref, first from (
                  select line, ref, min(line) over (partition by ref) as first, count(*) over (partition by ref) as n from %s
                ) t where n > 1 and line <> first order by line limit 1000""".formatted(stage))
                .query(rs -> {
                    f.error(rs.getLong("line"), column, rs.getString("ref"), ImportMessages.text("import.crime.ref.repeated", String.valueOf(rs.getLong("first"))));
                });
        f.throwIfErrors();
    }
}
