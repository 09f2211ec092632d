package dk.vendepunkt.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.TestStaff;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Builds the three contract files for a test and imports them through the API. The test database is shared,
 * so tests isolate themselves by programme and by era (end dates and asOf long before any other test's data).
 */
final class OutcomeTestData {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 10_000_000);

    private final StringBuilder enrolments = new StringBuilder("enrolment_ref,person_key,programme,start_date,end_date,closure_reason,gang_related\n");
    private final StringBuilder events = new StringBuilder("event_ref,person_key,event_type,event_date,offence_code,ssp_level\n");
    private final StringBuilder followUps = new StringBuilder("person_key,status_date,status\n");
    private final StringBuilder reference = new StringBuilder("person_key,index_date,label\n");

    static String person() {
        return TestStaff.uniqueCpr();
    }

    static String ref(String p) {
        return p + "-" + SEQ.incrementAndGet();
    }

    /** A forløb of one year ending on {@code end} (null = ongoing). */
    OutcomeTestData enrolment(String cpr, String programme, LocalDate end, String reason) {
        LocalDate start = end == null ? LocalDate.of(1950, 1, 1) : end.minusYears(1);
        enrolments.append(ref("e")).append(',').append(cpr).append(',').append(programme).append(',').append(start).append(',')
                .append(end == null ? "" : end).append(',').append(reason == null ? "" : reason).append(",false\n");
        return this;
    }

    OutcomeTestData charge(String cpr, LocalDate date, int level) {
        return event(cpr, "CHARGE", date, level);
    }

    OutcomeTestData conviction(String cpr, LocalDate date, int level) {
        return event(cpr, "CONVICTION", date, level);
    }

    OutcomeTestData event(String cpr, String type, LocalDate date, int level) {
        events.append(ref("r")).append(',').append(cpr).append(',').append(type).append(',').append(date).append(",,").append(level).append('\n');
        return this;
    }

    /** An event whose level comes from the offence table. */
    OutcomeTestData event(String cpr, String type, LocalDate date, String offenceCode) {
        events.append(ref("r")).append(',').append(cpr).append(',').append(type).append(',').append(date).append(',').append(offenceCode).append(",\n");
        return this;
    }

    OutcomeTestData followUp(String cpr, LocalDate date, String status) {
        followUps.append(cpr).append(',').append(date).append(',').append(status).append('\n');
        return this;
    }

    OutcomeTestData referenceMember(String cpr, LocalDate index, String label) {
        reference.append(cpr).append(',').append(index).append(',').append(label).append('\n');
        return this;
    }

    /** Imports every non-empty file through {@code POST /api/v1/imports/{kind}}; fails the test on a non-200 answer. */
    void importAll(Api api) {
        post(api, "enrolments", enrolments);
        post(api, "register-events", events);
        post(api, "follow-ups", followUps);
        post(api, "reference-group", reference);
    }

    private static void post(Api api, String kind, StringBuilder csv) {
        if (csv.indexOf("\n") == csv.length() - 1) return;
        var r = api.postFile("/api/v1/imports/" + kind, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(kind + ": " + r).isEqualTo(200);
    }

    /** The measure with this id in a list of measures. */
    static JsonNode measure(JsonNode measures, String id) {
        for (JsonNode m : measures) if (m.get("id").asString().equals(id)) return m;
        throw new AssertionError("no measure " + id + " in " + measures);
    }

    static JsonNode cohort(JsonNode report, int year) {
        for (JsonNode c : report.get("cohorts")) if (c.get("cohort").asInt() == year) return c;
        throw new AssertionError("no cohort " + year + " in " + report);
    }

    /**
     * A charge (SSP level 3) in the registers on {@code on} for a registered person, keyed by the person's blind index as
     * a matched register extract is.
     */
    static void charge(org.springframework.jdbc.core.simple.JdbcClient jdbc, dk.vendepunkt.people.PersonDirectory people, long personId,
                       java.time.LocalDate on) {
        String hash = people.blindIndexOf(personId).orElseThrow();
        long p = jdbc.sql("""
                insert into out_person (person_hash, person_id) values (?, ?)
                on conflict (person_hash) do update set person_id = excluded.person_id returning id""")
                .params(hash, personId).query(Long.class).single();
        jdbc.sql("""
                insert into out_register_event (event_ref, person, event_type, event_date, ssp_level, level_from_table)
                values (?, ?, 'CHARGE', ?, 3, false)""").params("test-charge-" + SEQ.incrementAndGet(), p, on).update();
    }
}
