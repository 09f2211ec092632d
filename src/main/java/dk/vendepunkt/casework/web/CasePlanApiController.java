package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.ActionPlan.Version;
import dk.vendepunkt.casework.domain.Instrument;
import dk.vendepunkt.casework.domain.PoolPurchase;
import dk.vendepunkt.casework.internal.ActionPlanService;
import dk.vendepunkt.casework.internal.AssessmentService;
import dk.vendepunkt.casework.internal.JournalService;
import dk.vendepunkt.casework.internal.MentorService;
import dk.vendepunkt.casework.internal.PoolService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
 * Assessments, the action plan, mentors, journal notes, contacts and pool purchases of a forløb.
 * Caseworkers and programme managers of the forløb's team; every call is audited; a closed forløb is read-only.
 */
@RestController
@RequestMapping("/api/v1/enrolments/{id}")
@Tag(name = "Forløb: plan", description = "Needs and risk/need assessments, versioned action plan, mentors, journal, contacts, pool purchases")
class CasePlanApiController {

    private final AssessmentService assessments;
    private final ActionPlanService plans;
    private final MentorService mentors;
    private final JournalService journal;
    private final PoolService pool;

    CasePlanApiController(AssessmentService assessments, ActionPlanService plans, MentorService mentors, JournalService journal, PoolService pool) {
        this.assessments = assessments;
        this.plans = plans;
        this.mentors = mentors;
        this.journal = journal;
        this.pool = pool;
    }

    // ------------------------------------------------------------------ assessments

    @Operation(summary = "The assessment instruments (defined as data; the default first)")
    @GetMapping("/assessments/instruments")
    List<Instrument> instruments(@PathVariable long id) {
        assessments.read(id);
        return assessments.instruments();
    }

    @Operation(summary = "All assessments of the forløb, oldest first: the first is the baseline, later ones re-assessments")
    @GetMapping("/assessments")
    List<AssessmentService.Assessment> assessments(@PathVariable long id) {
        return assessments.read(id).assessments();
    }

    @GetMapping("/assessments/{assessmentId}")
    AssessmentService.Assessment assessment(@PathVariable long id, @PathVariable long assessmentId) {
        return assessments.get(id, assessmentId);
    }

    @Operation(summary = "Record an assessment: situation and need level (and optionally score) per life domain; the risk/need level follows from the instrument")
    @PostMapping("/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    AssessmentService.Assessment assess(@PathVariable long id, @RequestBody AssessmentService.NewAssessment body) {
        return assessments.create(id, body);
    }

    // ------------------------------------------------------------------ action plan

    @Operation(summary = "The current action plan (null before the first version), its version number and the version history")
    @GetMapping("/plan")
    PlanResponse plan(@PathVariable long id) {
        ActionPlanService.PlanOverview o = plans.read(id);
        return new PlanResponse(o.version(), o.current().orElse(null), o.history());
    }

    record PlanResponse(int version, Version current, List<ActionPlanService.VersionSummary> history) {}

    @GetMapping("/plan/versions/{number}")
    Version planVersion(@PathVariable long id, @PathVariable int number) {
        return plans.version(id, number);
    }

    @Operation(summary = "Change the plan: the full new content, the reason, the person's agreement and the version it was made from (0 for a new plan; 409 when stale)")
    @PutMapping("/plan")
    Version revise(@PathVariable long id, @RequestBody ActionPlanService.PlanChange body) {
        if (body.version() == null) throw dk.vendepunkt.platform.ValidationException.of("version", "caseplan.version.required");
        return plans.revise(id, body);
    }

    // ------------------------------------------------------------------ mentors

    @GetMapping("/mentors")
    List<MentorService.Mentor> mentors(@PathVariable long id) {
        return mentors.read(id).mentors();
    }

    @Operation(summary = "Assign a mentor (staff member or external person); the current mentor's period ends the day before")
    @PostMapping("/mentors")
    @ResponseStatus(HttpStatus.CREATED)
    MentorService.Mentor assignMentor(@PathVariable long id, @RequestBody MentorService.NewMentor body) {
        return mentors.assign(id, body);
    }

    @Operation(summary = "End a mentor's period (send the version read)")
    @PutMapping("/mentors/{mentorId}")
    MentorService.Mentor endMentor(@PathVariable long id, @PathVariable long mentorId, @RequestBody MentorService.MentorEnd body) {
        return mentors.end(id, mentorId, body);
    }

    // ------------------------------------------------------------------ journal and contacts

    @GetMapping("/journal")
    List<JournalService.Note> notes(@PathVariable long id) {
        return journal.read(id).notes();
    }

    @PostMapping("/journal")
    @ResponseStatus(HttpStatus.CREATED)
    JournalService.Note addNote(@PathVariable long id, @RequestBody JournalService.NewNote body) {
        return journal.addNote(id, body);
    }

    @GetMapping("/contacts")
    List<JournalService.Contact> contacts(@PathVariable long id) {
        return journal.read(id).contacts();
    }

    @Operation(summary = "Record a contact (attended true/false, or null for a planned contact)")
    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    JournalService.Contact addContact(@PathVariable long id, @RequestBody JournalService.NewContact body) {
        return journal.addContact(id, body);
    }

    @Operation(summary = "Record whether a contact was attended (send the version read)")
    @PutMapping("/contacts/{contactId}")
    JournalService.Contact updateContact(@PathVariable long id, @PathVariable long contactId, @RequestBody JournalService.ContactChange body) {
        return journal.updateContact(id, contactId, body);
    }

    // ------------------------------------------------------------------ pool purchases

    @GetMapping("/purchases")
    List<PoolPurchase> purchases(@PathVariable long id) {
        return pool.read(id).purchases();
    }

    @Operation(summary = "Request a purchase from the programme's pool (amount in DKK, at most two decimals)")
    @PostMapping("/purchases")
    @ResponseStatus(HttpStatus.CREATED)
    PoolPurchase requestPurchase(@PathVariable long id, @RequestBody PoolPurchase.Request body) {
        return pool.request(id, body);
    }
}
