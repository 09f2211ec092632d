package dk.vendepunkt.crimestats;

import dk.vendepunkt.areas.Kvadratnet;
import dk.vendepunkt.platform.imports.CsvFile;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Row rules shared by the crime-reports and charges imports. */
final class ImportRules {

    private ImportRules() {}

    /** A *_ref: 1–80 characters without control characters. */
    static String ref(CsvFile.Row r, String column) {
        String ref = r.required(column);
        if (ref == null) return null;
        if (ref.length() > 80) {
            r.fail(column, "Referencen er for lang (højst 80 tegn)");
            return null;
        }
        for (int i = 0; i < ref.length(); i++) {
            if (Character.isISOControl(ref.charAt(i))) {
                r.fail(column, "Referencen indeholder et kontroltegn");
                return null;
            }
        }
        return ref;
    }

    /** A report's time as COPY text (with offset) and its date in Europe/Copenhagen (yyyy-MM-dd). */
    record Instant(String timestamp, String day, java.time.LocalDate date) {}

    private static final java.time.zone.ZoneRules RULES = dk.vendepunkt.platform.Zones.ZONE.getRules();

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
            if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= java.time.YearMonth.of(y, mo).lengthOfMonth() && h >= 0 && h <= 23 && mi >= 0 && mi <= 59) {
                java.time.ZoneOffset offset = RULES.getOffset(java.time.LocalDateTime.of(y, mo, d, h, mi));
                return new Instant(v + offset.getId(), v.substring(0, 10), java.time.LocalDate.of(y, mo, d));
            }
        }
        java.time.OffsetDateTime at = r.dateTime(column, true);
        if (at == null) return null;
        java.time.LocalDate date = at.atZoneSameInstant(dk.vendepunkt.platform.Zones.ZONE).toLocalDate();
        return new Instant(at.toString(), date.toString(), date);
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

    /** A decimal degree with '.' (optional), within [min, max]. */
    static Double coordinate(CsvFile.Row r, String column, double min, double max) {
        String v = r.text(column);
        if (v == null) return null;
        if (!isDecimal(v)) {
            r.fail(column, "Ugyldigt decimaltal; brug punktum som decimaltegn");
            return null;
        }
        double d = Double.parseDouble(v);
        if (d < min || d > max) {
            r.fail(column, "Skal være mellem " + (int) min + " og " + (int) max + " grader (WGS84)");
            return null;
        }
        return d;
    }

    /** -?digits(.digits)? without building a regex per call. */
    static boolean isDecimal(String v) {
        int i = v.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        int afterDot = 0;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                if (dot) afterDot++;
                else digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits > 0 && (!dot || afterDot > 0);
    }

    /** The 1 km cell, or null where the point is outside EPSG:25832's usable extent (ids with non-negative kilometres). */
    static String cell(double lat, double lon) {
        Kvadratnet.Utm p = Kvadratnet.toUtm(lat, lon);
        if (!(p.easting() >= 0 && p.easting() < 1_000_000 && p.northing() >= 0 && p.northing() < 10_000_000)) return null;
        return Kvadratnet.cellId1kmUtm(p.northing(), p.easting());
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
                    f.error(rs.getLong("line"), column, rs.getString("ref"), "Referencen findes allerede i linje " + rs.getLong("first") + " i filen");
                });
        f.throwIfErrors();
    }
}
