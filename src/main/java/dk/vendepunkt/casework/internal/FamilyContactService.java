package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact log of a family case (003: "informations- og motivationssamtaler", later follow-up contacts): date, kind,
 * the members who took part, by whom, a short note. Access and audit through {@link FamilyCaseService}.
 */
@Service
public class FamilyContactService {

    /** The longest note (the log is a log, not a journal). */
    public static final int NOTE_MAX = 500;

    public enum Kind { INFORMATION, MOTIVATION, FOLLOW_UP, OTHER }

    public record NewContact(LocalDate contactDate, String kind, List<Long> memberIds, String note) {}

    /** A participant: the member's id and name. */
    public record Participant(long personId, String name) {}

    public record Contact(long id, LocalDate contactDate, Kind kind, List<Participant> members, String note, String heldBy) {}

    /** The contact page: the case part's header and the contacts, newest first. */
    public record Log(FamilyPart part, List<Contact> contacts) {}

    private final FamilyCaseService cases;
    private final Families families;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final FamilyConsentService familyConsents;

    FamilyContactService(FamilyCaseService cases, FamilyConsentService familyConsents, Families families, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.familyConsents = familyConsents;
        this.families = families;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The case's contacts, newest first; access checked, audited as READ. */
    public Log list(long caseId) {
        FamilyCase c = cases.readPart(caseId, "kontakter");
        Family f = families.find(c.familyId()).orElseThrow();
        return new Log(familyConsents.part(c, f), contacts(caseId, f));
    }

    /** Records a contact held by the current user; returns it. */
    @Transactional
    public Contact add(long caseId, NewContact n) {
        FamilyCase c = cases.write(caseId, "kontakt");
        Family f = families.find(c.familyId()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (n.contactDate() == null) problems.add(FieldProblem.of("contactDate", "familyconsent.contact.date.required"));
        else if (n.contactDate().isAfter(LocalDate.now(clock))) problems.add(FieldProblem.of("contactDate", "familyconsent.date.future"));
        else if (n.contactDate().isBefore(c.openedOn())) problems.add(FieldProblem.of("contactDate", "familyconsent.contact.date.beforeCase", c.openedOn()));
        Kind kind = Enums.parseOrNull(Kind.class, n.kind());
        if (kind == null) problems.add(FieldProblem.of("kind", "familyconsent.contact.kind.required"));
        List<Long> members = n.memberIds() == null ? List.of() : n.memberIds().stream().distinct().toList();
        if (members.isEmpty()) problems.add(FieldProblem.of("memberIds", "familyconsent.contact.members.required"));
        else if (members.stream().anyMatch(id -> id == null || f.member(id).isEmpty())) {
            problems.add(FieldProblem.of("memberIds", "familyconsent.member.notMember"));
        }
        String note = Texts.blankToNull(n.note());
        Texts.check(problems, "note", note, NOTE_MAX);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        long id = jdbc.sql("insert into cw_family_contact (family_case_id, contact_date, kind, note, held_by) values (?, ?, ?, ?, ?) returning id")
                .params(caseId, n.contactDate(), kind.name(), note, CurrentUser.username()).query(Long.class).single();
        for (long m : members) jdbc.sql("insert into cw_family_contact_member (contact_id, person_id) values (?, ?)").params(id, m).update();
        return contacts(caseId, f).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    private List<Contact> contacts(long caseId, Family f) {
        Map<Long, String> names = new LinkedHashMap<>();
        f.members().forEach(m -> names.put(m.personId(), m.name()));
        Map<Long, List<Participant>> taking = new LinkedHashMap<>();
        jdbc.sql("""
                select m.contact_id, m.person_id from cw_family_contact_member m join cw_family_contact c on c.id = m.contact_id
                 where c.family_case_id = ? order by m.contact_id, m.person_id""").param(caseId)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> taking.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(new Participant(e.getValue(), names.getOrDefault(e.getValue(), "?"))));
        return jdbc.sql("""
                select id, contact_date, kind, note, held_by from cw_family_contact where family_case_id = ?
                 order by contact_date desc, id desc""").param(caseId)
                .query((rs, i) -> new Contact(rs.getLong(1), rs.getObject(2, LocalDate.class), Kind.valueOf(rs.getString(3)),
                        taking.getOrDefault(rs.getLong(1), List.of()), rs.getString(4), rs.getString(5))).list();
    }
}
