package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.imports.ImportError;
import dk.vendepunkt.platform.imports.ImportFailedException;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The command-line entry point for scheduled imports:
 * {@code java -jar vendepunkt.jar --import=<kind> --file=<path>} runs one import without starting the
 * web server, prints the result (or every bad row) and exits with 0 (stored) or 1 (nothing stored).
 * It acts as the user named by {@code --as} (default {@code scheduler}), which is what the audit log shows.
 */
@Component
@Order(1000)
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    private final ImportRegistry registry;
    private int exitCode;

    ImportCommand(ImportRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> kinds = args.getOptionValues("import");
        if (kinds == null || kinds.isEmpty()) return;
        List<String> files = args.getOptionValues("file");
        if (files == null || files.size() != 1) {
            System.err.println("Brug: --import=<kind> --file=<sti>");
            exitCode = 2;
            return;
        }
        String as = args.containsOption("as") ? args.getOptionValues("as").get(0) : "scheduler";
        List<SimpleGrantedAuthority> all = List.of("ADMIN", "PROGRAMME_MANAGER", "ANALYST").stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        var auth = UsernamePasswordAuthenticationToken.authenticated(as, null, all);
        SecurityContextHolder.getContext().setAuthentication(auth);
        Path file = Path.of(files.get(0));
        try (InputStream in = Files.newInputStream(file)) {
            ImportSummary s = registry.run(kinds.get(0), in, Files.size(file), auth);
            System.out.printf("Importeret %s: %d rækker, %d nye, %d opdaterede%n", s.kind(), s.rows(), s.created(), s.updated());
            exitCode = 0;
        } catch (ImportFailedException e) {
            System.err.printf("Intet blev gemt: %d fejl i %s%n", e.errors().size(), files.get(0));
            for (ImportError err : e.errors()) {
                System.err.printf("  linje %d, kolonne %s, værdi '%s': %s%n", err.line(), err.column(), err.value(), err.message());
            }
            exitCode = 1;
        } catch (RuntimeException e) {
            log.error("Import failed", e);
            exitCode = 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
