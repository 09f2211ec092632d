package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Casework's forms are read by platform.FormInput, the one form binding: every unreadable field is a problem of its
 * own with the platform's message, shown next to the field (its "-error" element), and nothing is saved.
 */
@IntegrationTest
class CaseworkFormInputIT {

    static final String DATE = "Angiv en dato (åååå-mm-dd).";
    static final String CHOICE = "Vælg en af mulighederne.";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;

    /** The text of the error element of the field with this id, or null when there is none. */
    static String fieldError(String html, String fieldId) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(fieldId) + "-error\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? m.group(1).strip() : null;
    }

    @Test
    void everyUnreadableFieldOfACasePlanFormHasItsOwnErrorNextToIt() {
        long team = staff.team("forminput");
        var caseworker = staff.user(Role.CASEWORKER, team);
        long enrolment = enrolments.enrolment(team);
        var session = new WebSession(port, caseworker);
        String journal = "/enrolments/" + enrolment + "/journal";

        // a contact with an unreadable date and an unknown type: both fields answer, not only the first
        var contact = session.post(journal, "/enrolments/" + enrolment + "/contacts",
                Map.of("contactDate", "3/12", "type", "BREV", "note", "Ringede"));
        assertThat(contact.statusCode()).isEqualTo(200);
        assertThat(fieldError(contact.body(), "contact-contactDate")).isEqualTo(DATE);
        assertThat(fieldError(contact.body(), "contact-type")).isEqualTo(CHOICE);
        // a journal note with an unreadable date: the platform's date message at the field
        var note = session.post(journal, "/enrolments/" + enrolment + "/journal", Map.of("noteDate", "31-12-2026", "text", "Samtale"));
        assertThat(fieldError(note.body(), "note-noteDate")).isEqualTo(DATE);
        assertThat(jdbc.sql("select count(*) from cw_contact where enrolment_id = ?").param(enrolment).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from cw_journal_note where enrolment_id = ?").param(enrolment).query(Long.class).single()).isZero();
    }

    @Test
    void anUnreadableDateOfARecordBoundFormIsAnErrorAtItsFieldAndNothingIsSaved() {
        long team = staff.team("forminput-phase");
        var caseworker = staff.user(Role.CASEWORKER, team);
        long enrolment = enrolments.enrolment(team);
        var session = new WebSession(port, caseworker);
        String page = "/enrolments/" + enrolment;

        // before, the unreadable date bound as null and the phase moved "today"
        var moved = session.post(page, page + "/phase", Map.of("toPhase", "COORDINATION", "reason", "Møde holdt", "changedOn", "3/12",
                "version", "0"));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(fieldError(moved.body(), "changedOn")).isEqualTo(DATE);
        assertThat(jdbc.sql("select phase from cw_enrolment where id = ?").param(enrolment).query(String.class).single())
                .isEqualTo("IDENTIFICATION");
    }
}
