package dk.vendepunkt.casework.demo;

import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Relation;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.DemoData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Synthetic families for the family-oriented model, generated to reproduce seed 003's profile: per municipality-sized
 * cohort about 20 children and 22-23 parents, 53 % of the children aged 15-17 at the start; three closed cohorts (2019,
 * 2021, 2023) and the families the core team works with now (two in Opsporing, two in Udredning, three in Indsats).
 * The core team of five (organisation demo) works in pairs from different departments. Who was charged before the
 * start (41 % of the first cohort, 16 % of the last) is the outcomes demo's register data.
 */
@Component
class FamilyDemoData implements DemoData {

    static final String TEAM = "Kerneteam Vest";
    private static final String[] MOTHERS = {"Amina", "Fatma", "Hanne", "Leyla", "Mette", "Nour", "Rikke", "Samira", "Trine", "Zeynep"};
    private static final String[] FATHERS = {"Ahmed", "Brian", "Hamid", "Jens", "Kenneth", "Mustafa", "Rami", "Thomas", "Yusuf", "Ömer"};
    private static final String[] CHILDREN = {"Adam", "Ali", "Emil", "Hamza", "Ibrahim", "Isa", "Jamal", "Lukas", "Malik", "Noah", "Omar",
            "Sebastian", "Yasin", "Aya", "Emma", "Hiba", "Lina", "Maryam", "Sofia", "Zara"};
    private static final String[] SURNAMES = {"Abdi", "Ahmadi", "Berg", "Çelik", "Hansen", "Hassan", "Jensen", "Kaya", "Larsen", "Mahmoud",
            "Nielsen", "Osman", "Petersen", "Rahimi", "Sørensen", "Yıldız"};
    private static final String[] REASONS = {
            "Storebror er sigtet for vold og har tilknytning til en gruppering; den yngre søn har højt skolefravær.",
            "Drengen er nævnt på §115-listen to gange; familien har sager i både BUF og SOF.",
            "Bekymring fra skolen: fravær, konflikter og ældre venner fra bandemiljøet.",
            "Mor har bedt om hjælp; faren er i fængsel og sønnen hænger ud med ældre i området."};
    private static final String[] CRITERIA = {"DEPRIVED_AREA", "RISK_BEHAVIOUR", "GANG_RELATION", "COMPLEX_CASE"};

    /** A cohort: the year its forløb started, the number of families and of children. */
    private record Cohort(int year, int families, int children) {}

    private static final List<Cohort> COHORTS = List.of(new Cohort(2019, 12, 22), new Cohort(2021, 11, 20), new Cohort(2023, 11, 19));

    private final Families families;
    private final PersonDirectory people;
    private final FamilyCaseService cases;
    private final StaffDirectory staff;

    FamilyDemoData(Families families, PersonDirectory people, FamilyCaseService cases, StaffDirectory staff) {
        this.families = families;
        this.people = people;
        this.cases = cases;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 26;
    }

    @Override
    public void load(DemoContext ctx) {
        long team = staff.teams().stream().filter(t -> t.name().equals(TEAM)).findFirst().map(Team::id)
                .orElseThrow(() -> new IllegalStateException("Demo team missing: " + TEAM));
        List<StaffMember> core = staff.all().stream().filter(s -> s.teamIds().contains(team) && s.departmentCode() != null).toList();
        // pairs from different departments, in turn
        List<long[]> pairs = new ArrayList<>();
        for (StaffMember a : core) {
            for (StaffMember b : core) {
                if (a.id() < b.id() && !a.departmentCode().equals(b.departmentCode())) pairs.add(new long[] {a.id(), b.id()});
            }
        }
        RandomGenerator rnd = ctx.random();
        LocalDate today = ctx.today();
        Set<String> used = new HashSet<>();
        int n = 0;
        for (Cohort c : COHORTS) {
            List<Integer> ages = ages(c.children(), rnd);
            List<Integer> sizes = split(c.children(), c.families());
            int k = 0;
            for (int f = 0; f < c.families(); f++) {
                LocalDate start = LocalDate.of(c.year(), 1 + rnd.nextInt(11), 1 + rnd.nextInt(27));
                if (start.isAfter(today.minusMonths(3))) start = today.minusMonths(3);
                LocalDate opened = start.minusDays(20 + rnd.nextInt(40));
                long family = family(team, opened, start, ages.subList(k, k + sizes.get(f)), f != 0, rnd, used);
                k += sizes.get(f);
                long id = open(family, team, opened, n++, rnd);
                long[] pair = pairs.get(n % pairs.size());
                cases.assignPairSystem(id, pair[0], pair[1]);
                cases.changePhaseSystem(id, "UDREDNING", "Samtykke fra familien; udredningen begynder", start, "demo");
                LocalDate acting = start.plusDays(45 + rnd.nextInt(40));
                cases.changePhaseSystem(id, "INDSATS", "Familiehandleplanen er aftalt med familien", acting, "demo");
                LocalDate end = acting.plusMonths(10 + rnd.nextInt(10));
                if (end.isAfter(today)) end = today.minusDays(1);
                ClosureReason reason = rnd.nextInt(10) < 8 ? ClosureReason.COMPLETED : ClosureReason.DROPPED_OUT;
                cases.closeSystem(id, reason, end, reason == ClosureReason.COMPLETED
                        ? "Målene i familiehandleplanen er nået; familien er afsluttet med aftale om opfølgning."
                        : "Familien ønskede ikke at fortsætte; sagerne er overdraget tilbage til forvaltningerne.", "demo");
            }
        }
        // the families the core team works with now
        String[] phases = {"OPSPORING", "OPSPORING", "UDREDNING", "UDREDNING", "INDSATS", "INDSATS", "INDSATS"};
        for (int f = 0; f < phases.length; f++) {
            LocalDate opened = today.minusDays(20 + 40L * f);
            LocalDate start = opened.plusDays(14);
            List<Integer> ages = new ArrayList<>(List.of(15 + rnd.nextInt(3)));
            if (rnd.nextBoolean()) ages.add(8 + rnd.nextInt(6));
            long family = family(team, opened, start, ages, f % 3 != 0, rnd, used);
            long id = open(family, team, opened, n++, rnd);
            if (phases[f].equals("OPSPORING")) continue;
            long[] pair = pairs.get(n % pairs.size());
            cases.assignPairSystem(id, pair[0], pair[1]);
            cases.changePhaseSystem(id, "UDREDNING", "Samtykke fra familien; udredningen begynder", start, "demo");
            if (phases[f].equals("INDSATS")) {
                cases.changePhaseSystem(id, "INDSATS", "Familiehandleplanen er aftalt med familien", start.plusDays(30), "demo");
            }
        }
    }

    private long open(long family, long team, LocalDate opened, int n, RandomGenerator rnd) {
        String channel = n % 5 == 0 ? "EXISTING_CASE" : n % 7 == 0 ? "SCHOOL" : n % 9 == 0 ? "SSP" : "REVIEW_115";
        List<String> criteria = new ArrayList<>(List.of("RISK_BEHAVIOUR"));
        for (String c : CRITERIA) if (!criteria.contains(c) && rnd.nextInt(10) < 6) criteria.add(c);
        return cases.openSystem(new FamilyCaseService.Opening(family, team, channel, REASONS[n % REASONS.length], opened, criteria), "demo");
    }

    /**
     * A family: a mother, a father when {@code twoParents}, and the children (ages at {@code start}), each parent
     * with parental authority (a father without it in every fourth family).
     */
    private long family(long team, LocalDate opened, LocalDate start, List<Integer> ages, boolean twoParents, RandomGenerator rnd, Set<String> used) {
        String surname = SURNAMES[rnd.nextInt(SURNAMES.length)];
        String district = String.format(Locale.ROOT, "D%02d", 1 + rnd.nextInt(35));
        long f = families.createSystem(new Families.NewFamily("Familien " + surname, district), "demo");
        List<Long> parents = new ArrayList<>();
        long mother = person(MOTHERS[rnd.nextInt(MOTHERS.length)], surname, start.minusYears(34 + rnd.nextInt(14)), district, team, rnd, used);
        families.addMemberSystem(f, mother, Relation.MOTHER, opened.minusYears(18), "demo");
        parents.add(mother);
        boolean fatherAuthority = rnd.nextInt(4) != 0;
        Long father = null;
        if (twoParents) {
            father = person(FATHERS[rnd.nextInt(FATHERS.length)], surname, start.minusYears(36 + rnd.nextInt(15)), district, team, rnd, used);
            families.addMemberSystem(f, father, Relation.FATHER, opened.minusYears(18), "demo");
        }
        for (int age : ages) {
            LocalDate birth = start.minusYears(age).minusDays(1 + rnd.nextInt(360));
            long child = person(CHILDREN[rnd.nextInt(CHILDREN.length)], surname, birth, district, team, rnd, used);
            families.addMemberSystem(f, child, Relation.CHILD, birth.isAfter(opened.minusYears(18)) ? birth : opened.minusYears(18), "demo");
            families.setParentalAuthoritySystem(f, mother, child, true, "demo");
            if (father != null && fatherAuthority) families.setParentalAuthoritySystem(f, father, child, true, "demo");
        }
        return f;
    }

    private long person(String first, String last, LocalDate birth, String district, long team, RandomGenerator rnd, Set<String> used) {
        while (true) {
            // the casework demo's generator (unique within this load); a CPR another demo registered already is skipped
            CprNumber cpr = CaseworkDemoData.cpr(birth, rnd, used);
            if (people.idForBlindIndex(people.blindIndex(cpr)).isPresent()) continue;
            return people.registerSystem(cpr, first, last, district, team);
        }
    }

    /** Ages at the start for a cohort of {@code n} children: 53 % aged 15-17 (seed 003), the rest 6-14 and 18-22. */
    static List<Integer> ages(int n, RandomGenerator rnd) {
        List<Integer> ages = new ArrayList<>();
        int teens = (int) Math.round(0.53 * n);
        for (int i = 0; i < teens; i++) ages.add(15 + rnd.nextInt(3));
        for (int i = teens; i < n; i++) ages.add(i % 5 == 0 ? 18 + rnd.nextInt(3) : 6 + rnd.nextInt(9));
        Collections.shuffle(ages, new java.util.Random(rnd.nextLong()));
        return ages;
    }

    /** {@code children} split over {@code families}, each at least one: 1-3 children per family. */
    static List<Integer> split(int children, int families) {
        List<Integer> sizes = new ArrayList<>(Collections.nCopies(families, 1));
        for (int i = 0, left = children - families; left > 0; i = (i + 1) % families, left--) sizes.set(i, sizes.get(i) + 1);
        return sizes;
    }
}
