package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.outcomes.internal.EffectQueries.CohortCounts;
import dk.vendepunkt.outcomes.internal.EffectQueries.Counts;
import dk.vendepunkt.outcomes.internal.EffectStatistics.Interval;
import dk.vendepunkt.outcomes.internal.EffectStatistics.KmPoint;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The contract's effect report and survival curve, with disclosure control: {@code public} withholds a
 * measure's successes, rate and interval when successes or failures are below the threshold, and further
 * cohorts (or the total) until no withheld one can be worked out from the others and the total
 * ({@link DisclosurePolicy#suppressRates}). The counts of forløb (ended, eligible, missing, not yet eligible)
 * are not sensitive and always shown (docs/adr/0009). {@code internal} withholds nothing.
 */
@Service
public class EffectReportService {

    private final EffectQueries queries;
    private final DisclosurePolicy disclosure;
    private final OutcomesProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    EffectReportService(EffectQueries queries, DisclosurePolicy disclosure, OutcomesProperties properties, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.queries = queries;
        this.disclosure = disclosure;
        this.properties = properties;
        this.audit = audit;
    }

    /** One measure as the contract answers it, plus the count of forløb whose window has not passed yet. */
    record Measure(String id, Long eligible, Long successes, Double rate, double[] ci95, long missing, boolean suppressed,
                   Double target, long notYetEligible) {}

    record Cohort(int cohort, long ended, List<Measure> measures) {}

    /** A measure of the programme beside the reference group's, with the difference and its Newcombe interval. */
    record Comparison(String id, Measure programme, Measure reference, Double difference, double[] ci95, boolean suppressed) {}

    record Reference(String label, long members, List<Comparison> measures) {}

    public record Report(String programme, LocalDate asOf, String disclosure, int threshold, List<Measure> measures, List<Cohort> cohorts,
                  Reference reference) {}

    public record Survival(String programme, LocalDate asOf, String disclosure, List<KmPoint> points) {}

    public static String programme(String programme) {
        Codes.Programme p = Enums.parseIgnoringCase(Codes.Programme.class, programme);
        if (p == null) throw ValidationException.of("programme", "outcomes.error.programme");
        return p.name();
    }

    public LocalDate asOf(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    public Report report(String programmeCode, LocalDate asOfDate, String requestedDisclosure, String referenceLabel) {
        String programme = programme(programmeCode);
        Disclosure d = disclosure.resolve(requestedDisclosure);
        LocalDate asOf = asOf(asOfDate);
        boolean pub = d == Disclosure.PUBLIC;
        if (!pub) audit.record(AuditAction.READ, null, null, "effektrapport " + programme + ", interne tal", null);
        List<CohortCounts> rows = queries.counts(programme, asOf, false);
        CohortCounts total = rows.getLast();
        List<CohortCounts> cohortRows = rows.subList(0, rows.size() - 1);
        // which rates are withheld: per measure over the cohorts and their total, by one rule (DisclosurePolicy.suppressRates)
        List<Measure> totals = new ArrayList<>();
        List<List<Measure>> perCohort = new ArrayList<>();
        for (int i = 0; i < cohortRows.size(); i++) perCohort.add(new ArrayList<>());
        for (int m = 0; m < EffectQueries.MEASURES.length; m++) {
            final int mi = m;
            long[] successes = cohortRows.stream().mapToLong(c -> c.measures().get(mi).successes()).toArray();
            long[] eligible = cohortRows.stream().mapToLong(c -> c.measures().get(mi).eligible()).toArray();
            boolean[] withheld = disclosure.suppressRates(successes, eligible, d);
            Double target = properties.target(programme, EffectQueries.MEASURES[m]);
            for (int i = 0; i < cohortRows.size(); i++) {
                perCohort.get(i).add(measure(EffectQueries.MEASURES[m], cohortRows.get(i).measures().get(m), withheld[i], target));
            }
            totals.add(measure(EffectQueries.MEASURES[m], total.measures().get(m), withheld[cohortRows.size()], target));
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (int i = 0; i < cohortRows.size(); i++) cohorts.add(new Cohort(cohortRows.get(i).cohort(), cohortRows.get(i).ended(), perCohort.get(i)));
        Reference reference = null;
        if (referenceLabel != null && !referenceLabel.isBlank()) reference = reference(programme, referenceLabel.trim(), asOf, total, totals, pub);
        return new Report(programme, asOf, pub ? "public" : "internal", disclosure.threshold(), totals, cohorts, reference);
    }

    static Measure measure(String id, Counts c, boolean suppressed, Double target) {
        // eligible is shown even when the rate is withheld: it is ended − missing − not yet eligible, none of them sensitive
        if (suppressed) return new Measure(id, c.eligible(), null, null, null, c.missing(), true, target, c.notYetEligible());
        Interval ci = EffectStatistics.wilson(c.successes(), c.eligible());
        return new Measure(id, c.eligible(), c.successes(), c.eligible() == 0 ? null : (double) c.successes() / c.eligible(),
                ci == null ? null : ci.array(), c.missing(), false, target, c.notYetEligible());
    }

    private Reference reference(String programme, String label, LocalDate asOf, CohortCounts programmeTotal, List<Measure> programmeMeasures, boolean pub) {
        if (!queries.referenceLabels().contains(label)) throw ValidationException.of("reference", "outcomes.error.reference");
        CohortCounts ref = queries.counts(label, asOf, true).getLast();
        List<Comparison> out = new ArrayList<>();
        for (int m = 0; m < EffectQueries.MEASURES.length; m++) {
            Counts rc = ref.measures().get(m), pc = programmeTotal.measures().get(m);
            Measure rm = measure(EffectQueries.MEASURES[m], rc, pub && disclosure.suppressRate(rc.successes(), rc.eligible()), null);
            Measure pm = programmeMeasures.get(m);
            boolean suppressed = rm.suppressed() || pm.suppressed();
            Interval diff = suppressed ? null : EffectStatistics.newcombe(pc.successes(), pc.eligible(), rc.successes(), rc.eligible());
            Double d = diff == null ? null : pm.rate() - rm.rate();
            out.add(new Comparison(EffectQueries.MEASURES[m], pm, rm, d, diff == null ? null : diff.array(), suppressed));
        }
        return new Reference(label, ref.ended(), out);
    }

    /**
     * The Kaplan–Meier curve per the contract. For public outputs (reports that leave the system) the curve
     * stops before the first day with fewer than threshold forløb at risk, and is empty when fewer than
     * threshold forløb enter it. Without a requested disclosure, users allowed internal figures get the full curve.
     */
    public Survival survival(String programmeCode, LocalDate asOfDate, String requestedDisclosure, boolean reference) {
        String key = reference ? programmeCode : programme(programmeCode);
        // the contract's survival endpoint has no disclosure parameter: callers allowed internal figures get the full curve
        Disclosure d = requestedDisclosure == null && disclosure.mayUseInternal() ? Disclosure.INTERNAL : disclosure.resolve(requestedDisclosure);
        LocalDate asOf = asOf(asOfDate);
        List<KmPoint> points = EffectStatistics.kaplanMeier(queries.survivalTimes(key, asOf, reference));
        if (d == Disclosure.PUBLIC) {
            List<KmPoint> shown = new ArrayList<>();
            for (KmPoint p : points) {
                if (p.atRisk() < disclosure.threshold()) break;
                shown.add(p);
            }
            points = shown;
        }
        return new Survival(key, asOf, d == Disclosure.PUBLIC ? "public" : "internal", points);
    }

    public List<String> referenceLabels() {
        return queries.referenceLabels().stream().sorted(Comparator.naturalOrder()).toList();
    }
}
