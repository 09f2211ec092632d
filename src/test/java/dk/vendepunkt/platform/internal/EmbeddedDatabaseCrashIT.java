package dk.vendepunkt.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the JVM leaves its PostgreSQL server running on the data dir (and its temporary files
 * behind); the next start must stop that server and clean up, and come up in one attempt.
 */
class EmbeddedDatabaseCrashIT {

    @TempDir Path dataDir;

    @Test
    void theNextStartAfterAKilledRunStopsTheOrphanedServerAndRemovesItsSpoolFiles() throws Exception {
        Process first = start("spool");
        try {
            assertThat(awaitReady(first)).as("first start").isEqualTo("READY");
            long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
            assertThat(spoolFiles()).hasSize(1);

            first.destroyForcibly().waitFor();
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("postgres outlives the killed JVM").contains(true);

            Process second = start();
            try {
                assertThat(awaitReady(second)).as("second start").isEqualTo("READY");
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(spoolFiles()).isEmpty();
            } finally {
                stop(second);
            }
        } finally {
            first.destroyForcibly();
        }
    }

    private Process start(String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseMain.class.getName(), dataDir.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** The line that says the database is up, or the output of a start that failed. */
    private static String awaitReady(Process p) throws IOException {
        StringBuilder out = new StringBuilder();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.equals("READY")) {
                // keep draining so the child never blocks on a full pipe
                Thread.ofVirtual().start(() -> r.lines().forEach(l -> {}));
                return line;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("tmp"))) {
            return files.toList();
        }
    }

    /** An orderly stop: SIGTERM lets the JVM's shutdown hook stop its PostgreSQL. */
    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
    }
}
