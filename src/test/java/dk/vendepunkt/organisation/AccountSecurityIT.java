package dk.vendepunkt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/** Sessions that end when the account changes, lock-out under parallel guessing, audited sign-ins and administration. */
@IntegrationTest
class AccountSecurityIT {

    static final int MAX_FAILURES = 5; // vendepunkt.login.max-failures default

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired StaffAdministration admin;

    Api asAdmin() {
        return Api.at(port).as("admin", "test-admin-password");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Changes the user through the admin API: the change is applied to the user's current state. */
    void change(long userId, Map<String, Object> changes) {
        JsonNode u = asAdmin().get("/api/v1/admin/users/" + userId).json();
        var body = new java.util.HashMap<String, Object>(Map.of("displayName", u.get("displayName").asString(),
                "enabled", u.get("enabled").asBoolean(), "roles", u.get("roles"), "functions", u.get("functions"),
                "teamIds", u.get("teamIds"), "version", u.get("version").asInt()));
        body.putAll(changes);
        assertThat(asAdmin().put("/api/v1/admin/users/" + userId, body).status()).isEqualTo(200);
    }

    WebSession signedIn(TestStaff.User u) {
        WebSession s = new WebSession(port);
        assertThat(s.login(u.username(), u.password()).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(s.get("/people").statusCode()).isEqualTo(200);
        return s;
    }

    static void assertSentToLogin(WebSession s, String path) {
        var r = s.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void disablingAUserEndsTheirOpenSessions() {
        var u = staff.user(Role.CASEWORKER, staff.team("disable"));
        WebSession first = signedIn(u);
        WebSession second = signedIn(u);

        change(u.id(), Map.of("enabled", false));

        assertSentToLogin(first, "/people");
        assertSentToLogin(second, "/");
        // the session stays ended, and the API (HTTP Basic on every request) refuses the user too
        assertSentToLogin(first, "/people");
        assertThat(Api.at(port).as(u.username(), u.password()).get("/api/v1/persons?q=a").status()).isEqualTo(401);
        assertThat(new WebSession(port).login(u.username(), u.password()).headers().firstValue("Location").orElseThrow()).contains("error");

        change(u.id(), Map.of("enabled", true));
        signedIn(u);
    }

    @Test
    void removingARoleEndsTheOpenSessions() {
        var u = staff.user(Role.CASEWORKER, staff.team("role"));
        WebSession s = signedIn(u);

        change(u.id(), Map.of("roles", List.of("ANALYST")));

        assertSentToLogin(s, "/people");
        WebSession again = new WebSession(port);
        again.login(u.username(), u.password());
        assertThat(again.get("/people").statusCode()).isEqualTo(403);
        assertThat(again.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void lockingAUserEndsTheirOpenSessions() {
        var u = staff.user(Role.CASEWORKER, staff.team("lock"));
        WebSession s = signedIn(u);
        Api wrong = Api.at(port).as(u.username(), "not-the-password");
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(wrong.get("/api/v1/persons?q=a").status()).isEqualTo(401);
        }
        assertSentToLogin(s, "/people");
    }

    @Test
    void parallelGuessesAreCheckedAtMostMaxFailuresTimesAndAudited() throws Exception {
        var u = staff.user(Role.ANALYST);
        int n = 30;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String guess = "wrong-guess-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return Api.at(port).as(u.username(), guess).get("/api/v1/admin/users").status();
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) assertThat(f.get()).isEqualTo(401);
        } finally {
            pool.shutdown();
        }
        // every checked password counts one attempt; the attempts stopped at the limit
        int attempts = jdbc.sql("select failed_logins from org_user where id = ?").param(u.id()).query(Integer.class).single();
        assertThat(attempts).isEqualTo(MAX_FAILURES);
        long failed = audited(u.username(), "LOGIN_FAILED");
        assertThat(failed).isBetween(1L, (long) MAX_FAILURES);
        assertThat(audited(u.username(), "LOCKED_OUT")).isEqualTo(n - failed + 1); // refused unchecked, plus the locking
        // and the right password is refused now, without being checked
        assertThat(Api.at(port).as(u.username(), u.password()).get("/api/v1/reports").status()).isEqualTo(401);
        assertThat(jdbc.sql("select failed_logins from org_user where id = ?").param(u.id()).query(Integer.class).single())
                .isEqualTo(MAX_FAILURES);
    }

    long audited(String actor, String action) {
        return jdbc.sql("select count(*) from aud_event where actor = ? and action = ?").params(actor, action).query(Long.class).single();
    }

    @Test
    void signInsAndFailedSignInsAreAuditedWithoutThePassword() {
        var u = staff.user(Role.ANALYST);
        assertThat(new WebSession(port).login(u.username(), "forkert-kodeord-42").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
        String nobody = "ingen-" + System.nanoTime();
        new WebSession(port).login(nobody, "forkert-kodeord-43");
        new WebSession(port).login(u.username(), u.password());

        assertThat(audited(u.username(), "LOGIN_FAILED")).isEqualTo(1);
        assertThat(audited(nobody, "LOGIN_FAILED")).isEqualTo(1);
        assertThat(audited(u.username(), "LOGIN")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from aud_event where coalesce(reason, '') like '%forkert-kodeord%' or subject like '%forkert-kodeord%'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select route from aud_event where actor = ? and action = 'LOGIN'").param(u.username())
                .query(String.class).single()).isEqualTo("POST /login");
        // a correct password resets the count
        assertThat(jdbc.sql("select failed_logins from org_user where id = ?").param(u.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void administrationOfUsersAndTeamsIsAudited() {
        long team = staff.team("audit");
        String name = "revideret-" + System.nanoTime();
        var created = asAdmin().post("/api/v1/admin/users", Map.of("username", name, "displayName", "Revi Deret",
                "password", "et langt og godt kodeord", "roles", List.of("CASEWORKER"), "teamIds", List.of(team)));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        change(id, Map.of("enabled", false, "roles", List.of("ANALYST"), "teamIds", List.of()));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of()));
        admin.setPassword(id, "et andet langt kodeord");

        var rows = jdbc.sql("select actor, action, reason from aud_event where subject = ? order by id")
                .param("medarbejder " + name).query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        assertThat(rows).containsExactly(
                "admin CREATE roller CASEWORKER; teams " + team,
                "admin UPDATE deaktiveret; roller +ANALYST −CASEWORKER; teams −" + team,
                "admin UPDATE ny adgangskode sat; brugerens sessioner afsluttet");
        assertThat(rows).noneMatch(r -> r.contains("kodeord"));
    }

    @Test
    void weakPasswordsAreRefusedWithADanishMessage() {
        for (String weak : List.of("            ", "aaaaaaaaaaaa", "123456789012", "passwordpassword")) {
            var r = asAdmin().post("/api/v1/admin/users", Map.of("username", "svag-" + System.nanoTime(), "displayName", "Svag",
                    "password", weak, "roles", List.of("READER")));
            assertThat(r.status()).as(weak).isEqualTo(400);
            assertThat(r.body()).as(weak).contains("password").contains("Adgangskoden");
        }
        String name = "sig-selv-" + System.nanoTime();
        var same = asAdmin().post("/api/v1/admin/users", Map.of("username", name, "displayName", "Svag", "password", name,
                "roles", List.of("READER")));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("brugernavnet");
        var u = staff.user(Role.READER);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.setPassword(u.id(), "qwertyuiop123"))
                .isInstanceOf(dk.vendepunkt.platform.ValidationException.class);
    }
}
