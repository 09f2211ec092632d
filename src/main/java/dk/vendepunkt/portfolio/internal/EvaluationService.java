package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Self-evaluations (§6.1's evaluation questions) and ongoing follow-ups (§6.1's monitoring points) per
 * initiative, through draft → submitted → reviewed, with history (who, when, comment).
 * Writing and submitting: ANALYST or PROGRAMME_MANAGER. Reviewing or returning a submitted form to
 * draft: ANALYST (Center for Sikker By), never the person who submitted it (four eyes).
 */
@Service
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
public class EvaluationService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Kind {
        SELF_EVALUATION(List.of("purpose", "targetGroup", "benefit", "effects", "challenges", "anchoring", "methods", "economy")),
        FOLLOW_UP(List.of("progress", "goalStatus", "risks", "changes", "anchoring"));

        final List<String> questions;

        Kind(List<String> questions) {
            this.questions = questions;
        }

        public List<String> questions() {
            return questions;
        }
    }

    enum Status { DRAFT, SUBMITTED, REVIEWED }

    public record Evaluation(long id, long initiativeId, Kind kind, String period, Status status, Map<String, String> answers,
                             String createdBy, Instant createdAt, String submittedBy, int version) {}

    public record Event(String action, Status status, String actor, Instant at, String comment) {}

    public record EvaluationDetails(Evaluation evaluation, List<Event> history) {}

    public record NewEvaluation(Kind kind, String period) {}

    public record AnswersChange(Map<String, String> answers, Integer version) {}

    private final JdbcClient jdbc;

    EvaluationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Evaluation row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Map<String, String> answers = JSON.readValue(rs.getString("answers"), new TypeReference<LinkedHashMap<String, String>>() {});
        return new Evaluation(rs.getLong("id"), rs.getLong("initiative_id"), Kind.valueOf(rs.getString("kind")), rs.getString("period"),
                Status.valueOf(rs.getString("status")), answers, rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("submitted_by"), rs.getInt("version"));
    }

    public List<Evaluation> forInitiative(long initiativeId) {
        return jdbc.sql("select * from pf_evaluation where initiative_id = ? order by created_at desc, id desc").param(initiativeId).query(this::row).list();
    }

    /** Forms waiting for review, oldest first. */
    public List<Evaluation> submitted() {
        return jdbc.sql("select * from pf_evaluation where status = 'SUBMITTED' order by created_at, id").query(this::row).list();
    }

    /** Forms whose period mentions the text (e.g. a year), by initiative. */
    List<Evaluation> forPeriod(String text) {
        return jdbc.sql("select * from pf_evaluation where period like ? order by initiative_id, created_at, id")
                .param("%" + text.replace("%", "\\%").replace("_", "\\_") + "%").query(this::row).list();
    }

    public Evaluation get(long id) {
        return jdbc.sql("select * from pf_evaluation where id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("portfolio.evaluation.notFound", id));
    }

    public EvaluationDetails details(long id) {
        Evaluation e = get(id);
        List<Event> history = jdbc.sql("select action, status, actor, at, comment from pf_evaluation_event where evaluation_id = ? order by at, id")
                .param(id)
                .query((rs, i) -> new Event(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
        return new EvaluationDetails(e, history);
    }

    @Transactional
    public long create(long initiativeId, NewEvaluation n) {
        if (jdbc.sql("select count(*) from pf_initiative where id = ?").param(initiativeId).query(Long.class).single() == 0) {
            throw new NotFoundException("portfolio.initiative.notFound", initiativeId);
        }
        List<FieldProblem> p = new ArrayList<>();
        if (n.kind() == null) p.add(new FieldProblem("kind", "portfolio.error.required", new Object[0]));
        if (n.period() == null || n.period().isBlank()) p.add(new FieldProblem("period", "portfolio.error.required", new Object[0]));
        if (!p.isEmpty()) throw new ValidationException(p);
        long id = jdbc.sql("insert into pf_evaluation (initiative_id, kind, period, created_by) values (?, ?, ?, ?) returning id")
                .params(initiativeId, n.kind().name(), n.period().trim(), CurrentUser.username()).query(Long.class).single();
        event(id, "CREATED", Status.DRAFT, null);
        return id;
    }

    /** Saves answers of a draft (only questions of its kind are kept). */
    @Transactional
    public void save(long id, AnswersChange c) {
        Evaluation e = get(id);
        if (e.status() != Status.DRAFT) throw new ConflictException("portfolio.evaluation.notDraft");
        if (c.version() == null) throw ValidationException.of("version", "portfolio.error.version");
        Map<String, String> kept = new LinkedHashMap<>();
        for (String q : e.kind().questions()) {
            String v = c.answers() == null ? null : c.answers().get(q);
            if (v != null && !v.isBlank()) {
                if (v.length() > 20000) throw ValidationException.of(q, "portfolio.error.tooLong", 20000);
                kept.put(q, v.trim());
            }
        }
        int n = jdbc.sql("update pf_evaluation set answers = ?::jsonb, version = version + 1 where id = ? and version = ? and status = 'DRAFT'")
                .params(JSON.writeValueAsString(kept), id, c.version()).update();
        if (n == 0) throw ConflictException.stale();
        event(id, "SAVED", Status.DRAFT, null);
    }

    /** Draft → submitted; every question must be answered. */
    @Transactional
    public void submit(long id, int version) {
        Evaluation e = get(id);
        if (e.status() != Status.DRAFT) throw new ConflictException("portfolio.evaluation.notDraft");
        List<FieldProblem> p = new ArrayList<>();
        for (String q : e.kind().questions()) {
            if (!e.answers().containsKey(q)) p.add(new FieldProblem(q, "portfolio.evaluation.unanswered", new Object[0]));
        }
        if (!p.isEmpty()) throw new ValidationException(p);
        transition(id, version, Status.DRAFT, Status.SUBMITTED);
        jdbc.sql("update pf_evaluation set submitted_by = ? where id = ?").params(CurrentUser.username(), id).update();
        event(id, "SUBMITTED", Status.SUBMITTED, null);
    }

    /** Submitted → reviewed, by an analyst other than the submitter. */
    @Transactional
    @PreAuthorize(InitiativeService.ANALYST)
    public void review(long id, int version, String comment) {
        Evaluation e = get(id);
        checkReviewer(e);
        transition(id, version, Status.SUBMITTED, Status.REVIEWED);
        event(id, "REVIEWED", Status.REVIEWED, comment);
    }

    /** Submitted → draft again, with a comment saying what to change. */
    @Transactional
    @PreAuthorize(InitiativeService.ANALYST)
    public void returnToDraft(long id, int version, String comment) {
        Evaluation e = get(id);
        checkReviewer(e);
        if (comment == null || comment.isBlank()) throw ValidationException.of("comment", "portfolio.evaluation.commentRequired");
        transition(id, version, Status.SUBMITTED, Status.DRAFT);
        event(id, "RETURNED", Status.DRAFT, comment);
    }

    private void checkReviewer(Evaluation e) {
        if (e.status() != Status.SUBMITTED) throw new ConflictException("portfolio.evaluation.notSubmitted");
        if (CurrentUser.username().equals(e.submittedBy())) {
            throw new AccessDeniedException("the submitter cannot review their own evaluation");
        }
    }

    private void transition(long id, int version, Status from, Status to) {
        int n = jdbc.sql("update pf_evaluation set status = ?, version = version + 1 where id = ? and version = ? and status = ?")
                .params(to.name(), id, version, from.name()).update();
        if (n == 0) throw ConflictException.stale();
    }

    private void event(long id, String action, Status status, String comment) {
        jdbc.sql("insert into pf_evaluation_event (evaluation_id, action, status, actor, comment) values (?, ?, ?, ?, ?)")
                .params(id, action, status.name(), CurrentUser.username(), comment == null || comment.isBlank() ? null : comment.trim()).update();
    }
}
