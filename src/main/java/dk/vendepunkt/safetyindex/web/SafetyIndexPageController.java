package dk.vendepunkt.safetyindex.web;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.PublishedReportsPage;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportPublisher;
import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.safetyindex.internal.Category;
import dk.vendepunkt.safetyindex.internal.HalfYear;
import dk.vendepunkt.safetyindex.internal.SafetyIndexReports;
import dk.vendepunkt.safetyindex.internal.SafetyIndexService;
import dk.vendepunkt.safetyindex.internal.SspInput;
import dk.vendepunkt.safetyindex.internal.SspStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Tryghedsindeks page (index per district, map, goals), its yearly report, and the half-yearly
 * "urolige områder" report with the analyst's SSP input form. ANALYST and PROGRAMME_MANAGER see live
 * figures; READER sees only the published editions of these reports.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class SafetyIndexPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What committee members see instead of the working page. */
    private static final PublishedReportsPage.Texts PUBLISHED =
            new PublishedReportsPage.Texts("safety.title", "safety.published.intro", "safety.published.none", "safety.published.caption");

    private final PublishedReportsPage publishedPage;
    private final SafetyIndexService service;
    private final SafetyIndexReports reports;
    private final SspStore ssp;
    private final SspInput input;
    private final ReportRenderer renderer;
    private final ReportPublisher publisher;
    private final DisclosurePolicy disclosure;
    private final FormErrors messages;
    private final Clock clock;

    SafetyIndexPageController(SafetyIndexService service, SafetyIndexReports reports, SspStore ssp, SspInput input, ReportRenderer renderer,
                              ReportPublisher publisher, DisclosurePolicy disclosure, FormErrors messages, PublishedReportsPage publishedPage, Clock clock) {
        this.clock = clock;
        this.publishedPage = publishedPage;
        this.service = service;
        this.reports = reports;
        this.ssp = ssp;
        this.input = input;
        this.renderer = renderer;
        this.publisher = publisher;
        this.disclosure = disclosure;
        this.messages = messages;
    }

    static boolean staff(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST") || a.getAuthority().equals("ROLE_PROGRAMME_MANAGER"));
    }

    static boolean analyst(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST"));
    }

    // ------------------------------------------------------------------ the index page

    @GetMapping("/safety-index")
    @PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER','READER')")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer baseline, Model model, Authentication auth) {
        if (!staff(auth)) {
            return publishedPage.render(model, PUBLISHED, SafetyIndexReports.INDEX_KEY, SafetyIndexReports.UNREST_KEY);
        }
        List<Integer> years = service.years();
        model.addAttribute("years", years);
        if (years.isEmpty()) return "safetyindex/index";
        int y = year != null && years.contains(year) ? year : years.getFirst();
        Integer configured = service.properties().effectGoal3().baselineYear();
        int base = baseline != null && years.contains(baseline) ? baseline
                : configured != null && years.contains(configured) ? configured : years.getLast();
        var index = service.index(y);
        model.addAttribute("year", y);
        model.addAttribute("baseline", base);
        model.addAttribute("index", index);
        model.addAttribute("props", service.properties());
        model.addAttribute("categories", Category.values());
        Map<Category, Long> counts = new LinkedHashMap<>();
        for (Category c : Category.values()) counts.put(c, index.count(c));
        model.addAttribute("counts", counts);
        if (base < y) {
            model.addAttribute("goal3", service.effectGoal3(base, y));
            model.addAttribute("halving", service.halving(base, y));
        }
        return "safetyindex/index";
    }

    /** The districts' GeoJSON and each district's index and category, for the choropleth map. */
    @GetMapping(value = "/safety-index/map-data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String mapData(@RequestParam int year) {
        SafetyIndexApiController.checkYear("year", year);
        Map<String, Object> districts = new LinkedHashMap<>();
        for (var d : service.index(year).districts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("index", d.index());
            m.put("category", d.category().name());
            m.put("label", messages.message(d.category().messageCode()));
            districts.put(d.area(), m);
        }
        return "{\"geojson\":" + service.districtsGeoJson() + ",\"districts\":" + JSON.writeValueAsString(districts) + "}";
    }

    @GetMapping("/safety-index/report/{format}")
    ResponseEntity<byte[]> indexReport(@PathVariable String format, @RequestParam int year, @RequestParam(required = false) Integer baseline) {
        SafetyIndexApiController.checkYear("year", year);
        ReportFormat f = ReportFormat.parse(format);
        return renderer.response(() -> reports.indexReport(year, baseline), f, "tryghedsindeks-" + year, Disclosure.PUBLIC, baseline);
    }

    @PostMapping("/safety-index/report/publish")
    String publishIndex(@RequestParam int year, @RequestParam(required = false) Integer baseline) {
        SafetyIndexApiController.checkYear("year", year);
        long id = publisher.publish(SafetyIndexReports.INDEX_KEY, reports.indexReport(year, baseline));
        return "redirect:/reports/" + id;
    }

    // ------------------------------------------------------------------ urolige områder

    static HalfYear halfYear(Integer year, Integer half, Clock clock) {
        HalfYear def = HalfYear.containing(LocalDate.now(clock)).previous();
        int y = year == null ? def.year() : year;
        int h = half == null ? def.half() : half;
        if (y < 1990 || y > 2100) throw ValidationException.of("year", "safety.year.invalid");
        if (h != 1 && h != 2) throw ValidationException.of("half", "safety.half.invalid");
        return new HalfYear(y, h);
    }

    @GetMapping("/safety-index/unrest")
    String unrest(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer half, Model model, Authentication auth) {
        HalfYear h = halfYear(year, half, clock);
        model.addAttribute("h", h);
        model.addAttribute("body", renderer.htmlBody(reports.unrestReport(h, Disclosure.INTERNAL)));
        model.addAttribute("canEdit", analyst(auth));
        model.addAttribute("threshold", disclosure.threshold());
        return "safetyindex/unrest";
    }

    @GetMapping("/safety-index/unrest/report/{format}")
    ResponseEntity<byte[]> unrestReport(@PathVariable String format, @RequestParam int year, @RequestParam int half,
                                        @RequestParam(required = false) String disclosure) {
        HalfYear h = halfYear(year, half, clock);
        ReportFormat f = ReportFormat.parse(format);
        Disclosure d = this.disclosure.resolve(disclosure);
        return renderer.response(() -> reports.unrestReport(h, d), f, "urolige-omraader-" + h.year() + "-" + h.half() + (d == Disclosure.PUBLIC ? "" : "-intern"), d);
    }

    @PostMapping("/safety-index/unrest/publish")
    String publishUnrest(@RequestParam int year, @RequestParam int half) {
        HalfYear h = halfYear(year, half, clock);
        long id = publisher.publish(SafetyIndexReports.UNREST_KEY, reports.unrestReport(h, Disclosure.PUBLIC));
        return "redirect:/reports/" + id;
    }

    /** One bydel's row of the input form. */
    record SspRow(Area bydel, String cases, String assessment, int version) {
        public String casesId() {
            return "cases-" + bydel.code();
        }

        public String assessmentId() {
            return "assessment-" + bydel.code();
        }
    }

    @GetMapping("/safety-index/unrest/input")
    @PreAuthorize("hasRole('ANALYST')")
    String inputForm(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer half, Model model) {
        HalfYear h = halfYear(year, half, clock);
        Map<String, SspStore.Entry> stored = ssp.entries(h);
        List<SspRow> rows = new ArrayList<>();
        for (Area b : service.bydele()) {
            SspStore.Entry e = stored.getOrDefault(b.code(), SspStore.Entry.empty(b.code()));
            rows.add(new SspRow(b, e.singleCases() == null ? "" : e.singleCases().toString(), e.assessment() == null ? "" : e.assessment(), e.version()));
        }
        return inputView(h, rows, null, model);
    }

    private String inputView(HalfYear h, List<SspRow> rows, Map<String, String> errors, Model model) {
        model.addAttribute("h", h);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "safetyindex/ssp-form";
    }

    @PostMapping("/safety-index/unrest/input")
    @PreAuthorize("hasRole('ANALYST')")
    String saveInput(@RequestParam int year, @RequestParam int half, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        HalfYear h = halfYear(year, half, clock);
        List<SspInput.Change> changes = new ArrayList<>();
        List<SspRow> rows = new ArrayList<>();
        for (Area b : service.bydele()) {
            String cases = form.getOrDefault("cases-" + b.code(), "");
            String text = form.getOrDefault("assessment-" + b.code(), "");
            int version;
            try {
                version = Integer.parseInt(form.getOrDefault("version-" + b.code(), "-1"));
            } catch (NumberFormatException e) {
                version = -1;
            }
            changes.add(new SspInput.Change(b.code(), cases, text, version));
            rows.add(new SspRow(b, cases, text, version));
        }
        try {
            input.save(h, changes);
        } catch (ValidationException e) {
            return inputView(h, rows, messages.of(e), model);
        } catch (ConflictException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("ssp-form", messages.message("safety.ssp.stale"));
            return inputView(h, rows, errors, model);
        }
        flash.addFlashAttribute("flash", messages.message("safety.ssp.saved", h.label()));
        return "redirect:/safety-index/unrest?year=" + h.year() + "&half=" + h.half();
    }
}
