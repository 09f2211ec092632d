package dk.vendepunkt.platform.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The generated passwords of the embedded PostgreSQL: the superuser {@code postgres} (used only by
 * Vendepunkt's own database set-up) and the application role {@code vendepunkt}. They are kept in
 * {@code data-dir/keys/database.properties}, readable by the file's owner only (mode 0600).
 */
public record EmbeddedDbPasswords(String superuser, String application) {

    static final String FILE = "keys/database.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the passwords of this data directory, generating them on first use. */
    public static EmbeddedDbPasswords loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Properties p = new Properties();
                p.setProperty("superuser.password", generate());
                p.setProperty("application.password", generate());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return loadOrCreate(dataDir);
                }
                try (Writer w = Files.newBufferedWriter(file)) {
                    p.store(w, "Generated passwords of the embedded PostgreSQL (superuser postgres, application role vendepunkt)");
                }
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            return new EmbeddedDbPasswords(p.getProperty("superuser.password"), p.getProperty("application.password"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }

    private static String generate() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String toString() {
        return "EmbeddedDbPasswords[hidden]";
    }
}
