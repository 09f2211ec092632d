package dk.vendepunkt.people.web;

import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.internal.FamilyEditing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Families (households): members over time with their relation, parental authority per adult and child; every call audited. */
@RestController
@RequestMapping("/api/v1/families")
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
@Tag(name = "Families", description = "Families with members (relation, from/to) and parental authority; open to case staff who may "
        + "work with at least one current member and are barred from none; every call is audited")
class FamilyApiController {

    /** The end of a membership. */
    record MembershipEnd(LocalDate to) {}

    private final Families families;
    private final FamilyEditing editing;

    FamilyApiController(Families families, FamilyEditing editing) {
        this.families = families;
        this.editing = editing;
    }

    @Operation(summary = "Register a family: name and address area (districtCode, optional); answers the family")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Family create(@RequestBody Families.NewFamily family) {
        return families.read(families.create(family));
    }

    @Operation(summary = "The families the user may work with, by name; q filters on the name")
    @GetMapping
    List<FamilyEditing.FamilyRow> list(@RequestParam(required = false) String q) {
        return editing.mine(q);
    }

    @Operation(summary = "A family with all memberships (current and past) and the parental authority of each current adult")
    @GetMapping("/{id}")
    Family family(@PathVariable long id) {
        return families.read(id);
    }

    @Operation(summary = "Add a member: an existing person (personId) or a new one (cpr, firstName, lastName, teamId: one of the user's "
            + "teams, which gets access), relation MOTHER|FATHER|GUARDIAN|CHILD|SIBLING|OTHER and from (yyyy-MM-dd)")
    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    Family addMember(@PathVariable long id, @RequestBody FamilyEditing.NewMember member) {
        editing.addMember(id, member);
        return families.read(id);
    }

    @Operation(summary = "End a current membership on a date (to, yyyy-MM-dd); the person's parental authority in the family ends with it")
    @PostMapping("/{id}/members/{personId}/end")
    Family endMembership(@PathVariable long id, @PathVariable long personId, @RequestBody MembershipEnd end) {
        families.endMembership(id, personId, end.to());
        return families.read(id);
    }

    @Operation(summary = "Save the parental-authority matrix: the adult × child pairs that hold authority (all other pairs do not); "
            + "send the family's version read (409 when stale)")
    @PutMapping("/{id}/parental-authority")
    Family parentalAuthority(@PathVariable long id, @RequestBody FamilyEditing.AuthorityMatrix matrix) {
        editing.saveAuthority(id, matrix);
        return families.read(id);
    }
}
