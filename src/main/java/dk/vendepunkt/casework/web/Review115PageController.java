package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.Review115Outcome;
import dk.vendepunkt.casework.internal.Review115Service;
import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The §115 review pages: the meetings of the user's teams (newest first, paged), a new meeting, the meeting with its
 * persons and their decisions in force, adding a person, and a person's decision page (record or amend, with history).
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
class Review115PageController {

    /** How many municipal participants the new-meeting form offers. */
    static final int STAFF_ROWS = 4;

    private final Review115Service reviews;
    private final LegalBases legalBases;
    private final FormErrors formErrors;
    private final Clock clock;

    Review115PageController(Review115Service reviews, LegalBases legalBases, FormErrors formErrors, Clock clock) {
        this.reviews = reviews;
        this.legalBases = legalBases;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    /** The new-meeting form as typed: one list entry per participant row. */
    record MeetingForm(Long teamId, LocalDate meetingDate, String legalBasis, List<String> staffName, List<String> staffUnit, String policeName,
                       String policeUnit) {
        MeetingForm {
            staffName = padded(staffName);
            staffUnit = padded(staffUnit);
        }

        private static List<String> padded(List<String> values) {
            List<String> l = new ArrayList<>(values == null ? List.of() : values);
            while (l.size() < STAFF_ROWS) l.add("");
            return l;
        }

        Review115Service.NewMeeting meeting() {
            List<Review115Service.Participant> staff = new ArrayList<>();
            for (int i = 0; i < Math.max(staffName.size(), staffUnit.size()); i++) {
                staff.add(new Review115Service.Participant("STAFF", i < staffName.size() ? staffName.get(i) : "",
                        i < staffUnit.size() ? staffUnit.get(i) : ""));
            }
            return new Review115Service.NewMeeting(teamId, meetingDate, legalBasis, staff, policeName, policeUnit);
        }
    }

    @GetMapping("/reviews-115")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("meetings", reviews.list(page));
        return "casework/review115/list";
    }

    @GetMapping("/reviews-115/new")
    String newMeeting(Model model) {
        if (!model.containsAttribute("form")) {
            var teams = reviews.teams();
            model.addAttribute("form", new MeetingForm(teams.size() == 1 ? teams.get(0).id() : null, LocalDate.now(clock), LegalBasis.RPL_115,
                    null, null, null, null));
        }
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        model.addAttribute("teams", reviews.teams());
        model.addAttribute("legalBases", legalBases.all().stream().filter(b -> !b.consent()).toList());
        model.addAttribute("staffRows", java.util.stream.IntStream.range(0, STAFF_ROWS).boxed().toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "casework/review115/new";
    }

    @PostMapping("/reviews-115")
    String create(MeetingForm form, Model model, RedirectAttributes redirect) {
        try {
            long id = reviews.create(form.meeting());
            redirect.addFlashAttribute("flash", formErrors.message("review115.created"));
            return "redirect:/reviews-115/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", form);
            return newMeeting(model);
        }
    }

    @GetMapping("/reviews-115/{id}")
    String meeting(@PathVariable long id, Model model) {
        model.addAttribute("meeting", reviews.get(id));
        if (!model.containsAttribute("person")) model.addAttribute("person", new Review115Service.NewPerson(null, null, null, null, null));
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "casework/review115/meeting";
    }

    @PostMapping("/reviews-115/{id}/persons")
    String addPerson(@PathVariable long id, Review115Service.NewPerson person, Model model, RedirectAttributes redirect) {
        try {
            reviews.addPerson(id, person);
            redirect.addFlashAttribute("flash", formErrors.message("review115.person.added"));
            return "redirect:/reviews-115/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("person", person);
            return meeting(id, model);
        }
    }

    @GetMapping("/reviews-115/{id}/persons/{personId}")
    String decision(@PathVariable long id, @PathVariable long personId, Model model) {
        var meeting = reviews.discussed(id, personId);
        model.addAttribute("meeting", meeting);
        model.addAttribute("discussed", meeting.persons().get(0));
        model.addAttribute("outcomes", Review115Outcome.values());
        if (!model.containsAttribute("decision")) model.addAttribute("decision", new Review115Service.DecisionRequest(null, null, null, null, null));
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "casework/review115/decision";
    }

    @PostMapping("/reviews-115/{id}/persons/{personId}/decisions")
    String decide(@PathVariable long id, @PathVariable long personId, Review115Service.DecisionRequest decision, Model model,
                  RedirectAttributes redirect) {
        try {
            reviews.decide(id, personId, decision);
            redirect.addFlashAttribute("flash", formErrors.message("review115.decision.saved"));
            return "redirect:/reviews-115/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("outcome", formErrors.message(e.code(), e.args())));
        }
        model.addAttribute("decision", decision);
        return decision(id, personId, model);
    }

    /** An unknown meeting or person: the ordinary error page with 404. */
    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
