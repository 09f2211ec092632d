package dk.vendepunkt.economics.web;

import dk.vendepunkt.economics.internal.EconomicsService;
import dk.vendepunkt.economics.internal.Parameter;
import dk.vendepunkt.economics.internal.ParameterStore;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The economics page: a programme's (or scenario's) cost-benefit figures, the charts (gain with its
 * intervals, break-even against the cohorts' measured rates, the Monte Carlo histogram, the tornado), the
 * parameters and, for PROGRAMME_MANAGER, the form that sets one parameter.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class EconomicsPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int BINS = 30;

    private final EconomicsService service;
    private final ParameterStore store;
    private final FormErrors messages;
    private final Clock clock;

    EconomicsPageController(EconomicsService service, ParameterStore store, FormErrors messages, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.store = store;
        this.messages = messages;
    }

    @GetMapping("/economics")
    String page(@RequestParam(required = false) String programme, @RequestParam(required = false) String scenario,
                @RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Double successRate, Model model) {
        return view(programme, scenario, asOf, successRate, Map.of(), null, model);
    }

    /** A parameter form's fields, to show them again after an error. */
    record ParameterForm(String scenario, String parameter, String value, String low, String high, String source) {}

    @PostMapping("/economics/parameters")
    @PreAuthorize("hasRole('PROGRAMME_MANAGER')")
    String save(@RequestParam String programme, @RequestParam(defaultValue = "") String scenario, @RequestParam String parameter,
                @RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String low, @RequestParam(defaultValue = "") String high,
                @RequestParam(defaultValue = "") String source, @RequestParam(required = false) LocalDate asOf, Authentication auth,
                Model model, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal v = decimal("value", value, errors), lo = decimal("low", low, errors), hi = decimal("high", high, errors);
        if (errors.isEmpty()) errors.putAll(messages.attempt(() -> service.save(programme, scenario, parameter, v, lo, hi, source, auth.getName())));
        if (!errors.isEmpty()) {
            return view(programme, scenario, asOf, null, errors, new ParameterForm(scenario, parameter, value, low, high, source), model);
        }
        flash.addFlashAttribute("flash", messages.message("economics.form.saved", parameter));
        return redirect(programme, scenario, asOf);
    }

    /** Deletes the scenario shown (after the page's confirmation) and shows the base set. */
    @PostMapping("/economics/scenarios/delete")
    @PreAuthorize("hasRole('PROGRAMME_MANAGER')")
    String deleteScenario(@RequestParam String programme, @RequestParam String scenario, @RequestParam(required = false) LocalDate asOf,
                          Authentication auth, RedirectAttributes flash) {
        service.deleteScenario(programme, scenario, auth.getName());
        flash.addFlashAttribute("flash", messages.message("economics.scenario.deleted", scenario.strip()));
        return redirect(programme, "", asOf);
    }

    /** An unknown scenario: the ordinary error page with 404. */
    @org.springframework.web.bind.annotation.ExceptionHandler(dk.vendepunkt.platform.NotFoundException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    /** The cost-from-sources form's fields, to show them again after an error. */
    record SourcesForm(String scenario, List<String> initiatives, String budgetYear, String poolYear) {}

    @PostMapping("/economics/parameters/sources")
    @PreAuthorize("hasRole('PROGRAMME_MANAGER')")
    String costFromSources(@RequestParam String programme, @RequestParam(defaultValue = "") String scenario,
                           @RequestParam(required = false) List<String> initiatives, @RequestParam(defaultValue = "") String budgetYear,
                           @RequestParam(defaultValue = "") String poolYear, @RequestParam(required = false) LocalDate asOf,
                           Authentication auth, Model model, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer by = year("budgetYear", budgetYear, errors), py = year("poolYear", poolYear, errors);
        EconomicsService.SourcedCost[] done = new EconomicsService.SourcedCost[1];
        if (errors.isEmpty()) errors.putAll(messages.attempt(() -> done[0] = service.costFromSources(programme, scenario, initiatives, by, py, auth.getName())));
        if (!errors.isEmpty()) {
            model.addAttribute("sourcesForm", new SourcesForm(scenario, initiatives == null ? List.of() : initiatives, budgetYear, poolYear));
            return view(programme, scenario, asOf, null, errors, null, model);
        }
        flash.addFlashAttribute("flash", messages.message("economics.sources.saved", EconomicsService.kroner(done[0].annualCost()), done[0].source()));
        return redirect(programme, scenario, asOf);
    }

    private Integer year(String field, String text, Map<String, String> errors) {
        String t = text.strip();
        if (t.isEmpty()) return null;
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            errors.put(field, messages.message("economics.sources.year", "1990", "2100"));
            return null;
        }
    }

    private static String redirect(String programme, String scenario, LocalDate asOf) {
        return "redirect:" + UriComponentsBuilder.fromPath("/economics").queryParam("programme", programme)
                .queryParamIfPresent("scenario", java.util.Optional.of(scenario.strip()).filter(s -> !s.isEmpty()))
                .queryParamIfPresent("asOf", java.util.Optional.ofNullable(asOf)).encode().build().toUriString();
    }

    private BigDecimal decimal(String field, String text, Map<String, String> errors) {
        String t = text.strip().replace(',', '.');
        if (t.isEmpty()) return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            errors.put(field, messages.message("economics.error.number"));
            return null;
        }
    }

    private String view(String programme, String scenario, LocalDate asOf, Double successRate, Map<String, String> formErrors,
                        ParameterForm form, Model model) {
        List<String> programmes = store.programmes();
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        String chosen = programme != null && !programme.isBlank() ? programme : programmes.isEmpty() ? null : programmes.getFirst();
        String sc = scenario == null ? "" : scenario.strip();
        model.addAttribute("programmes", programmes);
        model.addAttribute("programme", chosen);
        model.addAttribute("scenario", sc);
        model.addAttribute("asOf", date);
        model.addAttribute("successRate", successRate);
        model.addAttribute("parameterKeys", java.util.Arrays.stream(Parameter.values()).map(Parameter::key).toList());
        model.addAttribute("form", form == null ? new ParameterForm(sc, null, null, null, null, null) : form);
        model.addAttribute("errors", formErrors);
        if (!model.containsAttribute("sourcesForm")) model.addAttribute("sourcesForm", new SourcesForm(sc, List.of(), null, null));
        model.addAttribute("initiatives", service.initiatives());
        if (chosen == null) return "economics/index";
        model.addAttribute("scenarios", store.scenarios(chosen));
        model.addAttribute("parameters", store.effective(chosen, sc));
        model.addAttribute("overrides", sc.isEmpty() ? List.of() : store.rows(chosen, sc).stream().map(r -> r.parameter()).toList());
        try {
            var r = service.calculate(chosen, sc, date, successRate, null, null);
            model.addAttribute("result", r);
            model.addAttribute("chartData", JSON.writeValueAsString(chartData(r)));
        } catch (ValidationException e) {
            model.addAttribute("calculationErrors", messages.of(e).values());
        }
        return "economics/index";
    }

    /** What economics.js draws; labels in the user's language. */
    Map<String, Object> chartData(EconomicsService.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        var p = r.point();
        var s = r.simulation();
        out.put("gain", p.gainPerParticipant().doubleValue());
        List<Map<String, Object>> intervals = new ArrayList<>();
        if (r.gainCi95() != null)
            intervals.add(Map.of("label", messages.message("economics.chart.wilson"), "low", r.gainCi95()[0].doubleValue(), "high", r.gainCi95()[1].doubleValue()));
        intervals.add(Map.of("label", messages.message("economics.chart.monteCarlo"), "low", s.gainP05(), "high", s.gainP95()));
        out.put("intervals", intervals);
        out.put("breakEven", p.breakEvenSuccessRate() == null ? null : p.breakEvenSuccessRate().doubleValue());
        out.put("cohorts", r.measured().stream().filter(c -> c.cohort() != null && c.eligible() > 0)
                .map(c -> Map.of("cohort", String.valueOf(c.cohort()), "rate", c.rate())).toList());
        double[] g = s.sortedGains();
        double min = g[0], max = g[g.length - 1], width = max > min ? (max - min) / BINS : 1;
        int[] counts = new int[BINS];
        for (double x : g) counts[Math.min(BINS - 1, (int) ((x - min) / width))]++;
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < BINS; i++) starts.add(min + i * width);
        out.put("histogram", Map.of("starts", starts, "width", width, "counts", counts));
        out.put("tornado", r.tornado().stream().map(t -> Map.of("parameter", messages.message("economics.parameter." + t.parameter().key()),
                "atLow", t.gainAtLow().doubleValue(), "atHigh", t.gainAtHigh().doubleValue())).toList());
        out.put("labels", Map.of("gain", messages.message("economics.chart.gainAxis"), "rate", messages.message("economics.chart.rateAxis"),
                "breakEven", messages.message("economics.breakEven"), "draws", messages.message("economics.chart.draws"),
                "low", messages.message("economics.chart.atLow"), "high", messages.message("economics.chart.atHigh"),
                "measured", messages.message("economics.chart.measured")));
        return out;
    }
}
