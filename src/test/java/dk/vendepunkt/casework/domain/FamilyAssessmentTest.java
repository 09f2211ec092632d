package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.domain.FamilyAssessment.CompletionFacts;
import dk.vendepunkt.casework.domain.FamilyAssessment.CompletionPolicy;
import dk.vendepunkt.casework.domain.FamilyAssessment.JournalSummary;
import dk.vendepunkt.casework.domain.FamilyAssessment.JournalSummaryPolicy;
import dk.vendepunkt.casework.domain.FamilyAssessment.Overall;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The six-part assessment's rules: completion needs parts 1, 2 and 5; summaries are limited and their author's. */
class FamilyAssessmentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final long CHILD = 7L, MOTHER = 8L;
    static final CompletionFacts FILLED = new CompletionFacts(2, 0, 1, List.of(CHILD));

    static FamilyAssessment withOverall() {
        return FamilyAssessment.draft(1).writeOverall(new Overall("Mor er engageret", "Højt skolefravær", Map.of(CHILD, "Skolegang")), 0,
                List.of(CHILD)).orThrow().result();
    }

    static List<String> codes(Decision<?> d) {
        return d instanceof Decision.Rejected<?> r ? r.problems().stream().map(FieldProblem::code).toList() : List.of();
    }

    @Test
    void masterDataFilledNeedsMembersEachWithABirthDate() {
        assertThat(CompletionPolicy.masterDataFilled(new CompletionFacts(0, 0, 1, List.of()))).isPresent();
        assertThat(CompletionPolicy.masterDataFilled(new CompletionFacts(2, 1, 1, List.of(CHILD)))).isPresent();
        assertThat(CompletionPolicy.masterDataFilled(FILLED)).isEmpty();
    }

    @Test
    void journalSummariesFilledNeedsAtLeastOneSummary() {
        assertThat(CompletionPolicy.journalSummariesFilled(new CompletionFacts(2, 0, 0, List.of(CHILD))))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("familywork.complete.journalSummaries"));
        assertThat(CompletionPolicy.journalSummariesFilled(FILLED)).isEmpty();
    }

    @Test
    void overallAssessmentFilledNeedsResourcesChallengesAndEveryChildsNeeds() {
        FamilyAssessment noNeeds = FamilyAssessment.draft(1).writeOverall(new Overall("Ressourcer", "Udfordringer", Map.of()), 0, List.of(CHILD))
                .orThrow().result();
        assertThat(CompletionPolicy.overallAssessmentFilled(noNeeds, List.of(CHILD))).isPresent();
        assertThat(CompletionPolicy.overallAssessmentFilled(FamilyAssessment.draft(1), List.of())).isPresent();
        assertThat(CompletionPolicy.overallAssessmentFilled(withOverall(), List.of(CHILD))).isEmpty();
    }

    @Test
    void completingNamesEveryMissingPartAndThenCompletesWithDateAndAuthor() {
        Decision<FamilyAssessment> refused = FamilyAssessment.draft(1).complete(new CompletionFacts(0, 0, 0, List.of(CHILD)), null, 0, "kim", TODAY);
        assertThat(codes(refused)).containsExactly("familywork.complete.masterData", "familywork.complete.journalSummaries",
                "familywork.complete.overall");
        FamilyAssessment done = withOverall().complete(FILLED, null, 1, "kim", TODAY).orThrow().result();
        assertThat(done.status()).isEqualTo(FamilyAssessment.Status.COMPLETED);
        assertThat(done.completedOn()).isEqualTo(TODAY);
        assertThat(done.completedBy()).isEqualTo("kim");
        // completed is read-only
        assertThat(codes(done.writeOverall(new Overall("x", "y", Map.of()), done.version(), List.of(CHILD))))
                .containsExactly("familywork.assessment.completed");
        assertThat(codes(done.complete(FILLED, null, done.version(), "kim", TODAY))).containsExactly("familywork.assessment.completed");
    }

    @Test
    void primaryNeedsAreWrittenForTheChildrenOnly() {
        assertThat(codes(FamilyAssessment.draft(1).writeOverall(new Overall("r", "c", Map.of(MOTHER, "Job")), 0, List.of(CHILD))))
                .containsExactly("familywork.needs.notAChild");
    }

    @Test
    void aJournalSummaryOverTheLimitIsRefused() {
        String tooLong = "x".repeat(FamilyAssessment.SUMMARY_MAX + 1);
        List<FieldProblem> problems = JournalSummaryPolicy.problems(new JournalSummary(CHILD, "BUF", "DUBU sag 1", TODAY, tooLong),
                List.of(CHILD, MOTHER), TODAY);
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::code).containsExactly(org.assertj.core.groups.Tuple.tuple("summary", "text.tooLong"));
        assertThat(JournalSummaryPolicy.problems(new JournalSummary(CHILD, "BUF", "DUBU sag 1", TODAY, "x".repeat(FamilyAssessment.SUMMARY_MAX)),
                List.of(CHILD), TODAY)).isEmpty();
    }

    @Test
    void aJournalSummaryNamesAMemberAKnownDepartmentASourceAndAPastDate() {
        assertThat(JournalSummaryPolicy.problems(new JournalSummary(99L, "XYZ", " ", TODAY.plusDays(1), "resumé"), List.of(CHILD), TODAY))
                .extracting(FieldProblem::code).containsExactly("familywork.member.unknown", "familywork.department.unknown",
                        "familywork.summary.source.required", "familywork.date.future");
    }

    @Test
    void onlyTheAuthorChangesASummary() {
        assertThat(JournalSummaryPolicy.onlyAuthor("kim", "lis")).isPresent();
        assertThat(JournalSummaryPolicy.onlyAuthor("kim", "kim")).isEmpty();
    }

    @Test
    void aMeasureEndsOnOrAfterItsStart() {
        assertThat(FamilyAssessment.measureProblems(new FamilyAssessment.Measure(CHILD, "SOF", "Kontaktperson", TODAY, TODAY.minusDays(1)),
                List.of(CHILD))).extracting(FieldProblem::code).containsExactly("familywork.measure.to.beforeFrom");
    }
}
