package dk.vendepunkt.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Relation;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The family model's programme figures on a hand-built cohort in 2003 (no other test or demo data lies there): three
 * families, six children enrolled in 2003 aged 7, 13, 16, 16, 17 and 19 at the start, one family enrolled in 2002;
 * two children charged before their start, one only after. Every field of the contract is checked against the hand
 * count, internal and public.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilyModelReportIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired StaffAdministration admin;
    @Autowired Families families;
    @Autowired PersonDirectory people;
    @Autowired FamilyCaseService cases;
    @Autowired JdbcClient jdbc;
    @Autowired ProgressScales progress;

    private static final LocalDate AS_OF = LocalDate.of(2003, 12, 31);
    private Api analyst;
    private TestStaff.User analystUser;

    @BeforeAll
    void cohort() {
        long team = staff.team("kerneteam-2003");
        var a = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        var b = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        admin.setDepartment(a.id(), "BUF");
        admin.setDepartment(b.id(), "SOF");
        // family 1 (2002): children 7 and 13 at start; the 13-year-old charged in 2001
        long f1 = family(team, a.id(), b.id(), LocalDate.of(2002, 3, 1), LocalDate.of(2002, 4, 1), List.of(7, 13), List.of(true, false), List.of(false, false));
        // family 2 (2003): 16, 16 and 17; one 16-year-old charged before, the 17-year-old only after the start
        family(team, a.id(), b.id(), LocalDate.of(2003, 2, 1), LocalDate.of(2003, 3, 1), List.of(16, 16, 17), List.of(true, false, false),
                List.of(false, false, true));
        // family 3 (2003): 19 (an adult child), and a 4-year-old sibling too young for a forløb
        family(team, a.id(), b.id(), LocalDate.of(2003, 5, 1), LocalDate.of(2003, 6, 1), List.of(19, 4), List.of(false, false), List.of(false, false));
        // well-being in family 2: 4→6, 5→8, 6→7 (changes 2, 3, 1); employment: family 1's mother ordinary, family 2's unemployed
        SignedIn.as(a, Role.CASEWORKER);
        try {
            Built f2 = built.get(1);
            double[][] wellbeing = {{4, 6}, {5, 8}, {6, 7}};
            for (int i = 0; i < 3; i++) {
                measure(f2.caseId(), f2.children().get(i), "WELLBEING", LocalDate.of(2003, 3, 5), ProgressScales.Occasion.BASELINE, wellbeing[i][0]);
                measure(f2.caseId(), f2.children().get(i), "WELLBEING", LocalDate.of(2003, 9, 5), ProgressScales.Occasion.DURING, wellbeing[i][1]);
            }
            // a later measurement after the report date does not count
            measure(f2.caseId(), f2.children().get(0), "WELLBEING", LocalDate.of(2004, 2, 1), ProgressScales.Occasion.END, 10);
            measure(built.get(0).caseId(), built.get(0).mother(), "PARENT_EMPLOYMENT", LocalDate.of(2003, 1, 5), ProgressScales.Occasion.BASELINE, 2);
            measure(built.get(0).caseId(), built.get(0).mother(), "PARENT_EMPLOYMENT", LocalDate.of(2003, 10, 5), ProgressScales.Occasion.DURING, 6);
            measure(f2.caseId(), f2.mother(), "PARENT_EMPLOYMENT", LocalDate.of(2003, 3, 5), ProgressScales.Occasion.BASELINE, 2);
        } finally {
            SignedIn.clear();
        }
        analystUser = staff.user(Role.ANALYST);
        analyst = Api.at(port).as(analystUser.username(), analystUser.password());
        assertThat(f1).isPositive();
    }

    /** The case and its members, for the measurements. */
    private record Built(long caseId, long mother, List<Long> children) {}

    private final java.util.List<Built> built = new java.util.ArrayList<>();

    /** A family with a mother and the children (ages at the start of Udredning); charged: before the start; chargedAfter: after. */
    private long family(long team, long c1, long c2, LocalDate opened, LocalDate start, List<Integer> ages, List<Boolean> chargedBefore,
                        List<Boolean> chargedAfter) {
        long f = families.createSystem(new Families.NewFamily("Familie " + opened, null), "test");
        long mother = person("Mor", start.minusYears(41), team);
        families.addMemberSystem(f, mother, Relation.MOTHER, opened.minusYears(20), "test");
        List<Long> childIds = new java.util.ArrayList<>();
        for (int i = 0; i < ages.size(); i++) {
            long child = person("Barn" + i, start.minusYears(ages.get(i)).minusDays(10), team);
            childIds.add(child);
            families.addMemberSystem(f, child, Relation.CHILD, opened.minusYears(ages.get(i)), "test");
            // the first child of family 1 is the one charged before the start (boolean lists say which)
            if (chargedBefore.get(i)) OutcomeTestData.charge(jdbc, people, child, start.minusMonths(8));
            if (chargedAfter.get(i)) OutcomeTestData.charge(jdbc, people, child, start.plusMonths(2));
        }
        long id = cases.openSystem(new FamilyCaseService.Opening(f, team, "REVIEW_115", "Bekymring fra §115-listen", opened, List.of()), "test");
        cases.assignPairSystem(id, c1, c2);
        cases.changePhaseSystem(id, "UDREDNING", "Samtykke givet", start, "test");
        built.add(new Built(id, mother, childIds));
        return f;
    }

    private void measure(long caseId, long personId, String scale, LocalDate on, ProgressScales.Occasion occasion, double value) {
        progress.record(new ProgressScales.NewMeasurement(caseId, personId, scale, on, occasion, java.math.BigDecimal.valueOf(value), null));
    }

    private long person(String first, LocalDate birth, long team) {
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr(birth)).orElseThrow(), first, "Årgang", null, team);
    }

    @Test
    void internalFiguresAgreeWithTheHandCount() {
        JsonNode r = analyst.get("/api/v1/reports/family-model?asOf=" + AS_OF + "&disclosure=internal").json();
        assertThat(r.get("asOf").asString()).isEqualTo("2003-12-31");
        assertThat(r.get("disclosure").asString()).isEqualTo("internal");
        assertThat(r.get("families").asLong()).isEqualTo(3);
        assertThat(r.get("children").asLong()).isEqualTo(6);
        assertThat(group(r, "AGE_6_11").get("count").asLong()).isEqualTo(1);
        assertThat(group(r, "AGE_12_14").get("count").asLong()).isEqualTo(1);
        assertThat(group(r, "AGE_15_17").get("count").asLong()).isEqualTo(3);
        assertThat(group(r, "AGE_15_17").get("share").asDouble()).isEqualTo(0.5);
        assertThat(group(r, "AGE_18_22").get("count").asLong()).isEqualTo(1);
        assertThat(r.get("previouslyCharged").get("count").asLong()).as(r.toString()).isEqualTo(2);
        assertThat(r.get("previouslyCharged").get("share").asDouble()).isEqualTo(2.0 / 6);
        assertThat(r.get("parentsWithStatus").asLong()).as(r.toString()).isEqualTo(2);
        assertThat(r.get("parentsEmployed").get("count").asLong()).isEqualTo(1);
        assertThat(r.get("parentsEmployed").get("share").asDouble()).isEqualTo(0.5);
        JsonNode wellbeing = r.get("progress").get(0);
        assertThat(wellbeing.get("scale").asString()).isEqualTo("WELLBEING");
        assertThat(wellbeing.get("children").asLong()).isEqualTo(3);
        assertThat(wellbeing.get("meanChange").asDouble()).isEqualTo(2.0);
        double half = 4.302652729911275 / Math.sqrt(3);   // t(0.975, 2) · sd 1 / √3
        assertThat(wellbeing.get("ci95").get(0).asDouble()).isCloseTo(2.0 - half, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(wellbeing.get("ci95").get(1).asDouble()).isCloseTo(2.0 + half, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.get("byCohort").size()).isEqualTo(2);
        assertThat(r.get("byCohort").get(0).get("cohort").asInt()).isEqualTo(2002);
        assertThat(r.get("byCohort").get(0).get("children").asLong()).isEqualTo(2);
        assertThat(r.get("byCohort").get(0).get("previouslyCharged").get("count").asLong()).isEqualTo(1);
        assertThat(r.get("byCohort").get(1).get("families").asLong()).isEqualTo(2);

        // a date before the 2003 families: only family 1
        JsonNode early = analyst.get("/api/v1/reports/family-model?asOf=2002-12-31&disclosure=internal").json();
        assertThat(early.get("families").asLong()).isEqualTo(1);
        assertThat(early.get("children").asLong()).isEqualTo(2);
    }

    @Test
    void publicFiguresWithholdTheSmallOutcomesButShowTheProgrammesSize() {
        JsonNode r = analyst.get("/api/v1/reports/family-model?asOf=" + AS_OF).json();
        assertThat(r.get("disclosure").asString()).isEqualTo("public");
        assertThat(r.get("children").asLong()).isEqualTo(6);
        assertThat(r.get("previouslyCharged").get("suppressed").asBoolean()).isTrue();
        assertThat(r.get("previouslyCharged").get("count").isNull()).isTrue();
        assertThat(r.get("previouslyCharged").get("share").isNull()).isTrue();
        for (JsonNode c : r.get("byCohort")) assertThat(c.get("previouslyCharged").get("count").isNull()).isTrue();
        assertThat(r.get("progress").get(0).get("meanChange").isNull()).isTrue();   // 3 children with a pair: fewer than 5
        assertThat(r.get("parentsEmployed").get("suppressed").asBoolean()).isTrue();
        String page = WebSession.signIn(port, analystUser).page("/family-model?asOf=" + AS_OF).body();
        assertThat(page).contains("Familiemodellen i tal").contains("Sigtet eller dømt før indsatsen");
    }

    @Test
    void aCaseworkerMayNotReadTheFigures() {
        var cw = staff.user(Role.CASEWORKER, staff.team("kerneteam-2003-other"));
        assertThat(Api.at(port).as(cw.username(), cw.password()).get("/api/v1/reports/family-model").status()).isEqualTo(403);
    }

    @Test
    void closingTheCaseKeepsTheChildrenInTheirCohort() {
        long caseId = jdbc.sql("select c.id from cw_family_case c join cw_enrolment e on e.family_case_id = c.id where e.start_date = '2003-06-01' limit 1")
                .query(Long.class).single();
        JsonNode before = analyst.get("/api/v1/reports/family-model?asOf=" + AS_OF + "&disclosure=internal").json();
        cases.closeSystem(caseId, ClosureReason.COMPLETED, LocalDate.of(2003, 11, 1), "Afsluttet efter plan", "test");
        JsonNode after = analyst.get("/api/v1/reports/family-model?asOf=" + AS_OF + "&disclosure=internal").json();
        assertThat(after.get("children")).isEqualTo(before.get("children"));
        assertThat(after.get("families")).isEqualTo(before.get("families"));
    }

    private static JsonNode group(JsonNode r, String g) {
        for (JsonNode n : r.get("byAgeGroup")) if (n.get("ageGroup").asString().equals(g)) return n;
        throw new AssertionError("no age group " + g);
    }
}
