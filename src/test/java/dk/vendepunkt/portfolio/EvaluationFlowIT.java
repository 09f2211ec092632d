package dk.vendepunkt.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Self-evaluation draft → submitted → reviewed with history and permissions; prioritisation records. */
@IntegrationTest
class EvaluationFlowIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    record Who(TestStaff.User user, Api api) {}

    Who as(Role role) {
        var u = staff.user(role);
        return new Who(u, Api.at(port).as(u.username(), u.password()));
    }

    long initiative(Api api, String department) {
        var r = api.post("/api/v1/portfolio/initiatives", Map.of("ref", "E" + System.nanoTime(), "name", "Indsats " + System.nanoTime(), "department", department));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("initiative").get("id").asLong();
    }

    static final List<String> SELF = List.of("purpose", "targetGroup", "benefit", "effects", "challenges", "anchoring", "methods", "economy");

    @Test
    void draftSubmittedReviewedWithHistoryAndFourEyes() {
        Who analyst = as(Role.ANALYST);
        Who manager = as(Role.PROGRAMME_MANAGER);
        Who reviewer = as(Role.ANALYST);
        Who reader = as(Role.READER);
        long id = initiative(analyst.api(), "SOF");

        // a programme manager starts and fills in the form
        var created = manager.api().post("/api/v1/portfolio/initiatives/" + id + "/evaluations", Map.of("kind", "SELF_EVALUATION", "period", "2011"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long e = created.json().get("evaluation").get("id").asLong();
        int v = created.json().get("evaluation").get("version").asInt();
        assertThat(created.json().get("evaluation").get("status").asString()).isEqualTo("DRAFT");

        Map<String, String> answers = new HashMap<>();
        answers.put("purpose", "Færre unge i kriminalitet, 2011-2012");
        answers.put("unknownQuestion", "kasseres");
        var saved = manager.api().put("/api/v1/portfolio/evaluations/" + e, Map.of("answers", answers, "version", v));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("evaluation").get("answers").has("unknownQuestion")).isFalse();
        v = saved.json().get("evaluation").get("version").asInt();
        // stale save
        assertThat(manager.api().put("/api/v1/portfolio/evaluations/" + e, Map.of("answers", answers, "version", v - 1)).status()).isEqualTo(409);

        // cannot submit with unanswered questions: one problem per question
        var incomplete = manager.api().post("/api/v1/portfolio/evaluations/" + e + "/submit", Map.of("version", v));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body()).contains("targetGroup").contains("economy").doesNotContain("\"purpose\"");

        for (String q : SELF) answers.put(q, "Svar på " + q);
        v = manager.api().put("/api/v1/portfolio/evaluations/" + e, Map.of("answers", answers, "version", v)).json().get("evaluation").get("version").asInt();
        var submitted = manager.api().post("/api/v1/portfolio/evaluations/" + e + "/submit", Map.of("version", v));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().get("evaluation").get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("evaluation").get("submittedBy").asString()).isEqualTo(manager.user().username());
        v = submitted.json().get("evaluation").get("version").asInt();

        // a submitted form cannot be edited; managers and readers cannot review; it waits for review
        assertThat(manager.api().put("/api/v1/portfolio/evaluations/" + e, Map.of("answers", answers, "version", v)).status()).isEqualTo(409);
        assertThat(manager.api().post("/api/v1/portfolio/evaluations/" + e + "/review", Map.of("version", v)).status()).isEqualTo(403);
        assertThat(reader.api().post("/api/v1/portfolio/evaluations/" + e + "/review", Map.of("version", v)).status()).isEqualTo(403);
        assertThat(reader.api().get("/api/v1/portfolio/evaluations/" + e).status()).isEqualTo(403);
        boolean waiting = false;
        for (JsonNode w : reviewer.api().get("/api/v1/portfolio/evaluations/submitted").json()) waiting |= w.get("id").asLong() == e;
        assertThat(waiting).isTrue();

        // returning needs a comment; then the manager fixes and resubmits
        assertThat(reviewer.api().post("/api/v1/portfolio/evaluations/" + e + "/return", Map.of("version", v)).status()).isEqualTo(400);
        var returned = reviewer.api().post("/api/v1/portfolio/evaluations/" + e + "/return", Map.of("version", v, "comment", "Tilføj tal for målgruppen"));
        assertThat(returned.json().get("evaluation").get("status").asString()).isEqualTo("DRAFT");
        v = returned.json().get("evaluation").get("version").asInt();
        v = manager.api().post("/api/v1/portfolio/evaluations/" + e + "/submit", Map.of("version", v)).json().get("evaluation").get("version").asInt();

        // stale review, then the review by another analyst
        assertThat(reviewer.api().post("/api/v1/portfolio/evaluations/" + e + "/review", Map.of("version", v - 1)).status()).isEqualTo(409);
        var reviewed = reviewer.api().post("/api/v1/portfolio/evaluations/" + e + "/review", Map.of("version", v, "comment", "Godkendt"));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().get("evaluation").get("status").asString()).isEqualTo("REVIEWED");
        assertThat(reviewer.api().post("/api/v1/portfolio/evaluations/" + e + "/review", Map.of("version", v + 1)).status()).isEqualTo(409);

        List<String> history = new ArrayList<>();
        for (JsonNode h : reviewed.json().get("history")) history.add(h.get("action").asString() + ":" + h.get("actor").asString());
        String m = manager.user().username();
        String r = reviewer.user().username();
        assertThat(history).containsExactly("CREATED:" + m, "SAVED:" + m, "SAVED:" + m, "SUBMITTED:" + m, "RETURNED:" + r, "SUBMITTED:" + m, "REVIEWED:" + r);
        assertThat(reviewed.json().get("history").get(4).get("comment").asString()).isEqualTo("Tilføj tal for målgruppen");
    }

    @Test
    void theSubmitterCannotReviewTheirOwnForm() {
        Who analyst = as(Role.ANALYST);
        long id = initiative(analyst.api(), "BUF");
        var c = analyst.api().post("/api/v1/portfolio/initiatives/" + id + "/evaluations", Map.of("kind", "FOLLOW_UP", "period", "1. halvår 2011"));
        long e = c.json().get("evaluation").get("id").asLong();
        Map<String, String> answers = new HashMap<>();
        for (String q : List.of("progress", "goalStatus", "risks", "changes", "anchoring")) answers.put(q, "Svar " + q);
        int v = analyst.api().put("/api/v1/portfolio/evaluations/" + e, Map.of("answers", answers, "version", c.json().get("evaluation").get("version").asInt()))
                .json().get("evaluation").get("version").asInt();
        v = analyst.api().post("/api/v1/portfolio/evaluations/" + e + "/submit", Map.of("version", v)).json().get("evaluation").get("version").asInt();
        assertThat(analyst.api().post("/api/v1/portfolio/evaluations/" + e + "/review", Map.of("version", v)).status()).isEqualTo(403);
        assertThat(analyst.api().post("/api/v1/portfolio/evaluations/" + e + "/return", Map.of("version", v, "comment", "x")).status()).isEqualTo(403);
        assertThat(analyst.api().get("/api/v1/portfolio/evaluations/" + e).json().get("evaluation").get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void prioritisationNeedsThreeToSixOwnInitiativesWithReasons() {
        Who analyst = as(Role.ANALYST);
        int year = 2030 + (int) (System.nanoTime() % 60);
        while (analyst.api().get("/api/v1/portfolio/prioritisations/KFF/" + year).status() != 404) year++;
        List<Long> own = new ArrayList<>();
        for (int i = 0; i < 7; i++) own.add(initiative(analyst.api(), "KFF"));
        long foreign = initiative(analyst.api(), "TMF");

        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) items.add(Map.of("kind", "MOST", "initiativeId", own.get(i), "reason", "Virker " + i));
        items.add(Map.of("kind", "LEAST", "initiativeId", own.get(3), "reason", "Svag"));
        items.add(Map.of("kind", "LEAST", "initiativeId", foreign, "reason", "Ikke vores"));
        items.add(Map.of("kind", "LEAST", "initiativeId", own.get(4), "reason", ""));
        var bad = analyst.api().put("/api/v1/portfolio/prioritisations/KFF/" + year, Map.of("items", items));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("hører ikke til forvaltningen").contains("begrundelse");

        items.set(4, Map.of("kind", "LEAST", "initiativeId", own.get(5), "reason", "Få deltagere"));
        items.set(5, Map.of("kind", "LEAST", "initiativeId", own.get(4), "reason", "Dyr pr. deltager"));
        var ok = analyst.api().put("/api/v1/portfolio/prioritisations/KFF/" + year, Map.of("items", items, "note", "Drøftet i direktionen"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("items")).hasSize(6);
        int version = ok.json().get("version").asInt();
        // creating again without a version, or saving with an old one, is a conflict
        assertThat(analyst.api().put("/api/v1/portfolio/prioritisations/KFF/" + year, Map.of("items", items)).status()).isEqualTo(409);
        var items2 = new ArrayList<>(items);
        items2.add(Map.of("kind", "MOST", "initiativeId", own.get(6), "reason", "Ny vurdering"));
        assertThat(analyst.api().put("/api/v1/portfolio/prioritisations/KFF/" + year, Map.of("items", items2, "version", version)).status()).isEqualTo(200);
        assertThat(analyst.api().put("/api/v1/portfolio/prioritisations/KFF/" + year, Map.of("items", items2, "version", version)).status()).isEqualTo(409);
        JsonNode listed = analyst.api().get("/api/v1/portfolio/prioritisations?year=" + year).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("items")).hasSize(7);

        Who manager = as(Role.PROGRAMME_MANAGER);
        assertThat(manager.api().get("/api/v1/portfolio/prioritisations/KFF/" + year).status()).isEqualTo(200);
        assertThat(manager.api().put("/api/v1/portfolio/prioritisations/KFF/" + year, Map.of("items", items2, "version", version + 1)).status()).isEqualTo(403);
    }
}
