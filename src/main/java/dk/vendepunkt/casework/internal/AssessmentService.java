package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.ActionPlan;
import dk.vendepunkt.casework.domain.Instrument;
import dk.vendepunkt.casework.domain.LifeDomain;
import dk.vendepunkt.casework.domain.NeedLevel;
import dk.vendepunkt.casework.domain.RiskLevel;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs and risk/need assessments of a forløb: the first is the baseline, later ones re-assessments;
 * an assessment is never changed (history is the list). Every read and change goes through
 * {@link EnrolmentAccess} (team check and audit).
 */
@Service
public class AssessmentService {

    static final String SUBJECT = "behovs- og risikovurdering";

    private final JdbcClient jdbc;
    private final EnrolmentAccess access;
    private final Clock clock;

    AssessmentService(JdbcClient jdbc, EnrolmentAccess access, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.access = access;
    }

    public enum Kind { BASELINE, REASSESSMENT }

    public record DomainResult(LifeDomain domain, String situation, NeedLevel needLevel, int score, int maxScore) {}

    public record Assessment(long id, long enrolmentId, String instrumentCode, String instrumentName, Kind kind, LocalDate assessedOn,
                             int totalScore, int maxScore, RiskLevel riskLevel, String summary, String assessedBy,
                             List<DomainResult> domains) {
        public DomainResult domain(LifeDomain d) {
            return domains.stream().filter(r -> r.domain() == d).findFirst().orElse(null);
        }
    }

    /** A new assessment; {@code instrumentCode} null = the default instrument. */
    public record NewAssessment(String instrumentCode, LocalDate assessedOn, String summary, List<Instrument.Rating> domains) {}

    /** The forløb (after the access check) with its assessments, oldest first (the first is the baseline). */
    public record Assessments(EnrolmentRef enrolment, List<Assessment> assessments) {
        public Assessment baseline() {
            return assessments.isEmpty() ? null : assessments.getFirst();
        }

        public Assessment latest() {
            return assessments.isEmpty() ? null : assessments.getLast();
        }
    }

    // ------------------------------------------------------------------ instruments

    /**
     * The active instruments a forløb's assessment can use: those that score the life domains (an instrument with
     * other domains, such as YLS/CMI for a child's screening, is for {@link dk.vendepunkt.casework.RiskInstruments}).
     */
    public List<Instrument> instruments() {
        List<String> codes = jdbc.sql("""
                select i.code from cw_assessment_instrument i
                 where i.active and not exists (select 1 from cw_instrument_domain d where d.instrument_code = i.code and d.domain not in (:domains))
                 order by i.default_instrument desc, i.name""")
                .param("domains", java.util.Arrays.stream(LifeDomain.values()).map(Enum::name).toList())
                .query(String.class).list();
        return codes.stream().map(this::instrument).toList();
    }

    public Instrument defaultInstrument() {
        return instrument(jdbc.sql("select code from cw_assessment_instrument where default_instrument").query(String.class).single());
    }

    public Instrument instrument(String code) {
        record Head(String code, String name, String description) {}
        Head h = jdbc.sql("select code, name, description from cw_assessment_instrument where code = ?").param(code)
                .query((rs, i) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> ValidationException.of("instrumentCode", "caseplan.assessment.instrument.unknown", code));
        List<String> lifeDomains = java.util.Arrays.stream(LifeDomain.values()).map(Enum::name).toList();
        List<Instrument.DomainScale> domains = jdbc.sql("select domain, max_score from cw_instrument_domain where instrument_code = ? order by position")
                .param(code).query((rs, i) -> lifeDomains.contains(rs.getString(1))
                        ? new Instrument.DomainScale(LifeDomain.valueOf(rs.getString(1)), rs.getInt(2)) : null).list();
        if (domains.contains(null)) throw ValidationException.of("instrumentCode", "caseplan.assessment.instrument.unknown", code);
        List<Instrument.Band> bands = jdbc.sql("select risk_level, min_total from cw_instrument_band where instrument_code = ?")
                .param(code).query((rs, i) -> new Instrument.Band(RiskLevel.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return new Instrument(h.code(), h.name(), h.description(), domains, bands);
    }

    // ------------------------------------------------------------------ reading

    public Assessments read(long enrolmentId) {
        EnrolmentRef e = access.read(enrolmentId, SUBJECT);
        return new Assessments(e, load(e.id()));
    }

    public Assessment get(long enrolmentId, long assessmentId) {
        EnrolmentRef e = access.read(enrolmentId, SUBJECT);
        return load(e.id()).stream().filter(a -> a.id() == assessmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("caseplan.assessment.notFound", assessmentId));
    }

    /** Without access check or audit: for other services of the module that have already checked. */
    List<Assessment> load(long enrolmentId) {
        Map<Long, List<DomainResult>> domains = new LinkedHashMap<>();
        jdbc.sql("""
                select d.assessment_id, d.domain, d.situation, d.need_level, d.score, coalesce(s.max_score, d.score) as max_score
                  from cw_assessment_domain d join cw_assessment a on a.id = d.assessment_id
                  left join cw_instrument_domain s on s.instrument_code = a.instrument_code and s.domain = d.domain
                 where a.enrolment_id = ? order by s.position""").param(enrolmentId)
                .query((rs, i) -> {
                    domains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new DomainResult(LifeDomain.valueOf(rs.getString(2)),
                            rs.getString(3), NeedLevel.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6)));
                    return null;
                }).list();
        return jdbc.sql("""
                select a.id, a.enrolment_id, a.instrument_code, i.name, a.kind, a.assessed_on, a.total_score, a.max_score, a.risk_level,
                       a.summary, a.assessed_by
                  from cw_assessment a join cw_assessment_instrument i on i.code = a.instrument_code
                 where a.enrolment_id = ? order by a.kind = 'REASSESSMENT', a.assessed_on, a.id""").param(enrolmentId)
                .query((rs, i) -> new Assessment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Kind.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getInt(8), RiskLevel.valueOf(rs.getString(9)), rs.getString(10),
                        rs.getString(11), domains.getOrDefault(rs.getLong(1), List.of()))).list();
    }

    /** One domain's need and score at baseline and in the latest assessment. */
    public record DomainChange(LifeDomain domain, NeedLevel baselineNeed, NeedLevel latestNeed, int baselineScore, int latestScore) {
        public int change() {
            return latestScore - baselineScore;
        }
    }

    /** The latest assessment against the baseline (the same assessment when there is only one). */
    public record BaselineComparison(Assessment baseline, Assessment latest, List<DomainChange> domains) {
        public int totalChange() {
            return latest.totalScore() - baseline.totalScore();
        }

        public boolean levelLowered() {
            return latest.riskLevel().compareTo(baseline.riskLevel()) < 0;
        }
    }

    /**
     * The latest assessment against the baseline, for a forløb already obtained through
     * {@link EnrolmentAccess#read} or {@link EnrolmentAccess#write} (no further audit), e.g. for the
     * closure summary. Empty when the forløb has no assessment.
     */
    public java.util.Optional<BaselineComparison> againstBaseline(EnrolmentRef e) {
        List<Assessment> all = load(e.id());
        if (all.isEmpty()) return java.util.Optional.empty();
        Assessment base = all.getFirst();
        Assessment latest = all.getLast();
        List<DomainChange> changes = new ArrayList<>();
        for (DomainResult d : latest.domains()) {
            DomainResult b = base.domain(d.domain());
            if (b != null) changes.add(new DomainChange(d.domain(), b.needLevel(), d.needLevel(), b.score(), d.score()));
        }
        return java.util.Optional.of(new BaselineComparison(base, latest, changes));
    }

    // ------------------------------------------------------------------ recording

    /** Records an assessment: the baseline when the forløb has none yet, otherwise a re-assessment. */
    @Transactional
    public Assessment create(long enrolmentId, NewAssessment a) {
        EnrolmentRef e = access.write(enrolmentId, SUBJECT);
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        Instrument instrument = a.instrumentCode() == null || a.instrumentCode().isBlank() ? defaultInstrument() : instrument(a.instrumentCode());
        List<Assessment> existing = load(e.id());
        if (a.assessedOn() == null) problems.add(new FieldProblem("assessedOn", "caseplan.date.required", new Object[0]));
        else if (a.assessedOn().isAfter(today)) problems.add(new FieldProblem("assessedOn", "caseplan.date.future", new Object[0]));
        else if (a.assessedOn().isBefore(e.startDate())) problems.add(new FieldProblem("assessedOn", "caseplan.date.beforeStart", new Object[] {e.startDate()}));
        else if (!existing.isEmpty() && a.assessedOn().isBefore(existing.getFirst().assessedOn())) {
            problems.add(new FieldProblem("assessedOn", "caseplan.assessment.beforeBaseline", new Object[] {existing.getFirst().assessedOn()}));
        }
        if (a.summary() != null && a.summary().length() > ActionPlan.MAX_TEXT) {
            problems.add(new FieldProblem("summary", "caseplan.text.tooLong", new Object[] {ActionPlan.MAX_TEXT}));
        }
        List<Instrument.Rating> ratings = a.domains() == null ? List.of() : a.domains();
        for (Instrument.Rating r : ratings) {
            if (r.situation() != null && r.situation().length() > ActionPlan.MAX_TEXT) {
                problems.add(new FieldProblem("domains[" + r.domain() + "].situation", "caseplan.text.tooLong", new Object[] {ActionPlan.MAX_TEXT}));
            }
        }
        Instrument.Result result = null;
        try {
            result = instrument.score(ratings);
        } catch (ValidationException v) {
            problems.addAll(v.problems());
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        Kind kind = existing.isEmpty() ? Kind.BASELINE : Kind.REASSESSMENT;
        long id;
        try {
            id = jdbc.sql("""
                    insert into cw_assessment (enrolment_id, instrument_code, kind, assessed_on, total_score, max_score, risk_level, summary, assessed_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(e.id(), instrument.code(), kind.name(), a.assessedOn(), result.total(), result.maxTotal(), result.level().name(),
                            Texts.blankToNull(a.summary()), CurrentUser.username())
                    .query(Long.class).single();
        } catch (DuplicateKeyException dup) {
            throw ConflictException.stale();
        }
        for (Instrument.Rating r : ratings) {
            if (r.domain() == null) continue;
            jdbc.sql("insert into cw_assessment_domain (assessment_id, domain, situation, need_level, score) values (?, ?, ?, ?, ?)")
                    .params(id, r.domain().name(), Texts.blankToNull(r.situation()), r.needLevel().name(), result.scores().get(r.domain())).update();
        }
        return load(e.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }
}
