package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** {@link CurrentUser} from Spring Security's context, looked up in the staff directory on every call. */
@Component
class SignedInUser implements CurrentUser {

    private final StaffDirectory directory;

    SignedInUser(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<StaffMember> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return Optional.empty();
        }
        return directory.findByUsername(auth.getName());
    }
}
