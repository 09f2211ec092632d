package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.StaffAccountEvent;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A signed-in user changes their own password: the current password, the new one twice, the
 * {@link PasswordPolicy}. Setting it raises the account's credentials version, which ends every other
 * session of the user ({@link SecurityConfiguration.EndInvalidSessions}); {@link #keep} gives the session
 * that made the change the new version, so it continues.
 */
@Service
public class PasswordChange {

    /** The session attribute holding the credentials version the session was signed in with. */
    static final String SESSION_VERSION = PasswordChange.class.getName() + ".credentialsVersion";

    private final JdbcStaffRepository repo;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    /** The sign-in's provider: a wrong current password counts towards the lock-out as a failed login does. */
    private final AuthenticationProvider login;

    PasswordChange(JdbcStaffRepository repo, PasswordEncoder encoder, ApplicationEventPublisher events, AuthenticationProvider login) {
        this.repo = repo;
        this.encoder = encoder;
        this.events = events;
        this.login = login;
    }

    /**
     * Checks and sets the new password.
     *
     * @return the account's new credentials version, for {@link #keep}
     * @throws ValidationException on the fields {@code currentPassword}, {@code newPassword} and {@code newPasswordRepeat}
     */
    public int change(String username, String currentPassword, String newPassword, String newPasswordRepeat) {
        var user = repo.credentials(username).orElseThrow(() -> new IllegalStateException("no signed-in user " + username));
        if (repo.ssoIssuer(user.id()).isPresent()) {
            // an SSO account's password is nobody's (SsoProvisioning): no guess is counted, the form explains
            throw ValidationException.of("currentPassword", "account.password.sso");
        }
        List<FieldProblem> problems = new ArrayList<>();
        // not in a transaction: the attempt is counted (and the account locked at the limit) even when the form is refused;
        // a locked account's session ends at its next request (EndInvalidSessions)
        if (!currentPasswordAccepted(username, currentPassword)) {
            problems.add(FieldProblem.of("currentPassword", "account.password.currentWrong"));
            events.publishEvent(new StaffAccountEvent(StaffAccountEvent.Kind.LOGIN_FAILED, null, "medarbejder " + username,
                    "skift af adgangskode afvist: forkert nuværende adgangskode"));
        }
        PasswordPolicy.check(newPassword, username)
                .ifPresent(p -> problems.add(FieldProblem.of("newPassword", p.code(), p.args())));
        if (newPassword != null && newPassword.equals(currentPassword) && problems.isEmpty()) {
            problems.add(FieldProblem.of("newPassword", "account.password.unchanged"));
        }
        if (!java.util.Objects.equals(newPassword, newPasswordRepeat)) {
            problems.add(FieldProblem.of("newPasswordRepeat", "account.password.mismatch"));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        int version = repo.setPassword(user.id(), encoder.encode(newPassword));
        events.publishEvent(new StaffAccountEvent(StaffAccountEvent.Kind.PASSWORD_CHANGED, null, "medarbejder " + username,
                "egen adgangskode skiftet; brugerens øvrige sessioner afsluttet"));
        return version;
    }

    private boolean currentPasswordAccepted(String username, String currentPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) return false;
        try {
            login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, currentPassword));
            return true;
        } catch (AuthenticationException e) {
            return false;
        }
    }

    /** The session that changed the password continues: a new session id, signed in with the new credentials version. */
    public static void keep(HttpServletRequest request, int version) {
        HttpSession session = request.getSession();
        request.changeSessionId();
        session.setAttribute(SESSION_VERSION, version);
    }

    /** At sign-in: the session remembers the credentials version it was signed in with. */
    static void remember(HttpSession session, int version) {
        session.setAttribute(SESSION_VERSION, version);
    }
}
