package dk.vendepunkt.people.internal;

import dk.vendepunkt.people.RetentionHandler;
import dk.vendepunkt.people.RetentionRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Category PERSON: a person's master data, team access and consents go when the period has passed since the
 * registration and no other category still holds data of the person that is not due (an open forløb, one that
 * ended less than its period ago). Runs last, so the other categories' rows of the same run go first.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PersonRetention implements RetentionHandler {

    static final String CATEGORY = "PERSON";

    private final JdbcClient jdbc;
    private final RetentionRules rules;
    private final ObjectProvider<RetentionHandler> handlers;

    PersonRetention(JdbcClient jdbc, RetentionRules rules, ObjectProvider<RetentionHandler> handlers) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.handlers = handlers;
    }

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    public String action() {
        return "DELETE";
    }

    @Override
    public Set<String> tables() {
        return Set.of("ppl_person", "ppl_person_team", "ppl_consent", "ppl_disclosure",
                "ppl_restriction", "ppl_restriction_user", "ppl_break_glass",
                "ppl_family", "ppl_family_member", "ppl_parental_authority");
    }

    @Override
    public List<Item> due(LocalDate asOf) {
        LocalDate cutoff = asOf.minus(rules.required(CATEGORY));
        List<Long> candidates = jdbc.sql("""
                select id from ppl_person where (created_at at time zone 'Europe/Copenhagen')::date <= ? order by id""")
                .param(cutoff).query(Long.class).list();
        Set<Long> held = new HashSet<>();
        for (RetentionHandler h : others()) held.addAll(h.holding(candidates, asOf));
        return candidates.stream().filter(id -> !held.contains(id)).map(id -> new Item("ppl_person", id, id)).toList();
    }

    @Override
    public void erase(List<Item> items) {
        // team access, consents, disclosures, restrictions and break-the-glass records go with the person (on delete cascade)
        // family memberships and parental authority go too; a family left without members goes with its last one
        List<Long> ids = items.stream().map(Item::id).toList();
        List<Long> families = ids.isEmpty() ? List.of() : jdbc.sql("select distinct family_id from ppl_family_member where person_id in (:ids)")
                .param("ids", ids).query(Long.class).list();
        for (Item i : items) jdbc.sql("delete from ppl_person where id = ?").param(i.id()).update();
        if (!families.isEmpty()) jdbc.sql("""
                delete from ppl_family f where f.id in (:families)
                   and not exists (select 1 from ppl_family_member m where m.family_id = f.id)""").param("families", families).update();
    }

    /** The person's data goes on the latest of registration + period and every other category's dates; unknown while one is. */
    @Override
    public List<Expiry> expiries(long personId) {
        LocalDate registered = jdbc.sql("select (created_at at time zone 'Europe/Copenhagen')::date from ppl_person where id = ?")
                .param(personId).query(LocalDate.class).optional().orElse(null);
        if (registered == null) return List.of();
        List<Expiry> others = new ArrayList<>();
        for (RetentionHandler h : others()) others.addAll(h.expiries(personId));
        LocalDate on = registered.plus(rules.required(CATEGORY));
        for (Expiry e : others) {
            if (e.on() == null) return List.of(new Expiry(CATEGORY, "person", null));
            if (e.on().isAfter(on)) on = e.on();
        }
        return List.of(new Expiry(CATEGORY, "person", on));
    }

    @Override
    public Set<Long> holding(Collection<Long> personIds, LocalDate asOf) {
        return Set.of();
    }

    private List<RetentionHandler> others() {
        return handlers.orderedStream().filter(h -> !Objects.equals(h.category(), CATEGORY)).toList();
    }
}
