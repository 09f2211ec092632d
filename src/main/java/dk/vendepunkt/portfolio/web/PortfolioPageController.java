package dk.vendepunkt.portfolio.web;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.FormInput;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.portfolio.internal.BudgetType;
import dk.vendepunkt.portfolio.internal.Departments;
import dk.vendepunkt.portfolio.internal.Direction;
import dk.vendepunkt.portfolio.internal.EvaluationService;
import dk.vendepunkt.portfolio.internal.Funding;
import dk.vendepunkt.portfolio.internal.GoalStatus;
import dk.vendepunkt.portfolio.internal.IndicatorService;
import dk.vendepunkt.portfolio.internal.InitiativeService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Sikker By pages: programme overview, initiatives (list, page, form, budget lines, success
 * criteria), the budget table over years and the effect goals. ANALYST edits, PROGRAMME_MANAGER reads;
 * READER is pointed to the published reports.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class PortfolioPageController {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final InitiativeService initiatives;
    private final IndicatorService indicators;
    private final EvaluationService evaluations;
    private final FormErrors formErrors;

    private final java.time.Clock clock;
    private final dk.vendepunkt.reporting.ReportRenderer renderer;
    private final org.springframework.context.MessageSource messages;

    PortfolioPageController(InitiativeService initiatives, IndicatorService indicators, EvaluationService evaluations, FormErrors formErrors,
                            java.time.Clock clock, dk.vendepunkt.reporting.ReportRenderer renderer, org.springframework.context.MessageSource messages) {
        this.clock = clock;
        this.renderer = renderer;
        this.messages = messages;
        this.initiatives = initiatives;
        this.indicators = indicators;
        this.evaluations = evaluations;
        this.formErrors = formErrors;
    }

    static boolean staff(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST") || a.getAuthority().equals("ROLE_PROGRAMME_MANAGER"));
    }

    /** Adds the form's errors and answers 409 for a stale version. */
    static Map<String, String> errors(RuntimeException e, FormErrors formErrors, HttpServletResponse response) {
        if (e instanceof ValidationException v) {
            response.setStatus(422);
            return formErrors.of(v);
        }
        response.setStatus(409);
        return formErrors.of((ConflictException) e);
    }

    /** The year shown by default: the latest year with budget lines up to this year, else the latest. */
    int defaultYear() {
        List<Integer> years = initiatives.years();
        int now = indicators.today().getYear();
        return years.stream().filter(y -> y <= now).reduce((a, b) -> b).orElse(years.isEmpty() ? now : years.getLast());
    }

    /**
     * The year the overview opens on: the year whose portfolio has the most initiatives with budget lines, up to this
     * year (ties: the later) — in the demo Sikker By 2010 with Bilag 3's 85 initiatives, not the thin last year.
     * Without budget lines: this year.
     */
    static int portfolioYear(Map<Integer, Long> initiativesPerYear, int now) {
        return initiativesPerYear.entrySet().stream().filter(e -> e.getKey() <= now)
                .max(java.util.Map.Entry.<Integer, Long>comparingByValue().thenComparing(java.util.Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(initiativesPerYear.isEmpty() ? now : java.util.Collections.max(initiativesPerYear.keySet()));
    }

    private void common(Model model) {
        model.addAttribute("departments", Departments.CODES);
        model.addAttribute("focusAreas", initiatives.focusAreas());
        model.addAttribute("fundings", Funding.values());
        model.addAttribute("years", initiatives.years());
    }

    // ------------------------------------------------------------------ overview

    @GetMapping("/portfolio")
    @PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER','READER')")
    String overview(@RequestParam(required = false) Integer year, Model model, Authentication auth) {
        if (!staff(auth)) return "portfolio/reader";
        int y = year == null ? portfolioYear(initiatives.initiativesPerYear(), java.time.LocalDate.now(clock).getYear()) : year;
        common(model);
        model.addAttribute("year", y);
        model.addAttribute("programme", initiatives.programme());
        model.addAttribute("goals", indicators.goalViews(indicators.today(), false));
        model.addAttribute("summary", initiatives.summary(y));
        List<InitiativeService.FundingLine> funding = initiatives.fundingPicture(y);
        model.addAttribute("funding", funding);
        model.addAttribute("fundingTotal", funding.stream().map(InitiativeService.FundingLine::amountDkk).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        model.addAttribute("fundingTotalCount", funding.stream().mapToInt(InitiativeService.FundingLine::initiatives).sum());
        model.addAttribute("fundingChart", fundingChart(funding));
        model.addAttribute("waiting", evaluations.submitted().size());
        return "portfolio/overview";
    }

    /** The same colour for a funding status on every chart: funded green, extension wanted blue, unfunded red, unclear grey. */
    static final Map<String, String> FUNDING_COLOURS = Map.of("FUNDED", "#2e7d32", "EXTENSION_WANTED", "#1f5f8b", "UNFUNDED", "#b3261e",
            "UNCLEAR", "#6d6d6d", "NONE", "#a0a0a0");

    private String fundingChart(List<InitiativeService.FundingLine> funding) {
        List<String> labels = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (var f : funding) {
            labels.add(formErrors.message(f.funding() == null ? "pf.funding.none" : "pf.funding." + f.funding().name()));
            values.add(f.amountDkk());
            colours.add(FUNDING_COLOURS.get(f.funding() == null ? "NONE" : f.funding().name()));
        }
        return chart("bar", labels, List.of(Map.of("label", formErrors.message("pf.summary.amount"), "data", values, "colours", colours)));
    }

    /** JSON for {@code static/js/portfolio-charts.js} (a canvas's data-chart attribute). */
    static String chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("labels", labels);
        c.put("datasets", datasets);
        return JSON.writeValueAsString(c);
    }

    @PostMapping("/portfolio/vision")
    String vision(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, Authentication auth, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            Integer version = in.integer("version");
            in.throwIfProblems();
            initiatives.updateVision(in.text("vision"), version == null ? -1 : version);
            redirect.addFlashAttribute("flash", formErrors.message("pf.vision.saved"));
            return "redirect:/portfolio";
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("visionErrors", errors(e, formErrors, response));
            return overview(null, model, auth);
        }
    }

    @PostMapping("/portfolio/focus-areas/{number}")
    @PreAuthorize(InitiativeService.ANALYST)
    String focusArea(@PathVariable int number, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                     Authentication auth, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            Integer version = in.integer("version");
            in.throwIfProblems();
            initiatives.updateFocusArea(number, in.text("name"), in.text("description"), version == null ? -1 : version);
            redirect.addFlashAttribute("flash", formErrors.message("pf.focusArea.saved"));
            return "redirect:/portfolio#areas-h";
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("areaErrors", errors(e, formErrors, response));
            model.addAttribute("areaNumber", number);
            return overview(null, model, auth);
        }
    }

    // ------------------------------------------------------------------ effect goals

    @GetMapping("/portfolio/goals/{number}")
    String goal(@PathVariable int number, Model model) {
        model.addAttribute("goal", indicators.goal(number));
        model.addAttribute("indicators", indicators.indicators());
        model.addAttribute("departments", Departments.CODES);
        return "portfolio/goal";
    }

    @PostMapping("/portfolio/goals/{number}")
    String saveGoal(@PathVariable int number, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            var c = new IndicatorService.GoalChange(in.text("text"), in.text("department"), in.text("targetText"),
                    in.decimal("targetValue", "portfolio.error.number"), in.enumValue("targetKind", GoalStatus.TargetKind.class),
                    in.enumValue("direction", Direction.class), in.date("deadline"), in.id("indicatorId"), in.text("effectMeasure"),
                    in.integer("version"));
            in.throwIfProblems();
            indicators.saveGoal(number, c, false);
            redirect.addFlashAttribute("flash", formErrors.message("pf.goal.saved"));
            return "redirect:/portfolio";
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("errors", errors(e, formErrors, response));
            model.addAttribute("form", form);
            return goal(number, model);
        }
    }

    // ------------------------------------------------------------------ initiatives

    @GetMapping("/portfolio/initiatives")
    String list(@RequestParam(required = false) String department, @RequestParam(required = false) Integer focusArea,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) Funding funding,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "0") int page, Model model) {
        common(model);
        var filter = new InitiativeService.Filter(blank(department), focusArea, year, funding, q, sort);
        model.addAttribute("filter", filter);
        model.addAttribute("result", initiatives.list(filter, Math.max(0, page), 25));
        model.addAttribute("pagerBase", UriComponentsBuilder.fromPath("/portfolio/initiatives")
                .queryParamIfPresent("department", java.util.Optional.ofNullable(blank(department)))
                .queryParamIfPresent("focusArea", java.util.Optional.ofNullable(focusArea))
                .queryParamIfPresent("year", java.util.Optional.ofNullable(year))
                .queryParamIfPresent("funding", java.util.Optional.ofNullable(funding))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(blank(q)))
                .queryParamIfPresent("sort", java.util.Optional.ofNullable(blank(sort)))
                .encode().toUriString());
        return "portfolio/initiatives";
    }

    /** The initiatives the list's filter keeps, all of them, as Excel or CSV (Danish spreadsheet dialect). */
    @GetMapping("/portfolio/initiatives/export.{format}")
    org.springframework.http.ResponseEntity<byte[]> export(@org.springframework.web.bind.annotation.PathVariable String format,
                @RequestParam(required = false) String department, @RequestParam(required = false) Integer focusArea,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) Funding funding,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort) {
        var filter = new InitiativeService.Filter(blank(department), focusArea, year, funding, q, sort);
        var items = initiatives.list(filter, 0, 100_000).items();
        var l = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.util.function.Function<String, String> t = k -> messages.getMessage(k, null, k, l);
        List<String> header = List.of(t.apply("pf.initiative.name"), t.apply("pf.initiative.department"), t.apply("pf.focusArea"),
                t.apply("pf.initiative.funding"), t.apply("pf.summary.amount"));
        List<List<Object>> rows = new ArrayList<>();
        for (var it : items) {
            var i = it.initiative();
            rows.add(java.util.Arrays.asList(i.name(), i.departmentLabel(), i.focusArea(),
                    t.apply(i.funding() == null ? "pf.funding.none" : "pf.funding." + i.funding().name()), it.amountDkk()));
        }
        String file = "indsatser" + (year == null ? "" : "-" + year);
        if ("csv".equalsIgnoreCase(format)) {
            var csv = new dk.vendepunkt.platform.CsvExport(header);
            for (List<Object> r : rows) {
                List<Object> shown = new ArrayList<>(r);
                shown.set(4, r.get(4) == null ? null : ((java.math.BigDecimal) r.get(4)).toPlainString().replace('.', ','));
                csv.row(shown);
            }
            return download(csv.bytes(), "text/csv;charset=UTF-8", file + ".csv");
        }
        dk.vendepunkt.reporting.ReportFormat.parse(format, dk.vendepunkt.reporting.ReportFormat.XLSX);
        var table = dk.vendepunkt.reporting.ReportSection.Table.builder(t.apply("pf.initiatives") + (year == null ? "" : " " + year),
                dk.vendepunkt.reporting.ReportSection.Column.text(header.get(0)), dk.vendepunkt.reporting.ReportSection.Column.text(header.get(1)),
                dk.vendepunkt.reporting.ReportSection.Column.integer(header.get(2)), dk.vendepunkt.reporting.ReportSection.Column.text(header.get(3)),
                dk.vendepunkt.reporting.ReportSection.Column.money(header.get(4)));
        for (List<Object> r : rows) table.row(r.toArray());
        var report = dk.vendepunkt.reporting.Report.builder(t.apply("pf.initiatives")).add(table.build()).build();
        return download(renderer.xlsx(report), dk.vendepunkt.reporting.ReportFormat.XLSX.contentType(), file + ".xlsx");
    }

    static org.springframework.http.ResponseEntity<byte[]> download(byte[] body, String contentType, String fileName) {
        return org.springframework.http.ResponseEntity.ok().header(org.springframework.http.HttpHeaders.CONTENT_TYPE, contentType)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    @GetMapping("/portfolio/initiatives/new")
    @PreAuthorize(InitiativeService.ANALYST)
    String newInitiative(Model model) {
        common(model);
        return "portfolio/initiative-new";
    }

    static InitiativeService.InitiativeChange initiativeChange(FormInput in) {
        return new InitiativeService.InitiativeChange(in.text("ref"), in.text("name"), in.text("department"), in.integer("focusArea"),
                in.enumValue("funding", Funding.class), in.bool("age10to15"), in.bool("age15to18"), in.bool("age18to25"),
                in.integer("citizens"), in.text("geography"), in.decimal("ftes", "portfolio.error.number"), in.text("methods"),
                in.text("description"), in.text("note"), in.integer("version"));
    }

    @PostMapping("/portfolio/initiatives")
    @PreAuthorize(InitiativeService.ANALYST)
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            var c = initiativeChange(in);
            in.throwIfProblems();
            long id = initiatives.create(c);
            redirect.addFlashAttribute("flash", formErrors.message("pf.initiative.created"));
            return "redirect:/portfolio/initiatives/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", errors(e, formErrors, response));
            model.addAttribute("form", form);
            return newInitiative(model);
        }
    }

    @GetMapping("/portfolio/initiatives/{id}")
    String initiative(@PathVariable long id, Model model) {
        common(model);
        var d = initiatives.details(id);
        model.addAttribute("d", d);
        model.addAttribute("i", d.initiative());
        model.addAttribute("budgetTotal", d.budget().stream().map(InitiativeService.BudgetLine::amountDkk).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        model.addAttribute("evaluations", evaluations.forInitiative(id));
        model.addAttribute("kinds", EvaluationService.Kind.values());
        return "portfolio/initiative";
    }

    @PostMapping("/portfolio/initiatives/{id}")
    @PreAuthorize(InitiativeService.ANALYST)
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            var c = initiativeChange(in);
            in.throwIfProblems();
            initiatives.update(id, c);
            redirect.addFlashAttribute("flash", formErrors.message("pf.initiative.saved"));
            return "redirect:/portfolio/initiatives/" + id;
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("errors", errors(e, formErrors, response));
            model.addAttribute("form", form);
            return initiative(id, model);
        }
    }

    @PostMapping("/portfolio/initiatives/{id}/delete")
    @PreAuthorize(InitiativeService.ANALYST)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        initiatives.delete(id);
        redirect.addFlashAttribute("flash", formErrors.message("pf.initiative.deleted"));
        return "redirect:/portfolio/initiatives";
    }

    @PostMapping("/portfolio/initiatives/{id}/budget-lines")
    @PreAuthorize(InitiativeService.ANALYST)
    String budgetLine(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            var b = new InitiativeService.NewBudgetLine(in.integer("year"), in.enumValue("budgetType", BudgetType.class),
                    in.amount("amountDkk", "portfolio.error.amount"), in.text("budgetNote"));
            in.throwIfProblems();
            initiatives.putBudgetLine(id, b);
            redirect.addFlashAttribute("flash", formErrors.message("pf.budget.added"));
            return "redirect:/portfolio/initiatives/" + id + "#budget";
        } catch (ValidationException e) {
            model.addAttribute("budgetErrors", errors(e, formErrors, response));
            model.addAttribute("budgetForm", form);
            return initiative(id, model);
        }
    }

    @PostMapping("/portfolio/initiatives/{id}/budget-lines/{lineId}/delete")
    @PreAuthorize(InitiativeService.ANALYST)
    String deleteBudgetLine(@PathVariable long id, @PathVariable long lineId) {
        initiatives.deleteBudgetLine(id, lineId);
        return "redirect:/portfolio/initiatives/" + id + "#budget";
    }

    @PostMapping("/portfolio/initiatives/{id}/success-criteria")
    @PreAuthorize(InitiativeService.ANALYST)
    String criterion(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            initiatives.addSuccessCriterion(id, new InitiativeService.NewSuccessCriterion(in.text("criterion"), in.text("target"), in.text("measurementSource")));
            redirect.addFlashAttribute("flash", formErrors.message("pf.criteria.added"));
            return "redirect:/portfolio/initiatives/" + id + "#criteria";
        } catch (ValidationException e) {
            model.addAttribute("criterionErrors", errors(e, formErrors, response));
            model.addAttribute("criterionForm", form);
            return initiative(id, model);
        }
    }

    @PostMapping("/portfolio/initiatives/{id}/success-criteria/{criterionId}/delete")
    @PreAuthorize(InitiativeService.ANALYST)
    String deleteCriterion(@PathVariable long id, @PathVariable long criterionId) {
        initiatives.deleteSuccessCriterion(id, criterionId);
        return "redirect:/portfolio/initiatives/" + id + "#criteria";
    }

    // ------------------------------------------------------------------ budget table

    @GetMapping("/portfolio/budget")
    String budget(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                  @RequestParam(required = false) String department, @RequestParam(required = false) BudgetType type, Model model) {
        common(model);
        List<Integer> years = initiatives.years();
        int f = from != null ? from : years.isEmpty() ? indicators.today().getYear() : years.getFirst();
        int t = to != null ? to : years.isEmpty() ? f : years.getLast();
        if (t < f) t = f;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("department", blank(department));
        model.addAttribute("type", type);
        model.addAttribute("table", initiatives.budgetTable(f, t, blank(department), type));
        return "portfolio/budget";
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
