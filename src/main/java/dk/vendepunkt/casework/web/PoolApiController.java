package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.PoolPurchase;
import dk.vendepunkt.casework.domain.PurchaseStatus;
import dk.vendepunkt.casework.internal.PoolService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The programme's pool: budget per year and the decisions on purchases. Programme managers only. */
@RestController
@RequestMapping("/api/v1/programmes/{code}/pool")
@Tag(name = "Pool", description = "Pool budget per programme and year (committed, spent, remaining) and approval of pool purchases")
@PreAuthorize("hasRole('PROGRAMME_MANAGER')")
class PoolApiController {

    private final PoolService pool;
    private final Clock clock;

    PoolApiController(PoolService pool, Clock clock) {
        this.clock = clock;
        this.pool = pool;
    }

    @Operation(summary = "Budget, committed (approved, not paid), spent (paid), remaining and the year's purchases, paged and sorted "
            + "(sort: requestedOn, amount, status, supplier, id; dir: asc/desc)")
    @GetMapping
    PoolService.PoolOverview overview(@PathVariable String code, @RequestParam(required = false) Integer year,
                                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "requestedOn") String sort,
                                      @RequestParam(defaultValue = "desc") String dir, @RequestParam(required = false) PurchaseStatus status) {
        return pool.overview(code, year == null ? LocalDate.now(clock).getYear() : year, page, sort, dir, status);
    }

    @Operation(summary = "Set the budget of a year (version: null/0 for a year without budget, else the version read)")
    @PutMapping("/budgets/{year}")
    PoolService.Budget setBudget(@PathVariable String code, @PathVariable int year, @RequestBody PoolService.BudgetChange body) {
        return pool.setBudget(code, year, body);
    }

    @GetMapping("/purchases/{purchaseId}")
    PoolPurchase purchase(@PathVariable String code, @PathVariable long purchaseId) {
        return pool.purchase(code, purchaseId);
    }

    @Operation(summary = "Approve a requested purchase (within the remaining budget; not one's own request)")
    @PostMapping("/purchases/{purchaseId}/approve")
    PoolPurchase approve(@PathVariable String code, @PathVariable long purchaseId, @RequestBody PoolService.Decision body) {
        return pool.approve(code, purchaseId, body);
    }

    @Operation(summary = "Reject a requested purchase (note = the reason, required)")
    @PostMapping("/purchases/{purchaseId}/reject")
    PoolPurchase reject(@PathVariable String code, @PathVariable long purchaseId, @RequestBody PoolService.Decision body) {
        return pool.reject(code, purchaseId, body);
    }

    @Operation(summary = "Record that an approved purchase is paid (paidOn)")
    @PostMapping("/purchases/{purchaseId}/pay")
    PoolPurchase pay(@PathVariable String code, @PathVariable long purchaseId, @RequestBody PoolService.Decision body) {
        return pool.pay(code, purchaseId, body);
    }
}
