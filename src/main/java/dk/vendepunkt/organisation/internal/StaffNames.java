package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * Staff members' names for pages that show who did something: records keep the username (stable, audited),
 * pages show the person's name ({@code ${@staffNames.of(x.createdBy())}}). A username that is no staff
 * member (e.g. {@code demo} or a system job) is shown as it is.
 */
@Component("staffNames")
public class StaffNames {

    private final StaffDirectory staff;

    StaffNames(StaffDirectory staff) {
        this.staff = staff;
    }

    public String of(String username) {
        return staff.displayName(username);
    }
}
