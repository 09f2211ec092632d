package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportMessages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons as the outcomes module knows them: by the CPR blind index (people's keyed hash), so register
 * data about someone who is not (yet) registered in Vendepunkt is kept and counted. {@code person_id}
 * links to the people module once a person with that CPR exists there: at once when case work
 * publishes an event about the person, otherwise by the matcher, which tries unmatched persons after
 * every import and again every hour.
 */
@Component
public class OutcomePersons {

    private static final Logger log = LoggerFactory.getLogger(OutcomePersons.class);
    public static final int MATCH_BATCH = 5000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PersonDirectory people;

    OutcomePersons(JdbcClient jdbc, JdbcTemplate template, PersonDirectory people) {
        this.jdbc = jdbc;
        this.template = template;
        this.people = people;
    }

    /** Parses person_key per the contract (both CPR forms, real date) into its blind index; caches per import. */
    public final class KeyReader {
        private final Map<String, String> cache = new HashMap<>();
        private final Map<String, java.time.LocalDate> birthDates = new HashMap<>();

        /** The birth date (from the CPR number) of every hash this reader returned. */
        public Map<String, java.time.LocalDate> birthDates() {
            return birthDates;
        }

        /** The blind index, or null after recording a row error. */
        public String hash(CsvFile.Row r, String column) {
            String v = r.required(column);
            if (v == null) return null;
            String cached = cache.get(v);
            if (cached != null) return cached;
            var cpr = CprNumber.parse(v);
            if (cpr.isEmpty()) {
                r.fail(column, ImportMessages.text("import.cpr.invalid"));
                return null;
            }
            String h = people.blindIndex(cpr.get());
            if (cache.size() >= 200_000) cache.clear(); // bounded: a register extract may name a million persons
            cache.put(v, h);
            birthDates.put(h, cpr.get().birthDate());
            return h;
        }
    }

    public KeyReader keyReader() {
        return new KeyReader();
    }

    /** out_person ids for these hashes, creating rows for new ones (set-based). */
    public Map<String, Long> ids(Collection<String> hashes) {
        Map<String, Long> out = new HashMap<>(hashes.size() * 2);
        List<String> all = new ArrayList<>(new java.util.HashSet<>(hashes));
        for (int from = 0; from < all.size(); from += 10_000) {
            String[] chunk = all.subList(from, Math.min(all.size(), from + 10_000)).toArray(String[]::new);
            template.update("insert into out_person (person_hash) select unnest(?::varchar[]) on conflict (person_hash) do nothing",
                    (Object) chunk);
            template.query("select person_hash, id from out_person where person_hash = any(?::varchar[])",
                    rs -> { out.put(rs.getString(1), rs.getLong(2)); }, (Object) chunk);
        }
        return out;
    }

    /** Records the persons' birth dates (effect goal 2 counts by age at the end of the forløb). */
    public void recordBirthDates(Map<String, java.time.LocalDate> byHash) {
        List<Object[]> rows = new ArrayList<>();
        byHash.forEach((h, d) -> rows.add(new Object[] {java.sql.Date.valueOf(d), h}));
        template.batchUpdate("update out_person set birth_date = ? where person_hash = ? and birth_date is null", rows);
    }

    public long id(String hash) {
        return ids(List.of(hash)).get(hash);
    }

    /** The outcomes person for a Vendepunkt person (case-work events), linked at once. */
    @Transactional
    long forPerson(long personId) {
        Long existing = jdbc.sql("select id from out_person where person_id = ?").param(personId).query(Long.class).optional().orElse(null);
        if (existing != null) return existing;
        String hash = people.blindIndexOf(personId).orElseThrow(() -> new IllegalStateException("person " + personId + " has no CPR blind index"));
        long id = id(hash);
        java.time.LocalDate birth = people.summaries(List.of(personId)).stream().findFirst().map(dk.vendepunkt.people.PersonSummary::birthDate).orElse(null);
        jdbc.sql("update out_person set person_id = ?, match_checked_at = now(), birth_date = coalesce(birth_date, ?) where id = ?")
                .params(personId, birth, id).update();
        return id;
    }

    /**
     * Links unmatched persons whose CPR is now registered in people; tries those never tried, or last
     * tried before {@code olderThanMinutes}; one batch.
     */
    public record MatchResult(int tried, int linked) {}

    @Transactional
    public MatchResult matchPending(int olderThanMinutes) {
        int linked = 0;
        List<Object[]> rows = jdbc.sql("""
                select id, person_hash from out_person
                 where person_id is null and (match_checked_at is null or match_checked_at < now() - make_interval(mins => ?))
                 order by match_checked_at nulls first limit ?""")
                .params(olderThanMinutes, MATCH_BATCH).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> checked = new ArrayList<>();
        for (Object[] r : rows) {
            var pid = people.idForBlindIndex((String) r[1]);
            if (pid.isPresent()) {
                updates.add(new Object[] {pid.get(), r[0]});
                linked++;
            } else {
                checked.add(new Object[] {r[0]});
            }
        }
        template.batchUpdate("update out_person set person_id = ?, match_checked_at = now() where id = ?", updates);
        template.batchUpdate("update out_person set match_checked_at = now() where id = ?", checked);
        return new MatchResult(rows.size(), linked);
    }

    /** New persons (never tried) every minute; all unmatched ones again when an hour has passed. */
    @Scheduled(fixedDelayString = "${vendepunkt.outcomes.match-delay:60000}", initialDelayString = "${vendepunkt.outcomes.match-initial-delay:30000}")
    void scheduledMatch() {
        try {
            MatchResult r;
            do {
                r = matchPending(60);
                if (r.linked() > 0) log.info("Linked {} register persons to registered persons", r.linked());
            } while (r.tried() == MATCH_BATCH);
        } catch (RuntimeException e) {
            log.warn("Register person matching failed: {}", e.toString());
        }
    }
}
