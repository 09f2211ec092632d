package dk.vendepunkt.casework.demo;

import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.ConsentGiver;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.Consents.NewConsent;
import dk.vendepunkt.people.Disclosures;
import dk.vendepunkt.people.Disclosures.NewDisclosure;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.DemoData;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo data for the data protection officer (issue 12): consents that say who gave them (the young person; for a
 * child a guardian with parental authority) and to whom they allow disclosure, disclosures on those consents and on
 * retsplejelovens §115 and servicelovens §49 b, and a withdrawn consent with the caseworker's task it gave an ongoing
 * forløb. Recorded through the people module's API as the demo caseworkers (so validated and audited as in use);
 * everything generated, no real data.
 */
@Component
class PrivacyDemoData implements DemoData {

    private final Consents consents;
    private final Disclosures disclosures;
    private final PersonDirectory people;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;

    PrivacyDemoData(Consents consents, Disclosures disclosures, PersonDirectory people, StaffDirectory staff, JdbcClient jdbc) {
        this.consents = consents;
        this.disclosures = disclosures;
        this.people = people;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 27; // after the forløb (20) and their plans (25)
    }

    /** An ongoing forløb of the demo, its person, the referral's reference and when it was referred. */
    private record Ongoing(long personId, long referralId, LocalDate referredOn) {}

    private List<Ongoing> ongoing(String legalBasis, int limit) {
        return jdbc.sql("""
                select e.person_id, r.id, r.referred_on from cw_enrolment e join cw_referral r on r.id = e.referral_id
                 where e.created_by = 'demo' and e.end_date is null and e.person_id is not null and e.coordinator_id is not null
                   and r.legal_basis = ?
                   and e.team_id = (select t.id from org_team t where t.name = 'Exit-teamet')
                 order by e.id limit ?""")
                .params(legalBasis, limit)
                .query((rs, i) -> new Ongoing(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class))).list();
    }

    @Override
    public void load(DemoContext ctx) {
        LocalDate today = ctx.today();
        RandomGenerator rnd = ctx.random();
        as("exit", () -> {
            // consents given by the young person, naming the recipients, and disclosures on them
            List<Ongoing> byConsent = ongoing(LegalBasis.CONSENT, 5);
            for (int i = 0; i < byConsent.size(); i++) {
                Ongoing o = byConsent.get(i);
                LocalDate given = later(o.referredOn(), today.minusDays(60 + rnd.nextInt(60)));
                boolean withdrawn = i == byConsent.size() - 1;
                long consent = consents.recordSystem(o.personId(), new NewConsent(
                        withdrawn ? "Samarbejde med boligsociale medarbejdere" : "Samarbejde med jobcenter og uddannelsesvejledning",
                        LegalBasis.CONSENT, given, given.plusYears(1), "Givet mundtligt på samtale og bekræftet skriftligt",
                        ConsentGiver.PERSON.name(), null, null,
                        withdrawn ? "Boligsocialt team" : "Jobcentret; Ungdommens Uddannelsesvejledning"),
                        withdrawn ? "cw_referral:" + o.referralId() : null, "exit");
                disclosures.record(o.personId(), new NewDisclosure(withdrawn ? "Boligsocialt team" : "Jobcentret", LegalBasis.CONSENT, null,
                        consent, withdrawn ? "Kontaktoplysninger og aftaler om bolig" : "Handleplanens mål om job og uddannelse; kontaktoplysninger",
                        given.plusDays(7), null));
                if (withdrawn) {
                    // the forløb rests on this consent: withdrawing it gives the forløb's owner a task
                    consents.withdraw(o.personId(), consent, today.minusDays(1));
                }
            }
            for (Ongoing o : ongoing(LegalBasis.RPL_115, 3)) {
                disclosures.record(o.personId(), new NewDisclosure("Politiet, SSP-samarbejdet", LegalBasis.RPL_115, null, null,
                        "Oplysninger om bekymring og aftaler til §115-møde", later(o.referredOn(), today.minusDays(20 + rnd.nextInt(40))), null));
            }
            for (Ongoing o : ongoing(LegalBasis.SEL_49B, 2)) {
                disclosures.record(o.personId(), new NewDisclosure("Kriminalforsorgen", LegalBasis.SEL_49B, null, null,
                        "Oplysninger om boligsituation og beskæftigelse før løsladelse", later(o.referredOn(), today.minusDays(10 + rnd.nextInt(30))), null));
            }
        });
        // children in SSP+: a guardian with parental authority consents for a 13-year-old, a 16-year-old consents himself
        as("ssp", () -> {
            long team = staff.findByUsername("ssp").map(StaffMember::teamIds).orElseThrow().iterator().next();
            HashSet<String> used = new HashSet<>();
            long child = people.registerSystem(CaseworkDemoData.cpr(today.minusYears(13).minusDays(40), rnd, used),
                    CaseworkDemoData.FIRST[rnd.nextInt(CaseworkDemoData.FIRST.length)], "Holm", "D07", team);
            long guardianConsent = consents.recordSystem(child, new NewConsent("Samarbejde med skolen om fremmøde", LegalBasis.CONSENT,
                    today.minusDays(30), today.plusMonths(11), null, ConsentGiver.GUARDIAN.name(), "Hanne Holm", true, "Skolen; Skolesundhedsplejen"),
                    null, "ssp");
            disclosures.record(child, new NewDisclosure("Skolen", LegalBasis.CONSENT, null, guardianConsent,
                    "Aftaler fra SSP-samtalen om fremmøde og lektiehjælp", today.minusDays(21), null));
            long teen = people.registerSystem(CaseworkDemoData.cpr(today.minusYears(16).minusDays(100), rnd, used),
                    CaseworkDemoData.FIRST[rnd.nextInt(CaseworkDemoData.FIRST.length)], "Lund", "D11", team);
            long own = consents.recordSystem(teen, new NewConsent("Samarbejde med ungdomsskolen", LegalBasis.CONSENT, today.minusDays(45),
                    today.plusMonths(6), null, ConsentGiver.PERSON.name(), null, null, "Ungdomsskolen"), null, "ssp");
            disclosures.record(teen, new NewDisclosure("Ungdomsskolen", LegalBasis.CONSENT, null, own,
                    "Tilmelding til aftenskole og kontaktperson", today.minusDays(40), null));
        });
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Runs {@code work} signed in as the demo caseworker, so the people module checks access and audits as in use. */
    private void as(String username, Runnable work) {
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
