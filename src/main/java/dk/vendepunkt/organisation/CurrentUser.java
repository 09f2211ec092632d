package dk.vendepunkt.organisation;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in staff member of the current request, with fresh team membership from the database. */
@Component
public class CurrentUser {

    private final StaffDirectory directory;

    CurrentUser(StaffDirectory directory) {
        this.directory = directory;
    }

    public Optional<StaffMember> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return Optional.empty();
        }
        return directory.findByUsername(auth.getName());
    }

    public StaffMember require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in staff member"));
    }

    /** Username for logs and audit, "system" outside a request. */
    public static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    public Set<Long> teamIds() {
        return get().map(StaffMember::teamIds).orElse(Set.of());
    }

    public boolean hasRole(Role role) {
        return get().map(u -> u.hasRole(role)).orElse(false);
    }
}
