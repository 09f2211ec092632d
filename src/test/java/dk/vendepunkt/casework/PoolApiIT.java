package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;
import dk.vendepunkt.casework.internal.PoolService;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The pool of the RAMMEMODEL programme, each test in a year of its own (the test database is shared; no
 * other test buys from that programme's pool in those years).
 */
@IntegrationTest
class PoolApiIT {

    static final String POOL = "/api/v1/programmes/RAMMEMODEL/pool";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;

    long team;
    TestStaff.User caseworker;
    TestStaff.User manager;
    Api cw;
    Api pm;

    @BeforeEach
    void setUp() {
        team = staff.team("pool");
        caseworker = staff.user(Role.CASEWORKER, team);
        manager = staff.user(Role.PROGRAMME_MANAGER);
        cw = Api.at(port).as(caseworker.username(), caseworker.password());
        pm = Api.at(port).as(manager.username(), manager.password());
    }

    long enrolment(int year) {
        return enrolments.enrolment(enrolments.person(team), team, "RAMMEMODEL", "CONTACT", LocalDate.of(year, 1, 2), null);
    }

    JsonNode request(long enrolment, String amount, LocalDate on) {
        var r = cw.post("/api/v1/enrolments/" + enrolment + "/purchases",
                Map.of("purpose", "Udredning", "supplier", "Leverandør " + amount, "amount", amount, "requestedOn", on.toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    static Map<String, Object> decision(JsonNode purchase, String note) {
        Map<String, Object> m = new HashMap<>();
        m.put("version", purchase.get("version").asInt());
        if (note != null) m.put("note", note);
        return m;
    }

    JsonNode overview(int year) {
        var r = pm.get(POOL + "?year=" + year);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void budgetCommittedSpentRemainingAsExactDecimals() {
        int year = 2001;
        long e = enrolment(year);
        var budget = pm.put(POOL + "/budgets/" + year, Map.of("amount", "1000.10"));
        assertThat(budget.status()).as(budget.toString()).isEqualTo(200);
        assertThat(pm.put(POOL + "/budgets/" + year, Map.of("amount", "1000.10", "version", 5)).status()).isEqualTo(409);
        JsonNode a = request(e, "300.05", LocalDate.of(year, 3, 1));
        JsonNode b = request(e, "200.02", LocalDate.of(year, 4, 1));
        JsonNode c = request(e, "99.99", LocalDate.of(year, 5, 1));

        var one = pm.get(POOL + "/purchases/" + a.get("id").asLong());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("purpose").asString()).isEqualTo("Udredning");
        assertThat(pm.get("/api/v1/programmes/EXIT/pool/purchases/" + a.get("id").asLong()).status()).isEqualTo(404);
        assertThat(cw.get(POOL + "/purchases/" + a.get("id").asLong()).status()).isEqualTo(403);
        var approved = pm.post(POOL + "/purchases/" + a.get("id").asLong() + "/approve", decision(a, null));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode b2 = pm.post(POOL + "/purchases/" + b.get("id").asLong() + "/approve", decision(b, "OK")).json();
        var paid = pm.post(POOL + "/purchases/" + b.get("id").asLong() + "/pay",
                Map.of("version", b2.get("version").asInt(), "paidOn", LocalDate.of(year, 5, 1).toString()));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(pm.post(POOL + "/purchases/" + c.get("id").asLong() + "/reject", decision(c, "Kerneydelse")).status()).isEqualTo(200);

        JsonNode f = overview(year).get("figures");
        assertThat(f.get("budget").decimalValue()).isEqualByComparingTo("1000.10");
        assertThat(f.get("committed").decimalValue()).isEqualByComparingTo("300.05");
        assertThat(f.get("spent").decimalValue()).isEqualByComparingTo("200.02");
        assertThat(f.get("remaining").decimalValue()).isEqualByComparingTo("500.03");
        JsonNode yearly = overview(year).get("yearly");
        assertThat(yearly.valueStream().filter(y -> y.get("year").asInt() == year).findFirst().orElseThrow()
                .get("remaining").decimalValue()).isEqualByComparingTo("500.03");
        assertThat(jdbc.sql("select count(*) from aud_event where enrolment_id = ? and subject like 'puljekøb % godkendt'").param(e)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void approvalRules() {
        int year = 2002;
        long e = enrolment(year);
        JsonNode big = request(e, "500.00", LocalDate.of(year, 2, 1));
        // no budget yet
        var noBudget = pm.post(POOL + "/purchases/" + big.get("id").asLong() + "/approve", decision(big, null));
        assertThat(noBudget.status()).isEqualTo(400);
        assertThat(pm.put(POOL + "/budgets/" + year, Map.of("amount", "499.99", "version", 0)).status()).isEqualTo(200);
        var exceeds = pm.post(POOL + "/purchases/" + big.get("id").asLong() + "/approve", decision(big, null));
        assertThat(exceeds.status()).isEqualTo(400);
        assertThat(exceeds.json().get("errors").get(0).get("message").asString()).contains("499,99");

        // the caseworker cannot approve: 403 and an audit row
        long denied = jdbc.sql("select count(*) from aud_event where actor = ? and action = 'DENIED'").param(caseworker.username()).query(Long.class).single();
        assertThat(cw.post(POOL + "/purchases/" + big.get("id").asLong() + "/approve", decision(big, null)).status()).isEqualTo(403);
        assertThat(cw.get(POOL + "?year=" + year).status()).isEqualTo(403);
        assertThat(cw.put(POOL + "/budgets/" + year, Map.of("amount", "1")).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from aud_event where actor = ? and action = 'DENIED'").param(caseworker.username()).query(Long.class).single())
                .isEqualTo(denied + 3);

        // rejection needs a reason; a stale version is refused; a decided purchase cannot be decided again
        assertThat(pm.post(POOL + "/purchases/" + big.get("id").asLong() + "/reject", decision(big, " ")).status()).isEqualTo(400);
        Map<String, Object> stale = decision(big, "Nej");
        stale.put("version", 7);
        assertThat(pm.post(POOL + "/purchases/" + big.get("id").asLong() + "/reject", stale).status()).isEqualTo(409);
        assertThat(pm.post(POOL + "/purchases/" + big.get("id").asLong() + "/reject", decision(big, "Nej")).status()).isEqualTo(200);
        assertThat(pm.post(POOL + "/purchases/" + big.get("id").asLong() + "/approve", decision(big, null)).status()).isEqualTo(409);

        // a programme manager who is also the requester cannot approve the own request
        TestStaff.User both = staff.user(Role.PROGRAMME_MANAGER, team);
        Api own = Api.at(port).as(both.username(), both.password());
        JsonNode mine = own.post("/api/v1/enrolments/" + e + "/purchases",
                Map.of("purpose", "Eget", "supplier", "x", "amount", "1", "requestedOn", LocalDate.of(year, 6, 1).toString())).json();
        var selfApproved = own.post(POOL + "/purchases/" + mine.get("id").asLong() + "/approve", decision(mine, null));
        assertThat(selfApproved.status()).isEqualTo(400);
        assertThat(selfApproved.json().get("errors").get(0).get("field").asString()).isEqualTo("decision");
    }

    @Test
    void budgetValidationAndUnknownProgramme() {
        var bad = pm.put(POOL + "/budgets/1999", Map.of("amount", "-5"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(x -> x.get("field").asString())).containsExactlyInAnyOrder("year", "amount");
        assertThat(pm.get("/api/v1/programmes/NOPE/pool").status()).isEqualTo(404);
    }

    @Test
    void purchasesArePagedAndSorted() {
        int year = 2003;
        long e = enrolment(year);
        for (int i = 1; i <= 23; i++) request(e, i + ".50", LocalDate.of(year, 1, 2).plusDays(i));
        JsonNode page0 = pm.get(POOL + "?year=" + year + "&sort=amount&dir=desc").json().get("purchases");
        assertThat(page0.get("total").asLong()).isEqualTo(23);
        assertThat(page0.get("items").size()).isEqualTo(PoolService.PAGE_SIZE);
        assertThat(page0.get("items").get(0).get("amount").decimalValue()).isEqualByComparingTo("23.50");
        JsonNode page1 = pm.get(POOL + "?year=" + year + "&sort=amount&dir=desc&page=1").json().get("purchases");
        assertThat(page1.get("items").size()).isEqualTo(3);
        assertThat(page1.get("items").get(2).get("amount").decimalValue()).isEqualByComparingTo("1.50");
        JsonNode asc = pm.get(POOL + "?year=" + year + "&sort=requestedOn&dir=asc&status=REQUESTED").json().get("purchases");
        assertThat(asc.get("items").get(0).get("requestedOn").asString()).isEqualTo(LocalDate.of(year, 1, 3).toString());
        // an unknown sort key falls back to the request date, never into SQL
        assertThat(pm.get(POOL + "?year=" + year + "&sort=amount;drop").status()).isEqualTo(200);
    }
}
