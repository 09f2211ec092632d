package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.casework.internal.CaseloadService;
import dk.vendepunkt.casework.internal.ProgrammeCatalogue;
import org.springframework.stereotype.Component;

/** Backs the fragment {@code casework/person-enrolments} on the people module's person page. */
@Component("personCases")
class PersonCases {

    private final CaseloadService caseload;
    private final ProgrammeCatalogue programmes;

    PersonCases(CaseloadService caseload, ProgrammeCatalogue programmes) {
        this.caseload = caseload;
        this.programmes = programmes;
    }

    public CaseloadService.PersonCases forPerson(long personId) {
        return caseload.forPerson(personId);
    }

    public String programmeName(String code) {
        return programmes.all().stream().filter(p -> p.code().equals(code)).findFirst().map(Programme::name).orElse(code);
    }
}
