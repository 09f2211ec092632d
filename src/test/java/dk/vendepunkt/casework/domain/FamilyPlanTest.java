package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.casework.domain.FamilyPlan.DueKind;
import dk.vendepunkt.casework.domain.FamilyPlan.GoalInput;
import dk.vendepunkt.casework.domain.FamilyPlan.Version;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The family action plan: versions with a reason, the family's agreement, reviews and what is overdue. */
class FamilyPlanTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final long CHILD = 7L, MOTHER = 8L;
    static final List<Long> MEMBERS = List.of(CHILD, MOTHER);

    static GoalInput goal(long person, String text, String measure, String measureText, LocalDate deadline, LocalDate reviewOn) {
        return new GoalInput(person, text, "BUF", measure, measureText, deadline, reviewOn);
    }

    static Version first() {
        return FamilyPlan.revise(Optional.empty(), 0, "Vi vil have ro derhjemme",
                List.of(goal(CHILD, "Møde i skole hver dag", "SCHOOL_SUPPORT", null, TODAY.plusDays(60), TODAY.plusDays(30))), null, MEMBERS, "kim",
                TODAY);
    }

    static List<String> codes(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.problems().stream().map(ValidationException.FieldProblem::code).toList();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void theFirstVersionNeedsNoReasonAndIsADraft() {
        Version v = first();
        assertThat(v.number()).isEqualTo(1);
        assertThat(v.reason()).isEqualTo(FamilyPlan.FIRST_VERSION_REASON);
        assertThat(v.draft()).isTrue();
        assertThat(v.goals().getFirst().measure()).isEqualTo(FamilyMeasure.SCHOOL_SUPPORT);
    }

    @Test
    void aLaterVersionRequiresAReasonAndIsBasedOnTheLatest() {
        Version v1 = first();
        assertThat(codes(() -> FamilyPlan.revise(Optional.of(v1), 1, "ønsker", List.of(goal(MOTHER, "Job", "MENTOR", null, TODAY, TODAY)), " ",
                MEMBERS, "kim", TODAY))).containsExactly("familywork.plan.reason.required");
        assertThatThrownBy(() -> FamilyPlan.revise(Optional.of(v1), 0, "ønsker", List.of(goal(MOTHER, "Job", "MENTOR", null, TODAY, TODAY)),
                "Ny skole", MEMBERS, "kim", TODAY)).isInstanceOf(ConflictException.class);
        Version v2 = FamilyPlan.revise(Optional.of(v1), 1, "ønsker", List.of(goal(MOTHER, "Job", "MENTOR", null, TODAY, TODAY)), "Ny skole",
                MEMBERS, "kim", TODAY);
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.reason()).isEqualTo("Ny skole");
    }

    @Test
    void goalsNameAMemberAMeasureAndOtherInWordsWithDeadlineAndReview() {
        assertThat(codes(() -> FamilyPlan.revise(Optional.empty(), 0, " ", List.of(), null, MEMBERS, "kim", TODAY)))
                .containsExactly("familywork.plan.wishes.required", "familywork.plan.goals.required");
        assertThat(codes(() -> FamilyPlan.revise(Optional.empty(), 0, "ønsker", List.of(goal(99L, "Mål", "OTHER", " ", null, null)), null, MEMBERS,
                "kim", TODAY))).containsExactly("familywork.member.unknown", "familywork.plan.measureText.required", "familywork.plan.deadline.required",
                "familywork.plan.reviewOn.required");
    }

    @Test
    void theFamilysAgreementIsRecordedOnceWithWhoAndWhen() {
        Version v1 = first();
        FamilyPlan.Agreement a = FamilyPlan.agree(v1, 1, List.of(MOTHER, CHILD), TODAY, MEMBERS, "kim", TODAY);
        assertThat(a.agreedBy()).containsExactly(MOTHER, CHILD);
        assertThat(a.agreedOn()).isEqualTo(TODAY);
        Version agreed = new Version(1, v1.wishes(), v1.goals(), v1.reason(), v1.createdBy(), v1.createdOn(), a);
        assertThat(agreed.draft()).isFalse();
        assertThat(codes(() -> FamilyPlan.agree(agreed, 1, List.of(MOTHER), TODAY, MEMBERS, "kim", TODAY)))
                .containsExactly("familywork.plan.agreement.already");
        assertThat(codes(() -> FamilyPlan.agree(v1, 1, List.of(), TODAY.plusDays(1), MEMBERS, "kim", TODAY)))
                .containsExactly("familywork.plan.agreement.who.required", "familywork.date.future");
    }

    @Test
    void aDraftIsNotReviewedAndAReviewGivesEveryGoalAStatus() {
        Version v1 = first();
        assertThat(codes(() -> FamilyPlan.review(v1, 1, TODAY, "noter", List.of("IN_PROGRESS"), "kim", TODAY)))
                .containsExactly("familywork.plan.review.notAgreed");
        Version agreed = new Version(1, v1.wishes(), v1.goals(), v1.reason(), v1.createdBy(), v1.createdOn(),
                new FamilyPlan.Agreement(List.of(MOTHER), TODAY, "kim"));
        assertThat(codes(() -> FamilyPlan.review(agreed, 1, TODAY, "noter", List.of(), "kim", TODAY)))
                .containsExactly("familywork.plan.review.status.required");
        assertThat(FamilyPlan.review(agreed, 1, TODAY, "noter", List.of("ACHIEVED"), "kim", TODAY).statuses())
                .containsExactly(FamilyPlan.GoalStatus.ACHIEVED);
    }

    @Test
    void overdueDeadlinesAndReviewsUntilReviewedOrFinished() {
        Version v1 = first(); // deadline today+60, review today+30
        LocalDate later = TODAY.plusDays(61);
        assertThat(FamilyPlan.overdue(v1, List.of(), TODAY)).isEmpty();
        assertThat(FamilyPlan.overdue(v1, List.of(), later)).extracting(FamilyPlan.Overdue::kind).containsExactly(DueKind.DEADLINE, DueKind.REVIEW);
        var reviewed = new FamilyPlan.Review(1, TODAY.plusDays(31), "noter", List.of(FamilyPlan.GoalStatus.IN_PROGRESS), "kim");
        assertThat(FamilyPlan.overdue(v1, List.of(reviewed), later)).extracting(FamilyPlan.Overdue::kind).containsExactly(DueKind.DEADLINE);
        var achieved = new FamilyPlan.Review(1, TODAY.plusDays(31), "noter", List.of(FamilyPlan.GoalStatus.ACHIEVED), "kim");
        assertThat(FamilyPlan.overdue(v1, List.of(achieved), later)).isEmpty();
    }
}
