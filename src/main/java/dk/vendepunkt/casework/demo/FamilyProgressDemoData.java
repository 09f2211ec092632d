package dk.vendepunkt.casework.demo;

import dk.vendepunkt.casework.internal.FamilyProgressService;
import dk.vendepunkt.casework.internal.FamilyProgressService.NewCaseMeasurement;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.platform.DemoData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Progress measurements for the demo family cases in Indsats or closed (after {@link FamilyDemoData}): per child a
 * baseline at the forløb's start and a later value of well-being (mostly improving), school absence and the change
 * ladder; per parent their employment status, of whom 37.5 % per cohort in ordinary employment (seed 003). Recorded on
 * the system path (no signed-in user), validated and audited like the page's.
 */
@Component
class FamilyProgressDemoData implements DemoData {

    /** Seed 003: the share of parents in ordinary employment. */
    static final double ORDINARY_SHARE = 0.375;
    private static final int ORDINARY = 6;

    private final FamilyProgressService progress;
    private final Families families;
    private final JdbcClient jdbc;

    FamilyProgressDemoData(FamilyProgressService progress, Families families, JdbcClient jdbc) {
        this.progress = progress;
        this.families = families;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 27;
    }

    /** A demo case: the forløb's start (baseline), the date of the later measurement and whether it is the end. */
    private record Case(long id, long familyId, LocalDate start, LocalDate later, boolean closed) {}

    @Override
    public void load(DemoContext ctx) {
        RandomGenerator rnd = ctx.random();
        LocalDate today = ctx.today();
        List<Case> cases = jdbc.sql("""
                select c.id, c.family_id, min(e.start_date), c.end_date
                  from cw_family_case c join org_team t on t.id = c.team_id join cw_enrolment e on e.family_case_id = c.id
                 where t.name = ? and (c.end_date is not null or c.phase = 'INDSATS')
                 group by c.id, c.family_id, c.end_date order by c.id""").param(FamilyDemoData.TEAM)
                .query((rs, i) -> {
                    LocalDate start = rs.getObject(3, LocalDate.class);
                    LocalDate end = rs.getObject(4, LocalDate.class);
                    return new Case(rs.getLong(1), rs.getLong(2), start, end != null ? end : today, end != null);
                }).list().stream().filter(c -> c.later().isAfter(c.start())).toList();
        // the parents per cohort (closed cases by the year of the start; the open ones together), 37.5 % of each in ordinary employment
        Map<String, List<long[]>> cohorts = new LinkedHashMap<>();
        for (Case c : cases) {
            String cohort = c.closed() ? String.valueOf(c.start().getYear()) : "open";
            Families.Family family = families.find(c.familyId()).orElseThrow();
            for (Member m : family.parents()) cohorts.computeIfAbsent(cohort, k -> new ArrayList<>()).add(new long[] {c.id(), m.personId()});
            for (Member m : family.children()) children(c, m.personId(), rnd);
        }
        Map<Long, Case> byId = new LinkedHashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
        for (List<long[]> parents : cohorts.values()) {
            List<long[]> shuffled = new ArrayList<>(parents);
            Collections.shuffle(shuffled, new Random(rnd.nextLong()));
            long ordinary = Math.round(ORDINARY_SHARE * shuffled.size());
            for (int i = 0; i < shuffled.size(); i++) {
                Case c = byId.get(shuffled.get(i)[0]);
                long parent = shuffled.get(i)[1];
                int baseline = i < ordinary ? ORDINARY : 1 + rnd.nextInt(5);
                int later = i < ordinary ? ORDINARY : Math.min(5, baseline + rnd.nextInt(2));
                record(c, parent, "PARENT_EMPLOYMENT", c.start(), "BASELINE", baseline);
                record(c, parent, "PARENT_EMPLOYMENT", c.later(), c.closed() ? "END" : "DURING", later);
            }
        }
    }

    /** A child's baseline and later value of well-being (mostly better), school absence (mostly lower) and the change ladder. */
    private void children(Case c, long child, RandomGenerator rnd) {
        String later = c.closed() ? "END" : "DURING";
        int wellbeing = 3 + rnd.nextInt(4);
        int change = rnd.nextInt(10) < 8 ? 1 + rnd.nextInt(3) : -rnd.nextInt(2);
        record(c, child, "WELLBEING", c.start(), "BASELINE", wellbeing);
        long days = ChronoUnit.DAYS.between(c.start(), c.later());
        if (days > 2) record(c, child, "WELLBEING", c.start().plusDays(days / 2), "DURING", Math.max(1, Math.min(10, wellbeing + change / 2)));
        record(c, child, "WELLBEING", c.later(), later, Math.max(1, Math.min(10, wellbeing + change)));
        int absence = 10 + rnd.nextInt(31);
        record(c, child, "SCHOOL_ABSENCE", c.start(), "BASELINE", absence);
        record(c, child, "SCHOOL_ABSENCE", c.later(), later, Math.max(0, absence - rnd.nextInt(16) + (rnd.nextInt(10) < 2 ? 8 : 0)));
        int rung = 2 + rnd.nextInt(4);
        record(c, child, "OUTCOME_LADDER", c.start(), "BASELINE", rung);
        record(c, child, "OUTCOME_LADDER", c.later(), later, Math.min(10, rung + rnd.nextInt(4)));
    }

    private void record(Case c, long person, String scale, LocalDate on, String occasion, int value) {
        progress.recordSystem(c.id(), new NewCaseMeasurement(person, scale, on, occasion, BigDecimal.valueOf(value), null), "demo");
    }
}
