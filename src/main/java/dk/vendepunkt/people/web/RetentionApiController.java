package dk.vendepunkt.people.web;

import dk.vendepunkt.people.internal.RetentionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The retention preview (ADMIN and DPO) and the retention job on demand (ADMIN); roles in the security configuration. */
@RestController
@Tag(name = "Privacy", description = "Subject access and retention")
class RetentionApiController {

    private final RetentionService retention;

    RetentionApiController(RetentionService retention) {
        this.retention = retention;
    }

    @Operation(summary = "What the retention rules delete or pseudonymise at asOf (default today): counts and ids per category")
    @GetMapping("/api/v1/admin/retention/preview")
    RetentionService.Preview preview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return retention.preview(asOf == null ? retention.today() : asOf);
    }

    @Operation(summary = "Run the retention job now as of asOf (default today, never later): deletes or pseudonymises what the preview lists; returns it")
    @PostMapping("/api/v1/admin/retention/run")
    RetentionService.Preview run(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return retention.run(asOf == null ? retention.today() : asOf);
    }
}
