package dk.vendepunkt.portfolio.web;

import dk.vendepunkt.portfolio.internal.EvaluationService;
import dk.vendepunkt.portfolio.internal.PrioritisationService;
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

/**
 * Self-evaluations and follow-ups (draft → submitted → reviewed) and the departments' prioritisations over
 * the API. ANALYST and PROGRAMME_MANAGER write and submit forms; only an ANALYST other than the submitter
 * reviews or returns one. Prioritisations: ANALYST writes.
 */
@RestController
@RequestMapping("/api/v1/portfolio")
@Tag(name = "Portfolio")
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class EvaluationApiController {

    private final EvaluationService evaluations;
    private final PrioritisationService prioritisations;

    EvaluationApiController(EvaluationService evaluations, PrioritisationService prioritisations) {
        this.evaluations = evaluations;
        this.prioritisations = prioritisations;
    }

    public record Transition(Integer version, String comment) {}

    @Operation(summary = "An initiative's self-evaluations and follow-ups, newest first")
    @GetMapping("/initiatives/{id}/evaluations")
    List<EvaluationService.Evaluation> forInitiative(@PathVariable long id) {
        return evaluations.forInitiative(id);
    }

    @Operation(summary = "Start a self-evaluation (SELF_EVALUATION) or follow-up (FOLLOW_UP) as a draft")
    @PostMapping("/initiatives/{id}/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    EvaluationService.EvaluationDetails create(@PathVariable long id, @RequestBody EvaluationService.NewEvaluation n) {
        return evaluations.details(evaluations.create(id, n));
    }

    @Operation(summary = "Forms waiting for review")
    @GetMapping("/evaluations/submitted")
    List<EvaluationService.Evaluation> submitted() {
        return evaluations.submitted();
    }

    @Operation(summary = "A form with its answers and history")
    @GetMapping("/evaluations/{id}")
    EvaluationService.EvaluationDetails get(@PathVariable long id) {
        return evaluations.details(id);
    }

    @Operation(summary = "Save a draft's answers (keys are the questions of its kind); send the version you read (409 when stale)")
    @PutMapping("/evaluations/{id}")
    EvaluationService.EvaluationDetails save(@PathVariable long id, @RequestBody EvaluationService.AnswersChange c) {
        evaluations.save(id, c);
        return evaluations.details(id);
    }

    private static int version(Transition t) {
        if (t == null || t.version() == null) throw dk.vendepunkt.platform.ValidationException.of("version", "portfolio.error.version");
        return t.version();
    }

    @Operation(summary = "Draft → submitted (every question answered)")
    @PostMapping("/evaluations/{id}/submit")
    EvaluationService.EvaluationDetails submit(@PathVariable long id, @RequestBody Transition t) {
        evaluations.submit(id, version(t));
        return evaluations.details(id);
    }

    @Operation(summary = "Submitted → reviewed, by an ANALYST who did not submit it")
    @PostMapping("/evaluations/{id}/review")
    EvaluationService.EvaluationDetails review(@PathVariable long id, @RequestBody Transition t) {
        evaluations.review(id, version(t), t.comment());
        return evaluations.details(id);
    }

    @Operation(summary = "Submitted → draft again with a comment, by an ANALYST who did not submit it")
    @PostMapping("/evaluations/{id}/return")
    EvaluationService.EvaluationDetails returnToDraft(@PathVariable long id, @RequestBody Transition t) {
        evaluations.returnToDraft(id, version(t), t.comment());
        return evaluations.details(id);
    }

    @Operation(summary = "The departments' prioritisations of a year")
    @GetMapping("/prioritisations")
    List<PrioritisationService.Prioritisation> prioritisations(@RequestParam int year) {
        return prioritisations.forYear(year);
    }

    @Operation(summary = "A department's prioritisation of a year")
    @GetMapping("/prioritisations/{department}/{year}")
    PrioritisationService.Prioritisation prioritisation(@PathVariable String department, @PathVariable int year) {
        return prioritisations.get(department, year).orElseThrow(() -> new dk.vendepunkt.platform.NotFoundException("portfolio.prioritisation.notFound"));
    }

    @Operation(summary = "Record a department's 3–6 most and 3–6 least effective initiatives with reasons (version null = new; 409 when stale)")
    @PutMapping("/prioritisations/{department}/{year}")
    PrioritisationService.Prioritisation savePrioritisation(@PathVariable String department, @PathVariable int year,
                                                            @RequestBody PrioritisationService.PrioritisationChange c) {
        prioritisations.save(department, year, c);
        return prioritisations.get(department, year).orElseThrow();
    }
}
