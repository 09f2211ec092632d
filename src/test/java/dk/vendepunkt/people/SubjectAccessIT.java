package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.internal.SubjectAccessService;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestPersonalData;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Subject access (GDPR art. 15): the DPO gets everything held about a person from every module that holds
 * personal data, the CPR number in clear, the consents and every access; nobody else gets it; it is audited.
 * And no table with personal data about persons escapes the answer.
 */
@IntegrationTest
class SubjectAccessIT {

    /** Registry categories whose columns are not about a registered person (staff, aggregate sources, incidents). */
    static final Set<String> NOT_ABOUT_REGISTERED_PERSONS = Set.of("STAFF", "STATISTICS", "INCIDENT");

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestPersonalData data;
    @Autowired SubjectAccessService answers;
    @Autowired JdbcClient jdbc;

    final List<TestPersonalData.Created> created = new ArrayList<>();

    @AfterEach
    void removeOwnData() {
        // the forløb of 1911 would count in other tests' effect reports (every cohort up to their date)
        data.remove(created);
    }

    @Test
    void everyTableWithPersonalDataAboutPersonsIsInTheAnswer() {
        List<String> tables = jdbc.sql("""
                select distinct table_name from plt_column_sensitivity
                 where sensitivity <> 'NONE' and retention_category is not null and retention_category not in (:excluded)
                 order by 1""").param("excluded", NOT_ABOUT_REGISTERED_PERSONS).query(String.class).list();
        assertThat(tables).contains("ppl_person", "cw_journal_note", "out_enrolment", "aud_event");
        assertThat(answers.coveredTables())
                .as("tables with personal data about persons that no PersonalDataContributor names (add the table to its module's contributor)")
                .containsAll(tables);
    }

    @Test
    void theDpoGetsARowFromEveryModuleTheCprAndEveryAccessAuditedOthersAreRefused() {
        long team = staff.team("subject-access");
        var pm = staff.user(Role.PROGRAMME_MANAGER, team);
        Api importer = Api.at(port).as(pm.username(), pm.password());
        var p = data.person(team, LocalDate.of(1910, 6, 1), LocalDate.of(1911, 6, 30), 30, importer);
        created.add(p);
        // an access by a caseworker of the team: the answer must show it
        var caseworker = staff.user(Role.CASEWORKER, team);
        Api cw = Api.at(port).as(caseworker.username(), caseworker.password());
        assertThat(cw.get("/api/v1/persons/" + p.personId()).status()).isEqualTo(200);

        var dpo = staff.user(Role.DPO);
        Api api = Api.at(port).as(dpo.username(), dpo.password());
        var r = api.get("/api/v1/persons/" + p.personId() + "/subject-access");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("cpr").asString()).isEqualTo(p.cpr());
        Set<String> modulesWithRows = new HashSet<>();
        Set<String> tablesWithRows = new HashSet<>();
        for (JsonNode m : j.get("modules")) {
            for (JsonNode t : m.get("tables")) {
                if (!t.get("rows").isEmpty()) {
                    modulesWithRows.add(m.get("module").asString());
                    tablesWithRows.add(t.get("table").asString());
                }
            }
        }
        Set<String> contributing = new HashSet<>();
        j.get("modules").forEach(m -> contributing.add(m.get("module").asString()));
        assertThat(contributing).contains("people", "casework", "outcomes");
        assertThat(modulesWithRows).as("a row from every module that holds personal data").isEqualTo(contributing);
        assertThat(tablesWithRows).contains("ppl_person", "ppl_consent", "cw_enrolment", "cw_journal_note", "out_enrolment", "out_register_event");
        assertThat(r.body()).contains("Samtale om skolegang").contains("Samarbejde med SSP+").doesNotContain("cpr_cipher");
        List<String> accessors = new ArrayList<>();
        j.get("accesses").forEach(a -> accessors.add(a.get("actor").asString()));
        assertThat(accessors).contains(caseworker.username());
        assertThat(j.get("retention")).isNotEmpty();

        // audited: the answer itself is an access
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and actor = ? and action = 'EXPORT' and subject = 'indsigt (json)'")
                .params(p.personId(), dpo.username()).query(Long.class).single()).isEqualTo(1);

        var pdf = api.get("/api/v1/persons/" + p.personId() + "/subject-access?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body().getBytes(StandardCharsets.ISO_8859_1).length).isGreaterThan(1000);
        assertThat(pdf.body()).startsWith("%PDF");

        // nobody but the DPO: not the person's own caseworker, not an administrator
        assertThat(cw.get("/api/v1/persons/" + p.personId() + "/subject-access").status()).isEqualTo(403);
        var admin = staff.user(Role.ADMIN);
        assertThat(Api.at(port).as(admin.username(), admin.password()).get("/api/v1/persons/" + p.personId() + "/subject-access").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/persons/999999999/subject-access").status()).isEqualTo(404);

        // the DPO's page asks for the same answer; nobody else reaches the page
        var dpoSession = new WebSession(port, dpo);
        var page = dpoSession.page("/dpo");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"person\"").contains("Sletning efter reglerne");
        var download = dpoSession.get("/dpo/subject-access?person=" + p.personId() + "&format=json", "application/json");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).contains(p.cpr());
        assertThat(new WebSession(port, caseworker).page("/dpo").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and action = 'EXPORT' and subject like 'indsigt%'")
                .param(p.personId()).query(Long.class).single()).isEqualTo(3);
    }

    /** Every new endpoint against every role, each user in the person's team (team membership opens none of them). */
    @Test
    void rolesAgainstThePrivacyEndpoints() {
        long team = staff.team("privacy-roles");
        long person = data.registered(team);
        for (Role r : Role.values()) {
            var u = staff.user(r, team);
            Api api = Api.at(port).as(u.username(), u.password());
            assertThat(api.get("/api/v1/persons/" + person + "/subject-access").status()).as(r + " subject access")
                    .isEqualTo(r == Role.DPO ? 200 : 403);
            assertThat(api.get("/api/v1/admin/retention/preview?asOf=1800-01-01").status()).as(r + " preview")
                    .isEqualTo(r == Role.DPO || r == Role.ADMIN ? 200 : 403);
            // as of 1800 nothing is due: the run changes nothing
            assertThat(api.post("/api/v1/admin/retention/run?asOf=1800-01-01", java.util.Map.of()).status()).as(r + " run")
                    .isEqualTo(r == Role.ADMIN ? 200 : 403);
            assertThat(new WebSession(port, u).page("/dpo").statusCode()).as(r + " DPO page").isEqualTo(r == Role.DPO ? 200 : 403);
        }
    }
}
