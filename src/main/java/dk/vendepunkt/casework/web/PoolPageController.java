package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.Dkk;
import dk.vendepunkt.casework.domain.PoolPurchase;
import dk.vendepunkt.casework.domain.PurchaseStatus;
import dk.vendepunkt.casework.internal.PoolService;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.FormInput;
import dk.vendepunkt.platform.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme manager's pool page: the year's budget and figures, the purchases (paged, sorted,
 * filtered by status), and decisions (approve, reject, paid) each confirmed on a page of its own.
 */
@Controller
@PreAuthorize("hasRole('PROGRAMME_MANAGER')")
class PoolPageController {

    static final Set<String> DECISIONS = Set.of("approve", "reject", "pay");

    private final PoolService pool;
    private final FormErrors formErrors;
    private final Clock clock;

    private final CaseloadExport export;
    private final StaffDirectory staffNames;

    PoolPageController(PoolService pool, FormErrors formErrors, Clock clock, CaseloadExport export, StaffDirectory staffNames) {
        this.export = export;
        this.staffNames = staffNames;
        this.clock = clock;
        this.pool = pool;
        this.formErrors = formErrors;
    }

    private int year(Integer year) {
        return year != null ? year : LocalDate.now(clock).getYear();
    }

    @GetMapping("/programmes/{code}/pool")
    String pool(@PathVariable String code, @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "requestedOn") String sort, @RequestParam(defaultValue = "desc") String dir,
                @RequestParam(required = false) String status, Model model) {
        PurchaseStatus filter = Enums.parseOrNull(PurchaseStatus.class, status);
        PoolService.PoolOverview o = pool.overview(code, year(year), page, sort, dir, filter);
        model.addAttribute("pool", o);
        model.addAttribute("statuses", PurchaseStatus.values());
        String base = "/programmes/" + code + "/pool?year=" + o.year() + (o.status() == null ? "" : "&status=" + o.status());
        model.addAttribute("base", base);
        model.addAttribute("pageBase", base + "&sort=" + o.purchases().sort() + "&dir=" + o.purchases().dir());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "casework/plan/pool";
    }

    /** The year's purchases (with the page's status filter) as CSV or Excel, every page at once. */
    @GetMapping("/programmes/{code}/pool/export")
    org.springframework.http.ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(required = false) Integer year,
                                                           @RequestParam(required = false) String status,
                                                           @RequestParam(defaultValue = "xlsx") String format) {
        CaseloadExport.Format f = CaseloadExport.Format.parse(format);
        int y = year(year);
        var rows = pool.export(code, y, Enums.parseOrNull(PurchaseStatus.class, status));
        List<String> header = List.of(formErrors.message("caseplan.pool.number"), formErrors.message("caseplan.pool.enrolment"),
                formErrors.message("caseplan.purchase.requestedOn"), formErrors.message("caseplan.purchase.purpose"),
                formErrors.message("caseplan.purchase.supplier"), formErrors.message("caseplan.purchase.amount"),
                formErrors.message("caseplan.purchase.status"), formErrors.message("caseplan.purchase.requestedBy"),
                formErrors.message("caseplan.pool.export.decidedBy"), formErrors.message("caseplan.pool.export.paidOn"));
        List<List<String>> lines = rows.stream().map(p -> List.of(String.valueOf(p.id()), String.valueOf(p.enrolmentId()),
                Report.shortDate(p.requestedOn()), p.purpose(), p.supplier() == null ? "" : p.supplier(),
                Dkk.format(p.amount()), formErrors.message(p.status().labelKey()), staffNames.displayName(p.requestedBy()),
                p.decidedBy() == null ? "" : staffNames.displayName(p.decidedBy()), p.paidOn() == null ? "" : Report.shortDate(p.paidOn()))).toList();
        String title = formErrors.message("caseplan.pool.export.title", pool.programme(code).name(), y);
        return export.table(title, title, "puljekoeb-" + code.toLowerCase(java.util.Locale.ROOT) + "-" + y, header, lines, f);
    }

    @PostMapping("/programmes/{code}/pool/budget")
    String setBudget(@PathVariable String code, @RequestParam int year, @RequestParam(required = false) String amount,
                     @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        try {
            java.math.BigDecimal value = Dkk.parse(amount).orElseThrow(() -> ValidationException.of("amount", "caseplan.pool.amount.invalid"));
            pool.setBudget(code, year, new PoolService.BudgetChange(value, version));
            redirect.addFlashAttribute("flash", formErrors.message("caseplan.pool.budgetSaved", year));
            return "redirect:/programmes/" + code + "/pool?year=" + year;
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            formErrors.of(e).forEach((k, v) -> errors.put("budget-" + k, v));
            model.addAttribute("errors", errors);
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("budget-amount", formErrors.message(e.code(), e.args())));
        }
        model.addAttribute("budgetInput", amount);
        return pool(code, year, 0, "requestedOn", "desc", null, model);
    }

    /** The confirmation page of a decision. */
    @GetMapping("/programmes/{code}/pool/purchases/{purchaseId}/{decision}")
    String confirm(@PathVariable String code, @PathVariable long purchaseId, @PathVariable String decision, Model model) {
        if (!DECISIONS.contains(decision)) throw new dk.vendepunkt.platform.NotFoundException("caseplan.purchase.notFound", purchaseId);
        PoolPurchase p = pool.purchase(code, purchaseId);
        model.addAttribute("programme", pool.programme(code));
        model.addAttribute("purchase", p);
        model.addAttribute("figures", pool.figures(code, p.budgetYear()));
        model.addAttribute("decision", decision);
        model.addAttribute("applicable", decision.equals("pay") ? p.status() == PurchaseStatus.APPROVED : p.status() == PurchaseStatus.REQUESTED);
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "casework/plan/pool-decide";
    }

    @PostMapping("/programmes/{code}/pool/purchases/{purchaseId}/{decision}")
    String decide(@PathVariable String code, @PathVariable long purchaseId, @PathVariable String decision,
                  @RequestParam(required = false) Integer version, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String paidOn, Model model, RedirectAttributes redirect) {
        try {
            FormInput in = new FormInput(java.util.Collections.singletonMap("paidOn", paidOn));
            LocalDate paid = in.date("paidOn");
            in.throwIfProblems();
            PoolService.Decision d = new PoolService.Decision(version, note, paid);
            PoolPurchase p = switch (decision) {
                case "approve" -> pool.approve(code, purchaseId, d);
                case "reject" -> pool.reject(code, purchaseId, d);
                case "pay" -> pool.pay(code, purchaseId, d);
                default -> throw new dk.vendepunkt.platform.NotFoundException("caseplan.purchase.notFound", purchaseId);
            };
            redirect.addFlashAttribute("flash", formErrors.message("caseplan.pool.decided." + decision, purchaseId));
            return "redirect:/programmes/" + code + "/pool?year=" + p.budgetYear();
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("decision", formErrors.message(e.code(), e.args())));
        }
        model.addAttribute("note", note);
        return confirm(code, purchaseId, decision, model);
    }

    /** An unknown forløb, purchase or programme: the ordinary error page with 404. */
    @org.springframework.web.bind.annotation.ExceptionHandler(dk.vendepunkt.platform.NotFoundException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
