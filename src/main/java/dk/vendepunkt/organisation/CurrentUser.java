package dk.vendepunkt.organisation;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff member of the current request, with fresh team membership from the database. */
public interface CurrentUser {

    Optional<StaffMember> get();

    default StaffMember require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in staff member"));
    }

    /** Username for logs and audit, "system" outside a request. */
    static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    default Set<Long> teamIds() {
        return get().map(StaffMember::teamIds).orElse(Set.of());
    }

    default boolean hasRole(Role role) {
        return get().map(u -> u.hasRole(role)).orElse(false);
    }
}
