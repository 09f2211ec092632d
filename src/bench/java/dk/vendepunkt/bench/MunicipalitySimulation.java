package dk.vendepunkt.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * 50 people at work on the generated municipality ({@link LoadMunicipality}, started by this simulation in its own JVM):
 * 40 caseworkers (one virtual user per account) sign in through the login form and then, with a think time between
 * clicks, open their caseload, a forløb from it, search persons by last name and open one of the results; 10 analysts
 * sign in and open the crime key figures page and the effect page, and fetch the key figures and the effect report
 * from the API with their personal API token. Each user goes on for {@code load.minutes} (default 3) after a ramp-up
 * of 30 s.
 *
 * <p>Settings (system properties): {@code load.minutes}, {@code load.think} (mean think time in seconds, default 2;
 * uniform between half and one and a half of it), {@code load.caseworkers} (≤ 40), {@code load.analysts} (≤ 10).
 * Run by {@code ./mvnw -Pbench test-compile gatling:test}; {@link LoadBench} prints p50/p95/p99 per request afterwards.
 */
public class MunicipalitySimulation extends Simulation {

    private final LoadMunicipality.Running running;

    public MunicipalitySimulation() throws Exception {
        running = LoadMunicipality.start();
        System.out.printf("%d processors; load average at the start: %s", Runtime.getRuntime().availableProcessors(),
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")));
        int minutes = Integer.getInteger("load.minutes", 3);
        double think = Double.parseDouble(System.getProperty("load.think", "2"));
        int caseworkers = Math.min(Integer.getInteger("load.caseworkers", 40), running.caseworkers().size());
        int analysts = Math.min(Integer.getInteger("load.analysts", 10), running.analysts().size());
        Duration pauseMin = Duration.ofMillis((long) (think * 500)), pauseMax = Duration.ofMillis((long) (think * 1500));

        HttpProtocolBuilder protocol = http.baseUrl(running.baseUrl()).acceptHeader("text/html,application/json")
                .acceptLanguageHeader("da").userAgentHeader("Vendepunkt load test");

        ScenarioBuilder caseworker = scenario("Sagsbehandler")
                .feed(users(running.caseworkers()))
                .exec(login())
                .during(Duration.ofMinutes(minutes)).on(
                        exec(http("caseload").get("/caseload").check(status().is(200),
                                regex("href=\"/enrolments/(\\d+)\"").findRandom().optional().saveAs("enrolment")))
                        .pause(pauseMin, pauseMax)
                        .doIf(session -> session.contains("enrolment")).then(
                                exec(http("forløb").get("/enrolments/#{enrolment}").check(status().is(200)))
                                .pause(pauseMin, pauseMax))
                        .exec(session -> session.set("name", LoadMunicipality.LAST[ThreadLocalRandom.current().nextInt(LoadMunicipality.LAST.length)])
                                .remove("person"))
                        .exec(http("person search").get("/people").queryParam("q", "#{name}").check(status().is(200),
                                regex("href=\"/people/(\\d+)\"").findRandom().optional().saveAs("person")))
                        .pause(pauseMin, pauseMax)
                        .doIf(session -> session.contains("person")).then(
                                exec(http("person").get("/people/#{person}").check(status().is(200)))
                                .pause(pauseMin, pauseMax)));

        ScenarioBuilder analyst = scenario("Analytiker")
                .feed(users(running.analysts()))
                .exec(login())
                .during(Duration.ofMinutes(minutes)).on(
                        exec(session -> {
                            LocalDate from = LocalDate.of(2021 + ThreadLocalRandom.current().nextInt(5), 1 + 3 * ThreadLocalRandom.current().nextInt(4), 1);
                            return session.set("from", from.toString()).set("to", from.plusMonths(3).minusDays(1).toString());
                        })
                        .exec(http("key figures page").get("/crime").queryParam("from", "#{from}").queryParam("to", "#{to}").check(status().is(200)))
                        .pause(pauseMin, pauseMax)
                        .exec(http("key figures API").get("/api/v1/crime/key-figures").queryParam("from", "#{from}").queryParam("to", "#{to}")
                                .header("Authorization", "Bearer #{token}").header("Accept", "application/json").check(status().is(200)))
                        .pause(pauseMin, pauseMax)
                        .exec(http("effect page").get("/effect").queryParam("programme", "EXIT").check(status().is(200)))
                        .pause(pauseMin, pauseMax)
                        .exec(http("effect API").get("/api/v1/reports/effect").queryParam("programme", "EXIT")
                                .queryParam("asOf", "2026-01-01").queryParam("disclosure", "internal")
                                .header("Authorization", "Bearer #{token}").header("Accept", "application/json").check(status().is(200)))
                        .pause(pauseMin, pauseMax));

        setUp(caseworker.injectOpen(rampUsers(caseworkers).during(Duration.ofSeconds(30))),
                analyst.injectOpen(rampUsers(analysts).during(Duration.ofSeconds(30))))
                .protocols(protocol);
    }

    /** The login form: its CSRF token, then the POST (the redirect to the start page is followed and counted with it). */
    static ChainBuilder login() {
        return exec(http("login form").get("/login").check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("login").post("/login").formParam("username", "#{username}").formParam("password", LoadMunicipality.PASSWORD)
                        .formParam("_csrf", "#{csrf}").check(status().is(200), regex("/login\\?error").notExists()));
    }

    /** One account per virtual user, in order. */
    static Iterator<Map<String, Object>> users(List<LoadMunicipality.LoadUser> users) {
        AtomicInteger next = new AtomicInteger();
        Supplier<Map<String, Object>> one = () -> {
            LoadMunicipality.LoadUser u = users.get(next.getAndIncrement() % users.size());
            Map<String, Object> m = new HashMap<>();
            m.put("username", u.username());
            m.put("token", u.token() == null ? "" : u.token());
            return m;
        };
        return Stream.generate(one).iterator();
    }

    @Override
    public void after() {
        try {
            System.out.printf("load average at the end: %s", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")));
        } catch (java.io.IOException ignored) {
            // not on Linux
        }
        running.app().close();
    }
}
