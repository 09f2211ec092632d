package dk.vendepunkt.reporting;

import java.util.Locale;
import java.util.Optional;

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

    /** "html", "pdf", "xlsx" (also "excel"), case-insensitive. */
    public static Optional<ReportFormat> parse(String s) {
        if (s == null) return Optional.empty();
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("excel")) v = "xlsx";
        for (ReportFormat f : values()) if (f.extension.equals(v)) return Optional.of(f);
        return Optional.empty();
    }
}
