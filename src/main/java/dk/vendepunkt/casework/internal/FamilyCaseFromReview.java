package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.ReferredToCoreTeam;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Relation;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.platform.DanishDates;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A §115 review's referral to the core team opens the family's case in Opsporing (channel REVIEW_115), in the same
 * transaction as the decision: in the family the person belongs to now, or in a new family with the person as its
 * child (the core team adds parents and siblings on the family page). A family with an open case gets no second one.
 */
@Component
class FamilyCaseFromReview {

    private final Families families;
    private final PersonDirectory people;
    private final FamilyCaseService cases;

    FamilyCaseFromReview(Families families, PersonDirectory people, FamilyCaseService cases) {
        this.families = families;
        this.people = people;
        this.cases = cases;
    }

    @EventListener
    void on(ReferredToCoreTeam r) {
        String by = CurrentUser.username();
        List<Long> current = families.familiesOf(r.personId()).stream().filter(f -> f.to() == null).map(Families.FamilyLine::familyId).toList();
        if (current.stream().anyMatch(cases::hasOpenCase)) return;
        long family = current.isEmpty() ? newFamily(r, by) : current.getFirst();
        cases.openSystem(new FamilyCaseService.Opening(family, r.teamId(), "REVIEW_115",
                "Henvist til kerneteamet fra §115-mødet den " + DanishDates.format(r.on()), r.on(), List.of()), by);
    }

    private long newFamily(ReferredToCoreTeam r, String by) {
        Optional<PersonSummary> p = people.summaries(List.of(r.personId())).stream().findFirst();
        long family = families.createSystem(new Families.NewFamily("Familien " + p.map(PersonSummary::lastName).orElse("?"),
                p.map(PersonSummary::districtCode).orElse(null)), by);
        families.addMemberSystem(family, r.personId(), Relation.CHILD, r.on(), by);
        return family;
    }
}
