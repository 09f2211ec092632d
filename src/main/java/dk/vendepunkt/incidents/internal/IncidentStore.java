package dk.vendepunkt.incidents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code inc_} tables. */
@Repository
public class IncidentStore {

    private static final String COLUMNS = "id, ref, started_at, ended_at, kind, cause, department, institution, area, description, reported_by, reported_at, version";

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Incident row(ResultSet rs, int n) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getString("ref"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("ended_at", OffsetDateTime.class), IncidentKind.valueOf(rs.getString("kind")), Cause.valueOf(rs.getString("cause")),
                rs.getString("department"), rs.getString("institution"), rs.getString("area"), rs.getString("description"),
                rs.getString("reported_by"), rs.getObject("reported_at", OffsetDateTime.class), rs.getInt("version"));
    }

    /** The values of one incident as reported (form or import). */
    public record Values(String ref, OffsetDateTime startedAt, OffsetDateTime endedAt, IncidentKind kind, Cause cause, String department,
                         String institution, String area, String description) {}

    /** Inserts or, when the ref exists, updates; true when inserted. The description is kept when the new one is null and keepDescription. */
    public boolean upsert(Values v, String by) {
        return jdbc.sql("""
                insert into inc_incident (ref, started_at, ended_at, kind, cause, department, institution, area, description, reported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (ref) do update set started_at = excluded.started_at, ended_at = excluded.ended_at, kind = excluded.kind,
                    cause = excluded.cause, department = excluded.department, institution = excluded.institution, area = excluded.area,
                    description = coalesce(excluded.description, inc_incident.description), version = inc_incident.version + 1
                returning (xmax = 0)""")
                .params(v.ref(), v.startedAt(), v.endedAt(), v.kind().name(), v.cause().name(), v.department(), v.institution(), v.area(),
                        v.description(), by)
                .query(Boolean.class).single();
    }

    /** Updates an incident of the form at its version; false when the version is stale. */
    public boolean update(long id, int version, Values v) {
        return jdbc.sql("""
                update inc_incident set started_at = ?, ended_at = ?, kind = ?, cause = ?, department = ?, institution = ?, area = ?,
                    description = ?, version = version + 1 where id = ? and version = ?""")
                .params(v.startedAt(), v.endedAt(), v.kind().name(), v.cause().name(), v.department(), v.institution(), v.area(),
                        v.description(), id, version)
                .update() == 1;
    }

    public Optional<Incident> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from inc_incident where id = ?").param(id).query(IncidentStore::row).optional();
    }

    public long idOf(String ref) {
        return jdbc.sql("select id from inc_incident where ref = ?").param(ref).query(Long.class).single();
    }

    /** Incidents whose interval [started_at, ended_at or ∞) overlaps [start, end), optionally of one area; newest first. */
    public List<Incident> overlapping(Instant start, Instant end, String area) {
        return jdbc.sql("select " + COLUMNS + " from inc_incident where started_at < ? and (ended_at is null or ended_at > ?)"
                        + (area == null ? "" : " and area = ?") + " order by started_at desc, id desc")
                .params(area == null ? List.of(end.atOffset(java.time.ZoneOffset.UTC), start.atOffset(java.time.ZoneOffset.UTC))
                        : List.of(end.atOffset(java.time.ZoneOffset.UTC), start.atOffset(java.time.ZoneOffset.UTC), area))
                .query(IncidentStore::row).list();
    }

    /** The year of the earliest incident, if any. */
    public Optional<Integer> firstYear() {
        return jdbc.sql("select extract(year from min(started_at) at time zone 'Europe/Copenhagen')::int from inc_incident")
                .query(Integer.class).optional().filter(java.util.Objects::nonNull);
    }

    // ------------------------------------------------------------------ analysis

    public record Action(String action, String responsible, LocalDate deadline, boolean done) {}

    public record Analysis(long incidentId, String findings, String followUp, List<Action> actions, String updatedBy, OffsetDateTime updatedAt, int version) {}

    public Optional<Analysis> analysis(long incidentId) {
        List<Action> actions = jdbc.sql("select action, responsible, deadline, done from inc_action where incident_id = ? order by position")
                .param(incidentId)
                .query((rs, n) -> new Action(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4))).list();
        return jdbc.sql("select findings, follow_up, updated_by, updated_at, version from inc_analysis where incident_id = ?").param(incidentId)
                .query((rs, n) -> new Analysis(incidentId, rs.getString(1), rs.getString(2), actions, rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getInt(5)))
                .optional();
    }

    /** Saves the analysis at its version (−1: none stored yet) and replaces its actions; false when stale. */
    public boolean saveAnalysis(long incidentId, String findings, String followUp, List<Action> actions, int version, String by) {
        int n = version < 0
                ? jdbc.sql("insert into inc_analysis (incident_id, findings, follow_up, updated_by) values (?, ?, ?, ?) on conflict do nothing")
                        .params(incidentId, findings, followUp, by).update()
                : jdbc.sql("update inc_analysis set findings = ?, follow_up = ?, updated_by = ?, updated_at = now(), version = version + 1 "
                        + "where incident_id = ? and version = ?").params(findings, followUp, by, incidentId, version).update();
        if (n != 1) return false;
        jdbc.sql("delete from inc_action where incident_id = ?").param(incidentId).update();
        int pos = 0;
        for (Action a : actions) {
            jdbc.sql("insert into inc_action (incident_id, position, action, responsible, deadline, done) values (?, ?, ?, ?, ?, ?)")
                    .params(incidentId, pos++, a.action(), a.responsible(), a.deadline(), a.done()).update();
        }
        return true;
    }

    /** The ids of the incidents that have an analysis. */
    public java.util.Set<Long> analysed(List<Long> ids) {
        if (ids.isEmpty()) return java.util.Set.of();
        return new java.util.HashSet<>(jdbc.sql("select incident_id from inc_analysis where incident_id in (:ids)").param("ids", ids)
                .query(Long.class).list());
    }

    // ------------------------------------------------------------------ monthly reporting

    /** Incidents reported per department whose start lies in [start, end). */
    public Map<String, Long> reportedPerDepartment(Instant start, Instant end) {
        return jdbc.sql("select department, count(*) from inc_incident where started_at >= ? and started_at < ? group by department")
                .params(start.atOffset(java.time.ZoneOffset.UTC), end.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The departments' "nothing to report" confirmations of a month (first day), by department. */
    public Map<String, OffsetDateTime> confirmations(LocalDate month) {
        return jdbc.sql("select department, confirmed_at from inc_month_report where month = ?").param(month)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void confirm(String department, LocalDate month, String by) {
        jdbc.sql("insert into inc_month_report (department, month, confirmed_by) values (?, ?, ?) on conflict do nothing")
                .params(department, month, by).update();
    }

    /** Clears the free-text description of incidents that ended before the cut-off (never of an ongoing one); returns how many. */
    public int clearDescriptionsBefore(Instant cutoff) {
        return jdbc.sql("update inc_incident set description = null where description is not null and ended_at < ?")
                .param(cutoff.atOffset(java.time.ZoneOffset.UTC)).update();
    }
}
