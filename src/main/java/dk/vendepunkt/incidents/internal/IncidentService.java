package dk.vendepunkt.incidents.internal;

import static dk.vendepunkt.platform.Texts.blankToNull;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import dk.vendepunkt.platform.Zones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting and reading incidents: the departments' short form (when, where, institution, department,
 * cause, how long), the incident analysis, the monthly reporting overview and effect goal 4. Reads of a
 * single incident (with its sensitive free text) and every change are audited.
 */
@Service
public class IncidentService {

    public static final String REPORTERS = "hasAnyRole('CASEWORKER','PROGRAMME_MANAGER','ANALYST')";
    public static final String VIEWERS = "hasAnyRole('PROGRAMME_MANAGER','ANALYST')";
    static final int MAX_INSTITUTION = 120;
    static final int MAX_TEXT = 4000;
    static final int MAX_ACTIONS = 20;
    /** A CPR number or an e-mail address: personal data that the structured fields must not hold. */
    static final Pattern PERSONAL = Pattern.compile("\\d{6}-?\\d{4}|\\S+@\\S+");

    private final IncidentStore store;
    private final IncidentIndicators indicators;
    private final AreaDirectory areas;
    private final AuditLog audit;
    private final Clock clock;

    IncidentService(IncidentStore store, IncidentIndicators indicators, AreaDirectory areas, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.indicators = indicators;
        this.areas = areas;
        this.audit = audit;
    }

    /** The form as typed; date-times as {@code yyyy-MM-ddTHH:mm} (datetime-local), Europe/Copenhagen. */
    public record Form(String startedAt, String endedAt, String kind, String cause, String department, String institution, String area,
                       String description) {
        public static Form empty() {
            return new Form("", "", "", "", "", "", "", "");
        }
    }

    /** Whether a structured text would hold a CPR number or an e-mail address. */
    public static boolean looksPersonal(String text) {
        return text != null && PERSONAL.matcher(text).find();
    }

    IncidentStore.Values validate(String ref, Form f) {
        List<FieldProblem> problems = new ArrayList<>();
        OffsetDateTime start = dateTime(f.startedAt(), "startedAt", true, problems);
        OffsetDateTime end = dateTime(f.endedAt(), "endedAt", false, problems);
        if (start != null && end != null && !end.isAfter(start)) problems.add(FieldProblem.of("endedAt", "incidents.error.endBeforeStart"));
        if (start != null && start.toInstant().isAfter(Instant.now(clock))) problems.add(FieldProblem.of("startedAt", "incidents.error.future"));
        IncidentKind kind = enumValue(IncidentKind.class, f.kind(), "kind", problems);
        Cause cause = enumValue(Cause.class, f.cause(), "cause", problems);
        String dept = blankToNull(f.department());
        if (dept == null || !Incident.DEPARTMENTS.contains(dept)) problems.add(FieldProblem.of("department", "incidents.error.department"));
        String inst = blankToNull(f.institution());
        if (inst == null) problems.add(FieldProblem.of("institution", "incidents.error.required"));
        else if (inst.length() > MAX_INSTITUTION) problems.add(FieldProblem.of("institution", "incidents.error.long", MAX_INSTITUTION));
        else if (looksPersonal(inst)) problems.add(FieldProblem.of("institution", "incidents.error.personal"));
        String area = blankToNull(f.area());
        if (area != null && areas.districts().stream().noneMatch(d -> d.code().equals(area))) problems.add(FieldProblem.of("area", "incidents.error.area"));
        String text = blankToNull(f.description());
        if (text != null && text.length() > MAX_TEXT) problems.add(FieldProblem.of("description", "incidents.error.long", MAX_TEXT));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return new IncidentStore.Values(ref, start, end, kind, cause, dept, inst, area, text);
    }

    /** Reports a new incident; returns its id. */
    @Transactional
    @PreAuthorize(REPORTERS)
    public long report(Form f) {
        IncidentStore.Values v = validate("UI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), f);
        store.upsert(v, CurrentUser.username());
        long id = store.idOf(v.ref());
        audit.record(AuditAction.CREATE, null, null, "hændelse " + id, null);
        indicators.refresh();
        return id;
    }

    /** Corrects an incident (e.g. sets its end); 409 when someone changed it since the form was read. */
    @Transactional
    @PreAuthorize(VIEWERS)
    public void update(long id, int version, Form f) {
        Incident old = get(id);
        if (!store.update(id, version, validate(old.ref(), f))) throw new ConflictException("incidents.stale");
        audit.record(AuditAction.UPDATE, null, null, "hændelse " + id, null);
        indicators.refresh();
    }

    Incident get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("incidents.notFound", id));
    }

    /** One incident with its description, audited as a read. */
    @PreAuthorize(VIEWERS)
    public Incident read(long id) {
        Incident i = get(id);
        audit.record(AuditAction.READ, null, null, "hændelse " + id, null);
        return i;
    }

    @PreAuthorize(VIEWERS)
    public java.util.Optional<IncidentStore.Analysis> analysis(long id) {
        return store.analysis(id);
    }

    /** Incidents of a period (whole days, Europe/Copenhagen) overlapping it, optionally of one district; without descriptions. */
    @PreAuthorize(VIEWERS)
    public List<Incident> list(LocalDate from, LocalDate to, String area) {
        return store.overlapping(from.atStartOfDay(Zones.ZONE).toInstant(), to.plusDays(1).atStartOfDay(Zones.ZONE).toInstant(), area)
                .stream().map(i -> new Incident(i.id(), i.ref(), i.startedAt(), i.endedAt(), i.kind(), i.cause(), i.department(),
                        i.institution(), i.area(), null, i.reportedBy(), i.reportedAt(), i.version()))
                .toList();
    }

    public java.util.Set<Long> analysed(List<Incident> incidents) {
        return store.analysed(incidents.stream().map(Incident::id).toList());
    }

    @PreAuthorize(VIEWERS)
    public EffectGoal4 effectGoal4(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) throw ValidationException.of("to", "incidents.error.period");
        return EffectGoal4.of(store, from, to);
    }

    // ------------------------------------------------------------------ analysis

    /** One action row as typed. */
    public record ActionForm(String action, String responsible, String deadline, boolean done) {
        boolean blank() {
            return blankToNull(action) == null && blankToNull(responsible) == null && blankToNull(deadline) == null;
        }
    }

    /**
     * Saves the incident analysis: findings required; each action (rows left empty are skipped) needs a
     * text and a responsible function (not a name); the deadline is optional. Field ids {@code findings},
     * {@code followUp}, {@code action-N}, {@code responsible-N}, {@code deadline-N}.
     */
    @Transactional
    @PreAuthorize(VIEWERS)
    public void saveAnalysis(long id, int version, String findings, String followUp, List<ActionForm> actions) {
        get(id);
        List<FieldProblem> problems = new ArrayList<>();
        String f = blankToNull(findings);
        if (f == null) problems.add(FieldProblem.of("findings", "incidents.error.required"));
        else if (f.length() > MAX_TEXT) problems.add(FieldProblem.of("findings", "incidents.error.long", MAX_TEXT));
        String fu = blankToNull(followUp);
        if (fu != null && fu.length() > MAX_TEXT) problems.add(FieldProblem.of("followUp", "incidents.error.long", MAX_TEXT));
        List<IncidentStore.Action> valid = new ArrayList<>();
        for (int n = 0; n < actions.size() && n < MAX_ACTIONS; n++) {
            ActionForm a = actions.get(n);
            if (a.blank()) continue;
            String text = blankToNull(a.action());
            String resp = blankToNull(a.responsible());
            if (text == null) problems.add(FieldProblem.of("action-" + n, "incidents.error.required"));
            else if (text.length() > 500) problems.add(FieldProblem.of("action-" + n, "incidents.error.long", 500));
            if (resp == null) problems.add(FieldProblem.of("responsible-" + n, "incidents.error.required"));
            else if (resp.length() > MAX_INSTITUTION) problems.add(FieldProblem.of("responsible-" + n, "incidents.error.long", MAX_INSTITUTION));
            else if (looksPersonal(resp)) problems.add(FieldProblem.of("responsible-" + n, "incidents.error.personal"));
            LocalDate deadline = null;
            if (blankToNull(a.deadline()) != null) {
                try {
                    deadline = LocalDate.parse(a.deadline().strip());
                } catch (DateTimeParseException e) {
                    problems.add(FieldProblem.of("deadline-" + n, "incidents.error.date"));
                }
            }
            valid.add(new IncidentStore.Action(text, resp, deadline, a.done()));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        if (!store.saveAnalysis(id, f, fu, valid, version, CurrentUser.username())) throw new ConflictException("incidents.stale");
        audit.record(AuditAction.UPDATE, null, null, "hændelse " + id + ", analyse", null);
    }

    // ------------------------------------------------------------------ reporting duty

    /** One department's line of the monthly overview: incidents starting in the month, its confirmation. */
    public record MonthStatus(String department, long incidents, OffsetDateTime confirmedAt) {
        public boolean reported() {
            return incidents > 0 || confirmedAt != null;
        }

        public String label() {
            return dk.vendepunkt.organisation.Department.label(department);
        }
    }

    /** Every department's status for a month: reported when it reported an incident or confirmed "nothing to report". */
    @PreAuthorize(REPORTERS)
    public List<MonthStatus> month(YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay(Zones.ZONE).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(Zones.ZONE).toInstant();
        Map<String, Long> counts = store.reportedPerDepartment(start, end);
        Map<String, OffsetDateTime> confirmed = store.confirmations(month.atDay(1));
        List<MonthStatus> out = new ArrayList<>();
        for (String d : Incident.DEPARTMENTS) out.add(new MonthStatus(d, counts.getOrDefault(d, 0L), confirmed.get(d)));
        return out;
    }

    /** A department confirms that it has nothing (more) to report for a month. */
    @Transactional
    @PreAuthorize(REPORTERS)
    public void confirm(String department, YearMonth month) {
        if (department == null || !Incident.DEPARTMENTS.contains(department)) throw ValidationException.of("department", "incidents.error.department");
        if (month.isAfter(YearMonth.now(clock))) throw ValidationException.of("month", "incidents.error.future");
        store.confirm(department, month.atDay(1), CurrentUser.username());
    }

    // ------------------------------------------------------------------ helpers

    private static OffsetDateTime dateTime(String raw, String field, boolean required, List<FieldProblem> problems) {
        String v = blankToNull(raw);
        if (v == null) {
            if (required) problems.add(FieldProblem.of(field, "incidents.error.required"));
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(Zones.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "incidents.error.dateTime"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field, List<FieldProblem> problems) {
        E value = Enums.parseOrNull(type, raw);
        if (value == null) problems.add(FieldProblem.of(field, "incidents.error.choice"));
        return value;
    }
}
