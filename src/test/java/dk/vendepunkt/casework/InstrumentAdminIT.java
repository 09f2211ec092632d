package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.internal.AssessmentService;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Instruments as data: the seeded YLS/CMI and LS/RNR, the pick by age, and the administrator's page (ADR 0021). */
@IntegrationTest
class InstrumentAdminIT {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired RiskInstruments instruments;
    @Autowired AssessmentService assessments;
    @Autowired JdbcClient jdbc;
    @Autowired dk.vendepunkt.support.TestEnrolments enrolments;

    @Test
    void theSeedHoldsYlsCmiAndLsRnrAndTheAgePicksThem() {
        var yls = instruments.find("YLS_CMI").orElseThrow();
        assertThat(yls.domains()).extracting(RiskInstruments.Domain::code).containsExactly("PRIOR_CURRENT_OFFENCES", "FAMILY_PARENTING",
                "EDUCATION_EMPLOYMENT", "PEER_RELATIONS", "SUBSTANCE_ABUSE", "LEISURE_RECREATION", "PERSONALITY_BEHAVIOUR", "ATTITUDES_ORIENTATION");
        assertThat(yls.maxTotal()).isEqualTo(42);
        assertThat(yls.bands()).extracting(RiskInstruments.Band::level).containsExactly("LOW", "MODERATE", "HIGH", "VERY_HIGH");
        assertThat(instruments.find("LS_RNR").orElseThrow().domains()).hasSize(8);

        assertThat(instruments.forAge(11)).isEmpty();
        assertThat(instruments.forAge(12)).get().extracting(RiskInstruments.Definition::code).isEqualTo("YLS_CMI");
        assertThat(instruments.forAge(17)).get().extracting(RiskInstruments.Definition::code).isEqualTo("YLS_CMI");
        assertThat(instruments.forAge(18)).get().extracting(RiskInstruments.Definition::code).isEqualTo("LS_RNR");
        assertThat(instruments.forPerson(java.time.LocalDate.of(2010, 6, 2), java.time.LocalDate.of(2026, 6, 1)))
                .get().extracting(RiskInstruments.Definition::code).isEqualTo("YLS_CMI");
        assertThat(instruments.score("YLS_CMI", Map.of("PRIOR_CURRENT_OFFENCES", 3, "FAMILY_PARENTING", 4, "EDUCATION_EMPLOYMENT", 5,
                "PEER_RELATIONS", 3, "SUBSTANCE_ABUSE", 2, "LEISURE_RECREATION", 2, "PERSONALITY_BEHAVIOUR", 3, "ATTITUDES_ORIENTATION", 2)))
                .isEqualTo(new RiskInstruments.Score(24, 42, "HIGH"));

        assertThat(assessments.instruments()).as("the forløb assessment offers only life-domain instruments")
                .extracting(i -> i.code()).contains("GENERIC_9").doesNotContain("YLS_CMI", "LS_RNR");
    }

    static Map<String, String> form(String code, String minAge, String maxAge, String domains) {
        Map<String, String> f = new LinkedHashMap<>();
        if (code != null) f.put("code", code);
        f.put("name", "Testredskab " + code);
        f.put("minAge", minAge);
        f.put("maxAge", maxAge);
        f.put("domains", domains);
        f.put("bandLOW", "0");
        f.put("bandHIGH", "4");
        f.put("active", "true");
        return f;
    }

    @Test
    void anAdministratorDefinesChangesAndDeactivatesAnInstrument() {
        WebSession admin = WebSession.signIn(port, staff.user(Role.ADMIN));
        assertThat(admin.get("/admin/instruments").body()).contains("YLS/CMI (12-17 år)", "Kammeratskaber (0–4)", "12–17", "18+");

        String code = "TEST_" + SEQ.incrementAndGet();
        var created = admin.post("/admin/instruments", "/admin/instruments", form(code, "", "", "TEST_A; Område A; 3\nTEST_B; Område B; 5"));
        assertThat(created.statusCode()).isEqualTo(302);
        var d = instruments.find(code).orElseThrow();
        assertThat(d.domains()).containsExactly(new RiskInstruments.Domain("TEST_A", "Område A", 3), new RiskInstruments.Domain("TEST_B", "Område B", 5));
        assertThat(d.bands()).containsExactly(new RiskInstruments.Band("LOW", 0), new RiskInstruments.Band("HIGH", 4));

        String edit = "/admin/instruments/" + code;
        assertThat(admin.get(edit).body()).contains("TEST_B; Område B; 5");
        Map<String, String> change = form(null, "", "", "TEST_A; Område A; 3\nTEST_B; Område B; 5");
        change.put("name", "Omdøbt " + code);
        change.remove("active");
        change.put("version", String.valueOf(d.version()));
        assertThat(admin.post(edit, edit, change).statusCode()).isEqualTo(302);
        assertThat(instruments.find(code).orElseThrow()).satisfies(x -> {
            assertThat(x.name()).isEqualTo("Omdøbt " + code);
            assertThat(x.active()).isFalse();
        });

        // a stale version is refused
        assertThat(admin.post(edit, edit, change).body()).contains("En anden har gemt ændringer");
    }

    @Test
    void anInvalidDefinitionIsShownAgainWithDanishMessages() {
        WebSession admin = WebSession.signIn(port, staff.user(Role.ADMIN));
        String code = "TEST_" + SEQ.incrementAndGet();
        var overlap = admin.post("/admin/instruments", "/admin/instruments", form(code, "10", "13", "TEST_A; Område A; 3"));
        assertThat(overlap.statusCode()).isEqualTo(200);
        assertThat(overlap.body()).contains("Aldersintervallet overlapper med det aktive redskab YLS/CMI (12-17 år) (12–17 år)");
        var badLines = admin.post("/admin/instruments", "/admin/instruments", form(code, "", "", "TEST_A; Område A\nTEST_A; Igen; 200"));
        assertThat(badLines.body()).contains("Linje 1 under områder skal have formen KODE; Navn; maksimal score.");
        var badDomains = admin.post("/admin/instruments", "/admin/instruments", form(code, "", "", "TEST_A; Område A; 3\nTEST_A; Igen; 200"));
        assertThat(badDomains.body()).contains("Linje 2 under områder: koden TEST_A står der allerede.",
                "Linje 2 under områder: den maksimale score skal være et helt tal fra 1 til 100.");
        assertThat(instruments.find(code)).isEmpty();
    }

    @Test
    void aUsedInstrumentKeepsItsDomainsButTheirNamesMayBeCorrected() {
        WebSession admin = WebSession.signIn(port, staff.user(Role.ADMIN));
        String code = "TEST_" + SEQ.incrementAndGet();
        assertThat(admin.post("/admin/instruments", "/admin/instruments", form(code, "", "", "TEST_A; Område A; 5")).statusCode()).isEqualTo(302);
        long enrolment = enrolments.enrolment(staff.team("instr-used"));
        long assessment = jdbc.sql("""
                insert into cw_assessment (enrolment_id, instrument_code, kind, assessed_on, total_score, max_score, risk_level, assessed_by)
                values (?, ?, 'BASELINE', date '2026-01-02', 1, 5, 'LOW', 'test') returning id""").params(enrolment, code).query(Long.class).single();
        try {
            String edit = "/admin/instruments/" + code;
            Map<String, String> change = form(null, "", "", "TEST_A; Område A; 6");
            change.put("version", String.valueOf(instruments.find(code).orElseThrow().version()));
            assertThat(admin.post(edit, edit, change).body()).contains("Redskabet er brugt i vurderinger, så dets områder kan ikke ændres.");
            change.put("domains", "TEST_A; Område A, rettet; 5");
            change.remove("active");
            assertThat(admin.post(edit, edit, change).statusCode()).isEqualTo(302);
            assertThat(instruments.find(code).orElseThrow().domains()).containsExactly(new RiskInstruments.Domain("TEST_A", "Område A, rettet", 5));
        } finally {
            jdbc.sql("delete from cw_assessment where id = ?").param(assessment).update();
        }
    }

    @Test
    void onlyAnAdministratorReachesThePages() {
        WebSession caseworker = WebSession.signIn(port, staff.user(Role.CASEWORKER, staff.team("instr")));
        assertThat(caseworker.get("/admin/instruments").statusCode()).isEqualTo(403);
        assertThat(caseworker.get("/admin/instruments/YLS_CMI").statusCode()).isEqualTo(403);
        assertThat(caseworker.get("/admin/progress-scales").statusCode()).isEqualTo(403);
        // the caseworker's own form post (with their own token) is refused too
        String own = WebSession.csrf(caseworker.get("/").body());
        var post = caseworker.postForm("/admin/instruments", "_csrf=" + WebSession.enc(own) + "&" + WebSession.form(form("TEST_X", "", "", "TEST_A; A; 3")));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(instruments.find("TEST_X")).isEmpty();
    }
}
