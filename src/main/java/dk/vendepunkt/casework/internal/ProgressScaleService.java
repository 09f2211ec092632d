package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.casework.domain.ProgressRules;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress scales as data and the measurements of a family's members ({@link ProgressScales}); the administrator's
 * create and change of scales (web checks the role). Measurements are personal data: the person is checked through
 * {@link PersonDirectory} (restriction, team, break-the-glass) and every read and change audited.
 */
@Service
public class ProgressScaleService implements ProgressScales {

    static final String SUBJECT = "fremskridtsmåling";
    public static final int MAX_NOTE = 2000;

    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final AuditLog audit;
    private final Clock clock;

    ProgressScaleService(JdbcClient jdbc, PersonDirectory people, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ scales

    @Override
    public List<Scale> scales() {
        Map<String, List<Option>> options = new LinkedHashMap<>();
        jdbc.sql("select scale_code, position, code, name from cw_progress_scale_option order by scale_code, position").query(rs -> {
            options.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Option(rs.getInt(2), rs.getString(3), rs.getString(4)));
        });
        return jdbc.sql("""
                select code, name, kind, min_value, max_value, step, applies_to, higher_is_better, active, position, version
                  from cw_progress_scale order by position, code""")
                .query((rs, i) -> new Scale(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)), plain(rs.getBigDecimal(4)),
                        plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6)), Member.valueOf(rs.getString(7)), rs.getBoolean(8),
                        options.getOrDefault(rs.getString(1), List.of()), rs.getBoolean(9), rs.getInt(10), rs.getInt(11))).list();
    }

    @Override
    public Optional<Scale> scale(String code) {
        return scales().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** A new scale, placed last; the code must be new. PERCENT gets 0–100, YES_NO 0–1. */
    @Transactional
    public Scale create(Scale s) {
        List<FieldProblem> p = new ArrayList<>(ProgressRules.problems(s));
        if (s.code() != null && scale(s.code()).isPresent()) p.add(FieldProblem.of("code", "progress.scale.code.taken", s.code()));
        if (!p.isEmpty()) throw new ValidationException(p);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from cw_progress_scale").query(Integer.class).single();
        jdbc.sql("""
                insert into cw_progress_scale (code, name, kind, min_value, max_value, step, applies_to, higher_is_better, active, position)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.code(), s.name().strip(), s.kind().name(), bound(s, true), bound(s, false), s.kind() == Kind.NUMERIC ? s.step() : null,
                        s.appliesTo().name(), s.higherIsBetter(), s.active(), position).update();
        writeOptions(s.code(), s.options());
        return scale(s.code()).orElseThrow();
    }

    /**
     * Changes a scale at the version read. Once measured on, its kind and bounds stay and options can only be renamed
     * or added at the end (a stored value is an option's position).
     */
    @Transactional
    public Scale update(String code, Scale s) {
        Scale current = scale(code).orElseThrow(() -> ValidationException.of("code", "progress.scale.unknown", code));
        Scale changed = new Scale(code, s.name(), s.kind(), s.min(), s.max(), s.step(), s.appliesTo(), s.higherIsBetter(), s.options(), s.active(),
                current.position(), s.version());
        List<FieldProblem> p = new ArrayList<>(ProgressRules.problems(changed));
        boolean measured = jdbc.sql("select exists (select 1 from cw_progress_measurement where scale_code = ?)").param(code).query(Boolean.class).single();
        if (measured && p.isEmpty()) {
            boolean sameShape = changed.kind() == current.kind() && same(changed.min(), current.min()) && same(changed.max(), current.max())
                    && same(changed.step(), current.step());
            boolean optionsKept = changed.options().size() >= current.options().size() && current.options().stream()
                    .allMatch(o -> changed.options().get(o.position() - 1).code().equals(o.code()));
            if (!sameShape) p.add(FieldProblem.of("kind", "progress.scale.inUse.kind"));
            if (!optionsKept) p.add(FieldProblem.of("options", "progress.scale.inUse.options"));
        }
        if (!p.isEmpty()) throw new ValidationException(p);
        int n = jdbc.sql("""
                update cw_progress_scale set name = ?, kind = ?, min_value = ?, max_value = ?, step = ?, applies_to = ?, higher_is_better = ?,
                       active = ?, version = version + 1 where code = ? and version = ?""")
                .params(changed.name().strip(), changed.kind().name(), bound(changed, true), bound(changed, false),
                        changed.kind() == Kind.NUMERIC ? changed.step() : null, changed.appliesTo().name(), changed.higherIsBetter(), changed.active(),
                        code, s.version()).update();
        if (n == 0) throw ConflictException.stale();
        jdbc.sql("delete from cw_progress_scale_option where scale_code = ?").param(code).update();
        writeOptions(code, changed.options());
        return scale(code).orElseThrow();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal bound(Scale s, boolean min) {
        return switch (s.kind()) {
            case NUMERIC -> min ? s.min() : s.max();
            case PERCENT -> min ? BigDecimal.ZERO : BigDecimal.valueOf(100);
            case YES_NO -> min ? BigDecimal.ZERO : BigDecimal.ONE;
            case CATEGORY, LADDER -> null;
        };
    }

    private void writeOptions(String code, List<Option> options) {
        for (Option o : options) {
            jdbc.sql("insert into cw_progress_scale_option (scale_code, position, code, name) values (?, ?, ?, ?)")
                    .params(code, o.position(), o.code(), o.name().strip()).update();
        }
    }

    private static BigDecimal plain(BigDecimal v) {
        if (v == null) return null;
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    // ------------------------------------------------------------------ measurements

    @Override
    @Transactional
    public Measurement record(NewMeasurement m) {
        people.checkAccess(m.personId());
        return insert(m, CurrentUser.username());
    }

    @Override
    @Transactional
    public Measurement recordSystem(NewMeasurement m, String by) {
        return insert(m, by);
    }

    private Measurement insert(NewMeasurement m, String by) {
        List<FieldProblem> p = new ArrayList<>();
        Scale scale = m.scale() == null ? null : scale(m.scale()).filter(Scale::active).orElse(null);
        if (scale == null) p.add(FieldProblem.of("scale", "progress.scale.unknown", m.scale()));
        if (m.occasion() == null) p.add(FieldProblem.of("occasion", "progress.occasion.required"));
        LocalDate today = LocalDate.now(clock);
        if (m.measuredOn() == null) p.add(FieldProblem.of("measuredOn", "progress.date.required"));
        else if (m.measuredOn().isAfter(today)) p.add(FieldProblem.of("measuredOn", "progress.date.future"));
        if (scale != null) {
            FieldProblem v = ProgressRules.valueProblem(scale, m.value());
            if (v != null) p.add(v);
        }
        if (m.note() != null && m.note().length() > MAX_NOTE) p.add(FieldProblem.of("note", "progress.text.tooLong", MAX_NOTE));
        if (scale != null && m.measuredOn() != null && m.occasion() != null) {
            Optional<LocalDate> baseline = jdbc.sql("""
                    select measured_on from cw_progress_measurement
                     where family_case_id = ? and person_id = ? and scale_code = ? and occasion = 'BASELINE'""")
                    .params(m.familyCaseId(), m.personId(), scale.code()).query(LocalDate.class).optional();
            if (m.occasion() == Occasion.BASELINE && baseline.isPresent()) {
                p.add(FieldProblem.of("occasion", "progress.baseline.exists", baseline.get()));
            } else if (m.occasion() != Occasion.BASELINE && baseline.isPresent() && !m.measuredOn().isAfter(baseline.get())) {
                p.add(FieldProblem.of("measuredOn", "progress.date.notAfterBaseline", baseline.get()));
            }
        }
        if (!p.isEmpty()) throw new ValidationException(p);
        long id;
        try {
            id = jdbc.sql("""
                    insert into cw_progress_measurement (family_case_id, person_id, scale_code, measured_on, occasion, value, note, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(m.familyCaseId(), m.personId(), scale.code(), m.measuredOn(), m.occasion().name(), m.value(), Texts.blankToNull(m.note()),
                            by).query(Long.class).single();
        } catch (DuplicateKeyException dup) {
            throw ConflictException.stale();
        }
        audit.record(AuditAction.CREATE, m.personId(), null, SUBJECT + " " + id, "familiesag " + m.familyCaseId() + ", " + scale.code());
        return load("m.id = ?", id).getFirst();
    }

    @Override
    public List<Measurement> forCase(long familyCaseId) {
        List<Measurement> all = load("m.family_case_id = ?", familyCaseId);
        List<Measurement> shown = all.stream().filter(m -> people.canAccess(m.personId())).toList();
        LinkedHashSet<Long> persons = new LinkedHashSet<>();
        shown.forEach(m -> persons.add(m.personId()));
        if (!persons.isEmpty()) audit.shown(AuditAction.READ, persons, SUBJECT + "er", "familiesag " + familyCaseId);
        return shown;
    }

    @Override
    public List<Measurement> forPerson(long familyCaseId, long personId) {
        people.checkAccess(personId);
        audit.record(AuditAction.READ, personId, null, SUBJECT + "er", "familiesag " + familyCaseId);
        return load("m.family_case_id = ? and m.person_id = ?", familyCaseId, personId);
    }

    @Override
    public List<Measurement> forCasesUnaudited(Collection<Long> familyCaseIds) {
        if (familyCaseIds.isEmpty()) return List.of();
        return jdbc.sql(SELECT + " where m.family_case_id in (:ids) order by m.measured_on, m.id").param("ids", familyCaseIds)
                .query(this::measurement).list();
    }

    @Override
    public List<Change> progress(Collection<Measurement> measurements) {
        java.util.Set<String> measured = new java.util.HashSet<>();
        measurements.forEach(m -> measured.add(m.scale()));
        return ProgressRules.progress(scales().stream().filter(s -> s.active() || measured.contains(s.code())).toList(), measurements);
    }

    @Override
    public ProgressChart chart(long familyCaseId, long personId) {
        List<Measurement> ms = forPerson(familyCaseId, personId);
        List<ProgressChart.Series> series = new ArrayList<>();
        for (Scale s : scales()) {
            List<ProgressChart.Point> points = ms.stream().filter(m -> m.scale().equals(s.code()))
                    .map(m -> new ProgressChart.Point(m.measuredOn(), m.occasion(), m.value(), label(s, m.value()))).toList();
            if (!points.isEmpty()) series.add(new ProgressChart.Series(s, points));
        }
        return new ProgressChart(familyCaseId, personId, series);
    }

    /** The value as the page shows it: the option's name, "ja"/"nej", "12 %" or the number. */
    static String label(Scale s, BigDecimal v) {
        return switch (s.kind()) {
            case CATEGORY, LADDER -> s.option(v).map(o -> o.position() + " " + o.name()).orElse(plain(v).toPlainString());
            case YES_NO -> v.signum() == 0 ? "nej" : "ja";
            case PERCENT -> plain(v).toPlainString().replace('.', ',') + " %";
            case NUMERIC -> plain(v).toPlainString().replace('.', ',');
        };
    }

    private static final String SELECT = """
            select m.id, m.family_case_id, m.person_id, m.scale_code, m.measured_on, m.occasion, m.value, o.code, m.note, m.created_by, m.version
              from cw_progress_measurement m
              left join cw_progress_scale s on s.code = m.scale_code and s.kind in ('CATEGORY', 'LADDER')
              left join cw_progress_scale_option o on o.scale_code = s.code and o.position = m.value""";

    private List<Measurement> load(String where, Object... params) {
        return jdbc.sql(SELECT + " where " + where + " order by m.measured_on, m.id").params(params).query(this::measurement).list();
    }

    private Measurement measurement(ResultSet rs, int i) throws SQLException {
        return new Measurement(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                Occasion.valueOf(rs.getString(6)), plain(rs.getBigDecimal(7)), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11));
    }
}
