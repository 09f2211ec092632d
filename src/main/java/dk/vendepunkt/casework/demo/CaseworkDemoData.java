package dk.vendepunkt.casework.demo;

import dk.vendepunkt.casework.domain.Channel;
import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.domain.FollowUpStatus;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.casework.domain.Phase;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.casework.internal.EnrolmentRef;
import dk.vendepunkt.casework.internal.EnrolmentService;
import dk.vendepunkt.casework.internal.FollowUpService;
import dk.vendepunkt.casework.internal.ProgrammeCatalogue;
import dk.vendepunkt.casework.internal.ReferralService;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.DemoData;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Synthetic casework (order 20): about 200 persons with fake names and fake CPR numbers (real birth dates), referrals
 * from every channel, forløb in every phase from 2015 to today in the demo teams, closures with every reason (the
 * {@code EnrolmentClosed} events reach the outcomes module), follow-up tasks of which nearly all older ones are recorded and a few recent ones
 * are due or overdue, a waiting list and referrals awaiting screening. The demo caseworkers exit, ssp and mentor all
 * have forløb in their caseload.
 */
@Component
class CaseworkDemoData implements DemoData {

    static final String[] FIRST = {"Ahmad", "Ali", "Bilal", "Casper", "Danny", "Elias", "Emre", "Frederik", "Hassan", "Ibrahim",
            "Jonas", "Kasper", "Karim", "Lucas", "Mads", "Mikkel", "Mohammed", "Nicolai", "Omar", "Oliver", "Rasmus", "Sami", "Simon",
            "Tobias", "Umar", "Victor", "Yusuf", "Zakaria", "Amalie", "Aisha", "Camilla", "Fatima", "Ida", "Julie", "Laura", "Maja",
            "Nadia", "Sara", "Sofie", "Yasmin"};
    static final String[] LAST = {"Andersen", "Ahmadi", "Bakr", "Berg", "Christensen", "Demir", "Dahl", "Eriksen", "Farah",
            "Hansen", "Holm", "Hussein", "Iversen", "Jensen", "Jørgensen", "Kaya", "Khan", "Larsen", "Lund", "Madsen", "Mortensen",
            "Nielsen", "Olsen", "Pedersen", "Petersen", "Rasmussen", "Said", "Skov", "Sørensen", "Thomsen", "Yilmaz", "Østergaard"};
    /**
     * Forløb recorded in Vendepunkt start in 2015, when KIV was merged into Exit: the seed's 166 forløb that ended
     * 2010-2014 come from the old systems (the outcomes demo imports them).
     */
    static final LocalDate HISTORY_FROM = LocalDate.of(2015, 1, 1);
    /** The areas module's demo city has districts D01-D35: persons live in those. */
    private static final int DEMO_DISTRICTS = 35;
    private static final String[] BASELINES = {
            "Ingen uddannelse ud over folkeskolen, bor hos familie, tæt tilknytning til en gruppering, flere sigtelser for vold.",
            "Afbrudt erhvervsuddannelse, gæld, ingen fast bolig, ønsker at komme væk fra miljøet efter trusler.",
            "Løsladt fra fængsel, kontanthjælp, netværk næsten kun i miljøet, misbrug af hash.",
            "Arbejdsløs, bor alene, sigtet for narkotikasalg, motiveret for job og uddannelse."};
    /** A closure summary that fits the closure reason. */
    private static String summary(ClosureReason reason, RandomGenerator rnd) {
        return switch (reason) {
            case COMPLETED -> rnd.nextBoolean() ? "I job og egen bolig; har brudt med den tidligere omgangskreds."
                    : "Påbegyndt erhvervsuddannelse; boligsituationen er afklaret; ingen nye sigtelser under forløbet.";
            case DROPPED_OUT -> "Stoppede med at møde op; kontakten kunne ikke genetableres.";
            case MOVED -> "Flyttet til anden kommune; sagen er overdraget.";
            case IMPRISONED -> "Varetægtsfængslet; forløbet afsluttes, kontakt kan genoptages efter løsladelse.";
            case TRANSFERRED -> "Overgået til et andet tilbud, som passer bedre til behovene.";
            case DECEASED -> "Forløbet er afsluttet.";
            case OTHER -> "Afsluttet efter aftale med personen.";
        };
    }

    private final PersonDirectory people;
    private final StaffDirectory staff;
    private final ProgrammeCatalogue programmes;
    private final EnrolmentService enrolments;
    private final FollowUpService followUps;
    private final JdbcClient jdbc;
    private final Consents consents;

    CaseworkDemoData(PersonDirectory people, StaffDirectory staff, ProgrammeCatalogue programmes, EnrolmentService enrolments,
                     FollowUpService followUps, JdbcClient jdbc, Consents consents) {
        this.consents = consents;
        this.people = people;
        this.staff = staff;
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.followUps = followUps;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 20;
    }

    private record Staff(long exitTeam, long sspNorth, long sspSouth, Long exit, Long ssp, Long mentor) {}

    @Override
    public void load(DemoContext ctx) {
        List<Team> teams = staff.teams();
        long exitTeam = team(teams, "Exit-teamet");
        long north = team(teams, "SSP+ Nord");
        long south = team(teams, "SSP+ Syd");
        Staff s = new Staff(exitTeam, north, south, user("exit"), user("ssp"), user("mentor"));
        RandomGenerator rnd = ctx.random();
        LocalDate today = ctx.today();
        Set<String> cprs = new HashSet<>();
        ClosureReason[] reasons = ClosureReason.values();
        Channel[] channels = Channel.values();
        for (int i = 0; i < 200; i++) {
            String programme = i % 10 == 7 ? "RAMMEMODEL" : i % 10 == 3 ? "SSP_PLUS" : "EXIT";
            Channel channel = channels[i % channels.length];
            boolean gang = !programme.equals("SSP_PLUS") && (programme.equals("RAMMEMODEL") || rnd.nextInt(100) < 40);
            long team = !programme.equals("SSP_PLUS") ? exitTeam : (i / 10) % 3 == 2 ? south : north;
            Long coordinator = gang || programme.equals("RAMMEMODEL") ? s.exit() : programme.equals("SSP_PLUS") ? s.ssp() : (i % 3 == 0 ? s.mentor() : s.ssp());

            LocalDate referred;
            String kind;
            if (i < 45) {                // ongoing forløb, started in the last two years
                referred = today.minusDays(10 + rnd.nextInt(700));
                kind = "ONGOING";
            } else if (i < 60) {         // closed 2-5 months ago: the 3-month follow-up is due now
                referred = today.minusDays(300 + rnd.nextInt(300));
                kind = "RECENTLY_CLOSED";
            } else if (i < 185) {        // history since 2015 (what ended 2010-2014 is the outcomes demo's import from the old systems)
                referred = HISTORY_FROM.plusDays(rnd.nextInt((int) ChronoUnit.DAYS.between(HISTORY_FROM, today.minusDays(400))));
                kind = "CLOSED";
            } else {                     // open referrals and rejections
                referred = today.minusDays(3 + rnd.nextInt(80));
                kind = i < 191 ? "RECEIVED" : i < 197 ? "WAITING" : "REJECTED";
            }
            int ageAtReferral = programme.equals("SSP_PLUS") ? 18 + rnd.nextInt(7) : 18 + rnd.nextInt(17);
            LocalDate birth = referred.minusYears(ageAtReferral).minusDays(rnd.nextInt(360));
            CprNumber cpr = cpr(birth, rnd, cprs);
            long personId = people.registerSystem(cpr, FIRST[rnd.nextInt(FIRST.length)], LAST[rnd.nextInt(LAST.length)],
                    String.format(java.util.Locale.ROOT, "D%02d", 1 + rnd.nextInt(DEMO_DISTRICTS)), team);
            if (coordinator != null) staff.find(coordinator).ifPresent(c -> c.teamIds().forEach(t -> people.grantTeam(personId, t)));

            ClosureReason reason = i >= 45 && i < 45 + reasons.length ? reasons[i - 45] : weightedReason(rnd);
            Episode e = new Episode(i, personId, programme, team, coordinator, gang, channel, referred, kind, reason);
            LocalDate ended = episode(e, rnd, today);
            // history: many came back after a while (re-referral, new forløb)
            while (kind.equals("CLOSED") && ended != null && rnd.nextInt(100) < 65 && reason != ClosureReason.DECEASED) {
                LocalDate again = ended.plusDays(60 + rnd.nextInt(400));
                if (again.isAfter(today.minusDays(400))) break;
                reason = weightedReason(rnd);
                ended = episode(new Episode(i, personId, programme, team, coordinator, gang, channels[rnd.nextInt(channels.length)], again,
                        kind, reason), rnd, today);
            }
        }
    }

    private record Episode(int i, long personId, String programme, long team, Long coordinator, boolean gang, Channel channel,
                           LocalDate referred, String kind, ClosureReason reason) {}

    /** One referral and what became of it; answers the forløb's end date when it was closed. */
    private LocalDate episode(Episode e, RandomGenerator rnd, LocalDate today) {
        String basis = e.channel() == Channel.POLICE ? LegalBasis.RPL_115 : e.i() % 5 == 0 ? LegalBasis.SEL_49B : LegalBasis.CONSENT;
        long referralId = jdbc.sql("""
                insert into cw_referral (person_id, programme, team_id, channel, referred_on, referrer, reason, legal_basis, consent_on, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo') returning id""")
                .params(e.personId(), e.programme(), e.team(), e.channel().name(), e.referred(),
                        "Demo-henviser",
                        e.gang() ? "Tilknyttet gruppering; ønsker exit" : "Alvorlig kriminalitet; ønsker hjælp til job og bolig",
                        basis, LegalBasis.CONSENT.equals(basis) ? e.referred() : null)
                .query(Long.class).single();
        if (LegalBasis.CONSENT.equals(basis)) {
            consents.recordSystem(e.personId(), Consents.NewConsent.of("Henvisning til " + programmes.get(e.programme()).name(),
                    basis, e.referred(), null, null), ReferralService.consentReference(referralId), "demo");
        }
        switch (e.kind()) {
            case "RECEIVED" -> {
                return null;
            }
            case "WAITING" -> {
                screened(referralId, "WAITING", e.gang(), e.referred().plusDays(2), null, null, null);
                return null;
            }
            case "REJECTED" -> {
                screened(referralId, "REJECTED", e.gang(), e.referred().plusDays(2), "Ikke motiveret for forløb", null, null);
                return null;
            }
            default -> {
                Programme p = programmes.get(e.programme());
                LocalDate start = e.referred().plusDays(rnd.nextInt(20));
                long enrolmentId = enrolments.start(new EnrolmentService.Start(e.personId(), p, referralId, e.team(), e.coordinator(), start,
                        e.gang(), BASELINES[rnd.nextInt(BASELINES.length)], "demo"));
                screened(referralId, "ACCEPTED", e.gang(), start, null, e.coordinator(), enrolmentId);
                if (e.kind().equals("ONGOING")) {
                    // every phase is represented: spread by position
                    advance(enrolmentId, p, e.i() % p.phases().size(), start, today);
                    return null;
                }
                LocalDate end = e.kind().equals("RECENTLY_CLOSED") ? today.minusDays(60 + rnd.nextInt(90)) : start.plusDays(90 + rnd.nextInt(640));
                if (!end.isBefore(today)) end = today.minusDays(1);
                if (end.isBefore(start)) end = start;
                int lastPhase = p.phases().size() - 2;
                advance(enrolmentId, p, Math.min(lastPhase, 1 + rnd.nextInt(lastPhase)), start, end);
                EnrolmentRef ref = enrolments.findRef(enrolmentId);
                enrolments.closeUnchecked(ref, e.reason(), end, summary(e.reason(), rnd), ref.version(), "demo");
                recordSomeFollowUps(enrolmentId, today, rnd);
                return end;
            }
        }
    }

    private void screened(long referralId, String status, boolean gang, LocalDate on, String reason, Long coordinator, Long enrolmentId) {
        jdbc.sql("""
                update cw_referral set status = ?, gang_related = ?, eligible = true, screened_on = ?, screened_by = 'demo', decision_reason = ?,
                       assigned_to = ?, enrolment_id = ?, version = version + 1 where id = ?""")
                .params(status, gang, on, reason, coordinator, enrolmentId, referralId).update();
    }

    /** Moves a forløb forward phase by phase to the phase at {@code targetIndex}, with dates spread between start and until. */
    private void advance(long enrolmentId, Programme p, int targetIndex, LocalDate start, LocalDate until) {
        List<Phase> phases = p.phases();
        long span = Math.max(1, ChronoUnit.DAYS.between(start, until));
        for (int k = 1; k <= targetIndex; k++) {
            LocalDate on = start.plusDays(span * k / (targetIndex + 1));
            jdbc.sql("update cw_enrolment set phase = ?, version = version + 1 where id = ?").params(phases.get(k).code(), enrolmentId).update();
            jdbc.sql("insert into cw_phase_change (enrolment_id, from_phase, to_phase, changed_on, reason, changed_by) values (?, ?, ?, ?, ?, 'demo')")
                    .params(enrolmentId, phases.get(k - 1).code(), phases.get(k).code(), on, "Planlagt faseskift").update();
        }
    }

    /**
     * Follow-ups that fell due more than two months ago are nearly all recorded (3 % missing, as in real registers);
     * of the more recent ones about half are still open (due or overdue). Statuses are drawn so that about 45 % are in
     * education, employment or activation (Exit 2014, docs/sources.md: 45 % three months after discharge).
     */
    private void recordSomeFollowUps(long enrolmentId, LocalDate today, RandomGenerator rnd) {
        record Task(long id, LocalDate due) {}
        List<Task> tasks = jdbc.sql("select id, due_date from cw_follow_up where enrolment_id = ? order by due_date").param(enrolmentId)
                .query((rs, i) -> new Task(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
        for (Task t : tasks) {
            if (!t.due().isBefore(today.minusDays(10))) continue;
            int missing = t.due().isBefore(today.minusDays(60)) ? 3 : 50;
            if (rnd.nextInt(100) < missing) continue;
            LocalDate on = t.due().plusDays(rnd.nextInt(41) - 20);
            if (on.isAfter(today)) on = today;
            followUps.recordUnchecked(t.id(), status(rnd), on, "Telefonisk opfølgning", "demo");
        }
    }

    private static FollowUpStatus status(RandomGenerator rnd) {
        int r = rnd.nextInt(100);
        if (r < 20) return FollowUpStatus.EDUCATION;
        if (r < 35) return FollowUpStatus.EMPLOYMENT;
        if (r < 45) return FollowUpStatus.ACTIVATION;
        return FollowUpStatus.NONE;
    }

    private static ClosureReason weightedReason(RandomGenerator rnd) {
        int r = rnd.nextInt(100);
        if (r < 45) return ClosureReason.COMPLETED;
        if (r < 65) return ClosureReason.DROPPED_OUT;
        if (r < 73) return ClosureReason.MOVED;
        if (r < 83) return ClosureReason.IMPRISONED;
        if (r < 91) return ClosureReason.TRANSFERRED;
        if (r < 93) return ClosureReason.DECEASED;
        return ClosureReason.OTHER;
    }

    /** A CPR number with the real birth date and a fake serial whose 7th digit fits the century. */
    static CprNumber cpr(LocalDate birth, RandomGenerator rnd, Set<String> used) {
        while (true) {
            int c = birth.getYear() >= 2000 ? 4 : rnd.nextInt(4);
            String digits = String.format("%02d%02d%02d%d%03d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100, c, rnd.nextInt(1000));
            if (used.add(digits)) return new CprNumber(digits);
        }
    }

    private static long team(List<Team> teams, String name) {
        return teams.stream().filter(t -> t.name().equals(name)).findFirst().map(Team::id)
                .orElseThrow(() -> new IllegalStateException("Demo team missing: " + name));
    }

    private Long user(String username) {
        return staff.findByUsername(username).map(StaffMember::id).orElse(null);
    }
}
