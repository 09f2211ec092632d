package dk.vendepunkt.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A search and the caseload are each one entry naming every person shown, and the viewer finds it under each of them. */
@IntegrationTest
class AuditOfListsIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcAuditLog log;

    long team;
    TestStaff.User worker;
    Api api;

    @BeforeEach
    void setUp() {
        team = staff.team("lists");
        worker = staff.user(Role.CASEWORKER, team);
        api = Api.at(port).as(worker.username(), worker.password());
    }

    private static String uniqueName() {
        StringBuilder b = new StringBuilder("Vist");
        for (int i = 0; i < 8; i++) b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        return b.toString();
    }

    private List<Long> personIdsOf(String subject) {
        return jdbc.sql("select person_ids from aud_event where actor = ? and subject = ?").params(worker.username(), subject)
                .query((rs, i) -> List.of((Long[]) rs.getArray(1).getArray())).single();
    }

    @Test
    void aSearchRecordsWhoWasShown() {
        String name = uniqueName();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var created = api.post("/api/v1/persons", Map.of("cpr", TestStaff.uniqueCpr(), "firstName", name, "lastName", "Person", "teamId", team));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.json().get("id").asLong());
        }
        var found = api.get("/api/v1/persons?q=" + name);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(3);

        assertThat(personIdsOf("person search")).containsExactlyInAnyOrderElementsOf(ids);
        // the viewer's person filter finds the search under each person shown
        for (long id : ids) {
            var page = log.search(new JdbcAuditLog.Filter(id, worker.username(), AuditAction.SEARCH, null, null), 0, 50);
            assertThat(page.entries()).hasSize(1);
            assertThat(page.entries().get(0).personIds()).contains(id);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void theCaseloadIsOneEntryListingEveryPersonShown() {
        LocalDate today = LocalDate.now(dk.vendepunkt.platform.Zones.ZONE);
        List<Long> persons = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("cpr", TestStaff.uniqueCpr());
            m.put("firstName", "Sag");
            m.put("lastName", "Stamme");
            m.put("programme", "EXIT");
            m.put("teamId", team);
            m.put("channel", "POLICE");
            m.put("referredOn", today.minusDays(5).toString());
            m.put("referrer", "Station City");
            m.put("reason", "Ønsker at komme ud af miljøet");
            m.put("legalBasis", "CONSENT");
            m.put("consentOn", today.minusDays(5).toString());
            var referral = api.post("/api/v1/referrals", m);
            assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
            persons.add(referral.json().get("personId").asLong());
        }
        assertThat(api.get("/api/v1/caseload").status()).isEqualTo(200);

        long entries = jdbc.sql("select count(*) from aud_event where actor = ? and subject = 'sagsstamme'").param(worker.username())
                .query(Long.class).single();
        assertThat(entries).isEqualTo(1);
        assertThat(personIdsOf("sagsstamme")).containsExactlyInAnyOrderElementsOf(persons);
        var page = log.search(new JdbcAuditLog.Filter(persons.get(1), worker.username(), AuditAction.READ, null, null), 0, 50);
        assertThat(page.entries()).extracting(AuditEntry::subject).contains("sagsstamme");
    }
}
