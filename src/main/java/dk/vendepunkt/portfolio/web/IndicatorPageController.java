package dk.vendepunkt.portfolio.web;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.FormInput;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.portfolio.internal.Departments;
import dk.vendepunkt.portfolio.internal.Direction;
import dk.vendepunkt.portfolio.internal.IndicatorService;
import dk.vendepunkt.portfolio.internal.InitiativeService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Indicator pages: definitions, data series with manual entry, trend and chart. */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class IndicatorPageController {

    private final IndicatorService indicators;
    private final InitiativeService initiatives;
    private final FormErrors formErrors;

    private final dk.vendepunkt.areas.AreaDirectory areas;

    IndicatorPageController(IndicatorService indicators, InitiativeService initiatives, FormErrors formErrors, dk.vendepunkt.areas.AreaDirectory areas) {
        this.areas = areas;
        this.indicators = indicators;
        this.initiatives = initiatives;
        this.formErrors = formErrors;
    }

    private void common(Model model) {
        model.addAttribute("departments", Departments.CODES);
        model.addAttribute("focusAreas", initiatives.focusAreas());
    }

    @GetMapping("/portfolio/indicators")
    String list(Model model) {
        common(model);
        model.addAttribute("views", indicators.views());
        return "portfolio/indicators";
    }

    static IndicatorService.IndicatorChange change(FormInput in) {
        return new IndicatorService.IndicatorChange(in.text("ref"), in.text("name"), in.text("unit"), in.text("department"),
                in.enumValue("direction", Direction.class), in.integer("focusArea"), in.text("definition"), in.bool("personalData"),
                in.integer("version"));
    }

    @PostMapping("/portfolio/indicators")
    @PreAuthorize(InitiativeService.ANALYST)
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            var c = change(in);
            in.throwIfProblems();
            long id = indicators.createIndicator(c);
            redirect.addFlashAttribute("flash", formErrors.message("pf.indicator.created"));
            return "redirect:/portfolio/indicators/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", PortfolioPageController.errors(e, formErrors, response));
            model.addAttribute("form", form);
            return list(model);
        }
    }

    @GetMapping("/portfolio/indicators/{id}")
    String page(@PathVariable long id, Model model) {
        common(model);
        var view = indicators.view(id);
        model.addAttribute("view", view);
        model.addAttribute("ind", view.indicator());
        // the areas a value may belong to: bydele, then districts (the whole city when none is chosen)
        List<dk.vendepunkt.areas.Area> areaOptions = new java.util.ArrayList<>(areas.bydele());
        areaOptions.addAll(areas.districts());
        model.addAttribute("areaOptions", areaOptions);
        Map<String, String> areaNames = new java.util.HashMap<>();
        areaOptions.forEach(a -> areaNames.put(a.code(), a.name()));
        model.addAttribute("areaNames", areaNames);
        List<String> labels = view.values().stream().map(v -> dk.vendepunkt.reporting.Report.shortDate(v.periodEnd())).toList();
        List<Object> data = view.values().stream().map(v -> (Object) v.value()).toList();
        model.addAttribute("chart", PortfolioPageController.chart("line", labels, List.of(Map.of("label", view.indicator().name() + " (" + view.indicator().unit() + ")", "data", data))));
        return "portfolio/indicator";
    }

    @PostMapping("/portfolio/indicators/{id}")
    @PreAuthorize(InitiativeService.ANALYST)
    String update(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            var c = change(in);
            in.throwIfProblems();
            indicators.updateIndicator(id, c);
            redirect.addFlashAttribute("flash", formErrors.message("pf.indicator.saved"));
            return "redirect:/portfolio/indicators/" + id;
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("errors", PortfolioPageController.errors(e, formErrors, response));
            model.addAttribute("form", form);
            return page(id, model);
        }
    }

    @PostMapping("/portfolio/indicators/{id}/values")
    @PreAuthorize(InitiativeService.ANALYST)
    String value(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            var v = new IndicatorService.NewValue(in.date("periodStart"), in.date("periodEnd"), in.decimal("value", "portfolio.error.number"),
                    in.text("source"), in.text("valueNote"), in.text("area"));
            in.throwIfProblems();
            indicators.putValue(id, v);
            redirect.addFlashAttribute("flash", formErrors.message("pf.value.added"));
            return "redirect:/portfolio/indicators/" + id;
        } catch (ValidationException e) {
            model.addAttribute("valueErrors", PortfolioPageController.errors(e, formErrors, response));
            model.addAttribute("valueForm", form);
            return page(id, model);
        }
    }

    @PostMapping("/portfolio/indicators/{id}/values/{valueId}/delete")
    @PreAuthorize(InitiativeService.ANALYST)
    String deleteValue(@PathVariable long id, @PathVariable long valueId) {
        indicators.deleteValue(id, valueId);
        return "redirect:/portfolio/indicators/" + id;
    }
}
