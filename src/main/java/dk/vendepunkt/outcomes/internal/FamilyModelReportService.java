package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.casework.FamilyProgramme;
import dk.vendepunkt.casework.FamilyProgramme.Child;
import dk.vendepunkt.casework.FamilyProgramme.Cohort;
import dk.vendepunkt.casework.FamilyProgramme.Parent;
import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.SuppressedTable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The family-oriented model's programme figures (contract "Family-oriented model", issue 13 part 8): families and
 * children, by age group, previously charged, parents in ordinary employment, and paired progress per scale with a
 * 95 % t interval; per enrolment year as well. Public disclosure suppresses as the effect report does (ADR 0009): the
 * programme's size is shown; previously charged per year and in total by the rule for a breakdown of rates, parents'
 * employment by the rate rule, a scale's change when fewer than the threshold children have a pair.
 */
@Service
public class FamilyModelReportService {

    public enum AgeGroup {
        AGE_6_11(6, 11), AGE_12_14(12, 14), AGE_15_17(15, 17), AGE_18_22(18, 22);

        final int from;
        final int to;

        AgeGroup(int from, int to) {
            this.from = from;
            this.to = to;
        }

        static AgeGroup of(int age) {
            for (AgeGroup g : values()) if (age >= g.from && age <= g.to) return g;
            throw new IllegalArgumentException("age " + age + " is outside 6-22");
        }
    }

    public record Share(Long count, Double share, boolean suppressed) {}

    public record AgeGroupLine(String ageGroup, long count, double share, boolean suppressed) {}

    public record Progress(String scale, Long children, Double meanChange, List<Double> ci95, boolean suppressed) {}

    public record CohortLine(int cohort, long families, long children, Share previouslyCharged) {}

    public record Report(LocalDate asOf, String disclosure, int threshold, long families, long children, List<AgeGroupLine> byAgeGroup,
                         Share previouslyCharged, Share parentsEmployed, long parentsWithStatus, List<Progress> progress,
                         List<CohortLine> byCohort) {}

    private final FamilyProgramme programme;
    private final PersonDirectory people;
    private final DisclosurePolicy disclosure;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    FamilyModelReportService(FamilyProgramme programme, PersonDirectory people, DisclosurePolicy disclosure, JdbcClient jdbc, AuditLog audit,
                             Clock clock) {
        this.programme = programme;
        this.people = people;
        this.disclosure = disclosure;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate asOf(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    public Report report(LocalDate asOfDate, String requestedDisclosure) {
        Disclosure d = disclosure.resolve(requestedDisclosure);
        LocalDate asOf = asOf(asOfDate);
        Cohort c = programme.cohort(asOf);
        boolean pub = d == Disclosure.PUBLIC;
        List<Child> children = c.children();
        Set<Long> charged = previouslyCharged(children);

        // the programme's size (families, children by age group and enrolment year) is an activity figure, shown as the
        // effect report shows its cohorts' counts (ADR 0009); what happened to the persons (charges before, parents'
        // employment, progress) is withheld by the rate and count rules
        AgeGroup[] groups = AgeGroup.values();
        long[] counts = new long[groups.length];
        for (Child ch : children) counts[AgeGroup.of(Period.between(ch.birthDate(), ch.enrolledOn()).getYears()).ordinal()]++;
        long total = children.size();
        List<AgeGroupLine> byAge = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) byAge.add(new AgeGroupLine(groups[i].name(), counts[i], share(counts[i], total), false));
        long families = children.stream().map(Child::familyCaseId).distinct().count();

        Years years = years(children, charged, d);
        long previously = children.stream().filter(ch -> charged.contains(ch.enrolmentId())).count();
        Share prev = years.totalWithheld() ? new Share(null, null, true) : new Share(previously, share(previously, total), false);
        List<Parent> withStatus = c.parents().stream().filter(p -> p.employmentStatus() != null).toList();
        long employed = withStatus.stream().filter(p -> FamilyProgramme.ORDINARY_EMPLOYMENT.equals(p.employmentStatus())).count();
        boolean empWithheld = pub && disclosure.suppressRate(employed, withStatus.size());
        Share emp = empWithheld ? new Share(null, null, true) : new Share(employed, share(employed, withStatus.size()), false);

        List<Progress> progress = progress(c.progress(), pub);
        audit.record(AuditAction.READ, null, null, "familiemodellens tal", d.name().toLowerCase(java.util.Locale.ROOT) + ", pr. " + asOf);
        return new Report(asOf, pub ? "public" : "internal", disclosure.threshold(), families, total, byAge, prev, emp,
                withStatus.size(), progress, years.lines());
    }

    private static Double share(long count, long of) {
        return of == 0 ? 0.0 : (double) count / of;
    }

    /** Per scale the paired change as casework computes it; withheld when fewer than the threshold children have a pair. */
    private List<Progress> progress(List<ProgressScales.Change> changes, boolean pub) {
        List<Progress> out = new ArrayList<>();
        for (ProgressScales.Change c : changes) {
            if (pub && disclosure.suppressCount(c.children())) out.add(new Progress(c.scale(), null, null, null, true));
            else out.add(new Progress(c.scale(), (long) c.children(), c.meanChange(), c.ci95(), false));
        }
        return out;
    }

    private record Years(List<CohortLine> lines, boolean totalWithheld) {}

    /**
     * Per enrolment year: families, children and previously charged; which shares are withheld, and whether the total's
     * is, by the one rule for a breakdown of rates ({@link DisclosurePolicy#suppressRates}).
     */
    private Years years(List<Child> children, Set<Long> charged, Disclosure d) {
        Map<Integer, List<Child>> years = new TreeMap<>();
        for (Child ch : children) years.computeIfAbsent(ch.enrolledOn().getYear(), k -> new ArrayList<>()).add(ch);
        int n = years.size();
        long[] successes = new long[n];
        long[] eligible = new long[n];
        int i = 0;
        for (List<Child> y : years.values()) {
            eligible[i] = y.size();
            successes[i] = y.stream().filter(ch -> charged.contains(ch.enrolmentId())).count();
            i++;
        }
        boolean[] withheld = disclosure.suppressRates(successes, eligible, d);
        List<CohortLine> out = new ArrayList<>();
        i = 0;
        for (Map.Entry<Integer, List<Child>> e : years.entrySet()) {
            long fam = e.getValue().stream().map(Child::familyCaseId).distinct().count();
            Share s = withheld[i] ? new Share(null, null, true) : new Share(successes[i], share(successes[i], eligible[i]), false);
            out.add(new CohortLine(e.getKey(), fam, eligible[i], s));
            i++;
        }
        return new Years(out, withheld[n]);
    }

    /** The forløb (ids) whose child had a charge or conviction in the registers before the forløb started. */
    private Set<Long> previouslyCharged(List<Child> children) {
        Map<String, List<Child>> byHash = new LinkedHashMap<>();
        for (Child ch : children) people.blindIndexOf(ch.personId()).ifPresent(h -> byHash.computeIfAbsent(h, k -> new ArrayList<>()).add(ch));
        if (byHash.isEmpty()) return Set.of();
        Map<String, LocalDate> first = new LinkedHashMap<>();
        jdbc.sql("""
                select p.person_hash, min(e.event_date) from out_register_event e join out_person p on p.id = e.person
                 where p.person_hash in (:hashes) group by p.person_hash""").param("hashes", byHash.keySet())
                .query((rs, i) -> first.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        Set<Long> out = new HashSet<>();
        for (Map.Entry<String, LocalDate> f : first.entrySet()) {
            for (Child ch : byHash.get(f.getKey())) if (f.getValue().isBefore(ch.enrolledOn())) out.add(ch.enrolmentId());
        }
        return out;
    }
}
