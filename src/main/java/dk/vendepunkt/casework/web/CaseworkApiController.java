package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.CaseloadService;
import dk.vendepunkt.casework.internal.EnrolmentService;
import dk.vendepunkt.casework.internal.FollowUpService;
import dk.vendepunkt.casework.internal.ReferralService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Referrals, screening, forløb, phase changes, closure, follow-ups and the caseload; team-checked and audited. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
@Tag(name = "Casework", description = "Referrals, screening, forløb (enrolments), phases, closure and follow-ups of the user's teams; every call is audited")
class CaseworkApiController {

    private final ReferralService referrals;
    private final EnrolmentService enrolments;
    private final FollowUpService followUps;
    private final CaseloadService caseload;

    CaseworkApiController(ReferralService referrals, EnrolmentService enrolments, FollowUpService followUps, CaseloadService caseload) {
        this.referrals = referrals;
        this.enrolments = enrolments;
        this.followUps = followUps;
        this.caseload = caseload;
    }

    @Operation(summary = "Register a referral for an existing person (personId) or a new one (cpr, names); the team gets access to the person")
    @PostMapping("/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    ReferralService.ReferralDetails register(@RequestBody ReferralService.NewReferral referral) {
        return referrals.get(referrals.register(referral));
    }

    @Operation(summary = "A referral with its screening; eligibility is computed from the CPR's birth date")
    @GetMapping("/referrals/{id}")
    ReferralService.ReferralDetails referral(@PathVariable long id) {
        return referrals.get(id);
    }

    @Operation(summary = "Screen a referral: gang-related, decision ACCEPT (starts the forløb), WAITING_LIST or REJECT (with reason); send the version read")
    @PostMapping("/referrals/{id}/screening")
    ReferralService.ScreeningResult screen(@PathVariable long id, @RequestBody ReferralService.Screening screening) {
        return referrals.screen(id, screening);
    }

    @Operation(summary = "A person's referrals and forløb")
    @GetMapping("/persons/{personId}/cases")
    CaseloadService.PersonCases personCases(@PathVariable long personId) {
        return caseload.forPerson(personId);
    }

    @Operation(summary = "A forløb with phase history, allowed next phases and follow-ups")
    @GetMapping("/enrolments/{id}")
    EnrolmentService.EnrolmentDetails enrolment(@PathVariable long id) {
        return enrolments.get(id);
    }

    @Operation(summary = "Change coordinator and baseline; send the version read (409 when stale)")
    @PutMapping("/enrolments/{id}")
    EnrolmentService.EnrolmentDetails update(@PathVariable long id, @RequestBody EnrolmentService.Change change) {
        return enrolments.update(id, change);
    }

    @Operation(summary = "Move the forløb to another phase (only the programme's allowed transitions), with a reason")
    @PostMapping("/enrolments/{id}/phase-changes")
    EnrolmentService.EnrolmentDetails changePhase(@PathVariable long id, @RequestBody EnrolmentService.PhaseMove move) {
        return enrolments.changePhase(id, move);
    }

    @Operation(summary = "Close the forløb: reason, end date, summary against the baseline; schedules the follow-ups (+3 months, +1 year, +2 years)")
    @PostMapping("/enrolments/{id}/closure")
    EnrolmentService.EnrolmentDetails close(@PathVariable long id, @RequestBody EnrolmentService.Closure closure) {
        return enrolments.close(id, closure);
    }

    @Operation(summary = "Correct a closure (reason, end date, summary) with the reason for the correction (why); old and new values are kept, "
            + "open follow-ups move with the end date and EnrolmentClosed is published again")
    @PutMapping("/enrolments/{id}/closure")
    EnrolmentService.EnrolmentDetails amendClosure(@PathVariable long id, @RequestBody EnrolmentService.Amendment amendment) {
        return enrolments.amendClosure(id, amendment);
    }

    @Operation(summary = "Record a follow-up: status EDUCATION, EMPLOYMENT, ACTIVATION or NONE, date, note; answers the forløb's follow-ups")
    @PostMapping("/follow-ups/{id}")
    List<EnrolmentService.FollowUpLine> recordFollowUp(@PathVariable long id, @RequestBody FollowUpService.Entry entry) {
        long enrolmentId = followUps.record(id, entry);
        return enrolments.followUps(enrolmentId);
    }

    @Operation(summary = "Correct a recorded follow-up (status, date, note) with the reason for the correction (why); old and new values are "
            + "kept and the outcome figures follow; answers the forløb's follow-ups")
    @PutMapping("/follow-ups/{id}")
    List<EnrolmentService.FollowUpLine> correctFollowUp(@PathVariable long id, @RequestBody FollowUpService.Correction correction) {
        long enrolmentId = followUps.correct(id, correction);
        return enrolments.followUps(enrolmentId);
    }

    @Operation(summary = "My caseload: ongoing forløb (as coordinator or of my teams), referrals awaiting screening, open and overdue follow-ups")
    @GetMapping("/caseload")
    CaseloadService.Caseload caseload() {
        return caseload.mine();
    }
}
