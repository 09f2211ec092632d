package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffAccountEvent;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Just-in-time provisioning of single sign-on users (ADR 0015): the identity provider is the source of truth for
 * an SSO account's name, e-mail, roles and teams, so every sign-in creates the staff account or brings it up to
 * date, in one transaction, and audits what changed. The account is an ordinary {@code org_user} row, so team
 * rules, {@code CurrentUser} and the audit log's usernames work as for a local user; its password hash is of 32
 * random bytes nobody knows. A sign-in is refused (and audited) when it carries no Vendepunkt role, when the
 * account was disabled by an administrator or is locked, or when the username belongs to a local account or to another
 * identity provider's account: an identity provider never takes over an account it did not create.
 */
@Service
public class SsoProvisioning {

    private static final Logger log = LoggerFactory.getLogger(SsoProvisioning.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Who signed in, as the identity provider says (already mapped to Vendepunkt's terms).
     *
     * @param issuer    the OIDC issuer URI or SAML entity id
     * @param teamNames the names of the user's teams; a name no team has is ignored (and logged)
     */
    public record SsoIdentity(String issuer, String username, String displayName, String email, Set<Role> roles,
                              Set<String> teamNames) {}

    /** A refused single sign-on; the reason (Danish) is in the audit log. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final JdbcStaffRepository repo;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    SsoProvisioning(JdbcStaffRepository repo, PasswordEncoder encoder, ApplicationEventPublisher events, TransactionTemplate tx,
                    Clock clock) {
        this.clock = clock;
        this.repo = repo;
        this.encoder = encoder;
        this.events = events;
        this.tx = tx;
    }

    /** The usernames an identity provider may give: those of local accounts plus "@" (e-mail-like names). */
    static String username(String raw) {
        String name = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        return name.matches("[a-z0-9._@-]{2,64}") ? name : null;
    }

    /**
     * Creates or updates the staff account of a signed-in SSO user.
     *
     * @return the account as it is now
     * @throws Refused when the sign-in must not go on (audited as a failed login)
     */
    public StaffMember signIn(SsoIdentity identity) {
        try {
            return provision(identity);
        } catch (DuplicateKeyException e) {
            // the user's first sign-in in two tabs at once: the other one created the account; update it
            return provision(identity);
        }
    }

    private StaffMember provision(SsoIdentity identity) {
        String username = username(identity.username());
        if (username == null) {
            throw refuse(String.valueOf(identity.username()), "brugernavnet fra " + identity.issuer() + " kan ikke bruges");
        }
        if (identity.roles().isEmpty()) {
            throw refuse(username, "single sign-on uden en Vendepunkt-rolle");
        }
        var existing = repo.findByUsername(username);
        if (existing.isPresent()) {
            String owner = repo.ssoIssuer(existing.get().id()).orElse(null);
            if (!identity.issuer().equals(owner)) {
                throw refuse(username, owner == null ? "brugernavnet tilhører en lokal bruger" : "brugernavnet tilhører en anden identitetsudbyder");
            }
            if (!existing.get().enabled()) {
                throw refuse(username, "kontoen er deaktiveret");
            }
            if (repo.credentials(username).map(c -> c.lockedUntil() != null && c.lockedUntil().isAfter(Instant.now(clock))).orElse(false)) {
                throw refuse(username, "kontoen er låst");
            }
        }
        Set<Long> teams = teamIds(identity);
        String displayName = identity.displayName() == null || identity.displayName().isBlank() ? username : identity.displayName().trim();
        String email = identity.email() == null || identity.email().isBlank() ? null : identity.email().trim();
        Set<Role> roles = EnumSet.copyOf(identity.roles());
        return tx.execute(status -> {
            if (existing.isEmpty()) {
                long id = repo.insertSsoUser(username, displayName, email, unusablePassword(), roles, identity.issuer());
                repo.setTeams(id, teams);
                audit(StaffAccountEvent.Kind.USER_CREATED, username, "oprettet ved single sign-on fra " + identity.issuer()
                        + "; roller " + StaffAdministration.sorted(roles) + (teams.isEmpty() ? "" : "; teams " + StaffAdministration.sorted(teams)));
                return repo.find(id).orElseThrow();
            }
            StaffMember before = existing.get();
            repo.updateSsoUser(before.id(), displayName, email, roles);
            if (!before.teamIds().equals(teams)) repo.setTeams(before.id(), teams);
            String change = changes(before, displayName, email, roles, teams);
            if (!change.isEmpty()) audit(StaffAccountEvent.Kind.USER_CHANGED, username, "ved single sign-on: " + change);
            return repo.find(before.id()).orElseThrow();
        });
    }

    private Set<Long> teamIds(SsoIdentity identity) {
        Map<String, Long> byName = repo.teams().stream().collect(Collectors.toMap(Team::name, Team::id, (a, b) -> a));
        Set<Long> ids = new TreeSet<>();
        for (String name : identity.teamNames()) {
            Long id = byName.get(name);
            if (id == null) {
                log.warn("Single sign-on of {}: no team is named '{}' (ignored)", identity.username(), name);
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    private String unusablePassword() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return encoder.encode(Base64.getEncoder().encodeToString(secret));
    }

    private Refused refuse(String username, String reason) {
        events.publishEvent(new StaffAccountEvent(StaffAccountEvent.Kind.LOGIN_FAILED, username, "login", reason));
        return new Refused(reason);
    }

    private void audit(StaffAccountEvent.Kind kind, String username, String change) {
        events.publishEvent(new StaffAccountEvent(kind, username, "medarbejder " + username, change));
    }

    private static String changes(StaffMember before, String displayName, String email, Set<Role> roles, Set<Long> teams) {
        List<String> parts = new ArrayList<>();
        StaffAdministration.diff("roller", before.roles(), roles, parts);
        StaffAdministration.diff("teams", before.teamIds(), teams, parts);
        if (!before.displayName().equals(displayName)) parts.add("navn ændret");
        if (!Objects.equals(before.email(), email)) parts.add("e-mail ændret");
        return String.join("; ", parts);
    }

}
