package dk.vendepunkt.people.internal;

import dk.vendepunkt.people.PersonalDataContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The people module's share of a subject-access answer: master data (the CPR in clear is added by the answer), team access, consents. */
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
                new PersonTable("ppl_disclosure", "person_id = :person"));
    }
}
