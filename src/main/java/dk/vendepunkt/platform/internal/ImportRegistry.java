package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.imports.ImportFailedException;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** All import kinds of all modules, with the role check every entry point shares. */
@Component
public class ImportRegistry {

    private final List<ImportHandler> handlers;
    private final MeterRegistry meters;

    ImportRegistry(List<ImportHandler> handlers, MeterRegistry meters) {
        this.handlers = handlers.stream().sorted(Comparator.comparing(ImportHandler::kind)).toList();
        this.meters = meters;
    }

    public List<ImportHandler> allowedFor(Authentication auth) {
        return handlers.stream().filter(h -> allowed(h, auth)).toList();
    }

    public Optional<ImportHandler> find(String kind) {
        return handlers.stream().filter(h -> h.kind().equals(kind)).findFirst();
    }

    /** @param sizeHint the file's size in bytes, or −1 when unknown */
    public ImportSummary run(String kind, InputStream content, long sizeHint, Authentication auth) {
        ImportHandler h = find(kind).orElseThrow(() -> new dk.vendepunkt.platform.NotFoundException("import.unknownKind", Texts.excerpt(kind)));
        if (!allowed(h, auth)) {
            throw new AccessDeniedException("import " + kind);
        }
        var sample = Timer.start(meters);
        String outcome = "error";
        try {
            ImportSummary summary = h.importFile(content, sizeHint);
            outcome = "stored";
            return summary;
        } catch (ImportFailedException e) {
            outcome = "rejected";
            throw e;
        } finally {
            sample.stop(Timer.builder("vendepunkt.imports").description("imports over HTTP and the UI, by kind and outcome")
                    .tags("kind", kind, "outcome", outcome).register(meters));
        }
    }

    private static boolean allowed(ImportHandler h, Authentication auth) {
        if (auth == null) return false;
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_") && h.allowedRoles().contains(name.substring(5))) {
                return true;
            }
        }
        return false;
    }
}
