package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.areas.Kvadratnet;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The analyst's quarter in headless Chromium: key figures with the map (districts, 1 km grid,
 * hotspots), publishing the public version, and the committee member who sees only the publication.
 * axe-core checks every page, also once the map has loaded.
 */
@IntegrationTest
class CrimeBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    static String point(long northKm, long eastKm) {
        Kvadratnet.LatLon p = Kvadratnet.toWgs84(eastKm * 1000 + 500, northKm * 1000 + 500);
        return String.format(Locale.ROOT, "%.7f,%.7f", p.lat(), p.lon());
    }

    static String rect(double e0, double n0, double e1, double n1) {
        StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        double[][] c = {{e0, n0}, {e1, n0}, {e1, n1}, {e0, n1}, {e0, n0}};
        for (int i = 0; i < c.length; i++) {
            Kvadratnet.LatLon p = Kvadratnet.toWgs84(c[i][0], c[i][1]);
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.9f,%.9f]", p.lon(), p.lat()));
        }
        return sb.append("]]}").toString();
    }

    @Test
    void analystReviewsAQuarterPublishesItAndTheCommitteeReadsIt() {
        var analyst = staff.user(Role.ANALYST);
        Api api = Api.at(port).as(analyst.username(), analyst.password());
        String p = "BR" + System.nanoTime();
        long n = 6_500 + ThreadLocalRandom.current().nextInt(300) * 10L;
        String areas = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + p + "-B\",\"name\":\"Testbydel\",\"level\":\"BYDEL\"},\"geometry\":"
                + rect(600000, n * 1000, 606000, n * 1000 + 3000) + "},"
                + "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + p + "-D1\",\"name\":\"Vestkvarteret\",\"level\":\"DISTRICT\",\"parent\":\"" + p + "-B\"},\"geometry\":"
                + rect(600000, n * 1000, 603000, n * 1000 + 3000) + "},"
                + "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + p + "-D2\",\"name\":\"Østkvarteret\",\"level\":\"DISTRICT\",\"parent\":\"" + p + "-B\"},\"geometry\":"
                + rect(603000, n * 1000, 606000, n * 1000 + 3000) + "}]}";
        assertThat(api.postFile("/api/v1/imports/areas", "application/geo+json", areas.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        int y = 2700 + ThreadLocalRandom.current().nextInt(200);
        StringBuilder r = new StringBuilder("report_ref,reported_at,offence_category,lat,lon\n");
        int seq = 0;
        // a cluster of violence in one cell, a spread of thefts, last year a little less
        for (int i = 0; i < 40; i++) r.append(p).append('-').append(seq++).append(',').append(y).append("-02-1").append(i % 9).append("T21:00,VIOLENCE,").append(point(n + 1, 601)).append('\n');
        for (int e = 600; e < 606; e++) {
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < 2; i++) r.append(p).append('-').append(seq++).append(',').append(y).append("-03-0").append(i + 1).append("T12:00,THEFT,").append(point(n + k, e)).append('\n');
            }
        }
        for (int i = 0; i < 25; i++) r.append(p).append('-').append(seq++).append(',').append(y - 1).append("-02-1").append(i % 9).append("T21:00,VIOLENCE,").append(point(n + 1, 601)).append('\n');
        r.append(p).append("-nocoord,").append(y).append("-01-05T10:00,BURGLARY,,\n");
        assertThat(api.postFile("/api/v1/imports/crime-reports", "text/csv", r.toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        String charges = "charge_ref,charged_on,age,offence_category\n" + p + "-c1," + y + "-02-02,14,THEFT\n" + p + "-c2," + y + "-02-03,16,VIOLENCE\n"
                + p + "-c3," + y + "-02-03,20,DRUGS\n";
        assertThat(api.postFile("/api/v1/imports/charges", "text/csv", charges.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);

        try (Browser b = new Browser(port)) {
            b.login(analyst.username(), analyst.password());
            b.open("/crime");
            assertThat(b.heading()).isEqualTo("Nøgletal for kriminalitet");
            b.open("/crime?from=" + y + "-01-01&to=" + y + "-03-31");
            String text = b.text();
            assertThat(text).contains("Anmeldelser fordelt på typer af kriminalitet").contains("Vestkvarteret (" + p + "-D1)")
                    .contains("1km_" + (n + 1) + "_601").contains("Hotspots (Getis–Ord Gi*)").contains("Under 15 år")
                    .contains("Uden for distrikterne eller uden koordinater");
            // violence: 40 this quarter against 25 last year = +60 %
            assertThat(text).containsPattern("Vold\\s+40\\s+25\\s+\\+60,0\\s*%");
            // the area table: the bydel heads its own row group with its districts under it, the city total in the foot
            WebElement bydel = b.driver().findElement(By.xpath("//table[caption='Anmeldelser fordelt på kommunens områder']"
                    + "//th[@scope='rowgroup'][normalize-space()='Testbydel (" + p + "-B)']"));
            WebElement group = bydel.findElement(By.xpath("ancestor::tbody"));
            assertThat(group.findElements(By.xpath(".//th[@scope='row']")).stream().map(WebElement::getText))
                    .containsExactly("Vestkvarteret (" + p + "-D1)", "Østkvarteret (" + p + "-D2)");
            assertThat(group.findElements(By.xpath(".//th[@scope='rowgroup']"))).hasSize(1);
            assertThat(bydel.findElement(By.xpath("ancestor::table/tfoot//th")).getText()).isEqualTo("I alt");
            // districts are indented under their bydel
            int bydelLeft = bydel.getRect().getX() + Integer.parseInt(bydel.getCssValue("padding-left").replace("px", "").split("\\.")[0]);
            WebElement district = group.findElement(By.xpath(".//th[@scope='row']"));
            int districtLeft = district.getRect().getX() + Integer.parseInt(district.getCssValue("padding-left").replace("px", "").split("\\.")[0]);
            assertThat(districtLeft).isGreaterThan(bydelLeft);
            // top 25 and hotspots: each cell with the bydel and district it lies in
            WebElement top = b.driver().findElement(By.xpath("//table[caption='Top 25: kvadratkilometre med flest anmeldelser']"));
            assertThat(top.findElement(By.xpath(".//thead")).getText()).contains("Bydel – distrikt");
            assertThat(top.findElement(By.xpath(".//tr[td='1km_" + (n + 1) + "_601']")).getText()).contains("Testbydel – Vestkvarteret");
            WebElement hot = b.driver().findElement(By.xpath("//table[caption='Hotspots (Getis–Ord Gi*)']"));
            assertThat(hot.findElement(By.xpath(".//tr[th='1km_" + (n + 1) + "_601']")).getText()).contains("Testbydel – Vestkvarteret");
            // the map: Leaflet draws the districts and offers the grid and hotspot layers
            new WebDriverWait(b.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#crime-map .leaflet-interactive")));
            assertThat(b.driver().findElement(By.id("crime-map")).getText()).contains("Hotspots (Gi*)").contains("1 km-kvadratnet");
            b.driver().findElement(By.xpath("//label[contains(., 'Hotspots (Gi*)')]//input")).click();
            // the map's data: counts as Danish text ("1 anmeldelse", "42 anmeldelser") and cells with their place
            String mapData = (String) ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('crime-map').getAttribute('data-src')).then(function (r) { return r.text(); }).then(done);");
            assertThat(mapData).contains("\"cell\":\"1km_" + (n + 1) + "_601\",\"count\":42,\"countText\":\"42 anmeldelser\"")
                    .contains("\"place\":\"Testbydel – Vestkvarteret\"");

            b.checkAccessibility();
            b.screenshot("crime-quarter");

            // publish the public version
            b.driver().findElement(By.xpath("//button[normalize-space()='Publicér til udvalget']")).click();
            b.driver().switchTo().alert().accept();
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> b.path().equals("/reports"));
            assertThat(b.text()).contains("Nøgletallene er publiceret.").contains("Nøgletal for kriminalitet");
            b.checkAccessibility();

            b.open("/areas");
            assertThat(b.text()).contains(p + "-D2").contains("Østkvarteret");
        }

        var reader = staff.user(Role.READER);
        try (Browser b = new Browser(port)) {
            b.login(reader.username(), reader.password());
            b.open("/crime");
            assertThat(b.text()).contains("Publicerede nøgletal for kriminalitet").contains(y + " sammenlignet med");
            b.driver().findElement(By.xpath("//a[contains(., 'Nøgletal for kriminalitet')]")).click();
            b.checkAccessibility();
            // the published version withholds counts under 5: the three charges are "–"
            assertThat(b.text()).contains("Sigtelser af 0–25-årige fordelt på aldersgrupper").contains("færre end 5");
        }
    }
}
