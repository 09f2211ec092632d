package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.FamilyCriteria;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The family programme's inclusion criteria for the administrator. */
@RestController
@RequestMapping("/api/v1/admin/family-criteria")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Family inclusion criteria", description = "The municipality's checklist of inclusion criteria for family cases (role ADMIN); "
        + "a deactivated criterion stays on the cases opened with it")
class FamilyCriteriaApiController {

    record NewCriterion(String name) {}

    /** A change: a new name and/or active flag, over the version read (409 when stale). */
    record Change(String name, Boolean active, Integer version) {}

    record Move(boolean up) {}

    private final FamilyCriteria criteria;

    FamilyCriteriaApiController(FamilyCriteria criteria) {
        this.criteria = criteria;
    }

    @Operation(summary = "All criteria in their order, active or not, with their versions")
    @GetMapping
    List<FamilyCriteria.Row> list() {
        return criteria.rows();
    }

    @Operation(summary = "Add a criterion at the end of the list; answers the list")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    List<FamilyCriteria.Row> add(@RequestBody NewCriterion c) {
        criteria.add(c.name());
        return criteria.rows();
    }

    @Operation(summary = "Rename (name) or deactivate/reactivate (active) a criterion; send the version read")
    @PutMapping("/{code}")
    List<FamilyCriteria.Row> change(@PathVariable String code, @RequestBody Change c) {
        criteria.change(code, c.name(), c.active(), c.version());
        return criteria.rows();
    }

    @Operation(summary = "Move a criterion one place up (up=true) or down the list")
    @PostMapping("/{code}/move")
    List<FamilyCriteria.Row> move(@PathVariable String code, @RequestBody Move m) {
        criteria.move(code, m.up());
        return criteria.rows();
    }
}
