package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.CaseloadService;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.reporting.ReportSection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The caseload's forløb as a download: CSV in the Danish spreadsheet dialect (semicolons, dd-MM-yyyy, UTF-8 with a
 * byte-order mark so that Excel reads the æøå) or Excel through the report framework ({@link ReportRenderer#xlsx}).
 * The same columns as the page: number, name, programme, phase, start, end, my role, why it needs action.
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
        LocalDate today = LocalDate.now(clock);
        byte[] body = format == Format.CSV ? csv(header, lines) : xlsx(header, lines, today);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sagsstamme-" + Report.shortDate(today) + "." + format.extension, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(format.contentType))
                .body(body);
    }

    private byte[] xlsx(List<String> header, List<List<String>> lines, LocalDate today) {
        ReportSection.Table.Builder table = ReportSection.Table.builder(msg("caseload.enrolments"),
                header.stream().map(ReportSection.Column::text).toArray(ReportSection.Column[]::new));
        lines.forEach(l -> table.row(l.toArray()));
        return renderer.xlsx(Report.builder(msg("caseload.title")).produced(today).add(table.build()).build());
    }

    /** RFC 4180 quoting with ';' as the separator, CRLF line ends, a UTF-8 byte-order mark first. */
    static byte[] csv(List<String> header, List<List<String>> lines) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> line : all) out.append(line.stream().map(CaseloadExport::quote).collect(Collectors.joining(";"))).append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String quote(String v) {
        if (v.isEmpty()) return v;
        boolean needs = v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                || "=+-@".indexOf(v.charAt(0)) >= 0;
        // a leading =, +, - or @ would be a formula in a spreadsheet: quote it and prefix an apostrophe
        String safe = "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return needs ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String nullToEmpty(String v) {
        return v == null ? "" : v;
    }

    private String msg(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, null, code, locale);
    }
}
