package dk.vendepunkt.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.people.RetentionHandler;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestFamilies;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The family case's consent-part tables go with the case's content when retention erases a closed case (CASE_RECORD). */
@IntegrationTest
class FamilyConsentRetentionIT {

    @Autowired TestFamilies testFamilies;
    @Autowired FamilyConsentService consents;
    @Autowired FamilyContactService contacts;
    @Autowired FamilyHandoverService handovers;
    @Autowired FamilyCaseService cases;
    @Autowired CaseRecordRetention retention;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private long rows(String table, long caseId) {
        return jdbc.sql("select count(*) from " + table + " where family_case_id = ?").param(caseId).query(Long.class).single();
    }

    @Test
    void erasingAClosedCaseDeletesItsRefusalsContactsAndHandOvers() {
        var c = testFamilies.open("consent-retention");
        LocalDate today = LocalDate.now(clock);
        consents.refuseParents(c.id(), new FamilyConsentService.NewRefusal(c.adult19(), today, "Ønsker det ikke"));
        contacts.add(c.id(), new FamilyContactService.NewContact(today, "INFORMATION", List.of(c.mother(), c.adult19()), "Første møde"));
        handovers.add(c.id(), new FamilyHandoverService.NewHandover(c.adult19(), "BIF", "Jobcentersag", today, "SEL_49B", null, null));
        cases.close(c.id(), "COMPLETED", today, "Familien ønskede ikke at deltage", cases.read(c.id()).version());
        assertThat(rows("cw_family_contact", c.id()) + rows("cw_family_handover", c.id()) + rows("cw_family_involvement_refusal", c.id()))
                .isEqualTo(3);

        retention.erase(List.of(new RetentionHandler.Item("cw_family_case", c.id(), null)));

        assertThat(rows("cw_family_contact", c.id())).isZero();
        assertThat(rows("cw_family_handover", c.id())).isZero();
        assertThat(rows("cw_family_involvement_refusal", c.id())).isZero();
        assertThat(jdbc.sql("select count(*) from cw_family_contact_member where person_id = ?").param(c.adult19()).query(Long.class).single())
                .isZero();
    }
}
