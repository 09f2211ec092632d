package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.FamilyWorkFixtures;
import dk.vendepunkt.support.FamilyWorkFixtures.FamilyInAssessment;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The risk/need screening per child in the family case's assessment (issue 13 part 5(4)): the instrument follows the
 * child's age (RiskInstruments: YLS/CMI 12-17, LS/RNR 18+), the level is stored, a child under 12 is refused, scores out
 * of range are field errors, a caseworker outside the team gets 403 and a DENIED audit row; the page, axe clean.
 */
@IntegrationTest
class FamilyScreeningIT {

    @LocalServerPort int port;
    @Autowired FamilyWorkFixtures fixtures;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired RiskInstruments instruments;
    @Autowired Families families;
    @Autowired PersonDirectory people;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Api as(TestStaff.User u) {
        return Api.at(port).as(u.username(), u.password());
    }

    long child(FamilyInAssessment f, String first, int age) {
        long p = people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr(today().minusYears(age).minusDays(10))).orElseThrow(), first,
                "Screenesen", null, f.teamId());
        families.addMemberSystem(f.familyId(), p, Families.Relation.CHILD, today().minusYears(age), "test");
        return p;
    }

    /** Every domain of the instrument at {@code share} of its maximum. */
    Map<String, Integer> scores(String instrument, double share) {
        Map<String, Integer> m = new LinkedHashMap<>();
        instruments.find(instrument).orElseThrow().domains().forEach(d -> m.put(d.code(), (int) Math.round(d.maxScore() * share)));
        return m;
    }

    @Test
    void theInstrumentFollowsTheChildsAgeAndTheLevelIsStored() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Screenesen");
        long adult = child(f, "Storebror", 19);
        long young = child(f, "Lillebror", 10);
        Api api = as(f.coordinator());
        String base = "/api/v1/family-cases/" + f.caseId() + "/screenings";

        // the 15-year-old: YLS/CMI, scored and stored with its level
        Map<String, Integer> yls = scores("YLS_CMI", 0.7);
        var screened = api.post(base, Map.of("personId", f.child(), "screenedOn", today().minusDays(2).toString(), "domains", yls));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(201);
        JsonNode s = screened.json();
        RiskInstruments.Score expected = instruments.score("YLS_CMI", yls);
        assertThat(expected.level()).isNotNull();
        assertThat(s.get("instrumentCode").asString()).isEqualTo("YLS_CMI");
        assertThat(s.get("total").asInt()).isEqualTo(expected.total());
        assertThat(s.get("level").asString()).isEqualTo(expected.level());
        assertThat(s.get("createdBy").asString()).isEqualTo(f.coordinator().username());
        assertThat(jdbc.sql("select level from cw_family_screening where id = ?").param(s.get("id").asLong()).query(String.class).single())
                .isEqualTo(expected.level());
        assertThat(jdbc.sql("select count(*) from cw_family_screening_domain where screening_id = ?").param(s.get("id").asLong())
                .query(Integer.class).single()).isEqualTo(yls.size());

        // the 19-year-old: LS/RNR; YLS/CMI's domains are refused per field
        var wrong = api.post(base, Map.of("personId", adult, "domains", yls));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(wrong.json().get("errors").findValuesAsString("field")).allMatch(x -> x.startsWith("domains["));
        var ls = api.post(base, Map.of("personId", adult, "domains", scores("LS_RNR", 0.2)));
        assertThat(ls.status()).as(ls.toString()).isEqualTo(201);
        assertThat(ls.json().get("instrumentCode").asString()).isEqualTo("LS_RNR");
        assertThat(ls.json().get("level").asString()).isEqualTo(instruments.score("LS_RNR", scores("LS_RNR", 0.2)).level());

        // a score over the domain's maximum is a field error
        Map<String, Integer> tooHigh = new LinkedHashMap<>(yls);
        var first = instruments.find("YLS_CMI").orElseThrow().domains().get(0);
        tooHigh.put(first.code(), first.maxScore() + 1);
        var high = api.post(base, Map.of("personId", f.child(), "domains", tooHigh));
        assertThat(high.status()).isEqualTo(400);
        assertThat(high.json().get("errors").findValuesAsString("field")).containsExactly("domains[" + first.code() + "]");

        // the 10-year-old is refused
        var under = api.post(base, Map.of("personId", young, "domains", yls));
        assertThat(under.status()).as(under.toString()).isEqualTo(400);
        assertThat(under.json().get("errors").findValuesAsString("field")).containsExactly("personId");
        // the mother is no child
        assertThat(api.post(base, Map.of("personId", f.mother(), "domains", yls)).status()).isEqualTo(400);

        List<String> listed = api.get(base).json().findValuesAsString("instrumentCode");
        assertThat(listed).containsExactly("LS_RNR", "YLS_CMI");
        // the assessment's part 4 names the fitting instrument from the same definitions
        JsonNode assessment = api.get("/api/v1/family-cases/" + f.caseId() + "/assessment").json().get("screening");
        Map<Long, String> fitting = new LinkedHashMap<>();
        assessment.forEach(c -> fitting.put(c.get("personId").asLong(), c.get("fittingInstrument").isNull() ? null : c.get("fittingInstrument").asString()));
        assertThat(fitting.get(f.child())).isEqualTo(instruments.find("YLS_CMI").orElseThrow().name());
        assertThat(fitting.get(adult)).isEqualTo(instruments.find("LS_RNR").orElseThrow().name());
        assertThat(fitting.get(young)).isNull();
    }

    @Test
    void outsideTheTeamIs403AndAudited() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Udenforsen");
        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("screening-andet-team"));
        String base = "/api/v1/family-cases/" + f.caseId() + "/screenings";
        assertThat(as(outsider).get(base).status()).isEqualTo(403);
        assertThat(as(outsider).post(base, Map.of("personId", f.child(), "domains", scores("YLS_CMI", 0.5))).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from aud_event where action = 'DENIED' and actor = ? and subject like ?")
                .params(outsider.username(), "familiesag " + f.caseId() + ": %").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from cw_family_screening where family_case_id = ?").param(f.caseId()).query(Long.class).single())
                .isZero();
    }

    @Test
    void thePageScreensAChildAndShowsNoFormUnder12() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Sidesen");
        child(f, "Lillesøster", 9);
        var domains = instruments.find("YLS_CMI").orElseThrow().domains();
        String prefix = "screening-" + f.child() + "-domain-";
        try (Browser b = new Browser(port)) {
            b.login(f.coordinator().username(), f.coordinator().password());
            b.open("/family-cases/" + f.caseId() + "/assessment");
            assertThat(b.field("screening").getText()).contains("Ingen screening under 12 år").contains("Ikke screenet endnu.");
            // one score out of range: the error next to the field, the page again
            domains.forEach(d -> b.type(prefix + d.code(), "1"));
            b.type(prefix + domains.get(0).code(), String.valueOf(domains.get(0).maxScore() + 1));
            removeMax(b, prefix + domains.get(0).code());
            b.submit("Gem screeningen");
            assertThat(b.field(prefix + domains.get(0).code() + "-error").getText()).isNotBlank();
            b.type(prefix + domains.get(0).code(), "1");
            b.submit("Gem screeningen");
            assertThat(b.text()).contains("Screeningen er gemt.");
            assertThat(b.field("screening").getText()).contains(instruments.find("YLS_CMI").orElseThrow().name())
                    .contains(domains.size() + " / " + instruments.find("YLS_CMI").orElseThrow().maxTotal());
        }
    }

    /** The browser refuses an input over max itself; remove the limit so the server's check is what answers. */
    private static void removeMax(Browser b, String id) {
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).removeAttribute('max')", id);
    }
}
