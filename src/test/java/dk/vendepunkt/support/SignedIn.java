package dk.vendepunkt.support;

import dk.vendepunkt.organisation.Role;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service calls in a test as a signed-in user (the services read the user from the security context). */
public final class SignedIn {

    private SignedIn() {}

    public static void as(TestStaff.User user, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.username(), null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    public static void clear() {
        SecurityContextHolder.clearContext();
    }
}
