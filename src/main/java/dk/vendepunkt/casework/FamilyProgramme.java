package dk.vendepunkt.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * The family programme's cohort as the evaluation needs it (issue 13, part 8): the children enrolled (their forløb in
 * programme FAMILY), their families, the parents' latest employment status and the children's paired progress
 * measurements. No names: person ids only, for the outcomes module to match register data and count.
 */
public interface FamilyProgramme {

    /** A child's forløb in a family case: {@code enrolledOn} is the forløb's start (the case entered Udredning). */
    record Child(long enrolmentId, long personId, LocalDate birthDate, LocalDate enrolledOn, long familyCaseId) {}

    /** A parent (mother, father, guardian) in a family of the cohort and their latest employment status up to the date, null when none is recorded. */
    record Parent(long personId, long familyCaseId, String employmentStatus) {}

    /** The employment status that counts as ordinary employment (seed 003: 37.5 % of parents). */
    String ORDINARY_EMPLOYMENT = "ORDINARY_EMPLOYMENT";

    /** {@code progress}: per scale, the children's paired change ({@link ProgressScales#progress}) over measurements up to the date. */
    record Cohort(LocalDate asOf, List<Child> children, List<Parent> parents, List<ProgressScales.Change> progress) {
        public Cohort {
            children = List.copyOf(children);
            parents = List.copyOf(parents);
            progress = List.copyOf(progress);
        }
    }

    /** The children enrolled on or before {@code asOf} (ages 6-22 at enrolment), with their families' parents and progress. */
    Cohort cohort(LocalDate asOf);
}
