package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON log switch of docs/operations.md: with {@code logging.structured.format.console=ecs} every console line
 * is a JSON object. Run in a JVM of its own (with the application's properties and logging set-up on the class
 * path), so the test JVM's logging stays as it is.
 */
class StructuredLogsTest {

    static final String PROBE = "structured-log-probe";

    @Configuration(proxyBeanMethods = false)
    static class Probe {
        public static void main(String[] args) {
            new SpringApplicationBuilder(Probe.class).web(WebApplicationType.NONE).run(args).close();
            LoggerFactory.getLogger(Probe.class).info(PROBE);
        }
    }

    List<String> run(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> l.contains(PROBE)).toList();
    }

    @Test
    void ecsSwitchTurnsTheConsoleIntoJson() throws Exception {
        List<String> lines = run("--logging.structured.format.console=ecs");
        assertThat(lines).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(line.get("message").asString()).isEqualTo(PROBE);
        assertThat(line.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(line.get("service").get("name").asString()).isEqualTo("vendepunkt");
    }
}
