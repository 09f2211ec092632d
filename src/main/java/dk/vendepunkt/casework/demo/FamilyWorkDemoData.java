package dk.vendepunkt.casework.demo;

import dk.vendepunkt.casework.RiskInstruments;
import dk.vendepunkt.casework.domain.FamilyAssessment;
import dk.vendepunkt.casework.domain.FamilyPlan;
import dk.vendepunkt.casework.internal.FamilyAssessmentService;
import dk.vendepunkt.casework.internal.FamilyPlanService;
import dk.vendepunkt.casework.internal.FamilyScreeningService;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.platform.DemoData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The six-part assessment, the children's screenings and the family action plan of the demo core team's open family
 * cases (issue 13 part 9): a case in Indsats has a completed assessment (journal summaries from BUF, SOF and BIF,
 * measures in place, the overall assessment, a screening of each child from 12) and an agreed plan with a goal per
 * member and a review; a case in Udredning a draft assessment. Recorded through the services as the case's first
 * coordinator (validated and audited as in use, like {@link PrivacyDemoData}); everything generated.
 * The closed cohorts' cases are read-only (FamilyCase.closed) and get none of it.
 */
@Component
class FamilyWorkDemoData implements DemoData {

    private static final String[] BUF = {"Skolen: fravær omkring 25 %, konflikter i frikvartererne; kontaktlærer bekymret.",
            "Underretning fra skolen om ældre venner ved skolen; samtale med familien holdt."};
    private static final String[] SOF = {"Familien har kontakt om økonomi og bolig; ingen aktuel sag om anbringelse.",
            "Mor har deltaget i forældresamtaler; familien ønsker hjælp til struktur i hverdagen."};
    private static final String[] BIF = {"Far er tilmeldt jobcentret som aktivitetsparat; i virksomhedspraktik.",
            "Mor er i ordinær beskæftigelse på deltid; ingen aktuel sag i jobcentret."};

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final Families families;
    private final FamilyAssessmentService assessments;
    private final FamilyScreeningService screenings;
    private final FamilyPlanService plans;
    private final RiskInstruments instruments;

    FamilyWorkDemoData(JdbcClient jdbc, StaffDirectory staff, Families families, FamilyAssessmentService assessments,
                       FamilyScreeningService screenings, FamilyPlanService plans, RiskInstruments instruments) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.families = families;
        this.assessments = assessments;
        this.screenings = screenings;
        this.plans = plans;
        this.instruments = instruments;
    }

    @Override
    public int order() {
        return 28;
    }

    private record OpenCase(long id, long familyId, String phase, long coordinator, LocalDate phaseSince) {}

    @Override
    public void load(DemoContext ctx) {
        long team = staff.teams().stream().filter(t -> t.name().equals(FamilyDemoData.TEAM)).findFirst().map(Team::id)
                .orElseThrow(() -> new IllegalStateException("Demo team missing: " + FamilyDemoData.TEAM));
        List<OpenCase> open = jdbc.sql("""
                select c.id, c.family_id, c.phase, c.coordinator_1,
                       (select max(changed_on) from cw_family_phase_change where family_case_id = c.id)
                  from cw_family_case c
                 where c.team_id = ? and c.end_date is null and c.phase in ('UDREDNING', 'INDSATS') and c.coordinator_1 is not null
                 order by c.id""").param(team)
                .query((rs, i) -> new OpenCase(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getObject(5, LocalDate.class)))
                .list();
        for (OpenCase c : open) {
            String username = staff.all().stream().filter(s -> s.id() == c.coordinator()).map(StaffMember::username).findFirst().orElseThrow();
            as(username, () -> work(c, ctx.today(), ctx.random()));
        }
    }

    private void work(OpenCase c, LocalDate today, RandomGenerator rnd) {
        Families.Family f = families.find(c.familyId()).orElseThrow();
        List<Member> members = f.currentMembers();
        List<Member> adults = members.stream().filter(m -> m.relation() != Families.Relation.CHILD).toList();
        List<Member> children = f.children();
        boolean acting = c.phase().equals("INDSATS");
        // the assessment's work happened in Udredning: from its start until Indsats (or until now)
        LocalDate from = acting ? c.phaseSince().minusDays(30) : c.phaseSince();
        LocalDate until = acting ? c.phaseSince().minusDays(1) : today;
        // part 2: journal summaries from BUF, SOF and BIF
        Member child = children.getFirst();
        Member parent = adults.isEmpty() ? child : adults.getFirst();
        assessments.addSummary(c.id(), new FamilyAssessment.JournalSummary(child.personId(), "BUF", "Elevplan og skolens notat",
                from.plusDays(2), BUF[rnd.nextInt(BUF.length)]));
        assessments.addSummary(c.id(), new FamilyAssessment.JournalSummary(parent.personId(), "SOF", "Sagsakter, socialforvaltningen",
                from.plusDays(4), SOF[rnd.nextInt(SOF.length)]));
        if (acting) {
            assessments.addSummary(c.id(), new FamilyAssessment.JournalSummary(parent.personId(), "BIF", "Jobcentrets journal",
                    from.plusDays(6), BIF[rnd.nextInt(BIF.length)]));
        }
        // part 3: measures already in place
        assessments.addMeasure(c.id(), new FamilyAssessment.Measure(child.personId(), "BUF", "Kontaktperson efter servicelovens § 52",
                from.minusMonths(8), null));
        if (acting) {
            assessments.addMeasure(c.id(), new FamilyAssessment.Measure(parent.personId(), "SOF", "Familiebehandling", from.minusMonths(14),
                    from.minusMonths(4)));
        }
        // part 4: a screening of each child from 12 with the instrument that fits the age
        for (Member ch : children) {
            LocalDate screenedOn = until.minusDays(3);
            if (ch.birthDate() == null || instruments.forPerson(ch.birthDate(), screenedOn).isEmpty()) continue;
            RiskInstruments.Definition d = instruments.forPerson(ch.birthDate(), screenedOn).orElseThrow();
            Map<String, Integer> scores = new LinkedHashMap<>();
            d.domains().forEach(dom -> scores.put(dom.code(), rnd.nextInt(dom.maxScore() + 1)));
            screenings.record(c.id(), new FamilyScreeningService.NewScreening(ch.personId(), screenedOn, scores));
        }
        // part 5 (a draft until completed)
        Map<Long, String> needs = new LinkedHashMap<>();
        children.forEach(ch -> needs.put(ch.personId(), "Fast skolegang, en voksen at tale med og en fritidsaktivitet væk fra området."));
        var written = assessments.writeOverall(c.id(), new FamilyAssessment.Overall(
                "Forældrene er engagerede og vil samarbejde; barnet har en god relation til sin kontaktperson.",
                "Højt skolefravær, ældre venner fra bandemiljøet og en presset økonomi.", needs), 0);
        if (!acting) return;
        assessments.complete(c.id(), until, written.version());
        // part 6: the family action plan, a goal per member, agreed and reviewed
        List<FamilyPlan.GoalInput> goals = new ArrayList<>();
        for (Member m : members) {
            boolean isChild = m.relation() == Families.Relation.CHILD;
            goals.add(isChild
                    ? new FamilyPlan.GoalInput(m.personId(), "Går i skole hver dag og har en fritidsaktivitet", "BUF",
                            rnd.nextBoolean() ? "MENTOR" : "LEISURE_JOB", null, c.phaseSince().plusMonths(6), c.phaseSince().plusMonths(2))
                    : new FamilyPlan.GoalInput(m.personId(), "Deltager i forældregruppen og holder faste aftaler med skolen", "SOF",
                            "PARENT_GROUP", null, c.phaseSince().plusMonths(4), c.phaseSince().plusMonths(1)));
        }
        plans.revise(c.id(), new FamilyPlanService.NewVersion(0, "Vi vil have ro i familien, og at børnene klarer sig godt i skolen.", goals,
                null));
        List<Long> agreedBy = adults.isEmpty() ? List.of(child.personId()) : adults.stream().map(Member::personId).toList();
        // a version is dated the day it is stored, and agreement and review cannot come before it
        plans.agree(c.id(), new FamilyPlanService.NewAgreement(1, agreedBy, today));
        plans.review(c.id(), new FamilyPlanService.NewReview(1, today, "Opfølgning med familien: godt i gang; fremmødet i skolen er steget.",
                goals.stream().map(g -> "IN_PROGRESS").toList()));
    }

    /** Runs {@code work} signed in as the demo caseworker, so the services check access and audit as in use. */
    static void as(String username, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_CASEWORKER"))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
