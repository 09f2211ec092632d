package dk.vendepunkt.casework.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentors of a forløb: a staff member or an external person (name, organisation), each for a period.
 * A new mentor's start ends the current mentor's period the day before (one mentor at a time).
 */
@Service
public class MentorService {

    static final String SUBJECT = "mentor";

    private final JdbcClient jdbc;
    private final EnrolmentAccess access;
    private final StaffDirectory staff;
    private final Clock clock;

    MentorService(JdbcClient jdbc, EnrolmentAccess access, StaffDirectory staff, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.access = access;
        this.staff = staff;
    }

    public enum Kind { STAFF, EXTERNAL }

    public record Mentor(long id, long enrolmentId, Kind kind, Long staffUserId, String name, String organisation, LocalDate startDate,
                         LocalDate endDate, int version) {
        public boolean active(LocalDate on) {
            return !startDate.isAfter(on) && (endDate == null || !endDate.isBefore(on));
        }
    }

    /** A staff mentor names {@code staffUserId}; an external one {@code name} and optionally {@code organisation}. */
    public record NewMentor(Kind kind, Long staffUserId, String name, String organisation, LocalDate startDate) {}

    public record MentorEnd(LocalDate endDate, Integer version) {}

    public record Mentors(EnrolmentRef enrolment, List<Mentor> mentors) {}

    public Mentors read(long enrolmentId) {
        EnrolmentRef e = access.read(enrolmentId, SUBJECT);
        return new Mentors(e, load(e.id()));
    }

    List<Mentor> load(long enrolmentId) {
        return jdbc.sql("""
                select id, enrolment_id, kind, staff_user_id, name, organisation, start_date, end_date, version
                  from cw_mentor where enrolment_id = ? order by start_date desc, id desc""").param(enrolmentId)
                .query((rs, i) -> new Mentor(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), (Long) rs.getObject(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getInt(9)))
                .list();
    }

    /** Staff members who can be mentors: enabled caseworkers. */
    public List<StaffMember> candidates() {
        return staff.all().stream().filter(s -> s.enabled() && s.hasRole(Role.CASEWORKER)).toList();
    }

    @Transactional
    public Mentor assign(long enrolmentId, NewMentor m) {
        EnrolmentRef e = access.write(enrolmentId, SUBJECT);
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        String name = Texts.blankToNull(m.name());
        String organisation = Texts.blankToNull(m.organisation());
        Long staffId = null;
        if (m.kind() == null) {
            problems.add(new FieldProblem("kind", "caseplan.mentor.kind.required", new Object[0]));
        } else if (m.kind() == Kind.STAFF) {
            Optional<StaffMember> s = m.staffUserId() == null ? Optional.empty() : staff.find(m.staffUserId()).filter(StaffMember::enabled);
            if (s.isEmpty()) problems.add(new FieldProblem("staffUserId", "caseplan.mentor.staff.required", new Object[0]));
            else {
                staffId = s.get().id();
                name = s.get().displayName();
                organisation = staff.team(e.teamId()).map(dk.vendepunkt.organisation.Team::name).orElse(null);
            }
        } else if (name == null) {
            problems.add(new FieldProblem("name", "caseplan.mentor.name.required", new Object[0]));
        } else if (name.length() > 200 || (organisation != null && organisation.length() > 200)) {
            problems.add(new FieldProblem(name.length() > 200 ? "name" : "organisation", "caseplan.text.tooLong", new Object[] {200}));
        }
        if (m.startDate() == null) problems.add(new FieldProblem("startDate", "caseplan.date.required", new Object[0]));
        else if (m.startDate().isAfter(today.plusMonths(3))) problems.add(new FieldProblem("startDate", "caseplan.date.tooFar", new Object[0]));
        else if (m.startDate().isBefore(e.startDate())) problems.add(new FieldProblem("startDate", "caseplan.date.beforeStart", new Object[] {e.startDate()}));
        List<Mentor> existing = load(e.id());
        if (m.startDate() != null && existing.stream().anyMatch(x -> !x.startDate().isBefore(m.startDate()))) {
            problems.add(new FieldProblem("startDate", "caseplan.mentor.startBeforeCurrent", new Object[0]));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        // the current mentor's period ends the day before the new one starts
        jdbc.sql("update cw_mentor set end_date = ?, version = version + 1 where enrolment_id = ? and (end_date is null or end_date >= ?)")
                .params(m.startDate().minusDays(1), e.id(), m.startDate()).update();
        long id = jdbc.sql("""
                insert into cw_mentor (enrolment_id, kind, staff_user_id, name, organisation, start_date, created_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(e.id(), m.kind().name(), staffId, name, organisation, m.startDate(), CurrentUser.username()).query(Long.class).single();
        return find(e.id(), id);
    }

    /** Ends a mentor's period. */
    @Transactional
    public Mentor end(long enrolmentId, long mentorId, MentorEnd end) {
        EnrolmentRef e = access.write(enrolmentId, SUBJECT);
        Mentor m = find(e.id(), mentorId);
        if (end.version() == null) throw ValidationException.of("version", "caseplan.version.required");
        if (end.endDate() == null) throw ValidationException.of("endDate", "caseplan.date.required");
        if (end.endDate().isBefore(m.startDate())) throw ValidationException.of("endDate", "caseplan.mentor.endBeforeStart");
        int n = jdbc.sql("update cw_mentor set end_date = ?, version = version + 1 where id = ? and version = ?")
                .params(end.endDate(), mentorId, end.version()).update();
        if (n == 0) throw ConflictException.stale();
        return find(e.id(), mentorId);
    }

    private Mentor find(long enrolmentId, long mentorId) {
        return load(enrolmentId).stream().filter(x -> x.id() == mentorId).findFirst()
                .orElseThrow(() -> new NotFoundException("caseplan.mentor.notFound", mentorId));
    }
}
