package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.outcomes.RegisterEvents;
import dk.vendepunkt.people.PersonDirectory;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link RegisterEvents}: counts of a person's register events per kind in a date window, by the CPR blind index. */
@Component
class RegisterEventCounts implements RegisterEvents {

    private final JdbcClient jdbc;
    private final PersonDirectory people;

    RegisterEventCounts(JdbcClient jdbc, PersonDirectory people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    @Override
    public Map<Kind, Integer> counts(long personId, LocalDate after, LocalDate until) {
        Map<Kind, Integer> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) out.put(k, 0);
        people.blindIndexOf(personId).ifPresent(hash -> jdbc.sql("""
                        select e.event_type, count(*) from out_register_event e join out_person p on p.id = e.person
                         where p.person_hash = :hash and (cast(:after as date) is null or e.event_date > :after)
                           and (cast(:until as date) is null or e.event_date <= :until)
                         group by e.event_type""")
                .param("hash", hash).param("after", after).param("until", until)
                .query(rs -> {
                    out.put(Kind.valueOf(rs.getString(1)), rs.getInt(2));
                }));
        return out;
    }
}
