package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad input is a 400 (415 for an import's content type) with a Danish message on every endpoint family,
 * stores nothing, and an error echoes at most a short excerpt of the value: pages with forms, search and
 * filter parameters, JSON API bodies, imports through the API and the upload page.
 */
@IntegrationTest
class BadInputIT {

    static final String NUL = "\u0000";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;

    long team;
    TestStaff.User caseworker;
    TestStaff.User admin;

    @BeforeEach
    void setUp() {
        team = staff.team("badinput");
        caseworker = staff.user(Role.CASEWORKER, team);
        admin = staff.user(Role.ADMIN);
    }

    static String marker() {
        return "Mrk" + UUID.randomUUID().toString().replace("-", "");
    }

    long persons(String lastNamePrefix) {
        return jdbc.sql("select count(*) from ppl_person where last_name like ?").param(lastNamePrefix + "%").query(Long.class).single();
    }

    static void assertDanishErrorPage(HttpResponse<String> r, int status, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("Der opstod en fejl (" + status + ")").contains(message);
    }

    static void assertProblem(Api.Response r, int status, String field, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        JsonNode e = r.json().get("errors").get(0);
        assertThat(e.get("field").asString()).isEqualTo(field);
        assertThat(e.get("message").asString()).contains(message);
    }

    Map<String, String> personForm(String first, String last) {
        Map<String, String> f = new HashMap<>(Map.of("cpr", TestStaff.uniqueCpr(), "firstName", first, "lastName", last,
                "teamId", String.valueOf(team)));
        return f;
    }

    @Test
    void formFieldsWithNulOrOverLongValuesAre400OrAFieldErrorAndStoreNothing() {
        WebSession web = WebSession.signIn(port, caseworker);
        String m = marker();

        assertDanishErrorPage(web.post("/people", personForm("Ny" + NUL + "Person", m)), 400, "kontroltegn");
        assertDanishErrorPage(web.post("/people", personForm("Ny", m + "x".repeat(1_000_000))), 400, "Højst 20.000 tegn");
        // the error page never echoes the value
        assertThat(web.post("/people", personForm("Ny", m + "x".repeat(1_000_000))).body()).doesNotContain("x".repeat(100));

        // under the global limit but longer than a name may be: the form's own message next to the field
        var tooLongName = web.post("/people", personForm("Ny", m + "y".repeat(300)));
        assertThat(tooLongName.statusCode()).isEqualTo(200);
        assertThat(tooLongName.body()).contains("Højst 200 tegn");

        // a district code longer than the column (varchar(32)) is not an imported area: the field's message, not a database error
        Map<String, String> longDistrict = personForm("Ny", m);
        longDistrict.put("districtCode", "D".repeat(40));
        var unknownDistrict = web.post("/people", longDistrict);
        assertThat(unknownDistrict.statusCode()).isEqualTo(200);
        assertThat(unknownDistrict.body()).contains("ikke et kendt område");

        assertThat(persons(m)).isZero();
    }

    @Test
    void searchAndFilterParametersWithNulOrOverLongValuesAre400() {
        WebSession web = WebSession.signIn(port, caseworker);
        assertDanishErrorPage(web.get("/people?q=a%00b"), 400, "kontroltegn");
        assertDanishErrorPage(web.get("/people?q=" + "a".repeat(300)), 400, "Højst 200 tegn");

        Api api = Api.at(port).as(caseworker.username(), caseworker.password());
        assertProblem(api.get("/api/v1/persons?q=a%00b"), 400, "q", "kontroltegn");
        assertProblem(api.get("/api/v1/persons?q=" + "a".repeat(300)), 400, "q", "Højst 200 tegn");

        Api adminApi = Api.at(port).as(admin.username(), admin.password());
        assertProblem(adminApi.get("/api/v1/audit?actor=a%00b"), 400, "actor", "kontroltegn");
    }

    @Test
    void jsonBodiesWithNulOrOverLongStringsAre400AndStoreNothing() {
        Api api = Api.at(port).as(caseworker.username(), caseworker.password());
        String m = marker();

        assertProblem(api.post("/api/v1/persons", personBody("Ny" + NUL, m)), 400, "firstName", "kontroltegn");

        var huge = api.post("/api/v1/persons", personBody("Ny", m + "x".repeat(1_000_000)));
        assertProblem(huge, 400, "lastName", "Højst 20.000 tegn");
        assertThat(huge.body().length()).isLessThan(2_000);

        assertProblem(api.post("/api/v1/persons", personBody("Ny", m + "y".repeat(300))), 400, "lastName", "Højst 200 tegn");

        // on the API likewise a field error before the database
        Map<String, Object> longDistrict = new HashMap<>(personBody("Ny", m));
        longDistrict.put("districtCode", "D".repeat(40));
        assertProblem(api.post("/api/v1/persons", longDistrict), 400, "districtCode", "ikke et kendt område");

        assertThat(persons(m)).isZero();
    }

    Map<String, Object> personBody(String first, String last) {
        return Map.of("cpr", TestStaff.uniqueCpr(), "firstName", first, "lastName", last, "teamId", team);
    }

    long referenceMembers(String label) {
        return jdbc.sql("select count(*) from out_reference_member where label like ?").param(label + "%").query(Long.class).single();
    }

    @Test
    void importsThroughTheApiReportNulAsARowErrorRefuseUnknownContentTypesAndEchoOnlyExcerpts() {
        Api api = Api.at(port).as(admin.username(), admin.password());
        String label = marker();
        String csv = "person_key,index_date,label\n" + TestStaff.uniqueCpr() + ",2020-01-01," + label + "\n"
                + TestStaff.uniqueCpr() + ",2020-01-01," + label + NUL + "x\n";
        var nul = api.postFile("/api/v1/imports/reference-group", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(nul.status()).as(nul.toString()).isEqualTo(422);
        JsonNode error = nul.json().get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("column").asString()).isEqualTo("label");
        assertThat(error.get("message").asString()).contains("kontroltegn");
        assertThat(referenceMembers(label)).isZero();

        byte[] ok = ("person_key,index_date,label\n" + TestStaff.uniqueCpr() + ",2020-01-01," + label + "\n").getBytes(StandardCharsets.UTF_8);
        var xml = api.postFile("/api/v1/imports/reference-group", "application/xml", ok);
        assertThat(xml.status()).as(xml.toString()).isEqualTo(415);
        assertThat(xml.json().get("detail").asString()).contains("Indholdstypen").contains("text/csv");
        var none = api.postFile("/api/v1/imports/reference-group", null, ok);
        assertThat(none.status()).as(none.toString()).isEqualTo(415);
        assertThat(none.json().get("detail").asString()).contains("Indholdstypen");
        assertThat(referenceMembers(label)).isZero();

        var unknownKind = api.postFile("/api/v1/imports/" + "k".repeat(3_000), "text/csv", ok);
        assertThat(unknownKind.status()).isEqualTo(404);
        assertThat(unknownKind.json().get("detail").asString()).endsWith("k".repeat(60) + "…").doesNotContain("k".repeat(61));

        String header = "charge_ref,charged_on,age,offence_category\n";
        var megabyteField = api.postFile("/api/v1/imports/charges", "text/csv",
                (header + "r".repeat(1_000_000) + ",2020-01-01,20,THEFT\n").getBytes(StandardCharsets.UTF_8));
        assertThat(megabyteField.status()).isEqualTo(422);
        assertThat(megabyteField.body().length()).isLessThan(2_000);
        assertThat(megabyteField.json().get("errors").get(0).get("value").asString()).isEqualTo("r".repeat(60) + "…");

        var fiveMegabyteLine = api.postFile("/api/v1/imports/charges", "text/csv",
                (header + "r".repeat(5_000_000) + ",2020-01-01,20,THEFT\n").getBytes(StandardCharsets.UTF_8));
        assertThat(fiveMegabyteLine.status()).isEqualTo(422);
        assertThat(fiveMegabyteLine.body().length()).isLessThan(2_000);
        assertThat(fiveMegabyteLine.json().get("errors").get(0).get("message").asString()).contains("Linje 2 er for lang");
    }

    @Test
    void theUploadPageReportsNulAsARowErrorAndRefusesBadParametersAndContentTypes() {
        WebSession web = WebSession.signIn(port, admin);
        String label = marker();
        byte[] csv = ("person_key,index_date,label\n" + TestStaff.uniqueCpr() + ",2020-01-01," + label + NUL + "\n")
                .getBytes(StandardCharsets.UTF_8);

        var rowError = web.postFile("/imports", Map.of("kind", "reference-group"), "file", "reference-group.csv", csv);
        assertThat(rowError.statusCode()).as(rowError.body()).isEqualTo(200);
        assertThat(rowError.body()).contains("Intet blev gemt").contains("kontroltegn");

        assertDanishErrorPage(web.postFile("/imports", Map.of("kind", "reference" + NUL), "file", "x.csv", csv), 400, "kontroltegn");
        assertDanishErrorPage(web.post("/imports", "text/plain", csv), 415, "Indholdstypen");
        assertDanishErrorPage(web.post("/imports", null, csv), 415, "Indholdstypen");
        assertThat(referenceMembers(label)).isZero();
    }
}
