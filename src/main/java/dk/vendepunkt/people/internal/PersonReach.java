package dk.vendepunkt.people.internal;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.PersonDirectory.Reach;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one rule of who reaches a person, as SQL: restrictions first, then the team, then an open break-the-glass.
 * {@link PersonService} asks it for single persons and uses its fragments in searches, so a list and a page never
 * disagree.
 */
@Component
class PersonReach {

    /**
     * True when a restriction bars the user (parameter: the username) from person {@code p.id}: an active EXCLUDE
     * names them, or an active RESTRICT does not.
     */
    static final String BARRED = """
            exists (select 1 from ppl_restriction r where r.person_id = p.id and r.lifted_at is null
                       and (r.kind = 'EXCLUDE') = exists (select 1 from ppl_restriction_user ru
                                                           where ru.restriction_id = r.id and ru.username = ?))""";

    /** True when one of the user's teams (parameter: the team ids as an array) works with person {@code p.id}. */
    static final String IN_TEAMS = "exists (select 1 from ppl_person_team t where t.person_id = p.id and t.team_id = any(?))";

    /** True when the user (parameters: username, now, now) has an open break-the-glass to person {@code p.id}. */
    static final String GLASS_OPEN = """
            exists (select 1 from ppl_break_glass g where g.person_id = p.id and g.username = ?
                       and g.opened_at <= ? and g.expires_at > ?)""";

    /**
     * The ids of the persons that {@link #IN_TEAMS} or {@link #GLASS_OPEN} let the user reach (parameters: the team ids
     * as an array, username, now, now), for a search that starts from them; {@link #BARRED} still applies.
     */
    static final String REACHABLE_IDS = """
            select t.person_id from ppl_person_team t where t.team_id = any(?)
            union select g.person_id from ppl_break_glass g where g.username = ? and g.opened_at <= ? and g.expires_at > ?""";

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonReach(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static boolean caseStaff(StaffMember u) {
        return u.hasRole(Role.CASEWORKER) || u.hasRole(Role.PROGRAMME_MANAGER);
    }

    Instant now() {
        return Instant.now(clock);
    }

    /** An instant as a JDBC parameter (the driver takes no {@link Instant}). */
    static java.time.OffsetDateTime param(Instant t) {
        return t.atOffset(java.time.ZoneOffset.UTC);
    }

    Reach of(StaffMember u, long personId) {
        var now = param(now());
        return jdbc.sql("select " + BARRED + ", " + IN_TEAMS + ", " + GLASS_OPEN + " from ppl_person p where p.id = ?")
                .params(u.username(), u.teamIds().toArray(Long[]::new), u.username(), now, now, personId)
                .query((rs, i) -> {
                    if (rs.getBoolean(1)) return Reach.BARRED;
                    if (!caseStaff(u)) return Reach.OUTSIDE;
                    if (rs.getBoolean(2)) return Reach.TEAM;
                    return rs.getBoolean(3) ? Reach.BREAK_GLASS : Reach.OUTSIDE;
                }).optional().orElse(Reach.OUTSIDE);
    }

    /** Those of the persons {@link #of} gives TEAM or BREAK_GLASS, in one query (list views; null ids are left out). */
    Set<Long> accessible(StaffMember u, Collection<Long> personIds) {
        Long[] ids = personIds.stream().filter(java.util.Objects::nonNull).distinct().toArray(Long[]::new);
        if (ids.length == 0 || !caseStaff(u)) return Set.of();
        var now = param(now());
        return new HashSet<>(jdbc.sql("select p.id from ppl_person p where p.id = any(?) and not " + BARRED
                        + " and (" + IN_TEAMS + " or " + GLASS_OPEN + ")")
                .params(ids, u.username(), u.teamIds().toArray(Long[]::new), u.username(), now, now).query(Long.class).list());
    }

    Set<Long> barred(StaffMember u, Collection<Long> personIds) {
        if (personIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select p.id from ppl_person p where p.id = any(?) and " + BARRED)
                .params(personIds.toArray(Long[]::new), u.username()).query(Long.class).list());
    }
}
