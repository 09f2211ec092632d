package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.DatabaseCommandAudit;
import dk.vendepunkt.platform.VendepunktProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.util.StringUtils;

/**
 * {@code java -jar vendepunkt.jar backup --to FILE} and {@code restore --from FILE} for the embedded default
 * ({@link DatabaseBackup}). The settings come from the same places as the application's (arguments
 * {@code --name=value}, environment, {@code application.properties}), read by a Spring Boot context that holds
 * nothing but them and the clock: no web server, no database pool, no migrations, so a backup can run beside the running
 * application. Both are audited in the database they work on ({@link DatabaseCommandAudit}). Exit code 0 done, 1 failed,
 * 2 wrong use (also with an external database: use pg_dump there).
 */
public final class DatabaseCommand {

    private DatabaseCommand() {}

    /** The settings only; a primary source without {@code @Configuration}, so the application's scan never finds it. */
    @EnableConfigurationProperties(VendepunktProperties.class)
    @Import(ClockConfiguration.class)
    static class Settings {}

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    public static int run(String[] args) {
        boolean backup = args[0].equals("backup");
        String flag = backup ? "--to" : "--from";
        Path file = null;
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(flag) && i + 1 < args.length) file = Path.of(args[++i]);
            else if (args[i].startsWith(flag + "=")) file = Path.of(args[i].substring(flag.length() + 1));
            else settings.add(args[i]);
        }
        if (file == null) {
            System.err.println("Brug: java -jar vendepunkt.jar backup --to <fil>   eller   restore --from <fil>   [--vendepunkt.data-dir=<mappe>]");
            return 2;
        }
        SpringApplication app = new SpringApplication(Settings.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        try (var context = app.run(settings.toArray(String[]::new))) {
            if (StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))) {
                System.err.println("Vendepunkt kører på en ekstern database (spring.datasource.url): tag backup med pg_dump og "
                        + "gendan med pg_restore, se docs/operations.md.");
                return 2;
            }
            VendepunktProperties props = context.getBean(VendepunktProperties.class);
            DatabaseCommandAudit auditLog = DatabaseCommandAudit.find();
            java.time.Clock clock = context.getBean(java.time.Clock.class);
            DatabaseBackup.Auditor audit = (c, action, subject, reason) -> auditLog.record(c, props, clock, action, subject, reason);
            var s = backup ? DatabaseBackup.backup(props.dataDir(), file, audit) : DatabaseBackup.restore(props.dataDir(), file, audit);
            System.out.printf("%s %s: %d tabeller, %d rækker, %d migreringer%s%n", backup ? "Backup skrevet til" : "Gendannet fra",
                    file, s.tables(), s.rows(), s.migrations().size(),
                    s.keys() ? "; indeholder datamappens genererede nøgler: opbevar filen som selve datamappen" : "");
            return 0;
        } catch (RuntimeException e) {
            System.err.println((backup ? "Backup" : "Gendannelse") + " mislykkedes: " + e.getMessage());
            return 1;
        }
    }
}
