package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.FamilyAssessment;
import dk.vendepunkt.casework.domain.FamilyPlan;
import dk.vendepunkt.casework.internal.FamilyAssessmentService;
import dk.vendepunkt.casework.internal.FamilyPlanService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The six-part assessment and the family action plan of a family case (issue 13 parts 5-6). The case's team and
 * coordinators; every call audited; 400 with field errors, 409 when the version sent is stale, 403 outside the team.
 */
@RestController
@RequestMapping("/api/v1/family-cases/{id}")
@Tag(name = "Familiesag: udredning og familiehandleplan", description = "The six-part assessment, sharing its parts, the family action plan")
class FamilyWorkApiController {

    private final FamilyAssessmentService assessments;
    private final FamilyPlanService plans;

    FamilyWorkApiController(FamilyAssessmentService assessments, FamilyPlanService plans) {
        this.assessments = assessments;
        this.plans = plans;
    }

    @Operation(summary = "The six parts: members' master data, journal summaries, measures, the children's screening, the overall assessment, status and shares")
    @GetMapping("/assessment")
    FamilyAssessmentService.AssessmentView assessment(@PathVariable long id) {
        return assessments.read(id);
    }

    /** Part 5: {@code primaryNeeds} maps a child's person id to the text. */
    record OverallBody(Integer version, String resources, String challenges, Map<Long, String> primaryNeeds) {}

    @Operation(summary = "Write part 5 (resources, challenges, each child's primary needs); send the version read")
    @PutMapping("/assessment")
    FamilyAssessmentService.AssessmentView writeOverall(@PathVariable long id, @RequestBody OverallBody body) {
        return assessments.writeOverall(id, new FamilyAssessment.Overall(body.resources(), body.challenges(), body.primaryNeeds()), body.version());
    }

    @Operation(summary = "Add a journal summary (part 2): member, department, source, date and a summary (at most 1500 characters)")
    @PostMapping("/assessment/journal-summaries")
    @ResponseStatus(HttpStatus.CREATED)
    FamilyAssessmentService.SummaryRow addSummary(@PathVariable long id, @RequestBody FamilyAssessment.JournalSummary body) {
        long summaryId = assessments.addSummary(id, body);
        return assessments.read(id).journalSummaries().stream().filter(s -> s.id() == summaryId).findFirst().orElseThrow();
    }

    record SummaryChange(Integer version, Long personId, String department, String source, LocalDate summaryDate, String summary) {}

    @Operation(summary = "Change a journal summary: only its author, only while the assessment is a draft; send the version read")
    @PutMapping("/assessment/journal-summaries/{summaryId}")
    FamilyAssessmentService.SummaryRow updateSummary(@PathVariable long id, @PathVariable long summaryId, @RequestBody SummaryChange body) {
        assessments.updateSummary(id, summaryId, new FamilyAssessment.JournalSummary(body.personId(), body.department(), body.source(),
                body.summaryDate(), body.summary()), body.version());
        return assessments.read(id).journalSummaries().stream().filter(s -> s.id() == summaryId).findFirst().orElseThrow();
    }

    @Operation(summary = "Add a measure in place (part 3): member, department, measure, from and to")
    @PostMapping("/assessment/measures")
    @ResponseStatus(HttpStatus.CREATED)
    FamilyAssessmentService.MeasureRow addMeasure(@PathVariable long id, @RequestBody FamilyAssessment.Measure body) {
        long measureId = assessments.addMeasure(id, body);
        return assessments.read(id).measures().stream().filter(m -> m.id() == measureId).findFirst().orElseThrow();
    }

    record CompleteBody(Integer version, LocalDate completedOn) {}

    @Operation(summary = "Complete the assessment: parts 1, 2 and 5 must be filled; send the version read")
    @PostMapping("/assessment/complete")
    FamilyAssessmentService.AssessmentView complete(@PathVariable long id, @RequestBody CompleteBody body) {
        return assessments.complete(id, body.completedOn(), body.version());
    }

    @Operation(summary = "Share part JOURNALS, MEASURES or OVERALL with a department: a disclosure per member concerned, on a legal basis "
            + "(CONSENT with the consent per member in consents: {personId: consentId})")
    @PostMapping("/assessment/disclosures")
    @ResponseStatus(HttpStatus.CREATED)
    List<FamilyAssessmentService.ShareRow> share(@PathVariable long id, @RequestBody FamilyAssessmentService.Share body) {
        return assessments.share(id, body);
    }

    @Operation(summary = "The family action plan: the current version (null before the first), every version newest first, reviews and overdue steps")
    @GetMapping("/plan")
    FamilyPlanService.PlanView plan(@PathVariable long id) {
        return plans.read(id);
    }

    @Operation(summary = "A new version of the plan: wishes, goals per member, the reason (required from version 2) and the version it was made from (0 for the first)")
    @PostMapping("/plan")
    @ResponseStatus(HttpStatus.CREATED)
    FamilyPlan.Version revise(@PathVariable long id, @RequestBody FamilyPlanService.NewVersion body) {
        return plans.revise(id, body);
    }

    @Operation(summary = "Record the family's agreement to the current version: the members who agreed and the date")
    @PostMapping("/plan/agreement")
    FamilyPlan.Version agree(@PathVariable long id, @RequestBody FamilyPlanService.NewAgreement body) {
        return plans.agree(id, body);
    }

    @Operation(summary = "Record a review of the current (agreed) version: date, notes and a status per goal")
    @PostMapping("/plan/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    FamilyPlan.Review review(@PathVariable long id, @RequestBody FamilyPlanService.NewReview body) {
        return plans.review(id, body);
    }
}
