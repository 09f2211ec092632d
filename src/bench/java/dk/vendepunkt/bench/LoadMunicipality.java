package dk.vendepunkt.bench;

import dk.vendepunkt.VendepunktApplication;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.ApiTokens;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.platform.internal.ImportRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generated municipality of the load test ({@link LoadBench}, {@link MunicipalitySimulation}): Vendepunkt on an
 * embedded PostgreSQL in {@code /tmp/load-bench/data} with
 * <ul>
 * <li>{@value #TEAMS} teams, {@value #CASEWORKERS_PER_TEAM} caseworkers in each ({@code load-cw-<team>-<n>}) and
 * {@value #ANALYSTS} analysts ({@code load-analyst-<n>}), all with the password {@value #PASSWORD}; each analyst has a
 * personal API token (ADR 0014) for the API requests, made anew at every start;</li>
 * <li>100 000 persons (synthetic names, fake CPR numbers encrypted with the data dir's key, district D01-D35), each
 * reachable by one team;</li>
 * <li>20 000 forløb 2011-today in EXIT, SSP+ and Rammemodellen, about 10 % ongoing, spread over the teams and
 * coordinated by their caseworkers; follow-up tasks for the forløb closed in the last two years (the recent ones
 * open); a few referrals awaiting screening per team;</li>
 * <li>the outcomes side as a register would deliver it ({@link EffectReportBench#generate}): 20 000 forløb,
 * 200 000 charges and convictions and follow-ups, through the imports;</li>
 * <li>crime statistics ({@link CrimeKeyFiguresBench}): the bench city's areas, 1 000 000 police reports over five
 * years and 100 000 charges, through the imports.</li>
 * </ul>
 * Persons and forløb go in with {@code COPY} (the services would take hours for 100 000 persons and audit every
 * one); everything else through Vendepunkt's own services and imports. Generated once; later starts reuse the data dir
 * (delete it, or {@code -Dload.regenerate=true}, to generate again).
 */
final class LoadMunicipality {

    static final Path DIR = Path.of(System.getProperty("load.dir", "/tmp/load-bench"));
    static final int TEAMS = 20, CASEWORKERS_PER_TEAM = 2, ANALYSTS = 10;
    static final int PERSONS = Integer.getInteger("load.persons", 100_000), ENROLMENTS = Integer.getInteger("load.enrolments", 20_000);
    static final String PASSWORD = "load-bench-password-1", ADMIN = "load-admin";
    static final String[] FIRST = {"Ahmad", "Ali", "Bilal", "Casper", "Danny", "Elias", "Emre", "Frederik", "Hassan", "Ibrahim",
            "Jonas", "Kasper", "Karim", "Lucas", "Mads", "Mikkel", "Mohammed", "Nicolai", "Omar", "Oliver", "Rasmus", "Sami", "Simon",
            "Tobias", "Umar", "Victor", "Yusuf", "Zakaria", "Amalie", "Aisha", "Camilla", "Fatima", "Ida", "Julie", "Laura", "Maja"};
    static final String[] LAST = {"Andersen", "Ahmadi", "Bakr", "Berg", "Christensen", "Demir", "Dahl", "Eriksen", "Farah",
            "Hansen", "Holm", "Hussein", "Iversen", "Jensen", "Jørgensen", "Kaya", "Khan", "Larsen", "Lund", "Madsen", "Mortensen",
            "Nielsen", "Olsen", "Pedersen", "Petersen", "Rasmussen", "Said", "Skov", "Sørensen", "Thomsen", "Yilmaz", "Østergaard"};

    /** A user of the simulation: username and, for analysts, an API token. */
    record LoadUser(String username, String token) {}

    /** The running application and its users. */
    record Running(ConfigurableApplicationContext app, String baseUrl, List<LoadUser> caseworkers, List<LoadUser> analysts) {}

    private LoadMunicipality() {}

    static Running start() throws Exception {
        Path data = DIR.resolve("data");
        boolean generate = Boolean.getBoolean("load.regenerate") || !Files.exists(DIR.resolve("generated"));
        if (generate) {
            Files.deleteIfExists(DIR.resolve("generated"));
            if (Files.exists(data)) StartupBench.deleteRecursively(data);
        }
        Files.createDirectories(DIR);
        List<String> args = new ArrayList<>(List.of("--server.port=" + Integer.getInteger("load.port", 0), "--vendepunkt.data-dir=" + data,
                "--vendepunkt.demo-data=false", "--vendepunkt.bootstrap-admin.username=" + ADMIN,
                "--vendepunkt.bootstrap-admin.password=" + PASSWORD, "--vendepunkt.outcomes.match-initial-delay=86400000",
                "--logging.level.root=WARN"));
        // not vendepunkt.embedded-db.clean: the embedded server would delete its cluster again at shutdown
        ConfigurableApplicationContext app = SpringApplication.run(VendepunktApplication.class, args.toArray(String[]::new));
        String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        if (generate) {
            long t0 = System.nanoTime();
            generate(app, new Random(20261203));
            Files.writeString(DIR.resolve("generated"), PERSONS + " persons, " + ENROLMENTS + " forløb\n");
            System.out.printf("generated the municipality in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
        List<LoadUser> caseworkers = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            for (int n = 0; n < CASEWORKERS_PER_TEAM; n++) caseworkers.add(new LoadUser(caseworker(t, n), null));
        }
        ApiTokens tokens = app.getBean(ApiTokens.class);
        List<LoadUser> analysts = new ArrayList<>();
        for (int a = 0; a < ANALYSTS; a++) {
            String name = "load-analyst-" + a;
            analysts.add(new LoadUser(name, tokens.createPersonal(name, "load " + System.nanoTime(), Set.of(Role.ANALYST),
                    LocalDate.now().plusDays(7)).token()));
        }
        return new Running(app, base, caseworkers, analysts);
    }

    static String caseworker(int team, int n) {
        return "load-cw-" + team + "-" + n;
    }

    static void generate(ConfigurableApplicationContext app, Random rnd) throws Exception {
        StaffAdministration staff = app.getBean(StaffAdministration.class);
        long[] teams = new long[TEAMS];
        long[][] workers = new long[TEAMS][CASEWORKERS_PER_TEAM];
        for (int t = 0; t < TEAMS; t++) {
            teams[t] = staff.createTeam("Load-team " + (t + 1), t % 2 == 0 ? "SOF" : "BUF", null);
            for (int n = 0; n < CASEWORKERS_PER_TEAM; n++) {
                workers[t][n] = staff.createUser(new StaffAdministration.NewUser(caseworker(t, n), "Sagsbehandler " + t + "-" + n, null, PASSWORD,
                        Set.of(Role.CASEWORKER), Set.of(n == 0 ? StaffFunction.EXIT_EXPERT : StaffFunction.SSP_CONSULTANT), Set.of(teams[t])));
            }
        }
        for (int a = 0; a < ANALYSTS; a++) {
            staff.createUser(new StaffAdministration.NewUser("load-analyst-" + a, "Analytiker " + a, null, PASSWORD, Set.of(Role.ANALYST),
                    Set.of(), Set.of()));
        }
        DataSource ds = app.getBean(DataSource.class);
        JdbcClient jdbc = JdbcClient.create(ds);
        persons(app, ds, teams, rnd);
        enrolments(ds, jdbc, teams, workers, rnd);
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("analyze");
        }
        ImportRegistry imports = app.getBean(ImportRegistry.class);
        EffectReportBench.Generated outcomes = EffectReportBench.generate(DIR, ENROLMENTS, 10 * ENROLMENTS, rnd);
        CrimeKeyFiguresBench.importFile(imports, "enrolments", outcomes.enrolments());
        CrimeKeyFiguresBench.importFile(imports, "follow-ups", outcomes.followUps());
        CrimeKeyFiguresBench.importFile(imports, "register-events", outcomes.events());
        CrimeKeyFiguresBench.importFile(imports, "areas", new ByteArrayInputStream(CrimeKeyFiguresBench.areas().getBytes(StandardCharsets.UTF_8)));
        Path reports = DIR.resolve("crime-reports.csv"), charges = DIR.resolve("charges.csv");
        CrimeKeyFiguresBench.generateReports(reports, 10 * PERSONS, rnd);
        CrimeKeyFiguresBench.generateCharges(charges, PERSONS, rnd);
        CrimeKeyFiguresBench.importFile(imports, "crime-reports", reports);
        CrimeKeyFiguresBench.importFile(imports, "charges", charges);
        for (Path p : List.of(reports, charges, outcomes.enrolments(), outcomes.followUps(), outcomes.events())) Files.deleteIfExists(p);
    }

    /** Person i: a fake CPR number (birth 1980-2007, serial by i) and a name; reached by team i % TEAMS. */
    static void persons(ConfigurableApplicationContext app, DataSource ds, long[] teams, Random rnd) throws Exception {
        Object vault = app.getBean(Class.forName("dk.vendepunkt.people.internal.CprVault"));
        Method encrypt = vault.getClass().getDeclaredMethod("encrypt", CprNumber.class), hash = vault.getClass().getDeclaredMethod("hash", CprNumber.class);
        encrypt.setAccessible(true);
        hash.setAccessible(true);
        StringBuilder persons = new StringBuilder(PERSONS * 200), grants = new StringBuilder(PERSONS * 12);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < PERSONS; i++) {
            LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(i % 10000);
            // serials 0000-3999 with a birth year 1980-1999, 4000-4999 with 2000-2007 (the CPR century rule)
            int serial = birth.getYear() < 2000 ? (i / 10000) * 100 + rnd.nextInt(100) : 4000 + (i / 10000) * 100 + rnd.nextInt(100);
            CprNumber cpr = new CprNumber(String.format("%02d%02d%02d%04d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100, serial));
            persons.append(i + 1).append(",\\x").append(hex.formatHex((byte[]) encrypt.invoke(vault, cpr))).append(',')
                    .append((String) hash.invoke(vault, cpr)).append(',').append(birth).append(',')
                    .append(FIRST[rnd.nextInt(FIRST.length)]).append(',').append(LAST[rnd.nextInt(LAST.length)]).append(',')
                    .append(String.format("D%02d", 1 + rnd.nextInt(35))).append(",load\n");
            grants.append(i + 1).append(',').append(teams[i % TEAMS]).append('\n');
        }
        try (Connection c = ds.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            // the serial i contains duplicates once in a while (same birth date, same random serial): skip them
            try (var s = c.createStatement()) {
                s.execute("create temp table load_person (like ppl_person including defaults)");
            }
            copy.copyIn("copy load_person (id, cpr_cipher, cpr_hash, birth_date, first_name, last_name, district_code, created_by) from stdin (format csv)",
                    new StringReader(persons.toString()));
            try (var s = c.createStatement()) {
                s.execute("insert into ppl_person select distinct on (cpr_hash) * from load_person order by cpr_hash, id");
                s.execute("select setval('ppl_person_id_seq', (select max(id) from ppl_person))");
                s.execute("create temp table load_grant (person_id bigint, team_id bigint)");
            }
            copy.copyIn("copy load_grant from stdin (format csv)", new StringReader(grants.toString()));
            try (var s = c.createStatement()) {
                s.execute("insert into ppl_person_team (person_id, team_id) select g.person_id, g.team_id from load_grant g join ppl_person p on p.id = g.person_id");
            }
        }
    }

    /**
     * Forløb: person {@code p} of team {@code p % TEAMS} (so the team reaches the person), started 2011-today, the
     * ongoing ones (started in the last 18 months, about 1 in 10) in a phase before closing, the closed ones with a
     * reason; the coordinator one of the team's caseworkers.
     */
    static void enrolments(DataSource ds, JdbcClient jdbc, long[] teams, long[][] workers, Random rnd) throws Exception {
        Map<String, List<String>> open = new LinkedHashMap<>();
        Map<String, String> closing = new LinkedHashMap<>();
        jdbc.sql("select programme, code, closing_phase from cw_programme_phase where programme in ('EXIT','SSP_PLUS','RAMMEMODEL') order by position")
                .query((rs, n) -> {
                    if (rs.getBoolean(3)) closing.put(rs.getString(1), rs.getString(2));
                    else open.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    return null;
                }).list();
        long persons = jdbc.sql("select max(id) from ppl_person").query(Long.class).single();
        String[] programmes = {"EXIT", "EXIT", "EXIT", "EXIT", "EXIT", "SSP_PLUS", "SSP_PLUS", "SSP_PLUS", "RAMMEMODEL", "RAMMEMODEL"};
        String[] reasons = {"COMPLETED", "COMPLETED", "COMPLETED", "DROPPED_OUT", "MOVED", "IMPRISONED", "TRANSFERRED", "OTHER"};
        LocalDate today = LocalDate.now();
        StringBuilder e = new StringBuilder(), f = new StringBuilder(), r = new StringBuilder();
        for (int i = 0; i < ENROLMENTS; i++) {
            // 20 000 forløb for 16 000 persons: every 5th person has two
            long person = 1 + (i < ENROLMENTS * 4 / 5 ? (long) i * 5 % persons : rnd.nextLong(persons));
            int team = (int) ((person - 1) % TEAMS);
            String programme = programmes[rnd.nextInt(programmes.length)];
            boolean ongoing = rnd.nextInt(10) == 0;
            LocalDate start = ongoing ? today.minusDays(1 + rnd.nextInt(540)) : LocalDate.of(2011, 1, 1).plusDays(rnd.nextInt((int) (today.toEpochDay() - LocalDate.of(2011, 1, 1).toEpochDay() - 200)));
            LocalDate end = ongoing ? null : start.plusDays(60 + rnd.nextInt(600));
            if (end != null && !end.isBefore(today)) end = today.minusDays(1);
            String phase = ongoing ? open.get(programme).get(rnd.nextInt(open.get(programme).size())) : closing.get(programme);
            long id = i + 1;
            e.append(id).append(',').append(person).append(',').append(programme).append(',').append(teams[team]).append(',')
                    .append(workers[team][rnd.nextInt(CASEWORKERS_PER_TEAM)]).append(',').append(phase).append(',').append(start).append(',')
                    .append(end == null ? "" : end).append(',').append(end == null ? "" : reasons[rnd.nextInt(reasons.length)]).append(',')
                    .append(rnd.nextInt(3) == 0).append(",load\n");
            if (end != null && end.isAfter(today.minusYears(2))) {
                LocalDate[] due = {end.plusMonths(3), end.plusYears(1), end.plusYears(2)};
                String[] kinds = {"MONTHS_3", "YEAR_1", "YEARS_2"};
                for (int k = 0; k < 3; k++) {
                    boolean recorded = due[k].isBefore(today.minusDays(30)) && rnd.nextInt(20) != 0;
                    f.append(id).append(',').append(kinds[k]).append(',').append(due[k]).append(',')
                            .append(recorded ? (rnd.nextBoolean() ? "EDUCATION" : "NONE") : "").append(',').append(recorded ? due[k] : "").append('\n');
                }
            }
        }
        for (int t = 0; t < TEAMS; t++) {
            for (int k = 0; k < 3; k++) {
                long person = 1 + t + (long) TEAMS * (persons / TEAMS - 1 - k);
                r.append(person).append(",EXIT,").append(teams[t]).append(",POLICE,").append(today.minusDays(1 + k)).append(",Bench,CONSENT,")
                        .append(today.minusDays(1 + k)).append(",load\n");
            }
        }
        try (Connection c = ds.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy cw_enrolment (id, person_id, programme, team_id, coordinator_id, phase, start_date, end_date, closure_reason, gang_related, created_by) "
                    + "from stdin (format csv)", new StringReader(e.toString()));
            copy.copyIn("copy cw_follow_up (enrolment_id, kind, due_date, status, status_date) from stdin (format csv)", new StringReader(f.toString()));
            copy.copyIn("copy cw_referral (person_id, programme, team_id, channel, referred_on, reason, legal_basis, consent_on, created_by) "
                    + "from stdin (format csv)", new StringReader(r.toString()));
            try (var s = c.createStatement()) {
                s.execute("select setval('cw_enrolment_id_seq', (select max(id) from cw_enrolment))");
            }
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a left-over file in /tmp does no harm
        }
    }
}
