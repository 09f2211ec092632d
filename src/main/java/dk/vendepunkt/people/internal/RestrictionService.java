package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-person restrictions (HMPPS's excluded and restricted users), set and lifted by an administrator or the DPO
 * with a reason: EXCLUDE names users who must not reach the person; RESTRICT names the only users who may (still
 * within the team rules). {@link PersonReach} applies them before any team rule. Every call is audited.
 */
@Service
public class RestrictionService {

    /** Shortest reason (trimmed) for setting or lifting a restriction. */
    static final int REASON_MIN_CHARS = 10;

    public enum Kind { EXCLUDE, RESTRICT }

    public record Restriction(long id, long personId, Kind kind, List<String> usernames, String reason, String createdBy,
                              Instant createdAt, String liftedBy, Instant liftedAt, String liftReason) {
        public boolean active() {
            return liftedAt == null;
        }
    }

    /** {@code username} for EXCLUDE, {@code allowedUsernames} for RESTRICT (the contract's request body). */
    public record NewRestriction(String kind, String username, List<String> allowedUsernames, String reason) {}

    /** The person as the restriction page shows it to an administrator or the DPO (no case content). */
    public record PersonRef(long id, String name, String maskedCpr) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final StaffDirectory staff;
    private final CprVault vault;

    RestrictionService(JdbcClient jdbc, AuditLog audit, CurrentUser currentUser, StaffDirectory staff, CprVault vault) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.currentUser = currentUser;
        this.staff = staff;
        this.vault = vault;
    }

    /** Sets a restriction; audited UPDATE with the reason. */
    @Transactional
    public Restriction set(long personId, NewRestriction r) {
        StaffMember u = steward(personId);
        person(personId);
        List<FieldProblem> problems = new ArrayList<>();
        Kind kind = r == null || r.kind() == null ? null
                : Arrays.stream(Kind.values()).filter(k -> k.name().equals(r.kind().strip())).findFirst().orElse(null);
        if (kind == null) problems.add(FieldProblem.of("kind", "restriction.kind.required"));
        Set<String> users = new LinkedHashSet<>();
        if (kind == Kind.EXCLUDE) {
            if (r.username() != null && !r.username().isBlank()) users.add(r.username().strip());
            if (users.isEmpty()) problems.add(FieldProblem.of("username", "restriction.username.required"));
        } else if (kind == Kind.RESTRICT) {
            if (r.allowedUsernames() != null) r.allowedUsernames().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(users::add);
            if (users.isEmpty()) problems.add(FieldProblem.of("allowedUsernames", "restriction.allowed.required"));
        }
        String field = kind == Kind.RESTRICT ? "allowedUsernames" : "username";
        List<String> unknown = users.stream().filter(n -> staff.findByUsername(n).isEmpty()).toList();
        if (!unknown.isEmpty()) problems.add(FieldProblem.of(field, "restriction.username.unknown", String.join(", ", unknown)));
        String why = reason(r == null ? null : r.reason(), problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        long id = jdbc.sql("insert into ppl_restriction (person_id, kind, reason, created_by) values (?, ?, ?, ?) returning id")
                .params(personId, kind.name(), why, u.username()).query(Long.class).single();
        users.forEach(n -> jdbc.sql("insert into ppl_restriction_user (restriction_id, username) values (?, ?)").params(id, n).update());
        audit.record(AuditAction.UPDATE, personId, null, "begrænsning " + id + " " + kind + ": " + String.join(", ", users), why);
        return find(id).orElseThrow();
    }

    /** Lifts an active restriction with a reason; audited UPDATE. A restriction already lifted gives 409. */
    @Transactional
    public Restriction lift(long personId, long restrictionId, String reason) {
        StaffMember u = steward(personId);
        Restriction r = find(restrictionId).filter(x -> x.personId() == personId)
                .orElseThrow(() -> new NotFoundException("restriction.notFound", restrictionId));
        List<FieldProblem> problems = new ArrayList<>();
        String why = reason(reason, problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        int n = jdbc.sql("update ppl_restriction set lifted_by = ?, lifted_at = now(), lift_reason = ? where id = ? and lifted_at is null")
                .params(u.username(), why, r.id()).update();
        if (n == 0) throw new ConflictException("restriction.lifted");
        audit.record(AuditAction.UPDATE, personId, null, "begrænsning " + r.id() + " ophævet", why);
        return find(r.id()).orElseThrow();
    }

    /** The person's restrictions, active first, then newest first; audited READ. */
    public List<Restriction> forPerson(long personId) {
        steward(personId);
        person(personId);
        audit.person(AuditAction.READ, personId, "begrænsninger");
        return list("where r.person_id = ?", personId);
    }

    /** All active restrictions (the administrator's and DPO's overview); one audit row names the persons. */
    public List<Restriction> active() {
        steward(null);
        List<Restriction> all = list("where r.lifted_at is null");
        if (!all.isEmpty()) audit.shown(AuditAction.READ, all.stream().map(Restriction::personId).distinct().toList(), "begrænsninger", null);
        return all;
    }

    /** The person for the restriction page (name and masked CPR); 404 when unknown. Not audited: the caller's read is. */
    public PersonRef person(long personId) {
        return jdbc.sql("select id, first_name || ' ' || last_name, cpr_cipher from ppl_person where id = ?").param(personId)
                .query((rs, i) -> new PersonRef(rs.getLong(1), rs.getString(2), vault.decrypt(rs.getBytes(3)).masked())).optional()
                .orElseThrow(() -> new NotFoundException("person.notFound", personId));
    }

    /** An administrator's or the DPO's exact CPR look-up of the person to restrict; audited SEARCH. */
    public Optional<Long> findByCpr(String cpr) {
        steward(null);
        Optional<CprNumber> parsed = CprNumber.parse(cpr == null ? "" : cpr);
        if (parsed.isEmpty()) throw ValidationException.of("cpr", "person.cpr.invalid");
        Optional<Long> id = jdbc.sql("select id from ppl_person where cpr_hash = ?").param(vault.hash(parsed.get())).query(Long.class).optional();
        audit.shown(AuditAction.SEARCH, id.stream().toList(), "begrænsninger: CPR-opslag", "fund: " + id.stream().count());
        return id;
    }

    private static String reason(String reason, List<FieldProblem> problems) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < REASON_MIN_CHARS) problems.add(FieldProblem.of("reason", "restriction.reason.required", REASON_MIN_CHARS));
        Texts.check(problems, "reason", why, Texts.SHORT * 5);
        return why;
    }

    /** The current user when an administrator or the DPO; otherwise the refusal is audited and thrown (403). */
    private StaffMember steward(Long personId) {
        return currentUser.get().filter(u -> u.hasRole(Role.ADMIN) || u.hasRole(Role.DPO)).orElseThrow(() -> {
            audit.record(AuditAction.DENIED, personId, null, "begrænsninger", "rollen giver ikke adgang");
            return new AuditedAccessDenied("Only an administrator or the DPO sets restrictions");
        });
    }

    private Optional<Restriction> find(long id) {
        return list("where r.id = ?", id).stream().findFirst();
    }

    private List<Restriction> list(String where, Object... params) {
        return jdbc.sql("""
                select r.*, coalesce((select array_agg(u.username order by u.username) from ppl_restriction_user u
                                      where u.restriction_id = r.id), '{}') as usernames
                  from ppl_restriction r""" + " " + where + " order by r.lifted_at is not null, r.created_at desc, r.id desc")
                .params(params).query(RestrictionService::restriction).list();
    }

    private static Restriction restriction(ResultSet rs, int i) throws SQLException {
        java.sql.Timestamp lifted = rs.getTimestamp("lifted_at");
        return new Restriction(rs.getLong("id"), rs.getLong("person_id"), Kind.valueOf(rs.getString("kind")),
                List.of((String[]) rs.getArray("usernames").getArray()), rs.getString("reason"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("lifted_by"), lifted == null ? null : lifted.toInstant(),
                rs.getString("lift_reason"));
    }
}
