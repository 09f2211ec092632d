package dk.vendepunkt.areas.web;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.areas.AreaLevel;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /areas}: the map of bydele and districts with a table of the hierarchy and populations; GeoJSON for maps. */
@Controller
@Tag(name = "Areas", description = "The city's bydele and districts")
@PreAuthorize("isAuthenticated()")
class AreasPageController {

    private final AreaDirectory areas;
    private final String tileUrl;
    private final String tileAttribution;
    private final Clock clock;

    AreasPageController(AreaDirectory areas, @Value("${vendepunkt.map.tile-url:}") String tileUrl,
                        @Value("${vendepunkt.map.tile-attribution:}") String tileAttribution, Clock clock) {
        this.clock = clock;
        this.areas = areas;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    /** A row of the page's table. */
    record Row(Area area, boolean bydel, Long population) {}

    @GetMapping("/areas")
    String page(Model model) {
        int year = LocalDate.now(clock).getYear();
        List<Row> rows = new ArrayList<>();
        for (Area b : areas.bydele()) {
            rows.add(new Row(b, true, pop(b.code(), year)));
            for (Area d : areas.districtsOf(b.code())) rows.add(new Row(d, false, pop(d.code(), year)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("year", year);
        model.addAttribute("bydele", areas.bydele().size());
        model.addAttribute("districts", areas.districts().size());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "areas/map";
    }

    private Long pop(String code, int year) {
        var p = areas.population(code, year);
        return p.isPresent() ? p.getAsLong() : null;
    }

    static AreaLevel level(String text) {
        AreaLevel level = Enums.parseIgnoringCase(AreaLevel.class, text);
        if (level == null) throw new NotFoundException("areas.level.unknown", text);
        return level;
    }

    @GetMapping({"/areas/{level}.geojson"})
    ResponseEntity<String> geoJson(@PathVariable String level) {
        return ResponseEntity.ok().header("Content-Type", "application/geo+json").body(areas.geoJson(level(level)));
    }

    @GetMapping("/api/v1/areas")
    @Operation(summary = "The bydele or districts (level=BYDEL|DISTRICT) as a GeoJSON FeatureCollection in WGS84")
    ResponseEntity<String> api(@RequestParam(defaultValue = "DISTRICT") String level) {
        return geoJson(level);
    }
}
