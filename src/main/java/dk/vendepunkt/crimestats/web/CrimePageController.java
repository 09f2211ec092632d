package dk.vendepunkt.crimestats.web;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.areas.AreaLevel;
import dk.vendepunkt.areas.Kvadratnet;
import dk.vendepunkt.crimestats.internal.EffectGoal1;
import dk.vendepunkt.crimestats.internal.EffectGoal1Service;
import dk.vendepunkt.crimestats.internal.Hotspots;
import dk.vendepunkt.crimestats.internal.KeyFiguresReport;
import dk.vendepunkt.crimestats.internal.OffenceCategory;
import dk.vendepunkt.crimestats.internal.RollupCrimeFigures;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.PublishedReportsPage;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportPublisher;
import dk.vendepunkt.reporting.ReportRenderer;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /crime}: the analyst's key figures for a period (default: the last complete quarter) with a
 * map of districts, a 1 km grid heat map and hotspots, the report in HTML/PDF/Excel and publishing.
 * READERs see the published editions only.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','READER')")
class CrimePageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What committee members see instead of the working page. */
    private static final PublishedReportsPage.Texts PUBLISHED =
            new PublishedReportsPage.Texts("crime.title", "crime.published.intro", "crime.published.none", "crime.published.caption");

    private final PublishedReportsPage publishedPage;
    private final RollupCrimeFigures figures;
    private final KeyFiguresReport reports;
    private final ReportRenderer renderer;
    private final ReportPublisher publisher;
    private final DisclosurePolicy disclosure;
    private final AreaDirectory areas;
    private final FormErrors messages;
    private final String tileUrl;
    private final String tileAttribution;
    private final Clock clock;
    private final EffectGoal1Service goal1;

    CrimePageController(RollupCrimeFigures figures, KeyFiguresReport reports, ReportRenderer renderer, ReportPublisher publisher,
                        DisclosurePolicy disclosure, AreaDirectory areas, FormErrors messages,
                        @Value("${vendepunkt.map.tile-url:}") String tileUrl,
                        @Value("${vendepunkt.map.tile-attribution:}") String tileAttribution, PublishedReportsPage publishedPage,
                        EffectGoal1Service goal1, Clock clock) {
        this.clock = clock;
        this.goal1 = goal1;
        this.publishedPage = publishedPage;
        this.figures = figures;
        this.reports = reports;
        this.renderer = renderer;
        this.publisher = publisher;
        this.disclosure = disclosure;
        this.areas = areas;
        this.messages = messages;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    static boolean analyst(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> "ROLE_ANALYST".equals(a.getAuthority()));
    }

    /** The last complete calendar quarter before today. */
    static LocalDate[] lastQuarter(LocalDate today) {
        LocalDate start = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        return new LocalDate[] {start.minusMonths(3), start.minusDays(1)};
    }

    /** A quick choice of period on the page. */
    record Choice(String label, LocalDate from, LocalDate to) {}

    static List<Choice> choices(LocalDate today, FormErrors messages) {
        List<Choice> out = new ArrayList<>();
        LocalDate q = lastQuarter(today)[0];
        for (int i = 0; i < 6; i++) {
            out.add(new Choice(messages.message("crime.choice.quarter", (q.getMonthValue() - 1) / 3 + 1, q.getYear()), q, q.plusMonths(3).minusDays(1)));
            q = q.minusMonths(3);
        }
        out.add(new Choice(messages.message("crime.choice.yearToDate", today.getYear()), today.withDayOfYear(1), today));
        return out;
    }

    @GetMapping("/crime")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) List<String> categories, Model model, Authentication auth) {
        if (!analyst(auth)) {
            return publishedPage.render(model, PUBLISHED, KeyFiguresReport.KEY);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate[] q = lastQuarter(today);
        LocalDate f = from == null ? q[0] : from;
        LocalDate t = to == null ? (from == null ? q[1] : f) : to;
        Set<OffenceCategory> cats = RollupCrimeFigures.parseCategories(categories, figures.citizenDirected());
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("choices", choices(today, messages));
        model.addAttribute("allCategories", OffenceCategory.values());
        model.addAttribute("categories", cats.stream().map(Enum::name).toList());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        try {
            model.addAttribute("body", renderer.htmlBody(reports.build(f, t, cats, Disclosure.INTERNAL)));
            goal1ForPage(t.getYear()).ifPresent(g -> model.addAttribute("goal1", g));
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.of(e));
        }
        return "crimestats/index";
    }

    /**
     * Effect goal 1 for up to five years to {@code lastYear}, from the first of them with a share (the
     * baseline the change is measured against); all five when none has one; none for years outside the
     * range the goal is computed for (the key figures are shown all the same).
     */
    private java.util.Optional<EffectGoal1> goal1ForPage(int lastYear) {
        if (lastYear - 4 < EffectGoal1Service.FIRST_YEAR || lastYear > EffectGoal1Service.LAST_YEAR) return java.util.Optional.empty();
        EffectGoal1 g = goal1.compute(lastYear - 4, lastYear);
        return java.util.Optional.of(g.years().stream().filter(y -> y.share() != null).findFirst()
                .filter(y -> y.year() > lastYear - 4).map(y -> goal1.compute(y.year(), lastYear)).orElse(g));
    }

    @GetMapping({"/crime/report.{format}", "/api/v1/crime/report.{format}"})
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "The key-figures report for [from, to] as html, pdf or xlsx; disclosure=public (default) or internal")
    ResponseEntity<byte[]> download(@PathVariable String format,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @RequestParam(required = false) List<String> categories,
                                    @RequestParam(required = false) String disclosure) {
        ReportFormat f = ReportFormat.parse(format);
        Disclosure d = this.disclosure.resolve(disclosure);
        Set<OffenceCategory> cats = RollupCrimeFigures.parseCategories(categories, figures.citizenDirected());
        return renderer.response(() -> reports.build(from, to, cats, d), f, "noegletal-kriminalitet-" + from + "-" + to + (d == Disclosure.INTERNAL ? "-intern" : ""), d, cats);
    }

    record Published(long id, String reportKey) {}

    @PostMapping("/api/v1/crime/report/publish")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "Publish the key-figures report of [from, to] (public version, frozen) for READERs at /reports")
    Published publishApi(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) List<String> categories) {
        return new Published(publish(from, to, categories), KeyFiguresReport.KEY);
    }

    @PostMapping("/crime/publish")
    @PreAuthorize("hasRole('ANALYST')")
    String publishPage(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) List<String> categories, RedirectAttributes redirect) {
        publish(from, to, categories);
        redirect.addFlashAttribute("flash", messages.message("crime.published"));
        return "redirect:/reports";
    }

    private long publish(LocalDate from, LocalDate to, List<String> categories) {
        return publisher.publish(KeyFiguresReport.KEY,
                reports.build(from, to, RollupCrimeFigures.parseCategories(categories, figures.citizenDirected()), Disclosure.PUBLIC));
    }

    /**
     * Map data for the page: districts with counts, and the 1 km cells with counts, Gi* bins and the place
     * ("Bydel – distrikt") of the cells in the city's grid; each count also as Danish text ("1 anmeldelse").
     */
    @GetMapping(path = "/crime/map-data", produces = "application/json")
    @ResponseBody
    @PreAuthorize("hasRole('ANALYST')")
    JsonNode mapData(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) List<String> categories) {
        Set<OffenceCategory> cats = RollupCrimeFigures.parseCategories(categories, figures.citizenDirected());
        Map<String, Long> byDistrict = figures.reportsByDistrict(from, to, Set.of());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode districts = (ObjectNode) JSON.readTree(areas.geoJson(AreaLevel.DISTRICT));
        for (JsonNode feature : districts.path("features")) {
            ObjectNode props = (ObjectNode) feature.path("properties");
            long count = byDistrict.getOrDefault(props.path("code").asString(), 0L);
            props.put("count", count).put("countText", messages.message("crime.reports.count", count));
        }
        out.set("districts", districts);
        out.set("bydele", JSON.readTree(areas.geoJson(AreaLevel.BYDEL)));
        Map<String, Long> all = figures.reportsByCell(from, to, Set.of());
        Map<String, Hotspots.Cell> hot = new HashMap<>();
        for (Hotspots.Cell c : figures.hotspots(from, to, cats).cells()) hot.put(c.cell(), c);
        Set<String> ids = new TreeSet<>(all.keySet());
        ids.addAll(hot.keySet());
        ObjectNode cells = out.putObject("cells").put("type", "FeatureCollection");
        var features = cells.putArray("features");
        Map<String, String> binLabels = new LinkedHashMap<>();
        for (int b = -3; b <= 3; b++) binLabels.put(Integer.toString(b), messages.message("crime.bin." + b));
        for (String id : ids) {
            ObjectNode f = features.addObject().put("type", "Feature");
            long count = all.getOrDefault(id, 0L);
            ObjectNode p = f.putObject("properties").put("cell", id).put("count", count)
                    .put("countText", messages.message("crime.reports.count", count));
            Hotspots.Cell h = hot.get(id);
            if (h != null && h.place() != null) p.put("place", h.place().label());
            p.put("bin", h == null ? 0 : h.bin());
            if (h != null && h.z() != null) p.put("z", Math.round(h.z() * 100) / 100.0);
            f.set("geometry", JSON.readTree(Kvadratnet.polygonGeoJson(id)));
        }
        out.set("binLabels", JSON.valueToTree(binLabels));
        return out;
    }
}
