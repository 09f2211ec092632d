package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.internal.ApiTokens;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Throws seeded random and malformed input at every {@code POST}/{@code PUT}/{@code PATCH} endpoint under
 * {@code /api/v1/} (found in Spring's handler mapping, so a new endpoint is covered without touching this test):
 * random and broken JSON, deep nesting, form fields, huge strings, control characters, wrong content types and
 * broken CSV, as four roles. Never a 5xx, never a stack trace in the body, and the database unchanged (row count and
 * row versions of every table but the audit log's and the login's) after a refused request. Request bodies over the
 * configured size answer 413 with a Danish problem; imports have their own larger limit.
 *
 * <p>Reproducible: the seed is printed and fixed by default; a longer run on demand with
 * {@code -Dvendepunkt.fuzz.seed=N -Dvendepunkt.fuzz.cases=200}.
 */
@IntegrationTest
class ApiFuzzIT {

    static final long SEED = Long.getLong("vendepunkt.fuzz.seed", 20261203L);
    static final int CASES = Integer.getInteger("vendepunkt.fuzz.cases", 10);
    /** Tables a refused request may legitimately write: the audit log (denials are audited) and the login's bookkeeping. */
    static final Pattern MAY_CHANGE = Pattern.compile("aud_.*|org_login.*|org_api_token.*|spring_session.*");
    /** A user's row is updated by every sign-in (last login, failed attempts): only its count is compared. */
    static final Pattern COUNT_ONLY = Pattern.compile("org_user");
    static final Pattern STACK_TRACE = Pattern.compile("\\tat |\\bat (java|dk|org|jdk)\\.|[a-z]\\.[A-Za-z]+(Exception|Error)\\b");

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired List<ImportHandler> imports;
    @Autowired ApiTokens tokens;
    @Autowired Clock clock;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String pattern) {}

    List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (String p : info.getPatternValues()) {
                if (!p.startsWith("/api/v1/")) continue;
                for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                    if (m == RequestMethod.POST || m == RequestMethod.PUT || m == RequestMethod.PATCH) seen.add(m + " " + p);
                }
            }
        });
        return seen.stream().map(s -> new Endpoint(s.substring(0, s.indexOf(' ')), s.substring(s.indexOf(' ') + 1))).toList();
    }

    @Test
    void everyWritingApiEndpointRefusesRandomInputCleanly() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("discovered endpoints").hasSizeGreaterThan(10)
                .contains(new Endpoint("POST", "/api/v1/imports/{kind}"));
        long team = staff.team("fuzz");
        List<Api> callers = new ArrayList<>();
        for (Role role : new Role[] {Role.ADMIN, Role.PROGRAMME_MANAGER, Role.CASEWORKER, Role.ANALYST}) {
            var u = staff.user(role, team); // a personal API token: no bcrypt per request
            callers.add(Api.at(port).bearer(tokens.createPersonal(u.username(), "fuzz", Set.of(role), LocalDate.now(clock).plusDays(1)).token()));
        }
        List<String> kinds = imports.stream().map(ImportHandler::kind).toList();
        Random random = new Random(SEED);
        Gen gen = new Gen(random);
        int requests = 0;
        String before = snapshot();
        for (Endpoint e : endpoints) {
            for (int i = 0; i < CASES; i++) {
                String path = gen.path(e.pattern(), kinds);
                Gen.Body body = gen.body();
                Api api = callers.get(random.nextInt(callers.size()));
                Api.Response r = api.send(e.method(), path, body.contentType(), body.content());
                requests++;
                String what = "seed " + SEED + ", " + e.method() + " " + path + " " + body.contentType() + " "
                        + excerpt(new String(body.content(), StandardCharsets.UTF_8)) + " -> " + excerpt(r.toString());
                assertThat(r.status()).as(what).isLessThan(500);
                assertThat(STACK_TRACE.matcher(r.body()).find()).as("stack trace in " + what).isFalse();
                String after = snapshot();
                if (r.status() >= 400) assertThat(after).as("database changed by a refused request: " + what).isEqualTo(before);
                before = after;
            }
        }
        System.out.println("ApiFuzzIT: " + requests + " requests to " + endpoints.size() + " endpoints, seed " + SEED);
    }

    @Test
    void aBodyOverTheLimitIs413InDanishAndAnImportMayBeLarger() {
        Api api = admin();
        String before = everyEndpointRefusesABigBody(api::send);
        // the same size as a file import is read (and refused row by row, not by size)
        StringBuilder csv = new StringBuilder("report_ref,reported_at,offence_category,lat,lon\n");
        while (csv.length() < 1024 * 1024 + 10) csv.append("fz-big,not-a-date,NOPE,,\n");
        Api.Response r = api.postFile("/api/v1/imports/crime-reports", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aStreamedBodyWithoutContentLengthIsCountedAnd413Too() {
        Api api = admin();
        everyEndpointRefusesABigBody(api::sendChunked);
        // under the limit a streamed body is read as usual (a validation problem, not a size problem)
        Api.Response small = api.sendChunked("POST", "/api/v1/referrals", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(small.status()).as(small.toString()).isNotEqualTo(413).isLessThan(500);
    }

    interface Sender {
        Api.Response send(String method, String path, String contentType, byte[] content);
    }

    Api admin() {
        var admin = staff.user(Role.ADMIN);
        return Api.at(port).as(admin.username(), admin.password());
    }

    /**
     * A JSON body 10 bytes over 1 MB to every writing endpoint but the imports: 413 with the Danish problem, and the
     * database unchanged; the snapshot taken before.
     */
    String everyEndpointRefusesABigBody(Sender sender) {
        String before = snapshot();
        byte[] big = ("{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (Endpoint e : endpoints()) {
            if (e.pattern().startsWith("/api/v1/imports/")) continue;
            Api.Response r = sender.send(e.method(), e.pattern().replaceAll("\\{[^}]+}", "1"), "application/json", big);
            assertThat(r.status()).as(e.toString()).isEqualTo(413);
            assertThat(r.json().get("title").asString()).isEqualTo("Forespørgslen er for stor");
            assertThat(r.json().get("detail").asString()).contains("højst 1 MB", "op til 512 MB", "Intet er gemt");
        }
        assertThat(snapshot()).isEqualTo(before);
        return before;
    }

    /** Per table (but {@link #MAY_CHANGE}): row count and the sum of the row versions (xmin), which any insert, update or delete moves. */
    String snapshot() {
        List<String> tables = jdbc.sql("select table_schema || '.' || table_name from information_schema.tables "
                + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                + "and table_name not like 'flyway%' order by 1").query(String.class).list().stream()
                .filter(t -> !MAY_CHANGE.matcher(t.substring(t.indexOf('.') + 1)).matches()).toList();
        StringBuilder sql = new StringBuilder();
        for (String t : tables) {
            if (!sql.isEmpty()) sql.append(" union all ");
            String versions = COUNT_ONLY.matcher(t.substring(t.indexOf('.') + 1)).matches() ? "0" : "coalesce(sum(xmin::text::bigint), 0)";
            sql.append("select '").append(t).append("' || ':' || count(*) || ':' || ").append(versions).append(" from ").append(t);
        }
        // sorted here: with many tables PostgreSQL may run the union's branches in parallel, in any order
        return String.join("\n", jdbc.sql(sql.toString()).query(String.class).list().stream().sorted().toList());
    }

    static String excerpt(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + ")" : s;
    }

    /** The seeded generator of paths and bodies. */
    static final class Gen {
        record Body(String contentType, byte[] content) {}

        static final String[] FIELDS = {"name", "personId", "personKey", "cpr", "teamId", "date", "startDate", "endDate",
                "status", "amount", "programme", "title", "text", "note", "username", "password", "roles", "teams", "id",
                "version", "reason", "kind", "area", "from", "to", "value", "email", "description", "type", "level"};
        static final String[] CONTENT_TYPES = {"application/json", "text/csv", "application/x-www-form-urlencoded",
                "text/plain", "application/xml", "multipart/form-data", "application/octet-stream", "application/geo+json",
                "application/json; charset=latin1", null};

        final Random random;

        Gen(Random random) {
            this.random = random;
        }

        String path(String pattern, List<String> kinds) {
            var m = Pattern.compile("\\{([^}]+)}").matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = m.group(1).equals("kind") && random.nextInt(4) > 0 ? kinds.get(random.nextInt(kinds.size()))
                        : switch (random.nextInt(6)) {
                            case 0 -> "999999999";
                            case 1 -> "-1";
                            case 2 -> "0";
                            case 3 -> "9223372036854775808";
                            case 4 -> URLEncoder.encode(string(), StandardCharsets.UTF_8);
                            default -> "abc";
                        };
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value.isEmpty() ? "x" : value));
            }
            m.appendTail(out);
            return out.toString();
        }

        Body body() {
            return switch (random.nextInt(9)) {
                case 0, 1, 2 -> new Body("application/json", utf8(json(3)));
                case 3 -> new Body("application/json", utf8(malformedJson()));
                case 4 -> new Body("application/x-www-form-urlencoded", utf8(form()));
                case 5 -> new Body("text/csv", utf8(csv()));
                case 6 -> new Body(CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], bytes());
                case 7 -> new Body(CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], utf8(json(2)));
                default -> new Body("application/json", utf8("[".repeat(2000 + random.nextInt(3000))));
            };
        }

        String string() {
            return switch (random.nextInt(8)) {
                case 0 -> "";
                case 1 -> "x".repeat(5000 + random.nextInt(60000));
                case 2 -> "a\u0000b\u0007c\u001b[0m";
                case 3 -> "2026-02-30";
                case 4 -> "'; drop table aud_event; --";
                case 5 -> "\uD800\uFFFE\u202Eæøå";
                case 6 -> Long.toString(random.nextLong());
                default -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = random.nextInt(40); i > 0; i--) s.append((char) random.nextInt(0x3000));
                    yield s.toString();
                }
            };
        }

        String json(int depth) {
            return switch (depth <= 0 ? random.nextInt(6) : random.nextInt(9)) {
                case 0 -> "null";
                case 1 -> random.nextBoolean() ? "true" : "false";
                case 2 -> switch (random.nextInt(4)) {
                    case 0 -> "1e400";
                    case 1 -> "-0.0";
                    case 2 -> "99999999999999999999999999";
                    default -> Integer.toString(random.nextInt());
                };
                case 3, 4, 5 -> quote(string());
                case 6 -> {
                    StringBuilder a = new StringBuilder("[");
                    for (int i = random.nextInt(4); i > 0; i--) a.append(json(depth - 1)).append(i > 1 ? "," : "");
                    yield a.append(']').toString();
                }
                default -> {
                    StringBuilder o = new StringBuilder("{");
                    for (int i = random.nextInt(8); i > 0; i--) {
                        o.append(quote(random.nextInt(5) == 0 ? string() : FIELDS[random.nextInt(FIELDS.length)]))
                                .append(':').append(json(depth - 1)).append(i > 1 ? "," : "");
                    }
                    yield o.append('}').toString();
                }
            };
        }

        String malformedJson() {
            String good = json(3);
            return switch (random.nextInt(5)) {
                case 0 -> good.substring(0, random.nextInt(good.length() + 1));
                case 1 -> "{\"name\":\"unterminated";
                case 2 -> "{name: 'single', trailing: 1,}";
                case 3 -> good + good;
                default -> "\uFEFF" + good;
            };
        }

        String form() {
            StringBuilder f = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                f.append(URLEncoder.encode(FIELDS[random.nextInt(FIELDS.length)], StandardCharsets.UTF_8)).append('=')
                        .append(random.nextInt(6) == 0 ? "%zz%" : URLEncoder.encode(string(), StandardCharsets.UTF_8)).append('&');
            }
            return f.toString();
        }

        String csv() {
            StringBuilder c = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
            int columns = 1 + random.nextInt(8);
            for (int row = 0; row < 1 + random.nextInt(6); row++) {
                for (int col = 0; col < columns + (row > 0 ? random.nextInt(3) - 1 : 0); col++) {
                    if (col > 0) c.append(random.nextInt(6) == 0 ? ';' : ',');
                    c.append(switch (random.nextInt(6)) {
                        case 0 -> "\"unbalanced";
                        case 1 -> "\"a\"\"b\"";
                        case 2 -> row == 0 ? FIELDS[random.nextInt(FIELDS.length)] : "2026-13-01";
                        default -> string().replace(",", "").replace("\n", "");
                    });
                }
                c.append(random.nextBoolean() ? "\r\n" : "\n");
            }
            return c.toString();
        }

        byte[] bytes() {
            byte[] b = new byte[random.nextInt(2000)];
            random.nextBytes(b);
            return b;
        }

        static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') q.append('\\').append(ch);
                else if (ch < 0x20) q.append(String.format("\\u%04x", (int) ch));
                else q.append(ch);
            }
            return q.append('"').toString();
        }

        static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
