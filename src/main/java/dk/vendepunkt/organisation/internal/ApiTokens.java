package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffAccountEvent;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import dk.vendepunkt.platform.Zones;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for integrations (ADR 0014): a random secret {@code vpt_…} shown once at creation, stored as its
 * SHA-256 (high entropy, so a fast hash is enough and a request costs one indexed lookup, no bcrypt), scoped
 * to roles, expiring, revocable. A personal token acts as its owner with the token's roles that the owner
 * still has; a system token acts as {@code token:<name>} with its roles and no team. Creation, revocation
 * and every refused use are audited.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "vpt_";
    /** A system token's principal: {@code token:<name>} (audit actor, import author). */
    static final String SYSTEM_PRINCIPAL = "token:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JdbcStaffRepository staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxDays;

    ApiTokens(JdbcClient jdbc, JdbcStaffRepository staff, ApplicationEventPublisher events, Clock clock,
              @Value("${vendepunkt.api-tokens.max-days:366}") int maxDays) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
        this.maxDays = maxDays;
    }

    /** A token as lists show it: never the secret. {@code owner} is null for a system token. */
    public record TokenView(long id, String name, String owner, String hint, Set<Role> roles, Instant expiresAt,
                            Instant createdAt, String createdBy, Instant revokedAt, Instant lastUsedAt) {
        public boolean system() {
            return owner == null;
        }

        public boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A created token: the secret is in {@code token} and nowhere else. */
    public record Created(long id, String token) {}

    /** A token that authenticates: who it acts as and with which roles. */
    record Principal(long tokenId, String name, Set<Role> roles) {}

    public Instant now() {
        return clock.instant();
    }

    public int maxDays() {
        return maxDays;
    }

    /** A personal token of the user {@code owner} (only roles the owner has). */
    @Transactional
    public Created createPersonal(String owner, String name, Set<Role> roles, LocalDate expires) {
        var credentials = staff.credentials(owner).orElseThrow(() -> new NotFoundException("user.notFound", owner));
        List<FieldProblem> problems = check(name, roles, expires);
        if (roles != null && !credentials.roles().containsAll(roles)) {
            problems.add(FieldProblem.of("roles", "apiToken.roles.notYours"));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return insert(credentials.id(), "personligt API-token \"" + name.trim() + "\" for " + owner, name, roles, expires);
    }

    /** A system token (administrators only; checked by the web layer). */
    @Transactional
    public Created createSystem(String name, Set<Role> roles, LocalDate expires) {
        List<FieldProblem> problems = check(name, roles, expires);
        if (name != null && !name.trim().matches("[A-Za-z0-9._-]{2,50}")) {
            problems.add(FieldProblem.of("name", "apiToken.name.system"));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        try {
            return insert(null, "system-API-token \"" + name.trim() + "\"", name, roles, expires);
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("name", "apiToken.name.taken", name.trim());
        }
    }

    private List<FieldProblem> check(String name, Set<Role> roles, LocalDate expires) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.trim().length() > 50 || Texts.hasControl(name)) {
            problems.add(FieldProblem.of("name", "apiToken.name.invalid"));
        }
        if (roles == null || roles.isEmpty()) {
            problems.add(FieldProblem.of("roles", "apiToken.roles.required"));
        }
        LocalDate today = LocalDate.now(clock.withZone(Zones.ZONE));
        if (expires == null || !expires.isAfter(today) || expires.isAfter(today.plusDays(maxDays))) {
            problems.add(FieldProblem.of("expires", "apiToken.expires.invalid", maxDays));
        }
        return problems;
    }

    private Created insert(Long ownerId, String subject, String name, Set<Role> roles, LocalDate expires) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hint = token.substring(0, PREFIX.length() + 6) + "…";
        Instant expiresAt = expires.atStartOfDay(Zones.ZONE).toInstant();
        long id = jdbc.sql("""
                insert into org_api_token (name, owner_user_id, secret_sha256, hint, roles, expires_at, created_by, created_at)
                values (?, ?, ?, ?, ?::text[], ?, ?, ?) returning id""")
                .params(name.trim(), ownerId, sha256(token), hint, JdbcStaffRepository.pgArray(roles), Timestamp.from(expiresAt),
                        actor(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new StaffAccountEvent(StaffAccountEvent.Kind.TOKEN_CREATED, null, subject,
                "id " + id + ", " + hint + ", roller " + new java.util.TreeSet<>(roles) + ", udløber " + expires));
        return new Created(id, token);
    }

    /** Every token, newest first (administration). */
    public List<TokenView> all() {
        return jdbc.sql(VIEW + " order by t.created_at desc, t.id desc").query(ApiTokens::view).list();
    }

    /** The personal tokens of one user, newest first. */
    public List<TokenView> of(String owner) {
        return jdbc.sql(VIEW + " where u.username = ? order by t.created_at desc, t.id desc").param(owner).query(ApiTokens::view).list();
    }

    /**
     * Revokes a token at once. With {@code owner} given, only that user's own token (the personal page);
     * without, any token (administration).
     */
    @Transactional
    public void revoke(long id, String owner) {
        TokenView t = jdbc.sql(VIEW + " where t.id = ?").param(id).query(ApiTokens::view).optional()
                .filter(v -> owner == null || owner.equals(v.owner()))
                .orElseThrow(() -> new NotFoundException("apiToken.notFound", id));
        if (t.revokedAt() != null) return;
        jdbc.sql("update org_api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), actor(), id).update();
        events.publishEvent(new StaffAccountEvent(StaffAccountEvent.Kind.TOKEN_REVOKED, null,
                (t.system() ? "system-API-token \"" : "personligt API-token \"") + t.name() + "\"" + (t.system() ? "" : " for " + t.owner()),
                "id " + id + ", " + t.hint() + " tilbagekaldt"));
    }

    private static final String VIEW = "select t.*, u.username from org_api_token t left join org_user u on u.id = t.owner_user_id";

    private static TokenView view(ResultSet rs, int i) throws SQLException {
        return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("username"), rs.getString("hint"),
                JdbcStaffRepository.enums(rs.getArray("roles"), Role.class), instant(rs, "expires_at"), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** One token row as a use sees it: {@code refused} is null when the token may be used. */
    private record Use(long id, String actor, String hint, String refused, Set<Role> roles, Instant lastUsed) {}

    /**
     * The principal a presented secret stands for, or empty when it is refused (audited here). One indexed
     * lookup by the secret's SHA-256 joined with the owner's current state; a personal token of a disabled or
     * locked user is refused, and it carries only the roles its owner still has.
     */
    Optional<Principal> authenticate(String secret) {
        Instant now = clock.instant();
        Optional<Use> found = jdbc.sql("""
                select t.id, t.name, t.hint, t.roles, t.expires_at, t.revoked_at, t.last_used_at, t.owner_user_id,
                       u.username, u.enabled, u.locked_until, u.roles as user_roles
                  from org_api_token t left join org_user u on u.id = t.owner_user_id
                 where t.secret_sha256 = ?""")
                .param(sha256(secret))
                .query((rs, i) -> {
                    boolean system = rs.getObject("owner_user_id") == null;
                    Instant locked = instant(rs, "locked_until");
                    String refused = instant(rs, "revoked_at") != null ? "tilbagekaldt"
                            : !instant(rs, "expires_at").isAfter(now) ? "udløbet"
                            : !system && !rs.getBoolean("enabled") ? "ejerens konto er deaktiveret"
                            : !system && locked != null && locked.isAfter(now) ? "ejerens konto er låst"
                            : null;
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    roles.addAll(JdbcStaffRepository.enums(rs.getArray("roles"), Role.class));
                    if (!system) roles.retainAll(JdbcStaffRepository.enums(rs.getArray("user_roles"), Role.class));
                    return new Use(rs.getLong("id"), system ? SYSTEM_PRINCIPAL + rs.getString("name") : rs.getString("username"),
                            rs.getString("hint"), refused, Set.copyOf(roles), instant(rs, "last_used_at"));
                }).optional();
        if (found.isEmpty()) {
            String hint = secret.startsWith(PREFIX) && secret.length() > PREFIX.length() + 6
                    ? secret.substring(0, PREFIX.length() + 6) + "…" : "(ukendt form)";
            refuse("api-token", hint, "ukendt token");
            return Optional.empty();
        }
        Use use = found.get();
        if (use.refused() != null) {
            refuse(use.actor(), use.hint(), use.refused());
            return Optional.empty();
        }
        if (use.lastUsed() == null || use.lastUsed().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            jdbc.sql("update org_api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), use.id()).update();
        }
        return Optional.of(new Principal(use.id(), use.actor(), use.roles()));
    }

    /** last_used_at is written at most once a minute per token, not on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private void refuse(String actor, String hint, String reason) {
        events.publishEvent(new StaffAccountEvent(StaffAccountEvent.Kind.TOKEN_REFUSED, actor, "API-token " + hint, reason));
    }

    private static String actor() {
        return dk.vendepunkt.organisation.CurrentUser.username();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
