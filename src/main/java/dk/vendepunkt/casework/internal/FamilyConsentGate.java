package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.Eligibility;
import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.casework.domain.FamilyConsentRules;
import dk.vendepunkt.casework.domain.FamilyConsentRules.ChildConsent;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Udredning gate (ADR 0024): a family case enters Udredning only when every child who will get a forløb there has a
 * consent of the case in force on the day ({@link FamilyConsentRules#consentForEveryChild}). Called by
 * {@link FamilyCaseService#changePhase} for a user's phase change (the demo data's system variant is not gated).
 */
@Component
class FamilyConsentGate {

    private final Families families;
    private final Consents consents;
    private final JdbcClient jdbc;

    FamilyConsentGate(Families families, Consents consents, JdbcClient jdbc) {
        this.families = families;
        this.consents = consents;
        this.jdbc = jdbc;
    }

    /** The children who get a forløb when the case enters Udredning on {@code on}: current CHILD members 6-22 not yet enrolled. */
    static List<Member> toEnrol(Family f, Programme p, Collection<Long> enrolled, LocalDate on) {
        return f.children().stream()
                .filter(m -> !enrolled.contains(m.personId()) && m.birthDate() != null)
                .filter(m -> p.eligibility(FamilyConsentRules.age(m.birthDate(), on)) == Eligibility.ELIGIBLE)
                .toList();
    }

    /** Throws the refusal naming the children without a consent in force when {@code next} enters Udredning. */
    void check(FamilyCase next, LocalDate on) {
        if (!FamilyCase.ENROLMENT_PHASE.equals(next.phase())) return;
        Family f = families.find(next.familyId()).orElseThrow();
        Set<Long> enrolled = Set.copyOf(jdbc.sql("select person_id from cw_enrolment where family_case_id = ? and person_id is not null")
                .param(next.id()).query(Long.class).list());
        List<Consents.Recorded> recorded = consents.forReference(FamilyConsentService.reference(next.id()));
        List<ChildConsent> children = toEnrol(f, next.programme(), enrolled, on).stream()
                .map(m -> new ChildConsent(m.name(), recorded.stream().anyMatch(r -> r.personId() == m.personId() && r.inForce(on))))
                .toList();
        FamilyConsentRules.consentForEveryChild(children).ifPresent(p -> {
            throw new ValidationException(List.of(p));
        });
    }
}
