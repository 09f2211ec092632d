package dk.vendepunkt.platform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where large temporary files go (import spools, uploaded files): {@code vendepunkt.data-dir/tmp}
 * instead of the system's temporary directory.
 */
public interface SpoolDirectory {

    Path dir();

    /** A new empty file in the spool directory; the caller deletes it. */
    Path createFile(String prefix, String suffix) throws IOException;
}
