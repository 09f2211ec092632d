package dk.vendepunkt.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportSummary;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The shared import endpoint: dispatch by kind, role check, 200 with counts, 422 with every bad row. */
@IntegrationTest
@Import(ImportPipelineIT.Config.class)
class ImportPipelineIT {

    static final List<String> STORED = new ArrayList<>();

    @TestConfiguration
    static class Config {
        @Bean
        ImportHandler numbersImport() {
            return new ImportHandler() {
                public String kind() { return "test-numbers"; }
                public Set<String> allowedRoles() { return Set.of("ANALYST"); }
                public ImportSummary importFile(InputStream content) {
                    CsvFile f = new CsvFile(kind(), List.of("n"));
                    List<String> ok = new ArrayList<>();
                    f.read(content, r -> {
                        Integer n = r.integer("n", 0, 9, true);
                        if (n != null) ok.add(n.toString());
                    });
                    f.throwIfErrors();
                    STORED.addAll(ok);
                    return new ImportSummary(kind(), f.rows(), ok.size(), 0);
                }
            };
        }
    }

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    @Test
    void importsAllOrNothingThroughTheApi() {
        var analyst = staff.user(Role.ANALYST);
        Api api = Api.at(port).as(analyst.username(), analyst.password());
        STORED.clear();
        var bad = api.postFile("/api/v1/imports/test-numbers", "text/csv", "n\n1\n12\nx\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("kind").asString()).isEqualTo("test-numbers");
        assertThat(bad.json().get("errors").size()).isEqualTo(2);
        assertThat(bad.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(bad.json().get("errors").get(0).get("column").asString()).isEqualTo("n");
        assertThat(STORED).isEmpty();

        var good = api.postFile("/api/v1/imports/test-numbers", "text/csv", "n\n1\n2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().get("rows").asInt()).isEqualTo(2);
        assertThat(good.json().get("created").asInt()).isEqualTo(2);
        assertThat(STORED).containsExactly("1", "2");
    }

    @Autowired ImportCommand command;

    @Test
    void commandLineImportReportsItsStatusAsExitCode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        STORED.clear();
        java.nio.file.Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "n\n5\n99\n");
        command.run(new org.springframework.boot.DefaultApplicationArguments("--import=test-numbers", "--file=" + bad));
        assertThat(command.getExitCode()).isEqualTo(1);
        assertThat(STORED).isEmpty();
        java.nio.file.Path good = dir.resolve("good.csv");
        java.nio.file.Files.writeString(good, "n\n5\n6\n");
        command.run(new org.springframework.boot.DefaultApplicationArguments("--import=test-numbers", "--file=" + good));
        assertThat(command.getExitCode()).isZero();
        assertThat(STORED).containsExactly("5", "6");
    }

    @Test
    void unknownKindIs404AndOtherRolesAreRefused() {
        var analyst = staff.user(Role.ANALYST);
        var reader = staff.user(Role.READER);
        assertThat(Api.at(port).as(analyst.username(), analyst.password())
                .postFile("/api/v1/imports/nonsense", "text/csv", "a\n".getBytes()).status()).isEqualTo(404);
        assertThat(Api.at(port).as(reader.username(), reader.password())
                .postFile("/api/v1/imports/test-numbers", "text/csv", "n\n1\n".getBytes()).status()).isEqualTo(403);
    }
}
