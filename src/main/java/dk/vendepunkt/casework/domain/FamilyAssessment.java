package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The six-part assessment (udredning) of a family case (seed 003, issue 13 part 5): (1) master data of every member,
 * assembled from the family and the person directory (nothing stored here); (2) summaries of the family's journals per
 * member and department; (3) measures in place per member and department; (4) risk and need screening per child (the
 * children's forløb, instruments elsewhere); (5) the overall cross-departmental assessment: resources, challenges and
 * each child's primary needs; (6) the family action plan ({@link FamilyPlan}). This record holds part 5 and the status:
 * DRAFT until it is completed (date and by whom), which requires parts 1, 2 and 5 filled ({@link CompletionPolicy}).
 * After completion the assessment is read-only. Operations return a {@link Decision}.
 *
 * @param primaryNeeds the primary needs per child (person id), in the order given
 */
public record FamilyAssessment(long familyCaseId, Status status, String resources, String challenges, Map<Long, String> primaryNeeds,
                               LocalDate completedOn, String completedBy, int version) {

    public enum Status { DRAFT, COMPLETED }

    /** Longest resources and challenges text (part 5). */
    public static final int OVERALL_MAX = 4000;
    /** Longest primary-needs text per child (part 5). */
    public static final int NEEDS_MAX = 2000;
    /** Longest journal summary (part 2): a summary, not a copy of the journal. */
    public static final int SUMMARY_MAX = 1500;
    /** Longest source (system, case) of a journal summary and longest measure name (part 3). */
    public static final int SHORT_MAX = 200;

    public FamilyAssessment {
        primaryNeeds = primaryNeeds == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(primaryNeeds));
    }

    /** A new, empty draft (before anything is saved). */
    public static FamilyAssessment draft(long familyCaseId) {
        return new FamilyAssessment(familyCaseId, Status.DRAFT, null, null, Map.of(), null, null, 0);
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    /** Part 5 as the family's coordinators write it. */
    public record Overall(String resources, String challenges, Map<Long, String> primaryNeeds) {}

    /** Replaces part 5; {@code children}: the family's current children (needs are written for them only). */
    public Decision<FamilyAssessment> writeOverall(Overall o, Integer basedOn, Collection<Long> children) {
        List<FieldProblem> problems = new ArrayList<>(Rules.problems(draftOnly(this), VersionPolicy.required(basedOn)));
        Texts.check(problems, "resources", o.resources(), OVERALL_MAX);
        Texts.check(problems, "challenges", o.challenges(), OVERALL_MAX);
        Map<Long, String> needs = new LinkedHashMap<>();
        if (o.primaryNeeds() != null) {
            o.primaryNeeds().forEach((child, text) -> {
                if (!children.contains(child)) problems.add(FieldProblem.of("primaryNeeds[" + child + "]", "familywork.needs.notAChild"));
                else Texts.check(problems, "primaryNeeds[" + child + "]", text, NEEDS_MAX);
                String t = Texts.blankToNull(text);
                if (t != null) needs.put(child, t.strip());
            });
        }
        if (!problems.isEmpty()) return Decision.reject(problems);
        return Decision.accept(new FamilyAssessment(familyCaseId, status, strip(o.resources()), strip(o.challenges()), needs, null, null,
                basedOn + 1), List.of());
    }

    /** What completion is decided on besides part 5: part 1 (the members' master data) and part 2 (journal summaries). */
    public record CompletionFacts(int currentMembers, int membersWithoutBirthDate, int journalSummaries, Collection<Long> children) {}

    /** The assessment was completed on a date by someone. */
    public record Completed(long familyCaseId, LocalDate on, String by) {}

    /** Completes the assessment: parts 1, 2 and 5 filled, a draft, the version current; the date not in the future. */
    public Decision<FamilyAssessment> complete(CompletionFacts facts, LocalDate on, Integer basedOn, String by, LocalDate today) {
        LocalDate date = on == null ? today : on;
        List<FieldProblem> problems = Rules.problems(
                draftOnly(this),
                VersionPolicy.required(basedOn),
                CompletionPolicy.masterDataFilled(facts),
                CompletionPolicy.journalSummariesFilled(facts),
                CompletionPolicy.overallAssessmentFilled(this, facts.children()),
                Rules.when(date.isAfter(today), "completedOn", "familywork.assessment.completedOn.future"));
        if (!problems.isEmpty()) return Decision.reject(problems);
        return Decision.accept(new FamilyAssessment(familyCaseId, Status.COMPLETED, resources, challenges, primaryNeeds, date, by, basedOn + 1),
                List.of(new Completed(familyCaseId, date, by)));
    }

    /** A completed assessment is read-only: parts 2, 3 and 5 can no longer change. */
    public static Optional<FieldProblem> draftOnly(FamilyAssessment a) {
        return Rules.when(a.completed(), "assessment", "familywork.assessment.completed");
    }

    /** The rules for completing the assessment, one named function each (003: parts 1, 2 and 5 are the minimum). */
    public static final class CompletionPolicy {

        private CompletionPolicy() {}

        /** Part 1: the family has current members, each with master data (a birth date from the person register). */
        public static Optional<FieldProblem> masterDataFilled(CompletionFacts f) {
            return Rules.when(f.currentMembers() == 0 || f.membersWithoutBirthDate() > 0, "masterData", "familywork.complete.masterData");
        }

        /** Part 2: at least one summary of the family's journals. */
        public static Optional<FieldProblem> journalSummariesFilled(CompletionFacts f) {
            return Rules.when(f.journalSummaries() == 0, "journalSummaries", "familywork.complete.journalSummaries");
        }

        /** Part 5: resources, challenges and the primary needs of every current child written. */
        public static Optional<FieldProblem> overallAssessmentFilled(FamilyAssessment a, Collection<Long> children) {
            boolean missing = Texts.isBlank(a.resources()) || Texts.isBlank(a.challenges())
                    || children.stream().anyMatch(c -> Texts.isBlank(a.primaryNeeds().get(c)));
            return Rules.when(missing, "overall", "familywork.complete.overall");
        }
    }

    // ------------------------------------------------------------------ part 2: journal summaries

    /** A summary of a member's journal in a department (part 2): the source (system, case), its date and the summary. */
    public record JournalSummary(Long personId, String department, String source, LocalDate summaryDate, String summary) {}

    /** The rules of a journal summary row. */
    public static final class JournalSummaryPolicy {

        private JournalSummaryPolicy() {}

        /** The problems of a summary: member of the family, a known department, source, a date not in the future, length limits. */
        public static List<FieldProblem> problems(JournalSummary s, Collection<Long> members, LocalDate today) {
            List<FieldProblem> problems = new ArrayList<>(Rules.problems(
                    member(s.personId(), members),
                    department(s.department()),
                    Rules.when(Texts.isBlank(s.source()), "source", "familywork.summary.source.required"),
                    Rules.when(s.summaryDate() == null, "summaryDate", "familywork.summary.date.required"),
                    Rules.when(s.summaryDate() != null && s.summaryDate().isAfter(today), "summaryDate", "familywork.date.future"),
                    Rules.when(Texts.isBlank(s.summary()), "summary", "familywork.summary.text.required")));
            Texts.check(problems, "source", s.source(), SHORT_MAX);
            Texts.check(problems, "summary", s.summary(), SUMMARY_MAX);
            return problems;
        }

        /** Only the summary's author changes it. */
        public static Optional<FieldProblem> onlyAuthor(String author, String user) {
            return Rules.when(!author.equals(user), "summary", "familywork.summary.notAuthor");
        }
    }

    // ------------------------------------------------------------------ part 3: measures in place

    /** A measure in place for a member (part 3): what, which department, from and (when it ended) to. */
    public record Measure(Long personId, String department, String measure, LocalDate from, LocalDate to) {}

    public static List<FieldProblem> measureProblems(Measure m, Collection<Long> members) {
        List<FieldProblem> problems = new ArrayList<>(Rules.problems(
                member(m.personId(), members),
                department(m.department()),
                Rules.when(Texts.isBlank(m.measure()), "measure", "familywork.measure.text.required"),
                Rules.when(m.from() == null, "from", "familywork.measure.from.required"),
                Rules.when(m.from() != null && m.to() != null && m.to().isBefore(m.from()), "to", "familywork.measure.to.beforeFrom")));
        Texts.check(problems, "measure", m.measure(), SHORT_MAX);
        return problems;
    }

    static Optional<FieldProblem> member(Long personId, Collection<Long> members) {
        if (personId == null) return Optional.of(FieldProblem.of("personId", "familywork.member.required"));
        return Rules.when(!members.contains(personId), "personId", "familywork.member.unknown");
    }

    static Optional<FieldProblem> department(String code) {
        if (Texts.isBlank(code)) return Optional.of(FieldProblem.of("department", "familywork.department.required"));
        return Rules.when(dk.vendepunkt.platform.Enums.parseOrNull(FamilyDepartment.class, code) == null, "department",
                "familywork.department.unknown");
    }

    private static String strip(String s) {
        String t = Texts.blankToNull(s);
        return t == null ? null : t.strip();
    }
}
