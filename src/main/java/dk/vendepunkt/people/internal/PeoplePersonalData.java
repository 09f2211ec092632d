package dk.vendepunkt.people.internal;

import dk.vendepunkt.people.PersonalDataContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The people module's share of a subject-access answer: master data (the CPR in clear is added by the answer), team access, consents, disclosures, restrictions and break-the-glass openings. */
@Component
class PeoplePersonalData implements PersonalDataContributor {

    @Override
    public String module() {
        return "people";
    }

    @Override
    public List<PersonTable> tables() {
        return List.of(
                new PersonTable("ppl_person", "id = :person", List.of("cpr_cipher", "cpr_hash")),
                new PersonTable("ppl_person_team", "person_id = :person"),
                new PersonTable("ppl_consent", "person_id = :person"),
                new PersonTable("ppl_disclosure", "person_id = :person"),
                new PersonTable("ppl_restriction", "person_id = :person"),
                new PersonTable("ppl_restriction_user", "restriction_id in (select id from ppl_restriction where person_id = :person)"),
                new PersonTable("ppl_break_glass", "person_id = :person"),
                new PersonTable("ppl_family", "id in (select family_id from ppl_family_member where person_id = :person)"),
                new PersonTable("ppl_family_member", "person_id = :person"),
                new PersonTable("ppl_parental_authority", "adult_id = :person or child_id = :person"));
    }
}
