package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.casework.internal.EnrolmentService.EnrolmentLine;
import dk.vendepunkt.casework.internal.FollowUpService.Task;
import dk.vendepunkt.casework.internal.ReferralService.ReferralLine;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * "Min sagsstamme": the ongoing forløb the user coordinates or whose team they are on, referrals of their teams
 * awaiting screening, and the follow-up tasks that are open or overdue. The view is audited as one READ "sagsstamme" entry listing every person shown.
 */
@Service
public class CaseloadService {

    private final EnrolmentAccess access;
    private final EnrolmentService enrolments;
    private final ReferralService referrals;
    private final FollowUpService followUps;
    private final ConsentTasks consentTasks;
    private final PersonDirectory people;
    private final AuditLog audit;

    CaseloadService(EnrolmentAccess access, EnrolmentService enrolments, ReferralService referrals, FollowUpService followUps,
                    ConsentTasks consentTasks, PersonDirectory people, AuditLog audit) {
        this.consentTasks = consentTasks;
        this.access = access;
        this.enrolments = enrolments;
        this.referrals = referrals;
        this.followUps = followUps;
        this.people = people;
        this.audit = audit;
    }

    /** @param consentTasks forløb whose consent was withdrawn: find another basis or end the processing */
    public record Caseload(List<Item<EnrolmentLine>> enrolments, List<ReferralLine> referrals, List<Item<Task>> followUps,
                           List<Item<ConsentTasks.Task>> consentTasks) {}

    /** A line with the person's name. */
    public record Item<T>(T line, String personName, boolean mine) {}

    public Caseload mine() {
        StaffMember user = access.caseStaff(null, null);
        List<EnrolmentLine> e = enrolments.ongoingFor(user.id(), user.teamIds()).stream()
                .filter(l -> people.canAccess(l.personId())).toList();
        List<ReferralLine> r = referrals.openInTeams(user.teamIds()).stream().filter(l -> people.canAccess(l.personId())).toList();
        List<Task> f = followUps.openFor(user.id(), user.teamIds()).stream().filter(t -> people.canAccess(t.personId())).toList();
        List<ConsentTasks.Task> c = consentTasks.openFor(user.id(), user.teamIds()).stream().filter(t -> people.canAccess(t.personId())).toList();
        Set<Long> persons = new LinkedHashSet<>();
        e.forEach(l -> persons.add(l.personId()));
        r.forEach(l -> persons.add(l.personId()));
        f.forEach(t -> persons.add(t.personId()));
        c.forEach(t -> persons.add(t.personId()));
        Map<Long, String> names = names(persons);
        if (!persons.isEmpty()) audit.shown(AuditAction.READ, persons, "sagsstamme", null);
        return new Caseload(
                e.stream().map(l -> new Item<>(l, names.get(l.personId()), l.coordinatorId() != null && l.coordinatorId() == user.id())).toList(),
                r,
                f.stream().map(t -> new Item<>(t, names.get(t.personId()), false)).toList(),
                c.stream().map(t -> new Item<>(t, names.get(t.personId()), false)).toList());
    }

    /**
     * A person's referrals and forløb (person page, API) as far as they are the user's: those of the user's teams or
     * coordinated by the user; other teams' are left out, except through break-the-glass. Access to the person checked, the read audited.
     */
    public record PersonCases(long personId, List<ReferralLine> referrals, List<EnrolmentLine> enrolments) {}

    public PersonCases forPerson(long personId) {
        StaffMember user = access.caseStaff(personId, null);
        people.checkAccess(personId);
        audit.record(AuditAction.READ, personId, null, "henvisninger og forløb", null);
        // through break-the-glass all the person's forløb are open (each opening audited as BREAK_GLASS)
        boolean all = people.reach(personId) == dk.vendepunkt.people.PersonDirectory.Reach.BREAK_GLASS;
        return new PersonCases(personId, referrals.forPerson(personId, user, all), enrolments.forPerson(personId, user, all));
    }

    Map<Long, String> names(Collection<Long> personIds) {
        return people.summaries(personIds).stream().collect(Collectors.toMap(PersonSummary::id, PersonSummary::name, (a, b) -> a));
    }
}
