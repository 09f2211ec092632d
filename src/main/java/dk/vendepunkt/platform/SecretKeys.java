package dk.vendepunkt.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secret keys from configuration (base64, 32 bytes), and the development keys that the embedded default
 * generates into the data dir ({@code data/keys/}) when none are configured.
 */
public final class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeys() {}

    /** A 32-byte key from its base64 form; {@code name} is the property named in the error. */
    public static byte[] decode(String b64, String name) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(b64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64");
        }
        if (k.length != 32) throw new IllegalStateException(name + " must be 32 bytes (base64)");
        return k;
    }

    /**
     * The base64 keys kept in a development key file, one a line; {@code count} random 32-byte keys are
     * generated (file readable by the owner only) when the file does not exist yet.
     */
    public static List<String> devKeys(Path file, int count, String properties) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    byte[] k = new byte[32];
                    RANDOM.nextBytes(k);
                    keys.add(Base64.getEncoder().encodeToString(k));
                }
                Files.write(file, keys);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                log.warn("Generated development keys in {} (configure {} in production)", file, properties);
            }
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
