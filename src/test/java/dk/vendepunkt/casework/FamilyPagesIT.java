package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Relation;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The family and family-case forms answer a problem with the page again (400, 409 for a stale version), the error on
 * its field; the referral form does not offer FAMILY; the administrator's criteria page and the staff member's
 * department in the user form.
 */
@IntegrationTest
class FamilyPagesIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired StaffAdministration admin;
    @Autowired StaffDirectory directory;
    @Autowired Families families;
    @Autowired PersonDirectory people;
    @Autowired FamilyCaseService cases;
    @Autowired TestClock clock;

    private long person(String first, LocalDate birth, long team) {
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr(birth)).orElseThrow(), first, "Sidesen", null, team);
    }

    @Test
    void theFamilyFormsShowTheirErrorsOnTheirFields() {
        LocalDate today = LocalDate.now(clock);
        long team = staff.team("familieteam-sider");
        TestStaff.User worker = staff.user(Role.CASEWORKER, team);
        WebSession web = WebSession.signIn(port, worker);

        var blank = web.post("/families/new", "/families", Map.of("name", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).getElementById("name-error").text()).isEqualTo("Skriv familiens navn.");

        long id = families.createSystem(new Families.NewFamily("Familien Sidesen", null), "test");
        long mother = person("Mor", today.minusYears(40), team);
        long child = person("Barn", today.minusYears(10), team);
        families.addMemberSystem(id, mother, Relation.MOTHER, today.minusYears(10), "test");
        families.addMemberSystem(id, child, Relation.CHILD, today.minusYears(10), "test");
        String page = "/families/" + id;

        var noRelation = web.post(page, page + "/members", Map.of("kind", "new", "cpr", TestStaff.uniqueCpr(today.minusYears(15)),
                "firstName", "Ny", "lastName", "Sidesen", "teamId", String.valueOf(team), "from", today.toString()));
        assertThat(noRelation.statusCode()).isEqualTo(400);
        Document d = Jsoup.parse(noRelation.body());
        assertThat(d.getElementById("new-relation-error").text()).isEqualTo("Vælg personens relation til familien.");
        assertThat(d.getElementById("new-firstName").attr("value")).isEqualTo("Ny");

        // the matrix: the box checked is saved; the same form sent again over the old version is refused with 409
        int version = families.find(id).orElseThrow().version();
        Map<String, String> matrix = Map.of("version", String.valueOf(version), "pair-" + mother + "-" + child, "true");
        assertThat(web.post(page, page + "/authority", matrix).statusCode()).isEqualTo(302);
        assertThat(families.find(id).orElseThrow().hasAuthority(mother, child)).isTrue();
        var stale = web.post(page, page + "/authority", Map.of("version", String.valueOf(version)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(families.find(id).orElseThrow().hasAuthority(mother, child)).isTrue();
        Document shown = Jsoup.parse(web.get(page).body());
        assertThat(shown.getElementById("pair-" + mother + "-" + child).hasAttr("checked")).isTrue();

        var noDate = web.post(page, page + "/members/" + mother + "/end", Map.of("to", ""));
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noDate.body()).getElementById("to-" + mother + "-error").text()).isEqualTo("Skriv datoen, medlemskabet sluttede.");
        assertThat(web.post(page, page + "/members/" + mother + "/end", Map.of("to", today.toString())).statusCode()).isEqualTo(302);
        Document after = Jsoup.parse(web.get(page).body());
        assertThat(after.getElementById("past-members").text()).contains("Mor Sidesen");
        assertThat(after.getElementById("authority").text()).contains("Forældremyndighed registreres, når familien har mindst én mor");

        // the person page lists the family
        assertThat(Jsoup.parse(web.get("/people/" + child).body()).getElementById("families").text()).contains("Familien Sidesen");
    }

    @Test
    void theCasePageFormsRefuseAPairFromOneDepartmentAndAClosureWithoutSummary() {
        LocalDate today = LocalDate.now(clock);
        long team = staff.team("kerneteam-sider");
        Set<StaffFunction> core = Set.of(StaffFunction.CORE_TEAM_MEMBER);
        TestStaff.User a = staff.user(Role.CASEWORKER, core, team);
        TestStaff.User b = staff.user(Role.CASEWORKER, core, team);
        admin.setDepartment(a.id(), "SOF");
        admin.setDepartment(b.id(), "SOF");
        long family = families.createSystem(new Families.NewFamily("Familien Sagside", null), "test");
        families.addMemberSystem(family, person("Barn", today.minusYears(9), team), Relation.CHILD, today.minusYears(9), "test");
        long id = cases.openSystem(new FamilyCaseService.Opening(family, team, "SSP", "Bekymring", today, List.of()), "test");
        WebSession web = WebSession.signIn(port, a);
        String page = "/family-cases/" + id;

        Document shown = Jsoup.parse(web.get(page).body());
        assertThat(shown.getElementById("pair-coordinator1").select("option").eachText()).contains("Test " + a.username() + " (SOF)");
        assertThat(shown.getElementById("phase-toPhase").select("option").eachAttr("value")).containsExactly("UDREDNING");
        assertThat(shown.getElementById("family-parts-list")).isNotNull();

        var samePair = web.post(page, page + "/pair", Map.of("coordinator1", String.valueOf(a.id()), "coordinator2", String.valueOf(b.id()),
                "version", "0"));
        assertThat(samePair.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(samePair.body()).getElementById("pair-coordinator2-error").text())
                .isEqualTo("De to koordinatorer skal komme fra hver sin forvaltning.");

        var noSummary = web.post(page, page + "/closure", Map.of("reason", "COMPLETED", "endDate", today.toString(), "version", "0"));
        assertThat(noSummary.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noSummary.body()).getElementById("closure-summary-error")).isNotNull();

        var opened = web.post("/family-cases/new?familyId=" + family, "/family-cases", Map.of("familyId", String.valueOf(family),
                "teamId", String.valueOf(team), "channel", "SSP", "reason", "Igen"));
        assertThat(opened.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(opened.body()).getElementById("familyId")).isNull();
        assertThat(opened.body()).contains("Familien har allerede en åben familiesag.");

        // the list shows the programme's occupancy; the overview's figures are in FamilyWebIT
        assertThat(Jsoup.parse(web.get("/family-cases").body()).getElementById("occupancy").text()).startsWith("Familieprogrammet:");
        TestStaff.User alone = staff.user(Role.CASEWORKER, staff.team("uden-kerneteam"));
        assertThat(WebSession.signIn(port, alone).get("/family-cases/overview").body())
                .contains("Ingen af dine teams har kerneteammedlemmer eller åbne familiesager.");
    }

    @Test
    void theReferralFormOffersNoFamilyProgramme() {
        TestStaff.User worker = staff.user(Role.CASEWORKER, staff.team("familieteam-henvisning"));
        Document d = Jsoup.parse(WebSession.signIn(port, worker).get("/referrals/new").body());
        assertThat(d.select("#programme option").eachAttr("value")).contains("EXIT").doesNotContain("FAMILY");
    }

    @Test
    void anAdministratorSetsTheDepartmentInTheUserFormAndEditsCriteriaOnTheirPage() {
        TestStaff.User administrator = staff.user(Role.ADMIN);
        WebSession web = WebSession.signIn(port, administrator);
        String username = "afd" + System.nanoTime();
        var unknown = web.post("/admin/users", "/admin/users", Map.of("username", username, "displayName", "Afdeling Test",
                "password", "et-langt-og-godt-kodeord-17", "roles", "CASEWORKER", "departmentCode", "XXX"));
        assertThat(Jsoup.parse(unknown.body()).getElementById("departmentCode-error").text()).isEqualTo("Forvaltningen findes ikke.");
        assertThat(directory.findByUsername(username)).isEmpty();
        var created = web.post("/admin/users", "/admin/users", Map.of("username", username, "displayName", "Afdeling Test",
                "password", "et-langt-og-godt-kodeord-17", "roles", "CASEWORKER", "departmentCode", "BIF"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        long id = directory.findByUsername(username).orElseThrow().id();
        assertThat(directory.find(id).orElseThrow().departmentCode()).isEqualTo("BIF");
        Document form = Jsoup.parse(web.get("/admin/users/" + id).body());
        assertThat(form.select("#departmentCode option[selected]").attr("value")).isEqualTo("BIF");
        String version = form.select("input[name=version]").attr("value");
        assertThat(web.post("/admin/users/" + id, "/admin/users/" + id, Map.of("displayName", "Afdeling Test", "roles", "CASEWORKER",
                "enabled", "true", "version", version, "departmentCode", "SOF")).statusCode()).isEqualTo(302);
        assertThat(directory.find(id).orElseThrow().departmentCode()).isEqualTo("SOF");

        TestStaff.User worker = staff.user(Role.CASEWORKER, staff.team("kriterier-side"));
        assertThat(WebSession.signIn(port, worker).get("/admin/family-criteria").statusCode()).isEqualTo(403);
        var blank = web.post("/admin/family-criteria", "/admin/family-criteria", Map.of("name", ""));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).getElementById("new-name-error").text()).isEqualTo("Skriv kriteriets navn.");
        String name = "Sidekriterium " + System.nanoTime();
        assertThat(web.post("/admin/family-criteria", "/admin/family-criteria", Map.of("name", name)).statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(web.get("/admin/family-criteria").body()).getElementById("criteria").select("input[name=name]").eachAttr("value"))
                .contains(name);
    }
}
