package dk.vendepunkt.incidents.web;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.areas.AreaLevel;
import dk.vendepunkt.incidents.internal.Cause;
import dk.vendepunkt.incidents.internal.Incident;
import dk.vendepunkt.incidents.internal.IncidentKind;
import dk.vendepunkt.incidents.internal.IncidentService;
import dk.vendepunkt.incidents.internal.IncidentService.ActionForm;
import dk.vendepunkt.incidents.internal.IncidentService.Form;
import dk.vendepunkt.incidents.internal.IncidentStore;
import dk.vendepunkt.incidents.internal.IncidentsProperties;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.Zones;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incidents register's pages. Department staff (CASEWORKER, PROGRAMME_MANAGER, ANALYST) report
 * incidents and see the monthly reporting overview; PROGRAMME_MANAGER and ANALYST see the list, the map,
 * effect goal 4 and single incidents, correct them and write the incident analysis.
 */
@Controller
@PreAuthorize(IncidentService.VIEWERS)
class IncidentPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final int ACTION_ROWS = 5;

    private final IncidentService service;
    private final AreaDirectory areas;
    private final IncidentsProperties props;
    private final FormErrors messages;
    private final Clock clock;

    IncidentPageController(IncidentService service, AreaDirectory areas, IncidentsProperties props, FormErrors messages, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.areas = areas;
        this.props = props;
        this.messages = messages;
    }

    static boolean viewer(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST") || a.getAuthority().equals("ROLE_PROGRAMME_MANAGER"));
    }

    // ------------------------------------------------------------------ overview: goal, list, map

    @GetMapping("/incidents")
    String overview(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String area, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null || from.isBlank() ? today.withDayOfYear(1) : IncidentApiController.date("from", from);
        LocalDate t = to == null || to.isBlank() ? today : IncidentApiController.date("to", to);
        if (t.isBefore(f)) throw ValidationException.of("to", "incidents.error.period");
        String a = area == null || area.isBlank() ? null : area;
        var g = props.effectGoal4();
        model.addAttribute("goal", service.effectGoal4(g.from(), g.to()));
        model.addAttribute("period", service.effectGoal4(f, t));
        List<Incident> list = service.list(f, t, a);
        model.addAttribute("incidents", list);
        model.addAttribute("analysed", service.analysed(list));
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("area", a);
        model.addAttribute("districts", areas.districts());
        return "incidents/index";
    }

    /** The districts' GeoJSON and each district's number of incidents in the period, for the map. */
    @GetMapping(value = "/incidents/map-data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String mapData(@RequestParam String from, @RequestParam String to) {
        LocalDate f = IncidentApiController.date("from", from);
        LocalDate t = IncidentApiController.date("to", to);
        if (t.isBefore(f)) throw ValidationException.of("to", "incidents.error.period");
        Map<String, Integer> counts = new TreeMap<>();
        for (Incident i : service.list(f, t, null)) if (i.area() != null) counts.merge(i.area(), 1, Integer::sum);
        return "{\"geojson\":" + areas.geoJson(AreaLevel.DISTRICT) + ",\"counts\":" + JSON.writeValueAsString(counts) + "}";
    }

    // ------------------------------------------------------------------ the report form

    @GetMapping("/incidents/new")
    @PreAuthorize(IncidentService.REPORTERS)
    String form(Model model) {
        return formView(Form.empty(), null, null, model);
    }

    private String formView(Form form, Incident incident, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("causes", Cause.values());
        model.addAttribute("departments", Incident.DEPARTMENTS);
        model.addAttribute("incident", incident);
        model.addAttribute("errors", errors);
        model.addAttribute("districts", areas.districts());
        return "incidents/form";
    }

    @PostMapping("/incidents")
    @PreAuthorize(IncidentService.REPORTERS)
    String report(@ModelAttribute("form") Form form, Model model, RedirectAttributes flash, Authentication auth) {
        long id;
        try {
            id = service.report(form);
        } catch (ValidationException e) {
            return formView(form, null, messages.of(e), model);
        }
        flash.addFlashAttribute("flash", messages.message("incidents.reported"));
        return viewer(auth) ? "redirect:/incidents/" + id : "redirect:/incidents/new";
    }

    @GetMapping("/incidents/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Incident i = service.read(id);
        Form f = new Form(i.startedAt().atZoneSameInstant(Zones.ZONE).format(LOCAL),
                i.endedAt() == null ? "" : i.endedAt().atZoneSameInstant(Zones.ZONE).format(LOCAL), i.kind().name(), i.cause().name(),
                i.department(), i.institution(), i.area() == null ? "" : i.area(), i.description() == null ? "" : i.description());
        return formView(f, i, null, model);
    }

    @PostMapping("/incidents/{id}")
    String update(@PathVariable long id, @RequestParam int version, @ModelAttribute("form") Form form, Model model, RedirectAttributes flash) {
        try {
            service.update(id, version, form);
        } catch (ValidationException e) {
            return formView(form, service.read(id), messages.of(e), model);
        } catch (ConflictException e) {
            return formView(form, service.read(id), messages.of(e), model);
        }
        flash.addFlashAttribute("flash", messages.message("incidents.saved"));
        return "redirect:/incidents/" + id;
    }

    // ------------------------------------------------------------------ one incident and its analysis

    @GetMapping("/incidents/{id}")
    String detail(@PathVariable long id, Model model) {
        Incident i = service.read(id);
        model.addAttribute("incident", i);
        model.addAttribute("analysis", service.analysis(id).orElse(null));
        return "incidents/detail";
    }

    /** One action row of the analysis form (index n gives the field ids). */
    record ActionRow(int n, String action, String responsible, String deadline, boolean done) {}

    @GetMapping("/incidents/{id}/analysis")
    String analysisForm(@PathVariable long id, Model model) {
        Incident i = service.read(id);
        var a = service.analysis(id);
        List<ActionRow> rows = new ArrayList<>();
        List<IncidentStore.Action> actions = a.map(IncidentStore.Analysis::actions).orElse(List.of());
        for (int n = 0; n < Math.max(ACTION_ROWS, actions.size() + 2); n++) {
            IncidentStore.Action x = n < actions.size() ? actions.get(n) : null;
            rows.add(x == null ? new ActionRow(n, "", "", "", false)
                    : new ActionRow(n, x.action(), x.responsible(), x.deadline() == null ? "" : x.deadline().toString(), x.done()));
        }
        return analysisView(i, a.map(IncidentStore.Analysis::findings).orElse(""), a.map(IncidentStore.Analysis::followUp).orElse(""),
                rows, a.map(IncidentStore.Analysis::version).orElse(-1), null, model);
    }

    private String analysisView(Incident i, String findings, String followUp, List<ActionRow> rows, int version, Map<String, String> errors, Model model) {
        model.addAttribute("incident", i);
        model.addAttribute("findings", findings);
        model.addAttribute("followUp", followUp);
        model.addAttribute("rows", rows);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        return "incidents/analysis";
    }

    @PostMapping("/incidents/{id}/analysis")
    String saveAnalysis(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        int version;
        try {
            version = Integer.parseInt(form.getOrDefault("version", "-1"));
        } catch (NumberFormatException e) {
            version = -1;
        }
        List<ActionForm> actions = new ArrayList<>();
        List<ActionRow> rows = new ArrayList<>();
        for (int n = 0; form.containsKey("action-" + n); n++) {
            ActionRow r = new ActionRow(n, form.get("action-" + n), form.getOrDefault("responsible-" + n, ""), form.getOrDefault("deadline-" + n, ""),
                    form.containsKey("done-" + n));
            rows.add(r);
            actions.add(new ActionForm(r.action(), r.responsible(), r.deadline(), r.done()));
        }
        String findings = form.getOrDefault("findings", "");
        String followUp = form.getOrDefault("followUp", "");
        try {
            service.saveAnalysis(id, version, findings, followUp, actions);
        } catch (ValidationException e) {
            return analysisView(service.read(id), findings, followUp, rows, version, messages.of(e), model);
        } catch (ConflictException e) {
            return analysisView(service.read(id), findings, followUp, rows, version, messages.of(e), model);
        }
        flash.addFlashAttribute("flash", messages.message("incidents.analysis.saved"));
        return "redirect:/incidents/" + id;
    }

    // ------------------------------------------------------------------ the reporting duty

    YearMonth month(String raw) {
        if (raw == null || raw.isBlank()) return YearMonth.now(clock);
        try {
            return YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of("month", "incidents.error.month");
        }
    }

    @GetMapping("/incidents/reporting")
    @PreAuthorize(IncidentService.REPORTERS)
    String reporting(@RequestParam(required = false) String month, Model model) {
        YearMonth m = month(month);
        model.addAttribute("month", m);
        model.addAttribute("statuses", service.month(m));
        return "incidents/reporting";
    }

    @PostMapping("/incidents/reporting")
    @PreAuthorize(IncidentService.REPORTERS)
    String confirm(@RequestParam String month, @RequestParam String department, RedirectAttributes flash) {
        YearMonth m = month(month);
        service.confirm(department, m);
        flash.addFlashAttribute("flash", messages.message("incidents.reporting.confirmed", dk.vendepunkt.organisation.Department.label(department), m.toString()));
        return "redirect:/incidents/reporting?month=" + m;
    }
}
