package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Relation;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The families API and the family-case API over HTTP: round trips with their 400 (field errors), 409 (stale version)
 * and 403 (a caseworker outside the team, with a DENIED audit row), the parental-authority matrix, a pair from one
 * department refused on its field, the team leader's figures on a hand-built team, the criteria administration (ADMIN
 * only; a deactivated criterion stays on old cases) and FAMILY refused as an individual referral.
 */
@IntegrationTest
class FamilyWebIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired StaffAdministration admin;
    @Autowired Families families;
    @Autowired PersonDirectory people;
    @Autowired FamilyCaseService cases;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    private Api as(TestStaff.User u) {
        return Api.at(port).as(u.username(), u.password());
    }

    private long deniedRows(TestStaff.User u, String subjectLike) {
        return jdbc.sql("select count(*) from aud_event where action = 'DENIED' and actor = ? and subject like ?")
                .params(u.username(), subjectLike).query(Long.class).single();
    }

    private static List<String> fields(Api.Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    private long person(String first, LocalDate birth, long team) {
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr(birth)).orElseThrow(), first, "Webfamilie", null, team);
    }

    @Test
    void aFamilyIsBuiltOverTheApiWithMembersAuthorityAndAnEndedMembership() {
        LocalDate today = LocalDate.now(clock);
        long team = staff.team("familieteam");
        TestStaff.User worker = staff.user(Role.CASEWORKER, team);
        Api api = as(worker);

        var created = api.post("/api/v1/families", Map.of("name", "Familien Apisen"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(fields(api.post("/api/v1/families", Map.of("name", " ")))).containsExactly("name");

        var mother = api.post("/api/v1/families/" + id + "/members", Map.of("cpr", TestStaff.uniqueCpr(today.minusYears(38)),
                "firstName", "Mor", "lastName", "Apisen", "teamId", team, "relation", "MOTHER", "from", today.minusYears(10).toString()));
        assertThat(mother.status()).as(mother.toString()).isEqualTo(201);
        long child = person("Barn", today.minusYears(12), team);
        var withChild = api.post("/api/v1/families/" + id + "/members", Map.of("personId", child, "relation", "CHILD",
                "from", today.minusYears(10).toString()));
        assertThat(withChild.status()).isEqualTo(201);
        assertThat(fields(api.post("/api/v1/families/" + id + "/members", Map.of("personId", child, "from", today.toString()))))
                .containsExactly("relation");

        JsonNode f = api.get("/api/v1/families/" + id).json();
        assertThat(f.get("members")).hasSize(2);
        long motherId = f.get("members").get(0).get("personId").asLong();
        int version = f.get("version").asInt();

        // the matrix: mother over child; a child "over" the mother is not a pair of the matrix; a stale version is refused
        var saved = api.put("/api/v1/families/" + id + "/parental-authority",
                Map.of("version", version, "authority", List.of(Map.of("adultId", motherId, "childId", child))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(families.find(id).orElseThrow().hasAuthority(motherId, child)).isTrue();
        assertThat(api.put("/api/v1/families/" + id + "/parental-authority",
                Map.of("version", version, "authority", List.of())).status()).isEqualTo(409);
        int now = saved.json().get("version").asInt();
        assertThat(fields(api.put("/api/v1/families/" + id + "/parental-authority",
                Map.of("version", now, "authority", List.of(Map.of("adultId", child, "childId", motherId)))))).containsExactly("authority");
        assertThat(api.put("/api/v1/families/" + id + "/parental-authority", Map.of("version", now, "authority", List.of())).status())
                .isEqualTo(200);
        assertThat(families.find(id).orElseThrow().hasAuthority(motherId, child)).isFalse();

        // ending the mother's membership: she becomes a past member
        assertThat(fields(api.post("/api/v1/families/" + id + "/members/" + motherId + "/end", Map.of()))).containsExactly("to");
        var ended = api.post("/api/v1/families/" + id + "/members/" + motherId + "/end", Map.of("to", today.toString()));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(families.find(id).orElseThrow().currentMembers()).extracting(Families.Member::personId).containsExactly(child);
        assertThat(families.familiesOf(motherId)).extracting(Families.FamilyLine::to).containsExactly(today);

        assertThat(api.get("/api/v1/families?q=apisen").json().findValuesAsString("name")).contains("Familien Apisen");

        // a caseworker of another team: 403 and a DENIED audit row; the family is not in their list
        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("andet-team"));
        assertThat(as(outsider).get("/api/v1/families/" + id).status()).isEqualTo(403);
        assertThat(deniedRows(outsider, "%familie " + id + "%")).isEqualTo(1);
        assertThat(as(outsider).get("/api/v1/families").json().findValuesAsString("name")).doesNotContain("Familien Apisen");
    }

    private record CoreTeam(long team, TestStaff.User buf, TestStaff.User bif, TestStaff.User sof, TestStaff.User alsoBuf) {}

    private CoreTeam coreTeam() {
        long team = staff.team("kerneteam-web");
        Set<StaffFunction> core = Set.of(StaffFunction.CORE_TEAM_MEMBER);
        var t = new CoreTeam(team, staff.user(Role.CASEWORKER, core, team), staff.user(Role.CASEWORKER, core, team),
                staff.user(Role.CASEWORKER, core, team), staff.user(Role.CASEWORKER, core, team));
        admin.setDepartment(t.buf().id(), "BUF");
        admin.setDepartment(t.bif().id(), "BIF");
        admin.setDepartment(t.sof().id(), "SOF");
        admin.setDepartment(t.alsoBuf().id(), "BUF");
        return t;
    }

    private long family(String name, long team, LocalDate today) {
        long f = families.createSystem(new Families.NewFamily(name, null), "test");
        long mother = person("Mor", today.minusYears(40), team);
        long child = person("Barn", today.minusYears(14), team);
        families.addMemberSystem(f, mother, Relation.MOTHER, today.minusYears(14), "test");
        families.addMemberSystem(f, child, Relation.CHILD, today.minusYears(14), "test");
        families.setParentalAuthoritySystem(f, mother, child, true, "test");
        return f;
    }

    @Test
    void aFamilyCaseIsOpenedPairedMovedAndClosedOverTheApi() {
        LocalDate today = LocalDate.now(clock);
        CoreTeam t = coreTeam();
        long family = family("Familien Sagsen", t.team(), today);
        Api api = as(t.buf());

        var refused = api.post("/api/v1/family-cases", Map.of("familyId", family, "teamId", t.team(), "channel", "SSP", "reason", " "));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("reason");
        var opened = api.post("/api/v1/family-cases", Map.of("familyId", family, "teamId", t.team(), "channel", "SCHOOL",
                "reason", "Højt fravær og en storebror i et bandemiljø", "criteria", List.of("GANG_RELATION")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long id = opened.json().get("id").asLong();

        JsonNode details = api.get("/api/v1/family-cases/" + id).json();
        assertThat(details.get("familyCase").get("phase").asString()).isEqualTo("OPSPORING");
        assertThat(details.get("nextPhases").findValuesAsString("code")).containsExactly("UDREDNING");
        int version = details.get("familyCase").get("version").asInt();

        var sameDepartment = api.put("/api/v1/family-cases/" + id + "/pair",
                Map.of("coordinator1", t.buf().id(), "coordinator2", t.alsoBuf().id(), "version", version));
        assertThat(sameDepartment.status()).isEqualTo(400);
        assertThat(fields(sameDepartment)).containsExactly("coordinator2");
        assertThat(sameDepartment.json().get("errors").get(0).get("message").asString())
                .isEqualTo("De to koordinatorer skal komme fra hver sin forvaltning.");
        var paired = api.put("/api/v1/family-cases/" + id + "/pair", Map.of("coordinator1", t.buf().id(), "coordinator2", t.bif().id(),
                "version", version));
        assertThat(paired.status()).as(paired.toString()).isEqualTo(200);
        assertThat(api.put("/api/v1/family-cases/" + id + "/pair", Map.of("coordinator1", t.buf().id(), "coordinator2", t.sof().id(),
                "version", version)).status()).isEqualTo(409);

        // the mother (with parental authority) consents for the 14-year-old: the gate into Udredning
        var fam = families.find(family).orElseThrow();
        var consent = api.post("/api/v1/family-cases/" + id + "/consents", Map.of("personId", fam.children().getFirst().personId(),
                "givenBy", "GUARDIAN", "guardianId", fam.parents().getFirst().personId(), "givenOn", today.toString()));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        var moved = api.post("/api/v1/family-cases/" + id + "/phase", Map.of("toPhase", "UDREDNING", "reason", "Samtykke givet",
                "changedOn", today.toString(), "version", paired.json().get("version").asInt()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("children")).hasSize(1);
        int v2 = moved.json().get("version").asInt();

        assertThat(fields(api.post("/api/v1/family-cases/" + id + "/closure", Map.of("reason", "COMPLETED", "endDate", today.toString(),
                "version", v2)))).containsExactly("summary");

        // outside the team: 403 and a DENIED audit row, on reading and on changing
        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("andet-team"));
        assertThat(as(outsider).get("/api/v1/family-cases/" + id).status()).isEqualTo(403);
        assertThat(as(outsider).post("/api/v1/family-cases/" + id + "/closure", Map.of("reason", "COMPLETED",
                "endDate", today.toString(), "summary", "x", "version", v2)).status()).isEqualTo(403);
        assertThat(deniedRows(outsider, "familiesag " + id + "%")).isEqualTo(2);
        assertThat(as(outsider).get("/api/v1/family-cases").json().get("cases").findValuesAsString("familyName"))
                .doesNotContain("Familien Sagsen");

        var closed = api.post("/api/v1/family-cases/" + id + "/closure", Map.of("reason", "COMPLETED", "endDate", today.toString(),
                "summary", "Målene er nået", "version", v2));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("endDate").asString()).isEqualTo(today.toString());
        JsonNode list = api.get("/api/v1/family-cases?q=sagsen").json();
        assertThat(list.get("cases").findValuesAsString("familyName")).containsExactly("Familien Sagsen");
        assertThat(api.get("/api/v1/family-cases?q=sagsen&phase=OPSPORING").json().get("cases")).isEmpty();
    }

    @Test
    void theTeamLeaderSeesFamiliesPerPairLoadsUnpairedAndOverdueCases() {
        LocalDate today = LocalDate.now(clock);
        CoreTeam t = coreTeam();
        long overdue = cases.openSystem(new FamilyCaseService.Opening(family("Familien Længe", t.team(), today), t.team(), "SSP",
                "Bekymring", today.minusDays(70), List.of()), "test");
        cases.assignPairSystem(overdue, t.buf().id(), t.bif().id());
        long fresh = cases.openSystem(new FamilyCaseService.Opening(family("Familien Ny", t.team(), today), t.team(), "SSP",
                "Bekymring", today, List.of()), "test");
        cases.assignPairSystem(fresh, t.sof().id(), t.buf().id());
        long unpaired = cases.openSystem(new FamilyCaseService.Opening(family("Familien Uden", t.team(), today), t.team(), "SSP",
                "Bekymring", today.minusDays(10), List.of()), "test");
        // in Udredning for 50 days: under its limit of 90
        long assessing = cases.openSystem(new FamilyCaseService.Opening(family("Familien Udredt", t.team(), today), t.team(), "SSP",
                "Bekymring", today.minusDays(100), List.of()), "test");
        cases.changePhaseSystem(assessing, "UDREDNING", "Samtykke", today.minusDays(50), "test");

        var r = as(t.buf()).get("/api/v1/family-cases/overview");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json()).hasSize(1);
        JsonNode team = r.json().get(0);
        assertThat(team.get("teamId").asLong()).isEqualTo(t.team());
        List<String> loads = new ArrayList<>();
        team.get("loads").forEach(l -> loads.add(l.get("userId").asLong() + ":" + l.get("openCases").asInt()));
        assertThat(loads.getFirst()).isEqualTo(t.buf().id() + ":2");
        assertThat(loads).containsExactlyInAnyOrder(t.buf().id() + ":2", t.bif().id() + ":1", t.sof().id() + ":1", t.alsoBuf().id() + ":0");
        assertThat(loads.getLast()).isEqualTo(t.alsoBuf().id() + ":0");
        assertThat(team.get("pairs")).hasSize(2);
        assertThat(team.get("pairs").findValuesAsString("familyName")).containsExactlyInAnyOrder("Familien Længe", "Familien Ny");
        assertThat(team.get("unpaired").findValuesAsString("familyName")).containsExactlyInAnyOrder("Familien Uden", "Familien Udredt");
        assertThat(team.get("overdue")).hasSize(1);
        JsonNode o = team.get("overdue").get(0);
        assertThat(o.get("id").asLong()).isEqualTo(overdue);
        assertThat(o.get("days").asLong()).isEqualTo(70);
        assertThat(o.get("limit").asInt()).isEqualTo(60);
        assertThat(unpaired).isPositive();

        // a caseworker of another team sees none of it
        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("andet-team"));
        assertThat(as(outsider).get("/api/v1/family-cases/overview").json().findValuesAsString("teamName")).isEmpty();
    }

    @Test
    void anAdministratorEditsTheCriteriaAndADeactivatedOneStaysOnOldCases() {
        LocalDate today = LocalDate.now(clock);
        TestStaff.User administrator = staff.user(Role.ADMIN);
        TestStaff.User worker = staff.user(Role.CASEWORKER, staff.team("kerneteam-kriterier"));
        assertThat(as(worker).get("/api/v1/admin/family-criteria").status()).isEqualTo(403);
        assertThat(as(worker).post("/api/v1/admin/family-criteria", Map.of("name", "Nyt")).status()).isEqualTo(403);

        Api api = as(administrator);
        assertThat(fields(api.post("/api/v1/admin/family-criteria", Map.of("name", "")))).containsExactly("name");
        var added = api.post("/api/v1/admin/family-criteria", Map.of("name", "Søskende i fængsel"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode last = added.json().get(added.json().size() - 1);
        String code = last.get("code").asString();
        assertThat(last.get("name").asString()).isEqualTo("Søskende i fængsel");
        var renamed = api.put("/api/v1/admin/family-criteria/" + code, Map.of("name", "Forælder eller søskende i fængsel",
                "version", last.get("version").asInt()));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(api.put("/api/v1/admin/family-criteria/" + code, Map.of("name", "Gammel", "version", last.get("version").asInt()))
                .status()).isEqualTo(409);
        var moved = api.post("/api/v1/admin/family-criteria/" + code + "/move", Map.of("up", true));
        List<String> order = moved.json().findValuesAsString("code");
        assertThat(order.indexOf(code)).isEqualTo(order.size() - 2);

        // a case opened with the criterion keeps it after it is deactivated; a new case cannot choose it
        long team = worker.teams().iterator().next();
        long family = family("Familien Kriterie", team, today);
        long id = cases.openSystem(new FamilyCaseService.Opening(family, team, "SSP", "Bekymring", today, List.of(code)), "test");
        int version = jdbc.sql("select version from cw_inclusion_criterion where code = ?").param(code).query(Integer.class).single();
        assertThat(api.put("/api/v1/admin/family-criteria/" + code, Map.of("active", false, "version", version)).status()).isEqualTo(200);
        var read = as(worker).get("/api/v1/family-cases/" + id);
        assertThat(read.json().get("familyCase").get("criteria").get(0).asString()).isEqualTo(code);
        cases.closeSystem(id, dk.vendepunkt.casework.domain.ClosureReason.OTHER, today, "Test", "test");
        var refused = as(worker).post("/api/v1/family-cases", Map.of("familyId", family, "teamId", team, "channel", "SSP",
                "reason", "Bekymring", "criteria", List.of(code)));
        assertThat(fields(refused)).containsExactly("criteria");
    }

    @Test
    void theFamilyProgrammeTakesNoIndividualReferrals() {
        long team = staff.team("familieteam");
        TestStaff.User worker = staff.user(Role.CASEWORKER, team);
        var r = as(worker).post("/api/v1/referrals", Map.of("cpr", TestStaff.uniqueCpr(), "firstName", "Enkelt", "lastName", "Person",
                "programme", "FAMILY", "teamId", team, "channel", "SCHOOL", "referredOn", LocalDate.now(clock).toString(),
                "reason", "Bekymring", "legalBasis", "SEL_49B"));
        assertThat(r.status()).isEqualTo(400);
        var programme = new ArrayList<String>();
        r.json().get("errors").forEach(e -> {
            if (e.get("field").asString().equals("programme")) programme.add(e.get("message").asString());
        });
        assertThat(programme).singleElement().asString().startsWith("Familieprogrammet modtager ikke henvisninger af enkeltpersoner.");
    }
}
