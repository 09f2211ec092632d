package dk.vendepunkt.people.web;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.people.internal.FamilyEditing;
import dk.vendepunkt.people.internal.PersonService;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family pages: the user's families, a new family, and the family page with its members over time, adding a
 * known or new person, ending a membership and the parental-authority matrix. The family's cases are casework's:
 * the page links to them by the family's id.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
class FamilyPageController {

    static final int SEARCH_LIMIT = 20;
    /** The matrix's checkboxes are named pair-{adultId}-{childId}. */
    static final String PAIR = "pair-";

    private final Families families;
    private final FamilyEditing editing;
    private final PersonService people;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final FormErrors formErrors;
    private final Clock clock;

    FamilyPageController(Families families, FamilyEditing editing, PersonService people, StaffDirectory staff, CurrentUser currentUser,
                         FormErrors formErrors, Clock clock) {
        this.families = families;
        this.editing = editing;
        this.people = people;
        this.staff = staff;
        this.currentUser = currentUser;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/families")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("families", editing.mine(q));
        return "family/list";
    }

    @GetMapping("/families/new")
    String newForm(Model model) {
        return "family/new";
    }

    @PostMapping("/families")
    String create(Families.NewFamily family, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            long id = families.create(family);
            redirect.addFlashAttribute("flash", formErrors.message("familyPage.created"));
            return "redirect:/families/" + id;
        } catch (ValidationException e) {
            response.setStatus(400);
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", family);
            return "family/new";
        }
    }

    @GetMapping("/families/{id}")
    String view(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        return page(id, q, model);
    }

    private String page(long id, String q, Model model) {
        Family f = families.read(id);
        model.addAttribute("family", f);
        model.addAttribute("past", f.members().stream().filter(m -> !m.current()).toList());
        model.addAttribute("relations", Families.Relation.values());
        model.addAttribute("teams", myTeams());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            List<Long> current = f.currentMembers().stream().map(Member::personId).toList();
            model.addAttribute("results", people.search(q, SEARCH_LIMIT).stream().filter(p -> !current.contains(p.id())).toList());
        }
        return "family/family";
    }

    private List<Team> myTeams() {
        return staff.teams().stream().filter(t -> currentUser.teamIds().contains(t.id())).toList();
    }

    /** Adds a member; {@code kind} "existing" (a search result) or "new" (CPR and names) says which form was sent. */
    @PostMapping("/families/{id}/members")
    String addMember(@PathVariable long id, @RequestParam(defaultValue = "existing") String kind, @RequestParam(required = false) Long personId,
                     @RequestParam(required = false) String cpr, @RequestParam(required = false) String firstName,
                     @RequestParam(required = false) String lastName, @RequestParam(required = false) Long teamId,
                     @RequestParam(required = false) String relation, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String q, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        boolean isNew = "new".equals(kind);
        FamilyEditing.NewMember m = isNew ? new FamilyEditing.NewMember(null, cpr, firstName, lastName, teamId, relation, date(from))
                : new FamilyEditing.NewMember(personId, null, null, null, null, relation, date(from));
        try {
            editing.addMember(id, m);
            redirect.addFlashAttribute("flash", formErrors.message("familyPage.member.added"));
            return "redirect:/families/" + id + "#members";
        } catch (ValidationException e) {
            response.setStatus(400);
            String prefix = isNew ? "new-" : "existing-";
            Map<String, String> errors = new LinkedHashMap<>();
            formErrors.of(e).forEach((k, v) -> errors.put(prefix + k, v));
            model.addAttribute(isNew ? "newErrors" : "existingErrors", errors);
            model.addAttribute(isNew ? "newForm" : "existingForm", m);
            return page(id, q, model);
        }
    }

    /** A form date (yyyy-MM-dd); blank or unreadable is null, so the service answers with its Danish message. */
    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @PostMapping("/families/{id}/members/{personId}/end")
    String endMembership(@PathVariable long id, @PathVariable long personId,
                         @RequestParam(required = false) String to,
                         Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = formErrors.attempt(() -> families.endMembership(id, personId, date(to)));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("familyPage.member.ended"));
            return "redirect:/families/" + id + "#members";
        }
        response.setStatus(400);
        Map<String, String> keyed = new LinkedHashMap<>();
        errors.forEach((k, v) -> keyed.put("to-" + personId, v));
        model.addAttribute("endErrors", keyed);
        return page(id, null, model);
    }

    /** The matrix form: a checked box pair-{adult}-{child} holds authority, an unchecked one does not. */
    @PostMapping("/families/{id}/authority")
    String authority(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
                     HttpServletResponse response) {
        List<FamilyEditing.Pair> pairs = new ArrayList<>();
        for (String key : params.keySet()) {
            if (!key.startsWith(PAIR)) continue;
            String[] ids = key.substring(PAIR.length()).split("-");
            if (ids.length == 2 && ids[0].matches("\\d+") && ids[1].matches("\\d+")) {
                pairs.add(new FamilyEditing.Pair(Long.parseLong(ids[0]), Long.parseLong(ids[1])));
            }
        }
        String version = params.getFirst("version");
        Integer v = version != null && version.matches("\\d+") ? Integer.valueOf(version) : null;
        Map<String, String> errors = formErrors.attempt(() -> editing.saveAuthority(id, new FamilyEditing.AuthorityMatrix(v, pairs)));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("familyPage.authority.saved"));
            return "redirect:/families/" + id + "#authority";
        }
        response.setStatus(errors.containsKey("version") ? 409 : 400);
        Map<String, String> keyed = new LinkedHashMap<>();
        errors.forEach((k, val) -> keyed.put("authority-matrix", val));
        model.addAttribute("authorityErrors", keyed);
        return page(id, null, model);
    }
}
