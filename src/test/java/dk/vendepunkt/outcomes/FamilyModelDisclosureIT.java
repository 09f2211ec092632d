package dk.vendepunkt.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.outcomes.web.FamilyModelPageController;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Relation;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TableAttacker;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/**
 * The family model's "previously charged" by enrolment year, attacked in every format: 2005 has 12 children of whom
 * 6 were charged before (a rate that alone would be shown), 2006 has 3 children of whom 1 was charged (withheld). With
 * the total shown, 2005's shown count would give 2006's away; the attacker ({@link TableAttacker}) knows every shown
 * figure, the children per year and the identities (children = charged + not charged, years sum to the total, shown
 * shares as ratio bounds) and must narrow no withheld figure to fewer than the threshold's values.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilyModelDisclosureIT {

    static final LocalDate AS_OF = LocalDate.of(2006, 12, 31);
    static final String CAPTION = "Børn efter årgang og tidligere sigtelser";
    static final String WITHHELD = "–";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired StaffAdministration admin;
    @Autowired Families families;
    @Autowired PersonDirectory people;
    @Autowired FamilyCaseService cases;
    @Autowired FamilyModelPageController controller;
    @Autowired JdbcClient jdbc;
    private TestStaff.User analyst;
    private int seq;

    @BeforeAll
    void cohorts() {
        long team = staff.team("kerneteam-2005");
        var a = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        var b = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        admin.setDepartment(a.id(), "BIF");
        admin.setDepartment(b.id(), "SOF");
        // 2005: four families of three children; in each, the first and (in two families) the second... 6 of 12 charged
        boolean[][] y2005 = {{true, true, false}, {true, false, false}, {true, true, false}, {true, false, false}};
        for (boolean[] f : y2005) family(team, a.id(), b.id(), LocalDate.of(2005, 3, 1), f);
        family(team, a.id(), b.id(), LocalDate.of(2006, 4, 1), new boolean[] {true, false, false});
        analyst = staff.user(Role.ANALYST);
    }

    private void family(long team, long c1, long c2, LocalDate start, boolean[] charged) {
        long f = families.createSystem(new Families.NewFamily("Familie " + (++seq), null), "test");
        for (boolean c : charged) {
            long child = people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr(start.minusYears(15))).orElseThrow(), "Barn", "Angreb", null, team);
            families.addMemberSystem(f, child, Relation.CHILD, start.minusYears(14), "test");
            if (c) OutcomeTestData.charge(jdbc, people, child, start.minusMonths(6));
        }
        long id = cases.openSystem(new FamilyCaseService.Opening(f, team, "SSP", "Bekymring", start.minusDays(30), List.of()), "test");
        cases.assignPairSystem(id, c1, c2);
        cases.changePhaseSystem(id, "UDREDNING", "Samtykke givet", start, "test");
    }

    @Test
    void internalShowsWhatTheAttackIsAbout() {
        JsonNode r = Api.at(port).as(analyst.username(), analyst.password()).get("/api/v1/reports/family-model?asOf=" + AS_OF + "&disclosure=internal").json();
        // the table also holds earlier years of other tests (figures are cumulative up to the date)
        assertThat(rows(r)).extracting(x -> x[0] + " " + x[2] + " " + x[3]).contains("2005 12 6", "2006 3 1");
        // primary suppression alone (2006's 1 of 3 withheld, every other figure shown) is what the attacker breaks
        List<String[]> naive = rows(r);
        String[] y2006 = naive.stream().filter(x -> x[0].equals("2006")).findFirst().orElseThrow();
        y2006[3] = WITHHELD;
        y2006[4] = WITHHELD;
        assertThat(leaks(naive, 5)).isNotEmpty();
    }

    @Test
    void theAttackerRecoversNothingFromTheApi() {
        JsonNode r = Api.at(port).as(analyst.username(), analyst.password()).get("/api/v1/reports/family-model?asOf=" + AS_OF).json();
        assertThat(leaks(rows(r), r.get("threshold").asInt())).isEmpty();
    }

    @Test
    void theAttackerRecoversNothingFromThePage() {
        String html = WebSession.signIn(port, analyst).page("/family-model?asOf=" + AS_OF).body();
        assertThat(leaks(EffectTableAttack.fromHtml(html, CAPTION), 5)).isEmpty();
    }

    @Test
    void theAttackerRecoversNothingFromThePdfAndTheExcel() {
        assertThat(leaks(EffectTableAttack.fromPdf(export("pdf"), CAPTION, 5), 5)).isEmpty();
        assertThat(leaks(EffectTableAttack.fromXlsx(export("xlsx"), CAPTION, 5), 5)).isEmpty();
    }

    private byte[] export(String format) {
        try {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(analyst.username(), null,
                    List.of(new SimpleGrantedAuthority(Role.ANALYST.authority()))));
            return controller.export(format, AS_OF).getBody();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Rows [year, families, children, charged, share] of the by-year table, the total last, from the JSON. */
    static List<String[]> rows(JsonNode r) {
        List<String[]> rows = new ArrayList<>();
        for (JsonNode c : r.get("byCohort")) rows.add(row(c.get("cohort").asString(), c.get("families"), c.get("children"), c.get("previouslyCharged")));
        rows.add(row("I alt", r.get("families"), r.get("children"), r.get("previouslyCharged")));
        return rows;
    }

    private static String[] row(String label, JsonNode families, JsonNode children, JsonNode share) {
        boolean s = share.get("suppressed").asBoolean();
        return new String[] {label, families.asString(), children.asString(), s ? WITHHELD : share.get("count").asString(),
                s ? WITHHELD : share.get("share").asString()};
    }

    /** What the attacker recovers: children shown, charged (shown or withheld), not charged never shown; shares as ratios. */
    static List<String> leaks(List<String[]> rows, int threshold) {
        TableAttacker a = new TableAttacker(threshold);
        int n = rows.size();
        int[][] id = new int[n][3];
        for (int r = 0; r < n; r++) {
            String[] row = rows.get(r);
            id[r][0] = a.shown(row[0] + " children", Long.parseLong(row[2].replace(".", "")));
            id[r][1] = row[3] == null || row[3].equals(WITHHELD) ? a.withheld(row[0] + " charged") : a.shown(row[0] + " charged", Long.parseLong(row[3].replace(".", "")));
            id[r][2] = a.unpublished(row[0] + " not charged");
            a.sum(id[r][0], id[r][1], id[r][2]);
            if (row[4] != null && !row[4].equals(WITHHELD)) {
                double[] bounds = share(row[4]);
                a.ratio(id[r][1], id[r][0], bounds[0], bounds[1]);
            }
        }
        for (int k = 0; k < 3; k++) {
            int[] parts = new int[n - 1];
            for (int r = 0; r < n - 1; r++) parts[r] = id[r][k];
            a.sum(id[n - 1][k], parts);
        }
        return a.leaks();
    }

    /** "50,0 %" is 0.4995 … 0.5005; a plain number is the share itself. */
    private static double[] share(String s) {
        if (s.endsWith("%")) {
            String digits = s.replace(" %", "").replace(",", ".");
            double v = Double.parseDouble(digits) / 100;
            int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
            double half = 0.5 * Math.pow(10, -decimals) / 100;
            return new double[] {v - half, v + half};
        }
        double v = Double.parseDouble(s);
        return new double[] {v, v};
    }
}
