package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.PersonDirectory.Reach;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.VendepunktProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-the-glass (DHIS2's temporary ownership): a caseworker or programme manager opens access to a person outside
 * their teams with a reason; it lasts {@code vendepunkt.break-glass.hours}; while open, the person and their forløb
 * are reached as by the team, and every access is audited as BREAK_GLASS ({@link PersonService}). A restriction on
 * the person is stronger: a barred user cannot break the glass. The DPO reviews each opening: ACCEPTED, or REPORTED
 * with a note.
 */
@Service
public class BreakGlassService {

    /** Shortest reason (trimmed), and the longest. */
    public static final int REASON_MIN_CHARS = 20;
    static final int REASON_MAX_CHARS = 1000;

    public enum Review { PENDING, ACCEPTED, REPORTED }

    public record Grant(long id, long personId, String username, String reason, Instant openedAt, Instant expiresAt,
                        Review review, String reviewedBy, Instant reviewedAt, String reviewNote) {}

    /** A grant as the DPO's review list shows it: with the person's name and whether it is still open. */
    public record ReviewLine(Grant grant, String personName, String maskedCpr, boolean open) {}

    public record ReviewDecision(String outcome, String note) {}

    private final JdbcClient jdbc;
    private final PersonReach reach;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final CprVault vault;
    private final Duration window;

    BreakGlassService(JdbcClient jdbc, PersonReach reach, AuditLog audit, CurrentUser currentUser, CprVault vault,
                      VendepunktProperties props) {
        this.jdbc = jdbc;
        this.reach = reach;
        this.audit = audit;
        this.currentUser = currentUser;
        this.vault = vault;
        this.window = Duration.ofHours(props.breakGlass().hours());
    }

    /** How many hours an opening lasts ({@code vendepunkt.break-glass.hours}). */
    public long hours() {
        return window.toHours();
    }

    /** Opens access to the person for the configured hours; audited as BREAK_GLASS with the reason. */
    @Transactional
    public Grant open(long personId, String reason) {
        StaffMember u = currentUser.get().filter(PersonReach::caseStaff).orElseThrow(() -> {
            audit.record(AuditAction.DENIED, personId, null, "bryd glasset", "rollen giver ikke adgang");
            return new AuditedAccessDenied("Only caseworkers and programme managers break the glass");
        });
        if (!jdbc.sql("select exists(select 1 from ppl_person where id = ?)").param(personId).query(Boolean.class).single()) {
            throw new NotFoundException("person.notFound", personId);
        }
        Reach r = reach.of(u, personId);
        if (r == Reach.BARRED) {
            audit.record(AuditAction.DENIED, personId, null, "bryd glasset", "begrænsning på personen");
            throw new AuditedAccessDenied("Person " + personId + " is restricted for the user");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < REASON_MIN_CHARS) throw ValidationException.of("reason", "breakGlass.reason.tooShort", REASON_MIN_CHARS);
        Texts.require("reason", why, REASON_MAX_CHARS);
        if (r != Reach.OUTSIDE) throw ValidationException.of("reason", "breakGlass.notNeeded");
        Instant now = reach.now();
        long id = jdbc.sql("""
                insert into ppl_break_glass (person_id, username, reason, opened_at, expires_at) values (?, ?, ?, ?, ?) returning id""")
                .params(personId, u.username(), why, PersonReach.param(now), PersonReach.param(now.plus(window))).query(Long.class).single();
        audit.record(AuditAction.BREAK_GLASS, personId, null, "bryd glasset " + id + ": adgang åbnet til " + now.plus(window), why);
        return get(id);
    }

    /** The review list (DPO): pending ones oldest first, or with {@code all} also the reviewed ones, newest first. */
    public List<ReviewLine> reviewList(boolean all) {
        dpo(null);
        List<Grant> grants = jdbc.sql("select * from ppl_break_glass" + (all ? " order by opened_at desc, id desc"
                        : " where review_status = 'PENDING' order by opened_at, id"))
                .query(BreakGlassService::grant).list();
        if (!grants.isEmpty()) audit.shown(AuditAction.READ, grants.stream().map(Grant::personId).distinct().toList(),
                "bryd glasset: gennemgang", "openings: " + grants.size());
        Instant now = reach.now();
        return grants.stream().map(g -> {
            var p = jdbc.sql("select first_name || ' ' || last_name, cpr_cipher from ppl_person where id = ?").param(g.personId())
                    .query((rs, i) -> new String[] {rs.getString(1), vault.decrypt(rs.getBytes(2)).masked()}).single();
            return new ReviewLine(g, p[0], p[1], !g.openedAt().isAfter(now) && g.expiresAt().isAfter(now));
        }).toList();
    }

    /** The DPO's review: ACCEPTED, or REPORTED with a note; once only (409 afterwards). Audited. */
    @Transactional
    public Grant review(long id, ReviewDecision d) {
        Grant g = find(id).orElseThrow(() -> new NotFoundException("breakGlass.notFound", id));
        StaffMember u = dpo(g.personId());
        Review outcome = Optional.ofNullable(d == null ? null : d.outcome()).map(String::strip).flatMap(o -> {
            try {
                return Optional.of(Review.valueOf(o));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).filter(o -> o != Review.PENDING).orElseThrow(() -> ValidationException.of("outcome", "breakGlass.outcome.required"));
        String note = d.note() == null || d.note().isBlank() ? null : d.note().strip();
        if (outcome == Review.REPORTED && note == null) throw ValidationException.of("note", "breakGlass.note.required");
        Texts.require("note", note, REASON_MAX_CHARS);
        int n = jdbc.sql("""
                update ppl_break_glass set review_status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
                 where id = ? and review_status = 'PENDING'""")
                .params(outcome.name(), u.username(), PersonReach.param(reach.now()), note, id).update();
        if (n == 0) throw new ConflictException("breakGlass.reviewed");
        audit.record(AuditAction.UPDATE, g.personId(), null, "bryd glasset " + id + ": gennemgået " + outcome, note);
        return get(id);
    }

    private StaffMember dpo(Long personId) {
        return currentUser.get().filter(u -> u.hasRole(Role.DPO)).orElseThrow(() -> {
            audit.record(AuditAction.DENIED, personId, null, "bryd glasset: gennemgang", "rollen giver ikke adgang");
            return new AuditedAccessDenied("Only the DPO reviews break-the-glass");
        });
    }

    private Grant get(long id) {
        return find(id).orElseThrow();
    }

    private Optional<Grant> find(long id) {
        return jdbc.sql("select * from ppl_break_glass where id = ?").param(id).query(BreakGlassService::grant).optional();
    }

    private static Grant grant(ResultSet rs, int i) throws SQLException {
        java.sql.Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Grant(rs.getLong("id"), rs.getLong("person_id"), rs.getString("username"), rs.getString("reason"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                Review.valueOf(rs.getString("review_status")), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant(), rs.getString("review_note"));
    }
}
