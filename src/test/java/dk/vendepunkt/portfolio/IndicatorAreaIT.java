package dk.vendepunkt.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.crimestats.CrimeTestData;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Indicator values per area (a district or bydel; none = the whole city): the import's optional column, the
 * form and the API, the page's table per area; the city's series (goals, trends, charts) keeps only the
 * whole city's values.
 */
@IntegrationTest
class IndicatorAreaIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired IndicatorFeed feed;

    Api analyst() {
        var u = staff.user(Role.ANALYST);
        return Api.at(port).as(u.username(), u.password());
    }

    static Api.Response csv(Api api, String body) {
        return api.postFile("/api/v1/imports/indicator-values", "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode view(Api api, long id) {
        return api.get("/api/v1/portfolio/indicators/" + id).json();
    }

    @Test
    void valuesPerAreaAreStoredApartFromTheCitysSeries() {
        Api api = analyst();
        String p = "IA" + System.nanoTime() % 1_000_000;
        assertThat(CrimeTestData.importTwoDistricts(api, p, CrimeTestData.uniqueNorthKm()).status()).isEqualTo(200);
        String ref = "test_area_" + p.toLowerCase();
        var created = api.post("/api/v1/portfolio/indicators", Map.of("ref", ref, "name", "Ungdomsledighed " + p, "unit", "procent",
                "department", "BIF", "direction", "DOWN"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("indicator").get("id").asLong();

        // a file without the area column stays valid (the whole city)
        assertThat(csv(api, "indicator_ref,period_start,period_end,value,source,note\n" + ref + ",2010-01-01,2010-12-31,7.5,,\n").status())
                .isEqualTo(200);
        // the same period for the bydel and a district, and the city again (replaced, not added)
        var imp = csv(api, "indicator_ref,period_start,period_end,value,source,note,area\n"
                + ref + ",2010-01-01,2010-12-31,7.0,,,\n"
                + ref + ",2010-01-01,2010-12-31,9.25,Jobcenter,," + p + "-B\n"
                + ref + ",2010-01-01,2010-12-31,11,,," + p + "-D1\n");
        assertThat(imp.status()).as(imp.toString()).isEqualTo(200);
        JsonNode v = view(api, id);
        assertThat(v.get("values").size()).isEqualTo(1);
        assertThat(v.get("values").get(0).get("value").decimalValue()).isEqualByComparingTo("7.0");
        Map<String, BigDecimal> byArea = new HashMap<>();
        for (JsonNode a : v.get("areaValues")) byArea.put(a.get("area").asString(), a.get("value").decimalValue());
        assertThat(byArea).containsOnlyKeys(p + "-B", p + "-D1");
        assertThat(byArea.get(p + "-B")).isEqualByComparingTo("9.25");

        // all-or-nothing, with a Danish message for an unknown area and for a repeat of indicator, period and area
        var bad = csv(api, "indicator_ref,period_start,period_end,value,source,note,area\n"
                + ref + ",2011-01-01,2011-12-31,1,,," + p + "-D2\n"
                + ref + ",2011-01-01,2011-12-31,2,,,NOWHERE\n"
                + ref + ",2011-01-01,2011-12-31,3,,," + p + "-D2\n");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.json().get("errors").toString()).contains("Ukendt område").contains("Samme indikator, periode og område");
        assertThat(view(api, id).get("areaValues").size()).isEqualTo(2);

        // the API and the form take an area; an unknown one is refused
        var put = api.post("/api/v1/portfolio/indicators/" + id + "/values", Map.of("periodStart", "2011-01-01", "periodEnd", "2011-12-31",
                "value", 8, "area", p + "-D2"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(api.post("/api/v1/portfolio/indicators/" + id + "/values", Map.of("periodStart", "2011-01-01", "periodEnd", "2011-12-31",
                "value", 8, "area", "NOWHERE")).status()).isEqualTo(400);
        WebSession web = WebSession.signIn(port, staff.user(Role.ANALYST));
        var form = web.post("/portfolio/indicators/" + id, "/portfolio/indicators/" + id + "/values",
                Map.of("periodStart", "2012-01-01", "periodEnd", "2012-12-31", "value", "6,5", "source", "", "valueNote", "", "area", p + "-B"));
        assertThat(form.statusCode()).isIn(302, 303);
        assertThat(view(api, id).get("areaValues").size()).isEqualTo(4);
        assertThat(view(api, id).get("values").size()).isEqualTo(1);

        // the feed records per area too
        feed.record(ref, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31), p + "-D1", BigDecimal.TEN, "test");
        assertThat(view(api, id).get("areaValues").size()).isEqualTo(5);

        // the page lists the values per area by the area's name, and the form offers the areas
        String page = web.get("/portfolio/indicators/" + id).body();
        assertThat(page).contains("id=\"area-values\"").contains("<th scope=\"row\">" + p + "-B</th>").contains("9,25").contains("Hele byen");
        var analyst = staff.user(Role.ANALYST);
        try (dk.vendepunkt.support.Browser b = new dk.vendepunkt.support.Browser(port)) { // axe-core checks the page with both tables
            b.login(analyst.username(), analyst.password());
            b.open("/portfolio/indicators/" + id);
            assertThat(b.text()).contains("Værdier pr. område");
        }
    }
}
