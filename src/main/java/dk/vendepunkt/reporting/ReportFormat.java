package dk.vendepunkt.reporting;

import dk.vendepunkt.platform.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three output formats of a report. */
public enum ReportFormat {
    HTML("text/html;charset=UTF-8", "html"),
    PDF("application/pdf", "pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format a request names: "html", "pdf", "xlsx" (also "excel"), case-insensitive, and one of
     * {@code offered} (all three when none are given). Anything else is a validation error of the
     * parameter {@code format}, the same 400 on every report endpoint.
     */
    public static ReportFormat parse(String value, ReportFormat... offered) {
        List<ReportFormat> allowed = List.of(offered.length == 0 ? values() : offered);
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("excel")) v = "xlsx";
        for (ReportFormat f : allowed) if (f.extension.equals(v)) return f;
        throw ValidationException.of("format", "report.format.unknown", excerpt(value),
                allowed.stream().map(ReportFormat::extension).collect(Collectors.joining(", ")));
    }

    /** At most 20 characters of a bad request value, for a message that names it. */
    public static String excerpt(String value) {
        if (value == null) return "";
        String v = value.strip();
        return v.length() <= 20 ? v : v.substring(0, 20) + "…";
    }
}
