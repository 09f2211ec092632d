package dk.vendepunkt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on with OpenID Connect against a real OIDC provider (mock-oauth2-server, a separate HTTP server
 * started by the test): the authorization-code flow as a browser follows it (cookies kept, redirects followed),
 * the claims mapped to a role and teams, the staff account provisioned just in time, and team rules applied to it.
 * This application instance has local login and HTTP Basic switched off.
 */
@IntegrationTest
class SsoOidcIT {

    static final String ISSUER_ID = "kommune";
    static final String CLIENT_ID = "vendepunkt";
    static final MockOAuth2Server IDP = new MockOAuth2Server();
    private static final AtomicInteger SEQ = new AtomicInteger();

    static {
        // one provider for the test JVM: the cached application contexts (this class's, SsoBootPropertiesIT's) use it
        IDP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(IDP::shutdown));
    }

    @DynamicPropertySource
    static void sso(DynamicPropertyRegistry p) {
        p.add("vendepunkt.sso.oidc.issuer-uri", () -> IDP.issuerUrl(ISSUER_ID).toString());
        p.add("vendepunkt.sso.oidc.client-id", () -> CLIENT_ID);
        p.add("vendepunkt.sso.oidc.client-secret", () -> "hemmelig");
        p.add("vendepunkt.sso.oidc.roles-claim", () -> "vp_roller");
        p.add("vendepunkt.sso.oidc.teams-claim", () -> "vp_teams");
        p.add("vendepunkt.sso.oidc.roles[sagsbehandler]", () -> "CASEWORKER");
        p.add("vendepunkt.sso.oidc.roles[programleder]", () -> "PROGRAMME_MANAGER");
        p.add("vendepunkt.auth.local-login", () -> "false");
        p.add("vendepunkt.auth.http-basic", () -> "false");
    }

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired PersonDirectory people;
    @Autowired JdbcClient jdbc;
    @Autowired FilterChainProxy filters;

    private Browser browser;

    @org.junit.jupiter.api.BeforeEach
    void newBrowser() {
        browser = new Browser(port);
    }

    @Test
    void aCaseworkerSignsInWithSsoSeesTheirTeamsPersonAndIsRefusedAnotherTeams() {
        long teamX = staff.team("sso-x");
        long teamY = staff.team("sso-y");
        String nameX = teamName(teamX);
        long inX = person(teamX);
        long inY = person(teamY);
        String username = "sso-anna-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;

        var home = signIn(username, List.of("sagsbehandler", "andet-system"), List.of(nameX, "Intet sådant team"));
        assertThat(home.uri().getPath()).as("lands on the start page").isEqualTo("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Anna Andersen");

        assertThat(get("/people/" + inX).statusCode()).isEqualTo(200);
        assertThat(get("/people/" + inY).statusCode()).isEqualTo(403);
        assertThat(get("/admin/users").statusCode()).isEqualTo(403);

        var row = jdbc.sql("select sso_issuer, roles::text, email from org_user where username = ?").param(username)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(row).containsExactly(IDP.issuerUrl(ISSUER_ID).toString(), "{CASEWORKER}", username + "@kommune.dk");
        assertThat(teamsOf(username)).containsExactly(teamX);
        assertThat(audited(username, "CREATE")).isEqualTo(1);
        assertThat(audited(username, "LOGIN")).isEqualTo(1);
    }

    @Test
    void theNextSignInTakesTheProvidersRolesAndTeams() {
        long teamX = staff.team("sso-x");
        long teamY = staff.team("sso-y");
        long inX = person(teamX);
        long inY = person(teamY);
        String username = "sso-bo-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        signIn(username, List.of("sagsbehandler"), List.of(teamName(teamX)));
        assertThat(get("/people/" + inY).statusCode()).isEqualTo(403);

        // moved to team Y and made programme manager at the identity provider: a new sign-in (a new browser)
        var second = new Browser(port);
        var home = second.signIn(username, List.of("programleder"), List.of(teamName(teamY)));
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(second.get("/people/" + inY).statusCode()).isEqualTo(200);
        assertThat(second.get("/people/" + inX).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select roles::text from org_user where username = ?").param(username).query(String.class).single())
                .isEqualTo("{PROGRAMME_MANAGER}");
        assertThat(teamsOf(username)).containsExactly(teamY);
        assertThat(audited(username, "UPDATE")).isEqualTo(1);
        // the first browser's session was signed in with the old roles: it ends
        assertThat(get("/people/" + inX).uri().getPath()).isEqualTo("/login");
    }

    @Test
    void aSignInWithoutAVendepunktRoleOrWithALocalUsersNameIsRefusedAndAudited() {
        String username = "sso-cy-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        var refused = signIn(username, List.of("andet-system"), List.of());
        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.uri().getQuery()).isEqualTo("ssoError");
        assertThat(refused.body()).contains("Log ind med kommunens login lykkedes ikke");
        assertThat(jdbc.sql("select count(*) from org_user where username = ?").param(username).query(Long.class).single()).isZero();
        assertThat(audited(username, "LOGIN_FAILED")).isEqualTo(1);

        var local = staff.user(Role.ANALYST);
        var takeover = new Browser(port);
        assertThat(takeover.signIn(local.username(), List.of("programleder"), List.of()).uri().getQuery()).isEqualTo("ssoError");
        assertThat(jdbc.sql("select roles::text || coalesce(sso_issuer, '-') from org_user where username = ?").param(local.username())
                .query(String.class).single()).isEqualTo("{ANALYST}-");
        assertThat(audited(local.username(), "LOGIN_FAILED")).isEqualTo(1);
    }

    @Test
    void anSsoUserHasNoPasswordToChangeAndGuessingItCountsNothing() {
        String username = "sso-dan-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        signIn(username, List.of("sagsbehandler"), List.of());
        String csrf = WebSession.csrf(get("/account/password").body());
        for (int i = 0; i < 6; i++) {
            var refused = browser.post("/account/password", Map.of("_csrf", csrf, "currentPassword", "gæt-nummer-" + i,
                    "newPassword", "et-helt-nyt-kodeord-" + i, "newPasswordRepeat", "et-helt-nyt-kodeord-" + i));
            assertThat(refused.body()).contains("din adgangskode skiftes hos kommunen");
        }
        assertThat(jdbc.sql("select failed_logins from org_user where username = ?").param(username).query(Integer.class).single()).isZero();
        assertThat(get("/").uri().getPath()).as("still signed in").isEqualTo("/");
    }

    @Test
    void localLoginAndHttpBasicCanBeSwitchedOff() {
        var login = get("/login");
        assertThat(login.body()).contains("Log ind med kommunens login").contains("href=\"/oauth2/authorization/kommune\"")
                .doesNotContain("type=\"password\"");
        var chains = filters.getFilterChains();
        assertThat(chains).allSatisfy(c -> assertThat(c.getFilters()).noneMatch(f -> f instanceof UsernamePasswordAuthenticationFilter));
        // the metrics chain keeps HTTP Basic for its scrape user (docs/operations.md); the API has none
        assertThat(chains.stream().filter(c -> c.getFilters().stream().anyMatch(f -> f.getClass().getSimpleName().equals("ApiTokenFilter"))))
                .singleElement().satisfies(c -> assertThat(c.getFilters()).noneMatch(f -> f instanceof BasicAuthenticationFilter));
        var local = staff.user(Role.ANALYST);
        assertThat(Api.at(port).as(local.username(), local.password()).get("/api/v1/admin/users").status()).isEqualTo(401);
    }

    private HttpResponse<String> signIn(String username, List<String> roles, List<String> teams) {
        return browser.signIn(username, roles, teams);
    }

    private HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    private long person(long team) {
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), "Sso", "Testperson", "D01", team);
    }

    private String teamName(long team) {
        return jdbc.sql("select name from org_team where id = ?").param(team).query(String.class).single();
    }

    private List<Long> teamsOf(String username) {
        return jdbc.sql("select m.team_id from org_team_member m join org_user u on u.id = m.user_id where u.username = ?")
                .param(username).query(Long.class).list();
    }

    private long audited(String username, String action) {
        return jdbc.sql("select count(*) from aud_event where actor = ? and action = ?").params(username, action).query(Long.class).single();
    }

    /** A browser: cookies kept, redirects followed (between Vendepunkt and the identity provider). */
    static final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        private final int port;

        Browser(int port) {
            this.port = port;
        }

        /** Signs in at the identity provider as a user with these claims; the answer is the page the flow ends on. */
        HttpResponse<String> signIn(String username, List<String> roles, List<String> teams) {
            return signIn("kommune", Map.of("preferred_username", username, "name", "Anna Andersen", "email", username + "@kommune.dk",
                    "vp_roller", roles, "vp_teams", teams));
        }

        /** Signs in through the client registration {@code registrationId} as a user with these claims. */
        HttpResponse<String> signIn(String registrationId, Map<String, Object> claims) {
            IDP.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-" + claims.get("preferred_username"), "JWT",
                    List.of(CLIENT_ID), claims, 3600));
            return get("/oauth2/authorization/" + registrationId);
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .header("Accept-Language", "da").POST(HttpRequest.BodyPublishers.ofString(WebSession.form(fields))).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String path) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html").header("Accept-Language", "da").GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
