package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@link CurrentUser} from Spring Security's context, looked up in the staff directory: once per GET request (kept as a
 * request attribute; a page asks many times), on every call otherwise (a change may alter the user within a request).
 */
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
        // a page asks many times (access checks, lists, the layout): one look-up per GET request, kept on the request
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                && "GET".equals(attrs.getRequest().getMethod())) {
            var request = attrs.getRequest();
            if (request.getAttribute(ATTRIBUTE) instanceof Looked(String username, Optional<StaffMember> member) && username.equals(auth.getName())) {
                return member;
            }
            Optional<StaffMember> member = directory.findByUsername(auth.getName());
            request.setAttribute(ATTRIBUTE, new Looked(auth.getName(), member));
            return member;
        }
        return directory.findByUsername(auth.getName());
    }

    private static final String ATTRIBUTE = SignedInUser.class.getName();

    private record Looked(String username, Optional<StaffMember> member) {}
}
