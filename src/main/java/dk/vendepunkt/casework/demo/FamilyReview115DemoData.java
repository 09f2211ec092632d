package dk.vendepunkt.casework.demo;

import dk.vendepunkt.casework.domain.Review115Outcome;
import dk.vendepunkt.casework.internal.Review115Service;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.DemoData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A §115 meeting history for the demo core team (issue 13 part 9): a review with the police every month for the last
 * twelve months, 3-6 persons discussed at each and a decision on every one, of every kind. A referral to the core team
 * names a child of a demo family whose case is open (so the listener opens no second case); the other persons are
 * generated young people (registered by the people module's system path, as FamilyDemoData does). Recorded through {@link Review115Service} signed in as a
 * core team member, so validated and audited as in use; everything generated.
 */
@Component
class FamilyReview115DemoData implements DemoData {

    private static final String[] FIRST = {"Ahmad", "Bilal", "Christian", "Daniel", "Elias", "Hassan", "Karim", "Mikkel", "Mohammed", "Oliver",
            "Rasmus", "Tariq", "Yousef", "Zakaria", "Amira", "Selma"};
    private static final String[] LAST = {"Ali", "Andersen", "Demir", "Farah", "Hussein", "Jørgensen", "Khan", "Madsen", "Mortensen", "Said"};
    private static final Review115Outcome[] OTHERS = {Review115Outcome.NO_ACTION, Review115Outcome.CONTACT_FAMILY,
            Review115Outcome.NOTIFICATION_OF_CONCERN, Review115Outcome.NO_ACTION, Review115Outcome.CONTACT_FAMILY};

    private final Review115Service reviews;
    private final StaffDirectory staff;
    private final PersonDirectory people;
    private final JdbcClient jdbc;

    FamilyReview115DemoData(Review115Service reviews, StaffDirectory staff, PersonDirectory people, JdbcClient jdbc) {
        this.reviews = reviews;
        this.staff = staff;
        this.people = people;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 29;
    }

    @Override
    public void load(DemoContext ctx) {
        long team = staff.teams().stream().filter(t -> t.name().equals(FamilyDemoData.TEAM)).findFirst().map(Team::id)
                .orElseThrow(() -> new IllegalStateException("Demo team missing: " + FamilyDemoData.TEAM));
        List<StaffMember> core = staff.all().stream().filter(s -> s.teamIds().contains(team) && s.departmentCode() != null).toList();
        // children of the demo families with an open case: referred to the core team (no second case) or already known
        List<Long> known = new ArrayList<>(jdbc.sql("""
                select distinct m.person_id from cw_family_case c join ppl_family_member m on m.family_id = c.family_id
                 where c.team_id = ? and c.end_date is null and m.relation = 'CHILD' and m.member_to is null order by 1""").param(team)
                .query(Long.class).list());
        RandomGenerator rnd = ctx.random();
        LocalDate today = ctx.today();
        FamilyWorkDemoData.as(core.getFirst().username(), () -> {
            int knownUsed = 0;
            for (int month = 12; month >= 1; month--) {
                LocalDate on = today.minusMonths(month);
                List<Review115Service.Participant> participants = core.stream().limit(2 + rnd.nextInt(2))
                        .map(s -> new Review115Service.Participant("STAFF", s.displayName(), s.departmentCode())).toList();
                long meeting = reviews.create(new Review115Service.NewMeeting(team, on, null, participants, "Politikommissær Lene Holm",
                        "Lokalpolitiet, forebyggelsesafdelingen"));
                int persons = 3 + rnd.nextInt(4);
                for (int i = 0; i < persons; i++) {
                    Review115Outcome outcome;
                    long person;
                    if (i < 2 && knownUsed < known.size() * 2) {
                        // a known child: referred the first time, already known after that
                        person = known.get(knownUsed % known.size());
                        outcome = knownUsed < known.size() ? Review115Outcome.REFER_CORE_TEAM : Review115Outcome.ALREADY_KNOWN;
                        knownUsed++;
                        reviews.addPerson(meeting, new Review115Service.NewPerson(person, null, null, null, "Nævnt i politiets liste"));
                    } else {
                        outcome = OTHERS[(month + i) % OTHERS.length];
                        // registered by the system path: a year of meetings would pass the per-user CPR look-up limit
                        person = people.registerSystem(cpr(on.minusYears(13 + rnd.nextInt(6)), rnd), FIRST[rnd.nextInt(FIRST.length)],
                                LAST[rnd.nextInt(LAST.length)], null, team);
                        reviews.addPerson(meeting, new Review115Service.NewPerson(person, null, null, null, "Antruffet i området sammen med ældre"));
                    }
                    reviews.decide(meeting, person, new Review115Service.DecisionRequest(outcome.name(), reason(outcome), null, null, 0));
                }
            }
        });
    }

    private static String reason(Review115Outcome outcome) {
        return switch (outcome) {
            case NO_ACTION -> "Enkeltstående episode; ingen øvrige bekymringstegn.";
            case CONTACT_FAMILY -> "SSP kontakter familien for en samtale.";
            case REFER_CORE_TEAM -> "Gentagne episoder og en bror i miljøet; henvises til kerneteamet.";
            case ALREADY_KNOWN -> "Familien har en sag hos kerneteamet.";
            case NOTIFICATION_OF_CONCERN -> "Der sendes en underretning til Børn og Unge.";
        };
    }

    /** A generated CPR number for the birth date that nobody has yet. */
    private CprNumber cpr(LocalDate birth, RandomGenerator rnd) {
        while (true) {
            String digits = String.format(Locale.ROOT, "%02d%02d%02d%d%03d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100,
                    birth.getYear() >= 2000 ? 4 : rnd.nextInt(4), rnd.nextInt(1000));
            CprNumber cpr = new CprNumber(digits);
            if (people.idForBlindIndex(people.blindIndex(cpr)).isEmpty()) return cpr;
        }
    }
}
