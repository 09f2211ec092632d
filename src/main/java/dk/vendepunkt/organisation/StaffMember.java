package dk.vendepunkt.organisation;

import java.util.Set;

/** A staff user as other modules see it (no credentials); {@code departmentCode}: the department they come from, or null. */
public record StaffMember(long id, String username, String displayName, String email, boolean enabled,
                          Set<Role> roles, Set<StaffFunction> functions, Set<Long> teamIds, String departmentCode) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
