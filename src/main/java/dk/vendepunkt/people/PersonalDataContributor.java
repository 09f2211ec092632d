package dk.vendepunkt.people;

import java.util.List;

/**
 * A module's share of a subject-access answer (GDPR art. 15): each module that holds data about registered
 * persons has one Spring bean implementing this, naming every table it keeps such data in and how to find a
 * person's rows there. {@code SubjectAccessCoverageIT} fails when a table with a personal column (per the
 * column-sensitivity registry) is named by no contributor, so a new module or table cannot be forgotten.
 */
public interface PersonalDataContributor {

    /**
     * A table and the SQL condition that selects one person's rows in it, with the named parameter
     * {@code :person} (the person's id), e.g. {@code enrolment_id in (select id from cw_enrolment where person_id = :person)}.
     * Every column is shown except those in {@code omit} (keys and hashes that mean nothing to the person).
     */
    record PersonTable(String table, String personRows, List<String> omit) {
        public PersonTable {
            omit = List.copyOf(omit);
        }

        public PersonTable(String table, String personRows) {
            this(table, personRows, List.of());
        }
    }

    /** The module's name as the answer's section title, e.g. "casework". */
    String module();

    /** The module's tables with data about persons, in the order the answer shows them. */
    List<PersonTable> tables();
}
