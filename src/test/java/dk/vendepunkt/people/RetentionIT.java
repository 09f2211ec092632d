package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.RetentionHandler.Expiry;
import dk.vendepunkt.people.internal.RetentionService;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestPersonalData;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Retention: the person's page shows when each part of their data goes; the preview at a date lists exactly what
 * the job then deletes or pseudonymises; the effect report and the crime key figures are the same before and
 * after; every deletion is audited per person and category without content. The test's persons are of 1900-1903
 * (forløb, registration back-dated), and the job runs as of 1907-01-01 (the injected clock), so it reaches no
 * other test's data; what is left of them is removed afterwards.
 */
@IntegrationTest
class RetentionIT {

    static final LocalDate AS_OF = LocalDate.of(1907, 1, 1);

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestPersonalData data;
    @Autowired TestClock clock;
    @Autowired RetentionService retention;
    @Autowired JdbcClient jdbc;

    final List<TestPersonalData.Created> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clock.reset();
        data.remove(created);
    }

    @Test
    void thePreviewIsWhatTheJobErasesAndEveryPublishedFigureStays() {
        long team = staff.team("retention");
        var pm = staff.user(Role.PROGRAMME_MANAGER, team);
        Api asPm = Api.at(port).as(pm.username(), pm.password());
        // three forløb ended mid-1901 (cohort 1901, each charged within a year), one ended mid-1903
        for (int chargeAfter : new int[] {30, 60, 150}) {
            created.add(data.person(team, LocalDate.of(1900, 6, 1), LocalDate.of(1901, 6, 30), chargeAfter, asPm));
        }
        var kept = data.person(team, LocalDate.of(1902, 6, 1), LocalDate.of(1903, 6, 30), 30, asPm);
        created.add(kept);
        for (var c : created) {
            jdbc.sql("update ppl_person set created_at = timestamptz '1900-01-01 12:00+01' where id = ?").param(c.personId()).update();
        }
        var gone = created.subList(0, 3);

        // when each part goes: the forløb 5 years after its end, outcome data 5 years after the last date known (the
        // charge), the person when the last of them has gone
        var first = gone.get(0);
        assertThat(retention.expiries(first.personId())).containsExactlyInAnyOrder(
                new Expiry("CASE_RECORD", "forløb SSP_PLUS 1900-06-01", LocalDate.of(1906, 6, 30)),
                new Expiry("OUTCOME", "effektdata", LocalDate.of(1906, 7, 30)),
                new Expiry("PERSON", "person", LocalDate.of(1906, 7, 30)));
        var caseworker = staff.user(Role.CASEWORKER, team);
        var page = new WebSession(port, caseworker).page("/people/" + first.personId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("30-06-1906").contains("30-07-1906");

        var analyst = staff.user(Role.ANALYST);
        Api asAnalyst = Api.at(port).as(analyst.username(), analyst.password());
        String effectPath = "/api/v1/reports/effect?programme=SSP_PLUS&asOf=1906-01-01&disclosure=internal";
        String keyFiguresPath = "/api/v1/crime/key-figures?from=2000-01-01&to=2030-12-31";
        var effectBefore = asPm.get(effectPath);
        assertThat(effectBefore.status()).as(effectBefore.toString()).isEqualTo(200);
        assertThat(cohort(effectBefore.json(), 1901).get("ended").asLong()).isEqualTo(3);
        var keyFiguresBefore = asAnalyst.get(keyFiguresPath);
        assertThat(keyFiguresBefore.status()).as(keyFiguresBefore.toString()).isEqualTo(200);

        var dpo = staff.user(Role.DPO);
        var admin = staff.user(Role.ADMIN);
        Api asDpo = Api.at(port).as(dpo.username(), dpo.password());
        Api asAdmin = Api.at(port).as(admin.username(), admin.password());
        clock.setTo(AS_OF.atTime(12, 0).atZone(Zones.ZONE).toInstant());

        var preview = asDpo.get("/api/v1/admin/retention/preview?asOf=" + AS_OF);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(asAdmin.get("/api/v1/admin/retention/preview?asOf=" + AS_OF).body()).isEqualTo(preview.body());
        Map<String, Set<List<Object>>> listed = items(preview.json());
        // the run reaches only this test's rows
        assertThat(listed.get("CASE_RECORD")).isEqualTo(set(gone, c -> List.of("cw_enrolment", c.enrolmentId(), c.personId())));
        assertThat(listed.get("OUTCOME")).isEqualTo(set(gone, c -> List.of("out_person", c.outcomePersonId(), c.personId())));
        assertThat(listed.get("PERSON")).isEqualTo(set(gone, c -> List.of("ppl_person", c.personId(), c.personId())));

        // the job: ADMIN only, never ahead of today, as of today (the clock) by default; it returns what it did
        assertThat(asDpo.post("/api/v1/admin/retention/run", Map.of()).status()).isEqualTo(403);
        assertThat(asAdmin.post("/api/v1/admin/retention/run?asOf=" + AS_OF.plusDays(1), Map.of()).status()).isEqualTo(400);
        var run = asAdmin.post("/api/v1/admin/retention/run", Map.of());
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.body()).isEqualTo(preview.body());
        clock.reset();

        // exactly that is gone: nothing is due any more, the kept person and their forløb are untouched
        assertThat(retention.preview(AS_OF).categories()).allSatisfy(c -> assertThat(c.items()).isEmpty());
        for (var c : gone) {
            assertThat(count("select count(*) from ppl_person where id = ?", c.personId())).isZero();
            assertThat(count("select count(*) from cw_journal_note where enrolment_id = ?", c.enrolmentId())).isZero();
            assertThat(count("select count(*) from cw_enrolment where id = ? and person_id is null and end_date = '1901-06-30'", c.enrolmentId())).isOne();
            assertThat(count("select count(*) from out_person where id = ? and person_id is null and person_hash like 'anon:%'", c.outcomePersonId())).isOne();
            assertThat(count("select count(*) from out_register_event where person = ? and event_ref like 'anon:%'", c.outcomePersonId())).isOne();
            // audited: one entry per person and category, naming no content
            List<String> audited = jdbc.sql("select subject || ': ' || reason from aud_event where person_id = ? and action = 'DELETE' order by id")
                    .param(c.personId()).query(String.class).list();
            assertThat(audited).hasSize(3).allSatisfy(a -> assertThat(a).doesNotContain("Samtale").doesNotContain(c.cpr()));
            assertThat(audited).anyMatch(a -> a.startsWith("sletning CASE_RECORD: slettet pr. 01-01-1907: 1 cw_enrolment"))
                    .anyMatch(a -> a.startsWith("sletning OUTCOME: pseudonymiseret pr. 01-01-1907: 1 out_person"))
                    .anyMatch(a -> a.startsWith("sletning PERSON: slettet pr. 01-01-1907: 1 ppl_person"));
        }
        assertThat(count("select count(*) from ppl_person where id = ?", kept.personId())).isOne();
        assertThat(count("select count(*) from cw_journal_note where enrolment_id = ?", kept.enrolmentId())).isOne();

        // every published figure stays
        assertThat(asPm.get(effectPath).body()).isEqualTo(effectBefore.body());
        assertThat(asAnalyst.get(keyFiguresPath).body()).isEqualTo(keyFiguresBefore.body());
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private static JsonNode cohort(JsonNode report, int year) {
        for (JsonNode c : report.get("cohorts")) if (c.get("cohort").asInt() == year) return c;
        throw new AssertionError("no cohort " + year + " in " + report);
    }

    private static Map<String, Set<List<Object>>> items(JsonNode preview) {
        Map<String, Set<List<Object>>> m = new java.util.HashMap<>();
        for (JsonNode c : preview.get("categories")) {
            Set<List<Object>> s = new HashSet<>();
            c.get("items").forEach(i -> s.add(List.of(i.get("table").asString(), i.get("id").asLong(), i.get("personId").asLong())));
            assertThat(c.get("count").asInt()).isEqualTo(s.size());
            m.put(c.get("category").asString(), s);
        }
        return m;
    }

    private static Set<List<Object>> set(List<TestPersonalData.Created> cs, java.util.function.Function<TestPersonalData.Created, List<Object>> f) {
        Set<List<Object>> s = new HashSet<>();
        cs.forEach(c -> s.add(f.apply(c)));
        return s;
    }
}
