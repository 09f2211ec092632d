package dk.vendepunkt.audit.web;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.internal.JdbcAuditLog;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin viewer of the audit log (ADMIN only, enforced by the security configuration); the API is {@link AuditApiController}. */
@Controller
class AuditController {

    private final JdbcAuditLog log;

    AuditController(JdbcAuditLog log) {
        this.log = log;
    }

    @GetMapping("/admin/audit")
    String viewer(@RequestParam(required = false) Long personId, @RequestParam(required = false) String actor,
                  @RequestParam(required = false) AuditAction action,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new JdbcAuditLog.Filter(personId, actor, action, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("result", log.search(filter, Math.max(0, page), 50));
        model.addAttribute("pagerBase", org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("personId", java.util.Optional.ofNullable(personId))
                .queryParamIfPresent("actor", java.util.Optional.ofNullable(actor).filter(a -> !a.isBlank()))
                .queryParamIfPresent("action", java.util.Optional.ofNullable(action))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(to)).encode().toUriString());
        return "audit/index";
    }

    @GetMapping("/admin/audit/verify")
    String verifyPage(Model model) {
        model.addAttribute("verification", log.verify());
        return "audit/verify";
    }
}
