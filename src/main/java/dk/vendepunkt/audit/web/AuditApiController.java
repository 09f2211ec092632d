package dk.vendepunkt.audit.web;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.internal.ChainVerification;
import dk.vendepunkt.audit.internal.JdbcAuditLog;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log's API: search and chain verification (ADMIN only, enforced by the security configuration). */
@RestController
class AuditApiController {

    private final JdbcAuditLog log;

    AuditApiController(JdbcAuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/audit")
    Map<String, Object> search(@RequestParam(required = false) Long personId, @RequestParam(required = false) String actor,
                               @RequestParam(required = false) AuditAction action,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var p = log.search(new JdbcAuditLog.Filter(personId, actor, action, from, to), Math.max(0, page), Math.min(Math.max(1, size), 500));
        return Map.of("entries", p.entries(), "total", p.total(), "page", p.page(), "size", p.size());
    }

    @GetMapping("/api/v1/audit/verify")
    ChainVerification verify() {
        return log.verify();
    }
}
