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
}
