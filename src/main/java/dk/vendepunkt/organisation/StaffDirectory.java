package dk.vendepunkt.organisation;

import java.util.List;
import java.util.Optional;

/** Read access to staff and teams for other modules. */
public interface StaffDirectory {

    Optional<StaffMember> find(long userId);

    Optional<StaffMember> findByUsername(String username);

    List<StaffMember> all();

    List<Team> teams();

    Optional<Team> team(long teamId);

    /** The user's name as shown to people (the username when unknown or without a name); null for null. */
    default String displayName(String username) {
        if (username == null) return null;
        return findByUsername(username).map(StaffMember::displayName).filter(n -> !n.isBlank()).orElse(username);
    }
}
