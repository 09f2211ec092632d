package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.DatabaseMode;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.platform.VendepunktProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the demo data on first start and prints the demo logins at every start. */
@Component
@Order(100)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String LOGIN_FILE = "demo-logins.txt";

    private final List<DemoData> contributors;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final VendepunktProperties props;
    private final DatabaseMode mode;
    private final Environment env;
    private final Clock clock;

    DemoDataLoader(List<DemoData> contributors, JdbcClient jdbc, TransactionTemplate tx, VendepunktProperties props,
                   DatabaseMode mode, Environment env, Clock clock) {
        this.clock = clock;
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoData::order)).toList();
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
        this.mode = mode;
        this.env = env;
    }

    boolean enabled() {
        return props.demoData() != null ? props.demoData() : mode.embedded();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) return;
        boolean loaded = jdbc.sql("select count(*) from plt_demo_data").query(Long.class).single() > 0;
        if (loaded) return;
        long t0 = System.nanoTime();
        List<String> logins = new ArrayList<>();
        RandomGenerator random = new Random(20100101L);
        LocalDate today = LocalDate.now(clock);
        DemoData.DemoContext ctx = new DemoData.DemoContext() {
            public RandomGenerator random() { return random; }
            public void login(String role, String username, String password) {
                logins.add(String.format("%-18s %-14s %s", role, username, password));
            }
            public LocalDate today() { return today; }
        };
        tx.executeWithoutResult(s -> {
            for (DemoData d : contributors) {
                log.info("Loading demo data: {}", d.getClass().getSimpleName());
                d.load(ctx);
            }
            jdbc.sql("insert into plt_demo_data (loaded_at) values (now())").update();
        });
        writeLogins(logins);
        log.info("Demo data loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private Path loginFile() {
        return props.dataDir().resolve(LOGIN_FILE);
    }

    private void writeLogins(List<String> logins) {
        try {
            Files.createDirectories(props.dataDir());
            Files.write(loginFile(), logins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void printLogins() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder sb = new StringBuilder("\n\n  Vendepunkt is ready at http://localhost:" + port + "/\n");
        Path f = loginFile();
        if (enabled() && Files.exists(f)) {
            try {
                sb.append("  Demo logins (synthetic data only; kept in ").append(f.toAbsolutePath()).append("):\n");
                sb.append(String.format("  %-18s %-14s %s%n", "role", "username", "password"));
                for (String l : Files.readAllLines(f)) sb.append("  ").append(l).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        log.info(sb.toString());
    }
}
