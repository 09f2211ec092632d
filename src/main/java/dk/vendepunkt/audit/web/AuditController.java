package dk.vendepunkt.audit.web;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditPersonLookup;
import dk.vendepunkt.audit.internal.AuditEntry;
import dk.vendepunkt.audit.internal.JdbcAuditLog;
import dk.vendepunkt.platform.CsvExport;
import dk.vendepunkt.platform.Zones;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Viewer of the audit log (route protected by the security configuration); the API is {@link AuditApiController}.
 * Filters: a person by id, or by name or CPR number (found through {@link AuditPersonLookup}, the CPR through the
 * keyed hash), user, action and date range; paged; the filtered log as CSV, the export itself audited.
 */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50, EXPORT_MAX = 100_000, PERSONS_MAX = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(Zones.ZONE);

    private final JdbcAuditLog log;
    private final AuditLog audit;
    private final ObjectProvider<AuditPersonLookup> persons;
    private final MessageSource messages;

    AuditController(JdbcAuditLog log, AuditLog audit, ObjectProvider<AuditPersonLookup> persons, MessageSource messages) {
        this.log = log;
        this.audit = audit;
        this.persons = persons;
        this.messages = messages;
    }

    /** The viewer's query: the filter fields as the form sends them. */
    record Query(Long personId, String person, String actor, AuditAction action,
                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

        String queryString() {
            return UriComponentsBuilder.newInstance()
                    .queryParamIfPresent("personId", Optional.ofNullable(personId))
                    .queryParamIfPresent("person", Optional.ofNullable(person).filter(a -> !a.isBlank()))
                    .queryParamIfPresent("actor", Optional.ofNullable(actor).filter(a -> !a.isBlank()))
                    .queryParamIfPresent("action", Optional.ofNullable(action))
                    .queryParamIfPresent("from", Optional.ofNullable(from))
                    .queryParamIfPresent("to", Optional.ofNullable(to)).encode().toUriString();
        }
    }

    private record Resolved(JdbcAuditLog.Filter filter, List<AuditPersonLookup.Found> found) {}

    private Resolved resolve(Query q) {
        List<AuditPersonLookup.Found> found = null;
        List<Long> ids = null;
        if (q.person() != null && !q.person().isBlank()) {
            AuditPersonLookup lookup = persons.getIfAvailable();
            found = lookup == null ? List.of() : lookup.find(q.person().trim(), PERSONS_MAX);
            ids = found.stream().map(AuditPersonLookup.Found::personId).toList();
        }
        return new Resolved(new JdbcAuditLog.Filter(q.personId(), q.actor(), q.action(), q.from(), q.to(), ids), found);
    }

    @GetMapping("/admin/audit")
    String viewer(@ModelAttribute("query") Query query, @RequestParam(defaultValue = "0") int page, Model model) {
        Resolved r = resolve(query);
        model.addAttribute("filter", r.filter());
        model.addAttribute("found", r.found());
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("result", log.search(r.filter(), Math.max(0, page), PAGE_SIZE));
        model.addAttribute("pagerBase", "/admin/audit" + query.queryString());
        model.addAttribute("exportUrl", "/admin/audit/export.csv" + query.queryString());
        return "audit/index";
    }

    @GetMapping("/admin/audit/export.csv")
    ResponseEntity<byte[]> export(@ModelAttribute("query") Query query) {
        Resolved r = resolve(query);
        List<AuditEntry> entries = log.all(r.filter(), EXPORT_MAX);
        var l = LocaleContextHolder.getLocale();
        CsvExport csv = new CsvExport(Arrays.stream(new String[] {"audit.id", "audit.when", "audit.actor", "audit.action", "audit.person",
                "audit.persons", "audit.enrolment", "audit.subject", "audit.route", "audit.reason"}).map(k -> messages.getMessage(k, null, k, l)).toList());
        for (AuditEntry e : entries) {
            List<Object> row = new ArrayList<>();
            row.add(e.id());
            row.add(WHEN.format(e.occurredAt()));
            row.add(e.actor());
            row.add(messages.getMessage("audit.action." + e.action(), null, e.action().name(), l));
            row.add(e.personId());
            row.add(e.personIds() == null ? null : String.join(", ", e.personIds().stream().map(String::valueOf).toList()));
            row.add(e.enrolmentId());
            row.add(e.subject() == null ? null : messages.getMessage("audit.subject." + e.subject(), null, e.subject(), l));
            row.add(e.route());
            row.add(e.reason());
            csv.row(row);
        }
        audit.record(AuditAction.EXPORT, null, null, "logning", "CSV, " + entries.size() + " hændelser" + (query.queryString().isEmpty() ? "" : ", filter " + query.queryString()));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("logning.csv").build().toString())
                .body(csv.bytes());
    }

    @GetMapping("/admin/audit/verify")
    String verifyPage(Model model) {
        model.addAttribute("verification", log.verify());
        return "audit/verify";
    }
}
