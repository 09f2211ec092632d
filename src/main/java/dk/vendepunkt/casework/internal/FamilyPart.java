package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.casework.domain.FamilyConsentRules;
import dk.vendepunkt.people.Families.Family;
import java.time.LocalDate;
import java.util.List;

/**
 * What a page of a family case's part (consent, contacts, hand-overs) shows above its content: the family, whether the
 * case is closed, the team the family's data is handed over to, and the current members.
 */
public record FamilyPart(long caseId, long familyId, String familyName, boolean closed, String phase, String team, List<MemberLine> members) {

    /** A current member: id, name, relation code and age today (null without a birth date). */
    public record MemberLine(long personId, String name, String relation, Integer age) {}

    static FamilyPart of(FamilyCase c, Family f, String team, LocalDate today) {
        return new FamilyPart(c.id(), f.id(), f.name(), c.closed(), c.phase(), team, f.currentMembers().stream()
                .map(m -> new MemberLine(m.personId(), m.name(), m.relation().name(),
                        m.birthDate() == null ? null : FamilyConsentRules.age(m.birthDate(), today)))
                .toList());
    }
}
