package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import dk.vendepunkt.portfolio.EffectMeasureFigures;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Indicators with their data series, and the effect goals with their status. */
@Service
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
public class IndicatorService {

    private final JdbcClient jdbc;
    private final ObjectProvider<EffectMeasureFigures> effectMeasures;
    private final Clock clock;
    private final AreaDirectory areas;

    IndicatorService(JdbcClient jdbc, ObjectProvider<EffectMeasureFigures> effectMeasures, AreaDirectory areas, Clock clock) {
        this.clock = clock;
        this.areas = areas;
        this.jdbc = jdbc;
        this.effectMeasures = effectMeasures;
    }

    public record Indicator(long id, String ref, String name, String unit, String department, Direction direction,
                            Integer focusArea, String definition, boolean personalData, int version) {
        public String departmentLabel() {
            return Departments.label(department);
        }
    }

    public record IndicatorChange(String ref, String name, String unit, String department, Direction direction,
                                  Integer focusArea, String definition, Boolean personalData, Integer version) {}

    /** A value of a period; {@code area} a district or bydel code, null for the whole city. */
    public record Value(long id, long indicatorId, LocalDate periodStart, LocalDate periodEnd, BigDecimal value, String source, String note,
                        String area) {}

    /** A value to store; {@code area} a district or bydel code, null for the whole city. */
    public record NewValue(LocalDate periodStart, LocalDate periodEnd, BigDecimal value, String source, String note, String area) {}

    /** {@code values}: the whole city's series (goals, trends and charts read it); {@code areaValues}: per area. */
    public record IndicatorView(Indicator indicator, List<Value> values, GoalStatus.Trend trend, List<Value> areaValues) {
        /** The trend's message key (what moved, and compared with what). */
        public String trendKey() {
            return trend.key();
        }

        public Value latest() {
            return values.isEmpty() ? null : values.getLast();
        }
    }

    public record Goal(int number, String text, String department, String targetText, BigDecimal targetValue,
                       GoalStatus.TargetKind targetKind, Direction direction, LocalDate deadline, Long indicatorId,
                       String effectMeasure, int version) {
        public String departmentLabel() {
            return Departments.label(department);
        }
    }

    public record GoalChange(String text, String department, String targetText, BigDecimal targetValue, GoalStatus.TargetKind targetKind,
                             Direction direction, LocalDate deadline, Long indicatorId, String effectMeasure, Integer version) {}

    /**
     * A goal with what tracks it and its status. {@code latestValue} is null when there is no figure;
     * {@code personalData} marks figures derived from personal data (effect measures, or indicators so
     * flagged), which must pass disclosure control before they leave the system.
     */
    public record GoalView(Goal goal, Indicator indicator, GoalStatus status, BigDecimal latestValue, LocalDate latestDate,
                           boolean personalData, boolean suppressed, String measureLabel) {

        /** Effect measures are rates (0–1): shown as percentages. */
        public boolean rate() {
            return indicator == null && goal.effectMeasure() != null;
        }

        /** What the goal is measured by, in words: the indicator's name or the effect measure's label. */
        public String trackerLabel() {
            if (indicator != null) return indicator.name();
            if (goal.effectMeasure() == null) return null;
            return measureLabel != null ? measureLabel : goal.effectMeasure();
        }
    }

    // ------------------------------------------------------------------ indicators

    private static Indicator indicator(ResultSet rs, int i) throws SQLException {
        return new Indicator(rs.getLong("id"), rs.getString("ref"), rs.getString("name"), rs.getString("unit"), rs.getString("department"),
                Direction.valueOf(rs.getString("direction")), (Integer) rs.getObject("focus_area"), rs.getString("definition"),
                rs.getBoolean("personal_data"), rs.getInt("version"));
    }

    public List<Indicator> indicators() {
        return jdbc.sql("select * from pf_indicator order by focus_area nulls last, name").query(IndicatorService::indicator).list();
    }

    Indicator indicator(long id) {
        return jdbc.sql("select * from pf_indicator where id = ?").param(id).query(IndicatorService::indicator).optional()
                .orElseThrow(() -> new NotFoundException("portfolio.indicator.notFound", id));
    }

    Optional<Indicator> byRef(String ref) {
        return jdbc.sql("select * from pf_indicator where ref = ?").param(ref).query(IndicatorService::indicator).optional();
    }

    /** The whole city's series (values without an area). */
    List<Value> values(long indicatorId) {
        return values(indicatorId, "area is null order by period_end, period_start");
    }

    /** The values per area, by area and period. */
    List<Value> areaValues(long indicatorId) {
        return values(indicatorId, "area is not null order by area, period_end, period_start");
    }

    private List<Value> values(long indicatorId, String whereAndOrder) {
        return jdbc.sql("select id, indicator_id, period_start, period_end, value, source, note, area from pf_indicator_value where indicator_id = ? and "
                        + whereAndOrder)
                .param(indicatorId)
                .query((rs, i) -> new Value(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getBigDecimal(5).stripTrailingZeros().scale() < 0 ? rs.getBigDecimal(5).setScale(0) : rs.getBigDecimal(5).stripTrailingZeros(),
                        rs.getString(6), rs.getString(7), rs.getString(8))).list();
    }

    public IndicatorView view(long id) {
        return view(indicator(id));
    }

    private IndicatorView view(Indicator ind) {
        List<Value> vs = values(ind.id());
        return new IndicatorView(ind, vs, GoalStatus.Trend.of(ind.direction(), points(vs)), areaValues(ind.id()));
    }

    public List<IndicatorView> views() {
        return indicators().stream().map(this::view).toList();
    }

    static List<GoalStatus.Point> points(List<Value> vs) {
        return vs.stream().map(v -> new GoalStatus.Point(v.periodEnd(), v.value())).toList();
    }

    private static List<FieldProblem> validate(IndicatorChange c) {
        List<FieldProblem> p = new ArrayList<>();
        if (c.ref() == null || !c.ref().trim().matches("[A-Za-z0-9._-]{1,80}")) p.add(new FieldProblem("ref", "portfolio.error.ref", new Object[0]));
        if (c.name() == null || c.name().isBlank()) p.add(new FieldProblem("name", "portfolio.error.required", new Object[0]));
        if (c.unit() == null || c.unit().isBlank()) p.add(new FieldProblem("unit", "portfolio.error.required", new Object[0]));
        if (!Departments.valid(c.department())) p.add(new FieldProblem("department", "portfolio.error.department", new Object[0]));
        if (c.direction() == null) p.add(new FieldProblem("direction", "portfolio.error.required", new Object[0]));
        if (c.focusArea() != null && (c.focusArea() < 1 || c.focusArea() > 6)) p.add(new FieldProblem("focusArea", "portfolio.error.focusArea", new Object[0]));
        return p;
    }

    @Transactional
    @PreAuthorize(InitiativeService.ANALYST)
    public long createIndicator(IndicatorChange c) {
        List<FieldProblem> p = validate(c);
        if (p.isEmpty() && byRef(c.ref().trim()).isPresent()) p.add(new FieldProblem("ref", "portfolio.error.refTaken", new Object[]{c.ref()}));
        if (!p.isEmpty()) throw new ValidationException(p);
        return jdbc.sql("insert into pf_indicator (ref, name, unit, department, direction, focus_area, definition, personal_data) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(c.ref().trim(), c.name().trim(), c.unit().trim(), c.department(), c.direction().name(), c.focusArea(),
                        blank(c.definition()), Boolean.TRUE.equals(c.personalData()))
                .query(Long.class).single();
    }

    @Transactional
    @PreAuthorize(InitiativeService.ANALYST)
    public void updateIndicator(long id, IndicatorChange c) {
        indicator(id);
        List<FieldProblem> p = validate(c);
        if (c.version() == null) p.add(new FieldProblem("version", "portfolio.error.version", new Object[0]));
        if (p.isEmpty() && byRef(c.ref().trim()).filter(o -> o.id() != id).isPresent()) p.add(new FieldProblem("ref", "portfolio.error.refTaken", new Object[]{c.ref()}));
        if (!p.isEmpty()) throw new ValidationException(p);
        int n = jdbc.sql("""
                update pf_indicator set ref = ?, name = ?, unit = ?, department = ?, direction = ?, focus_area = ?, definition = ?,
                  personal_data = ?, version = version + 1 where id = ? and version = ?""")
                .params(c.ref().trim(), c.name().trim(), c.unit().trim(), c.department(), c.direction().name(), c.focusArea(),
                        blank(c.definition()), Boolean.TRUE.equals(c.personalData()), id, c.version())
                .update();
        if (n == 0) throw ConflictException.stale();
    }

    /** Adds a value, or replaces the value of the same period. */
    @Transactional
    @PreAuthorize(InitiativeService.ANALYST)
    public void putValue(long indicatorId, NewValue v) {
        indicator(indicatorId);
        List<FieldProblem> p = new ArrayList<>();
        if (v.periodStart() == null) p.add(new FieldProblem("periodStart", "portfolio.error.date", new Object[0]));
        if (v.periodEnd() == null) p.add(new FieldProblem("periodEnd", "portfolio.error.date", new Object[0]));
        if (v.periodStart() != null && v.periodEnd() != null && v.periodEnd().isBefore(v.periodStart()))
            p.add(new FieldProblem("periodEnd", "portfolio.error.periodOrder", new Object[0]));
        if (v.value() == null) p.add(new FieldProblem("value", "portfolio.error.number", new Object[0]));
        if (v.area() != null && areas.byCode(v.area()).isEmpty()) p.add(new FieldProblem("area", "portfolio.error.area", new Object[0]));
        if (!p.isEmpty()) throw new ValidationException(p);
        upsertValue(jdbc, indicatorId, v);
    }

    public static boolean upsertValue(JdbcClient jdbc, long indicatorId, NewValue v) {
        return jdbc.sql("""
                insert into pf_indicator_value (indicator_id, period_start, period_end, value, source, note, area) values (?, ?, ?, ?, ?, ?, ?)
                on conflict on constraint pf_indicator_value_period_area do update set value = excluded.value, source = excluded.source,
                  note = excluded.note, version = pf_indicator_value.version + 1 returning (xmax = 0)""")
                .params(indicatorId, v.periodStart(), v.periodEnd(), v.value(), blank(v.source()), blank(v.note()), blank(v.area()))
                .query(Boolean.class).single();
    }

    @Transactional
    @PreAuthorize(InitiativeService.ANALYST)
    public void deleteValue(long indicatorId, long valueId) {
        if (jdbc.sql("delete from pf_indicator_value where id = ? and indicator_id = ?").params(valueId, indicatorId).update() == 0) {
            throw new NotFoundException("portfolio.value.notFound", valueId);
        }
    }

    // ------------------------------------------------------------------ effect goals

    private static Goal goal(ResultSet rs, int i) throws SQLException {
        return new Goal(rs.getInt("number"), rs.getString("text"), rs.getString("department"), rs.getString("target_text"),
                rs.getBigDecimal("target_value") == null ? null : PortfolioSummary.plain(rs.getBigDecimal("target_value")),
                GoalStatus.TargetKind.valueOf(rs.getString("target_kind")), Direction.valueOf(rs.getString("direction")),
                rs.getObject("deadline", LocalDate.class), (Long) rs.getObject("indicator_id"), rs.getString("effect_measure"), rs.getInt("version"));
    }

    List<Goal> goals() {
        return jdbc.sql("select * from pf_effect_goal order by number").query(IndicatorService::goal).list();
    }

    public Goal goal(int number) {
        return jdbc.sql("select * from pf_effect_goal where number = ?").param(number).query(IndicatorService::goal).optional()
                .orElseThrow(() -> new NotFoundException("portfolio.goal.notFound", number));
    }

    public List<GoalView> goalViews(LocalDate asOf, boolean publicVersion) {
        return goals().stream().map(g -> goalView(g, asOf, publicVersion)).toList();
    }

    GoalView goalView(Goal g, LocalDate asOf, boolean publicVersion) {
        if (g.indicatorId() != null) {
            Indicator ind = indicator(g.indicatorId());
            List<Value> vs = values(ind.id()).stream().filter(v -> asOf == null || !v.periodEnd().isAfter(asOf)).toList();
            GoalStatus s = GoalStatus.of(g.targetValue(), g.targetKind(), g.direction(), g.deadline(), points(vs), asOf);
            Value last = vs.isEmpty() ? null : vs.getLast();
            return new GoalView(g, ind, s, last == null ? null : last.value(), last == null ? null : last.periodEnd(), ind.personalData(), false, null);
        }
        if (g.effectMeasure() != null) {
            // hook: the effect measure is computed from personal data by the module that owns it
            Optional<EffectMeasureFigures.Figure> f = Optional.ofNullable(effectMeasures.getIfAvailable())
                    .flatMap(m -> m.latest(g.effectMeasure(), asOf, publicVersion));
            if (f.isEmpty() || f.get().value() == null || f.get().suppressed()) {
                return new GoalView(g, null, GoalStatus.NO_DATA, null, null, true, f.map(EffectMeasureFigures.Figure::suppressed).orElse(false),
                        f.map(EffectMeasureFigures.Figure::label).orElse(null));
            }
            BigDecimal v = BigDecimal.valueOf(f.get().value());
            GoalStatus s = GoalStatus.of(g.targetValue(), g.targetKind(), g.direction(), g.deadline(),
                    List.of(new GoalStatus.Point(f.get().asOf(), v)), asOf);
            return new GoalView(g, null, s, v, f.get().asOf(), true, false, f.get().label());
        }
        return new GoalView(g, null, GoalStatus.NO_DATA, null, null, false, false, null);
    }

    @Transactional
    @PreAuthorize(InitiativeService.ANALYST)
    public void saveGoal(int number, GoalChange c, boolean create) {
        List<FieldProblem> p = new ArrayList<>();
        if (number < 1 || number > 9) p.add(new FieldProblem("number", "portfolio.error.goalNumber", new Object[0]));
        if (c.text() == null || c.text().isBlank()) p.add(new FieldProblem("text", "portfolio.error.required", new Object[0]));
        if (!Departments.valid(c.department())) p.add(new FieldProblem("department", "portfolio.error.department", new Object[0]));
        if (c.direction() == null) p.add(new FieldProblem("direction", "portfolio.error.required", new Object[0]));
        if (c.indicatorId() != null && c.effectMeasure() != null && !c.effectMeasure().isBlank())
            p.add(new FieldProblem("effectMeasure", "portfolio.error.oneTracker", new Object[0]));
        if (c.effectMeasure() != null && !c.effectMeasure().isBlank() && !c.effectMeasure().trim().matches("[a-z0-9_]{1,80}"))
            p.add(new FieldProblem("effectMeasure", "portfolio.error.effectMeasure", new Object[0]));
        if (c.indicatorId() != null && jdbc.sql("select count(*) from pf_indicator where id = ?").param(c.indicatorId()).query(Long.class).single() == 0)
            p.add(new FieldProblem("indicatorId", "portfolio.indicator.notFound", new Object[]{c.indicatorId()}));
        if (!create && c.version() == null) p.add(new FieldProblem("version", "portfolio.error.version", new Object[0]));
        if (create && p.isEmpty() && jdbc.sql("select count(*) from pf_effect_goal where number = ?").param(number).query(Long.class).single() > 0)
            p.add(new FieldProblem("number", "portfolio.error.goalTaken", new Object[]{number}));
        if (!p.isEmpty()) throw new ValidationException(p);
        GoalStatus.TargetKind kind = c.targetKind() == null ? GoalStatus.TargetKind.LEVEL : c.targetKind();
        if (create) {
            jdbc.sql("""
                    insert into pf_effect_goal (number, text, department, target_text, target_value, target_kind, direction, deadline, indicator_id, effect_measure)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(number, c.text().trim(), c.department(), blank(c.targetText()), c.targetValue(), kind.name(), c.direction().name(),
                            c.deadline(), c.indicatorId(), blank(c.effectMeasure()))
                    .update();
            return;
        }
        goal(number);
        int n = jdbc.sql("""
                update pf_effect_goal set text = ?, department = ?, target_text = ?, target_value = ?, target_kind = ?, direction = ?,
                  deadline = ?, indicator_id = ?, effect_measure = ?, version = version + 1 where number = ? and version = ?""")
                .params(c.text().trim(), c.department(), blank(c.targetText()), c.targetValue(), kind.name(), c.direction().name(),
                        c.deadline(), c.indicatorId(), blank(c.effectMeasure()), number, c.version())
                .update();
        if (n == 0) throw ConflictException.stale();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
