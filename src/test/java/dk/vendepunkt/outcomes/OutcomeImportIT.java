package dk.vendepunkt.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.EnrolmentClosed;
import dk.vendepunkt.casework.FollowUpRecorded;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.outcomes.internal.OutcomePersons;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The four outcome imports through the API: validation of every column, all-or-nothing, idempotency, matching. */
@IntegrationTest
class OutcomeImportIT {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired OutcomePersons persons;
    @Autowired PersonDirectory people;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    Api api;

    @BeforeEach
    void login() {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        api = Api.at(port).as(pm.username(), pm.password());
    }

    static String ref(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    Api.Response post(String kind, String csv) {
        return api.postFile("/api/v1/imports/" + kind, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** "line:column" of every error. */
    static Set<String> errors(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        List<String> out = new ArrayList<>();
        for (JsonNode e : r.json().get("errors")) out.add(e.get("line").asLong() + ":" + (e.get("column").isNull() ? "" : e.get("column").asString()));
        return Set.copyOf(out);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void enrolmentsAreValidatedColumnByColumnAndNothingIsStoredOnError() {
        String ok = ref("enr");
        String cpr = TestStaff.uniqueCpr();
        String csv = "enrolment_ref,person_key,programme,start_date,end_date,closure_reason,gang_related\n"
                + ok + "," + cpr + ",EXIT,2015-01-01,2015-06-30,COMPLETED,true\n"     // 2 ok
                + ",010190-1234,EXIT,2015-01-01,,,false\n"                            // 3 ref missing
                + ref("enr") + ",310290-1234,EXIT,2015-01-01,,,false\n"               // 4 CPR date not real
                + ref("enr") + ",0101901234,EXIT_X,2015-01-01,,,false\n"              // 5 programme
                + ref("enr") + ",0101901234,KIV,2015-13-01,,,false\n"                 // 6 start date
                + ref("enr") + ",0101901234,KIV,2015-02-01,2015-01-01,MOVED,false\n"  // 7 end before start
                + ref("enr") + ",0101901234,KIV,2015-02-01,2015-03-01,,false\n"       // 8 reason missing with end
                + ref("enr") + ",0101901234,KIV,2015-02-01,,COMPLETED,false\n"        // 9 reason with ongoing
                + ref("enr") + ",0101901234,KIV,2015-02-01,2015-03-01,FINISHED,false\n" // 10 unknown reason
                + ref("enr") + ",0101901234,KIV,2015-02-01,,,ja\n"                    // 11 gang_related
                + ok + ",0101901234,KIV,2015-02-01,,,false\n";                        // 12 duplicate ref
        assertThat(errors(post("enrolments", csv))).containsExactlyInAnyOrder(
                "3:enrolment_ref", "4:person_key", "5:programme", "6:start_date", "7:end_date", "8:closure_reason",
                "9:closure_reason", "10:closure_reason", "11:gang_related", "12:enrolment_ref");
        assertThat(count("select count(*) from out_enrolment where enrolment_ref = ?", ok)).isZero();
    }

    @Test
    void enrolmentReimportUpdatesByRefAndBothCprFormsAreOnePerson() {
        String a = ref("enr"), b = ref("enr");
        String cpr = TestStaff.uniqueCpr();
        String header = "gang_related,enrolment_ref,person_key,programme,start_date,end_date,closure_reason\n"; // any column order
        var first = post("enrolments", "\uFEFF" + header + "false," + a + "," + cpr + ",EXIT,2014-01-01,,\n"
                + "true," + b + "," + cpr.replace("-", "") + ",KIV,2013-01-01,2013-05-01,DROPPED_OUT\n");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(2);
        var again = post("enrolments", header + "false," + a + "," + cpr + ",EXIT,2014-01-01,2014-12-31,COMPLETED\n");
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        assertThat(count("select count(*) from out_enrolment where enrolment_ref in (?, ?)", a, b)).isEqualTo(2);
        assertThat(jdbc.sql("select closure_reason from out_enrolment where enrolment_ref = ?").param(a).query(String.class).single()).isEqualTo("COMPLETED");
        assertThat(count("select count(distinct person) from out_enrolment where enrolment_ref in (?, ?)", a, b)).isEqualTo(1);
    }

    @Test
    void registerEventsAreValidatedColumnByColumn() {
        String ok = ref("ev");
        String csv = "event_ref,person_key,event_type,event_date,offence_code,ssp_level\n"
                + ok + ",0101901234,CHARGE,2015-01-01,STRFL-244,\n"      // 2 ok: level from table
                + ",0101901234,CHARGE,2015-01-01,,3\n"                 // 3 ref missing
                + ref("ev") + ",01019012,CHARGE,2015-01-01,,3\n"       // 4 person_key
                + ref("ev") + ",0101901234,ARREST,2015-01-01,,3\n"     // 5 event_type
                + ref("ev") + ",0101901234,CHARGE,01-01-2015,,3\n"     // 6 event_date
                + ref("ev") + ",0101901234,CHARGE,2015-01-01,NO-SUCH-CODE,\n" // 7 code not mappable
                + ref("ev") + ",0101901234,CHARGE,2015-01-01,,\n"      // 8 neither code nor level
                + ref("ev") + ",0101901234,CHARGE,2015-01-01,,5\n"     // 9 level out of range
                + ok + ",0101901234,CONVICTION,2015-01-01,,2\n";       // 10 duplicate ref
        assertThat(errors(post("register-events", csv))).containsExactlyInAnyOrder(
                "3:event_ref", "4:person_key", "5:event_type", "6:event_date", "7:offence_code", "8:ssp_level", "9:ssp_level");
        // the duplicate is found once the rest of the file is valid (staging table)
        var dup = post("register-events", "event_ref,person_key,event_type,event_date,offence_code,ssp_level\n"
                + ok + ",0101901234,CHARGE,2015-01-01,STRFL-244,\n" + ok + ",0101901234,CONVICTION,2015-01-01,,2\n");
        assertThat(errors(dup)).containsExactly("3:event_ref");
        assertThat(count("select count(*) from out_register_event where event_ref = ?", ok)).isZero();
    }

    @Test
    void registerEventsReimportUpdatesAndTableLevelsFollowTheOffenceTable() {
        String a = ref("ev"), b = ref("ev");
        String cpr = TestStaff.uniqueCpr();
        String header = "event_ref,person_key,event_type,event_date,offence_code,ssp_level\n";
        var r = post("register-events", header + a + "," + cpr + ",CHARGE,2016-03-01,STRFL-276,\n" + b + "," + cpr + ",CONVICTION,2016-03-01,STRFL-276,4\n");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select ssp_level from out_register_event where event_ref = ?").param(a).query(Integer.class).single()).isEqualTo(2);
        var again = post("register-events", header + a + "," + cpr + ",CHARGE,2016-03-02,STRFL-276-INDBRUD,\n");
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(jdbc.sql("select ssp_level from out_register_event where event_ref = ?").param(a).query(Integer.class).single()).isEqualTo(3);
        assertThat(count("select count(*) from out_register_event where event_ref in (?, ?)", a, b)).isEqualTo(2);
    }

    @Test
    void followUpsAndReferenceGroupsAreValidatedAndIdempotent() {
        String cpr = TestStaff.uniqueCpr();
        assertThat(errors(post("follow-ups", "person_key,status_date,status\n"
                + "x,2015-01-01,EDUCATION\n" + cpr + ",2015-02-30,EDUCATION\n" + cpr + ",2015-01-01,STUDYING\n"
                + cpr + ",2015-01-02,NONE\n" + cpr + ",2015-01-02,EMPLOYMENT\n")))
                .containsExactlyInAnyOrder("2:person_key", "3:status_date", "4:status", "6:status_date");
        var ok = post("follow-ups", "person_key,status_date,status\n" + cpr + ",2015-01-02,NONE\n");
        assertThat(ok.json().get("created").asInt()).isEqualTo(1);
        var again = post("follow-ups", "status,person_key,status_date\nEMPLOYMENT," + cpr.replace("-", "") + ",2015-01-02\n");
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        long person = persons.id(people.blindIndex(CprNumber.parse(cpr).orElseThrow()));
        assertThat(jdbc.sql("select status from out_follow_up where person = ?").param(person).query(String.class).list()).containsExactly("EMPLOYMENT");

        String label = ref("Kontrolgruppe");
        assertThat(errors(post("reference-group", "person_key,index_date,label\n"
                + "123,2015-01-01," + label + "\n" + cpr + ",2015,"+ label + "\n" + cpr + ",2015-01-01,\n"
                + cpr + ",2015-01-01," + label + "\n" + cpr + ",2015-01-03," + label + "\n")))
                .containsExactlyInAnyOrder("2:person_key", "3:index_date", "4:label", "6:person_key");
        assertThat(post("reference-group", "person_key,index_date,label\n" + cpr + ",2015-01-01," + label + "\n").json().get("created").asInt()).isEqualTo(1);
        assertThat(post("reference-group", "person_key,index_date,label\n" + cpr + ",2015-02-01," + label + "\n").json().get("updated").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select index_date from out_reference_member where label = ?").param(label).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2015, 2, 1));
    }

    @Test
    void headerMustHaveExactlyTheContractColumns() {
        assertThat(errors(post("follow-ups", "person_key,status_date\n0101901234,2015-01-01\n"))).containsExactly("1:status");
    }

    @Test
    void onlyProgrammeManagersAndAdminsImport() {
        var analyst = staff.user(Role.ANALYST);
        var r = Api.at(port).as(analyst.username(), analyst.password()).postFile("/api/v1/imports/register-events", "text/csv",
                "event_ref,person_key,event_type,event_date,offence_code,ssp_level\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void unmatchedEventsAreKeptAndMatchedWhenThePersonAppears() {
        String cpr = TestStaff.uniqueCpr();
        String e = ref("ev");
        var r = post("register-events", "event_ref,person_key,event_type,event_date,offence_code,ssp_level\n" + e + "," + cpr + ",CHARGE,2016-03-01,,4\n");
        assertThat(r.status()).isEqualTo(200);
        String hash = people.blindIndex(CprNumber.parse(cpr).orElseThrow());
        assertThat(jdbc.sql("select person_id from out_person where person_hash = ?").param(hash).query(Long.class).optional()).isEmpty();
        persons.matchPending(0);
        assertThat(jdbc.sql("select person_id from out_person where person_hash = ?").param(hash).query(Long.class).optional()).isEmpty();

        long personId = people.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Test", "Person", null, null);
        OutcomePersons.MatchResult m;
        do {
            m = persons.matchPending(0);
        } while (m.tried() == OutcomePersons.MATCH_BATCH);
        assertThat(jdbc.sql("select person_id from out_person where person_hash = ?").param(hash).query(Long.class).single()).isEqualTo(personId);
        assertThat(count("select count(*) from out_register_event e join out_person p on p.id = e.person where e.event_ref = ? and p.person_id = ?", e, personId)).isEqualTo(1);
    }

    @Test
    void enrolmentsClosedAndFollowUpsRecordedInCaseworkBecomeOutcomeRows() {
        String cpr = TestStaff.uniqueCpr();
        long personId = people.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Test", "Person", null, null);
        long enrolmentId = 900_000_000L + SEQ.incrementAndGet();
        tx.executeWithoutResult(s -> events.publishEvent(new EnrolmentClosed(enrolmentId, personId, "EXIT",
                LocalDate.of(2018, 1, 1), LocalDate.of(2018, 6, 30), "COMPLETED", true)));
        tx.executeWithoutResult(s -> events.publishEvent(new FollowUpRecorded(enrolmentId, personId, LocalDate.of(2018, 9, 30), "EDUCATION")));
        assertThat(jdbc.sql("select source || ' ' || programme || ' ' || end_date || ' ' || closure_reason from out_enrolment where casework_enrolment_id = ?")
                .param(enrolmentId).query(String.class).single()).isEqualTo("CASEWORK EXIT 2018-06-30 COMPLETED");
        // imported data about the same CPR is the same person
        post("follow-ups", "person_key,status_date,status\n" + cpr + ",2018-10-01,NONE\n");
        assertThat(count("select count(distinct f.person) from out_follow_up f join out_person p on p.id = f.person where p.person_id = ?", personId)).isEqualTo(1);
        assertThat(count("select count(*) from out_follow_up f join out_person p on p.id = f.person where p.person_id = ?", personId)).isEqualTo(2);
        // closing again (e.g. corrected closure) updates the same row
        tx.executeWithoutResult(s -> events.publishEvent(new EnrolmentClosed(enrolmentId, personId, "EXIT",
                LocalDate.of(2018, 1, 1), LocalDate.of(2018, 7, 1), "DROPPED_OUT", true)));
        assertThat(count("select count(*) from out_enrolment where casework_enrolment_id = ?", enrolmentId)).isEqualTo(1);
    }

    @Test
    void changingAnOffenceLevelChangesTheMeasuresOfEventsThatTookTheirLevelFromTheTable() {
        var admin = staff.user(Role.ADMIN);
        Api adminApi = Api.at(port).as(admin.username(), admin.password());
        String code = "TEST-" + SEQ.incrementAndGet();
        var created = adminApi.post("/api/v1/admin/offences", java.util.Map.of("code", code, "description", "Testkode", "sspLevel", 2));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String cpr = TestStaff.uniqueCpr();
        LocalDate end = LocalDate.of(1985, 6, 30);
        var d = new OutcomeTestData().enrolment(cpr, "EXIT", end, "COMPLETED").event(cpr, "CHARGE", end.plusDays(10), code);
        d.importAll(api);
        String url = "/api/v1/reports/effect?programme=EXIT&asOf=1990-01-01&disclosure=internal";
        JsonNode before = OutcomeTestData.measure(OutcomeTestData.cohort(api.get(url).json(), 1985).get("measures"), "no_new_serious_charge_1y");
        var changed = adminApi.put("/api/v1/admin/offences/" + code, java.util.Map.of("description", "Testkode", "sspLevel", 4, "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode after = OutcomeTestData.measure(OutcomeTestData.cohort(api.get(url).json(), 1985).get("measures"), "no_new_serious_charge_1y");
        assertThat(after.get("eligible").asLong()).isEqualTo(before.get("eligible").asLong());
        assertThat(after.get("successes").asLong()).isEqualTo(before.get("successes").asLong() - 1);
        // stale version: 409; in use: cannot be deleted
        assertThat(adminApi.put("/api/v1/admin/offences/" + code, java.util.Map.of("description", "x", "sspLevel", 3, "version", 0)).status()).isEqualTo(409);
        assertThat(adminApi.delete("/api/v1/admin/offences/" + code + "?version=1").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/admin/offences").status()).isEqualTo(403);
    }
}
