package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.people.PersonalDataContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The outcomes module's share of a subject-access answer: outcome forløb, register events, follow-up statuses, reference groups. */
@Component
class OutcomesPersonalData implements PersonalDataContributor {

    private static final String PERSON = "person in (select id from out_person where person_id = :person)";

    @Override
    public String module() {
        return "outcomes";
    }

    @Override
    public List<PersonTable> tables() {
        return List.of(
                new PersonTable("out_person", "person_id = :person", List.of("person_hash")),
                new PersonTable("out_enrolment", PERSON),
                new PersonTable("out_register_event", PERSON),
                new PersonTable("out_follow_up", PERSON),
                new PersonTable("out_reference_member", PERSON));
    }
}
