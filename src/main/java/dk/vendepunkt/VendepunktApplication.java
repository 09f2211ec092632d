package dk.vendepunkt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Vendepunkt: one Spring Boot application, a modular monolith (see docs/modules). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VendepunktApplication {

    public static void main(String[] args) {
        if (dk.vendepunkt.platform.imports.CommandLine.isDatabaseCommand(args)) {
            // backup --to FILE / restore --from FILE of the embedded database: no application context
            System.exit(dk.vendepunkt.platform.imports.CommandLine.runDatabaseCommand(args));
        }
        SpringApplication app = new SpringApplication(VendepunktApplication.class);
        if (dk.vendepunkt.platform.imports.CommandLine.isImport(args)) {
            // command-line import for scheduled jobs: no web server, exit with the import's status
            app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
