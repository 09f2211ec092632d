package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.VendepunktProperties;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A JVM that only starts the embedded database the way the application does (for {@link EmbeddedDatabaseCrashIT}):
 * {@code EmbeddedDatabaseMain <data-dir> [spool]} prints {@code READY} once a connection works, optionally
 * after leaving a file in the spool directory, and then waits to be killed.
 */
public class EmbeddedDatabaseMain {

    public static void main(String[] args) throws Exception {
        VendepunktProperties props = new Binder(new MapConfigurationPropertySource(Map.of("vendepunkt.data-dir", args[0])))
                .bind("vendepunkt", VendepunktProperties.class).get();
        DataDirSpool spool = new DataDirSpool(props);
        DataSource ds = new DatabaseConfiguration().embeddedDataSource(props);
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("select 1");
        }
        if (args.length > 1) Files.write(spool.createFile("import", ".copy"), new byte[1 << 20]);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
