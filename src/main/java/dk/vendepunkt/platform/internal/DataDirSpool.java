package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.SpoolDirectory;
import dk.vendepunkt.platform.VendepunktProperties;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link SpoolDirectory} {@code vendepunkt.data-dir/tmp}. A run that is killed cannot remove its files, so the
 * directory is emptied at start (before the web server accepts uploads).
 */
@Configuration(proxyBeanMethods = false)
public class DataDirSpool implements SpoolDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirSpool.class);

    private final Path dir;

    public DataDirSpool(VendepunktProperties props) {
        this.dir = props.dataDir().resolve("tmp").toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    long removed = 0;
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        if (p.equals(dir)) continue;
                        Files.delete(p);
                        removed++;
                    }
                    if (removed > 0) log.info("Removed {} temporary files left in {} by an earlier run", removed, dir);
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the temporary directory " + dir, e);
        }
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public Path createFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(dir, prefix, suffix);
    }

    /** Uploaded files spill to the spool directory too (unless spring.servlet.multipart.location says otherwise). */
    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart) {
        if (multipart.getLocation() == null || multipart.getLocation().isBlank()) multipart.setLocation(dir.toString());
        return multipart.createMultipartConfig();
    }
}
