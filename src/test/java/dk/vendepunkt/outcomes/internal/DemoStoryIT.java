package dk.vendepunkt.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tells the seeds' story, read through the real effect report: 166 forløb ended 2010-2014 (seed 000: Exit 80,
 * KIV 72, Rammemodel 14), no KIV forløb ending after 2014 (merged into Exit in 2015), and the 3-month measure near
 * 45 % (Exit 2014). The demo is loaded in a transaction that is rolled back, and the figures are read as the
 * difference the demo makes, so other tests' forløb neither disturb this test nor are disturbed by it.
 */
@IntegrationTest
class DemoStoryIT {

    @Autowired List<DemoData> contributors;
    @Autowired EffectReportService effect;
    @Autowired TransactionTemplate tx;
    @Autowired StaffAdministration admin;
    @Autowired StaffDirectory staff;

    record Figures(Map<Integer, Long> ended, long eligible3m, long successes3m) {}

    Figures figures(String programme, LocalDate asOf) {
        EffectReportService.Report r = effect.report(programme, asOf, "internal", null);
        Map<Integer, Long> ended = new HashMap<>();
        r.cohorts().forEach(c -> ended.put(c.cohort(), c.ended()));
        EffectReportService.Measure m = r.measures().get(2);
        return new Figures(ended, m.eligible(), m.successes());
    }

    static long added(Figures before, Figures after, int from, int to) {
        long n = 0;
        for (int y = from; y <= to; y++) n += after.ended().getOrDefault(y, 0L) - before.ended().getOrDefault(y, 0L);
        return n;
    }

    @Test
    @WithMockUser(username = "demo-story-analyst", roles = "ANALYST")
    void theDemoTellsTheSeedsStory() {
        for (String name : List.of("Exit-teamet", "SSP+ Nord", "SSP+ Syd")) {
            if (staff.teams().stream().noneMatch(t -> t.name().equals(name))) admin.createTeam(name, "SOF", null);
        }
        LocalDate today = LocalDate.now(Zones.ZONE);
        List<String> programmes = List.of("EXIT", "KIV", "RAMMEMODEL");
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Map<String, Figures> before = new HashMap<>();
            programmes.forEach(p -> before.put(p, figures(p, today)));
            RandomGenerator random = new Random(20100101L);
            DemoData.DemoContext ctx = new DemoData.DemoContext() {
                public RandomGenerator random() { return random; }
                public void login(String role, String username, String password) { }
                public LocalDate today() { return today; }
            };
            // case work (20) and outcomes (30): the forløb and what became of them
            contributors.stream().filter(d -> d.order() == 20 || d.order() == 30)
                    .sorted(java.util.Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(ctx));
            Map<String, Figures> after = new HashMap<>();
            programmes.forEach(p -> after.put(p, figures(p, today)));

            assertThat(added(before.get("EXIT"), after.get("EXIT"), 2010, 2014)).isEqualTo(80);
            assertThat(added(before.get("KIV"), after.get("KIV"), 2010, 2014)).isEqualTo(72);
            assertThat(added(before.get("RAMMEMODEL"), after.get("RAMMEMODEL"), 2010, 2014)).isEqualTo(14);
            assertThat(added(before.get("KIV"), after.get("KIV"), 2015, today.getYear())).isZero();
            assertThat(added(before.get("EXIT"), after.get("EXIT"), 2015, today.getYear())).isPositive();

            long eligible = 0, successes = 0;
            for (String p : programmes) {
                eligible += after.get(p).eligible3m() - before.get(p).eligible3m();
                successes += after.get(p).successes3m() - before.get(p).successes3m();
            }
            assertThat(eligible).isGreaterThan(150);
            assertThat((double) successes / eligible).isBetween(0.40, 0.50);
        });
    }
}
