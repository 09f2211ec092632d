package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.CaseloadService;
import dk.vendepunkt.platform.CsvExport;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.reporting.ReportSection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Casework lists as downloads: CSV in the Danish spreadsheet dialect ({@link CsvExport}: semicolons, dd-MM-yyyy, UTF-8
 * with a byte-order mark so that Excel reads the æøå) or Excel through the report framework ({@link ReportRenderer#xlsx}).
 * The caseload has the same columns as its page: number, name, programme, phase, start, end, my role, why it needs
 * action; the pool's purchases ({@link PoolPageController}) those of the pool page.
 */
@Component
class CaseloadExport {

    enum Format {
        CSV("text/csv;charset=UTF-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        /** "csv" or "xlsx" (any case); anything else is a validation error of {@code format}. */
        static Format parse(String value) {
            for (Format f : values()) if (f.extension.equalsIgnoreCase(value)) return f;
            throw ValidationException.of("format", "caseload.export.format", value);
        }
    }

    private final ReportRenderer renderer;
    private final MessageSource messages;
    private final Clock clock;

    CaseloadExport(ReportRenderer renderer, MessageSource messages, Clock clock) {
        this.renderer = renderer;
        this.messages = messages;
        this.clock = clock;
    }

    ResponseEntity<byte[]> response(List<CaseloadService.Row> rows, Map<String, String> programmeNames, Format format) {
        List<String> header = List.of(msg("caseload.number"), msg("person.name"), msg("referral.programme"), msg("enrolment.phase"),
                msg("enrolment.start"), msg("caseload.end"), msg("caseload.role"), msg("caseload.attention"));
        List<List<String>> lines = rows.stream().map(r -> List.of(String.valueOf(r.line().id()), nullToEmpty(r.personName()),
                programmeNames.getOrDefault(r.line().programme(), r.line().programme()), r.line().phaseName(),
                Report.shortDate(r.line().startDate()), r.line().endDate() == null ? "" : Report.shortDate(r.line().endDate()),
                msg(r.mine() ? "caseload.coordinator" : "caseload.team"),
                r.attention().stream().map(a -> msg("caseload.attention." + a)).collect(Collectors.joining(", ")))).toList();
        return table(msg("caseload.title"), msg("caseload.enrolments"), "sagsstamme", header, lines, format);
    }

    /**
     * A list as a download: CSV ({@link CsvExport}) or Excel ({@link ReportRenderer#xlsx}, one table), named
     * {@code fileBase-dd-MM-yyyy} by the clock's today.
     */
    ResponseEntity<byte[]> table(String title, String caption, String fileBase, List<String> header, List<List<String>> lines,
                                 Format format) {
        LocalDate today = LocalDate.now(clock);
        byte[] body;
        if (format == Format.CSV) {
            CsvExport csv = new CsvExport(header);
            lines.forEach(csv::row);
            body = csv.bytes();
        } else {
            ReportSection.Table.Builder table = ReportSection.Table.builder(caption,
                    header.stream().map(ReportSection.Column::text).toArray(ReportSection.Column[]::new));
            lines.forEach(l -> table.row(l.toArray()));
            body = renderer.xlsx(Report.builder(title).produced(today).add(table.build()).build());
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileBase + "-" + Report.shortDate(today) + "." + format.extension, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(format.contentType))
                .body(body);
    }

    private static String nullToEmpty(String v) {
        return v == null ? "" : v;
    }

    private String msg(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, null, code, locale);
    }
}
