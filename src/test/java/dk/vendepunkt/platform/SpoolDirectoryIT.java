package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.IntegrationTest;
import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Temporary files of imports and uploads go to the data dir (emptied at start), not to the system's /tmp. */
@IntegrationTest
class SpoolDirectoryIT {

    @Autowired SpoolDirectory spool;
    @Autowired MultipartConfigElement multipart;
    @Autowired VendepunktProperties props;

    @Test
    void importSpoolsAndUploadsUseTheDataDir() throws Exception {
        Path dir = props.dataDir().resolve("tmp").toAbsolutePath().normalize();
        assertThat(spool.dir()).isEqualTo(dir);
        Path f = spool.createFile("test", ".copy");
        try {
            assertThat(f.getParent()).isEqualTo(dir);
        } finally {
            Files.delete(f);
        }
        assertThat(multipart.getLocation()).isEqualTo(dir.toString());
        assertThat(multipart.getMaxFileSize()).isEqualTo(512L * 1024 * 1024); // spring.servlet.multipart.* still apply
    }
}
