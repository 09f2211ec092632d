package dk.vendepunkt.casework.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journal notes (append-only) and contacts (type, date, attended or not) of a forløb. A planned
 * contact is recorded with attended unknown and updated afterwards (optimistic locking). After closure a note can
 * still be added; contacts can no longer be recorded or planned.
 */
@Service
public class JournalService {

    static final String SUBJECT = "journal";

    private final JdbcClient jdbc;
    private final EnrolmentAccess access;
    private final Clock clock;

    JournalService(JdbcClient jdbc, EnrolmentAccess access, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.access = access;
    }

    public enum ContactType {
        MEETING, PHONE, HOME_VISIT, NETWORK_MEETING, MESSAGE, OTHER;

        public String labelKey() {
            return "caseplan.contactType." + name();
        }
    }

    public record Note(long id, LocalDate noteDate, String text, String author) {}

    public record NewNote(LocalDate noteDate, String text) {}

    public record Contact(long id, LocalDate contactDate, ContactType type, Boolean attended, String note, String recordedBy, int version) {}

    public record NewContact(LocalDate contactDate, ContactType type, Boolean attended, String note) {}

    public record ContactChange(Boolean attended, String note, Integer version) {}

    public record Journal(EnrolmentRef enrolment, List<Note> notes, List<Contact> contacts) {
        public long attendedCount() {
            return contacts.stream().filter(c -> Boolean.TRUE.equals(c.attended())).count();
        }

        public long missedCount() {
            return contacts.stream().filter(c -> Boolean.FALSE.equals(c.attended())).count();
        }
    }

    public Journal read(long enrolmentId) {
        EnrolmentRef e = access.read(enrolmentId, SUBJECT);
        return new Journal(e, notes(e.id()), contacts(e.id()));
    }

    List<Note> notes(long enrolmentId) {
        return jdbc.sql("select id, note_date, text, author from cw_journal_note where enrolment_id = ? order by note_date desc, id desc")
                .param(enrolmentId).query((rs, i) -> new Note(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
                .list();
    }

    List<Contact> contacts(long enrolmentId) {
        return jdbc.sql("""
                select id, contact_date, contact_type, attended, note, recorded_by, version
                  from cw_contact where enrolment_id = ? order by contact_date desc, id desc""").param(enrolmentId)
                .query((rs, i) -> new Contact(rs.getLong(1), rs.getObject(2, LocalDate.class), ContactType.valueOf(rs.getString(3)),
                        (Boolean) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getInt(7))).list();
    }

    @Transactional
    public Note addNote(long enrolmentId, NewNote n) {
        // documentation continues after closure: a note may be added to a closed forløb (contacts may not be planned)
        EnrolmentRef e = access.afterClosure(enrolmentId, SUBJECT);
        List<FieldProblem> problems = new ArrayList<>();
        date(n.noteDate(), "noteDate", e, problems);
        if (n.text() == null || n.text().isBlank()) problems.add(new FieldProblem("text", "caseplan.note.text.required", new Object[0]));
        else if (n.text().length() > 20000) problems.add(new FieldProblem("text", "caseplan.text.tooLong", new Object[] {20000}));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        long id = jdbc.sql("insert into cw_journal_note (enrolment_id, note_date, text, author) values (?, ?, ?, ?) returning id")
                .params(e.id(), n.noteDate(), n.text().trim(), CurrentUser.username()).query(Long.class).single();
        return notes(e.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public Contact addContact(long enrolmentId, NewContact c) {
        EnrolmentRef e = access.write(enrolmentId, SUBJECT);
        List<FieldProblem> problems = new ArrayList<>();
        if (c.contactDate() == null) problems.add(new FieldProblem("contactDate", "caseplan.date.required", new Object[0]));
        else if (c.contactDate().isBefore(e.startDate())) problems.add(new FieldProblem("contactDate", "caseplan.date.beforeStart", new Object[] {e.startDate()}));
        else if (c.contactDate().isAfter(LocalDate.now(clock)) && c.attended() != null) {
            problems.add(new FieldProblem("attended", "caseplan.contact.attended.future", new Object[0]));
        }
        if (c.type() == null) problems.add(new FieldProblem("type", "caseplan.contact.type.required", new Object[0]));
        if (c.note() != null && c.note().length() > 4000) problems.add(new FieldProblem("note", "caseplan.text.tooLong", new Object[] {4000}));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        long id = jdbc.sql("""
                insert into cw_contact (enrolment_id, contact_date, contact_type, attended, note, recorded_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(e.id(), c.contactDate(), c.type().name(), c.attended(), Texts.blankToNull(c.note()), CurrentUser.username())
                .query(Long.class).single();
        return contact(e.id(), id);
    }

    /** Records whether a contact was attended (and a note); the version read must still be current. */
    @Transactional
    public Contact updateContact(long enrolmentId, long contactId, ContactChange ch) {
        EnrolmentRef e = access.write(enrolmentId, SUBJECT);
        Contact c = contact(e.id(), contactId);
        if (ch.version() == null) throw ValidationException.of("version", "caseplan.version.required");
        if (ch.attended() != null && c.contactDate().isAfter(LocalDate.now(clock))) {
            throw ValidationException.of("attended", "caseplan.contact.attended.future");
        }
        if (ch.note() != null && ch.note().length() > 4000) throw ValidationException.of("note", "caseplan.text.tooLong", 4000);
        int n = jdbc.sql("update cw_contact set attended = ?, note = ?, version = version + 1 where id = ? and version = ?")
                .params(ch.attended(), ch.note() == null ? c.note() : Texts.blankToNull(ch.note()), contactId, ch.version()).update();
        if (n == 0) throw ConflictException.stale();
        return contact(e.id(), contactId);
    }

    private Contact contact(long enrolmentId, long contactId) {
        return contacts(enrolmentId).stream().filter(x -> x.id() == contactId).findFirst()
                .orElseThrow(() -> new NotFoundException("caseplan.contact.notFound", contactId));
    }

    private void date(LocalDate d, String field, EnrolmentRef e, List<FieldProblem> problems) {
        if (d == null) problems.add(new FieldProblem(field, "caseplan.date.required", new Object[0]));
        else if (d.isAfter(LocalDate.now(clock))) problems.add(new FieldProblem(field, "caseplan.date.future", new Object[0]));
        else if (d.isBefore(e.startDate())) problems.add(new FieldProblem(field, "caseplan.date.beforeStart", new Object[] {e.startDate()}));
    }
}
