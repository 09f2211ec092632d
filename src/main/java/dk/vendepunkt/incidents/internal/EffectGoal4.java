package dk.vendepunkt.incidents.internal;

import dk.vendepunkt.platform.Zones;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sikker By effect goal 4 for a period, as the data contract defines it: closures (kind CLOSURE, cause
 * UNREST or CRISIS) whose [started_at, ended_at) overlaps [from 00:00, the day after {@code to} 00:00) in
 * Europe/Copenhagen, an ongoing one open to the period's end; their overlapping hours; the same per
 * department (every department); staff incidents starting in the period per kind; met when no closure.
 */
public record EffectGoal4(LocalDate from, LocalDate to, int closures, BigDecimal closureHours, List<DepartmentFigures> byDepartment,
                          List<KindCount> staffIncidents, boolean goalMet) {

    public record DepartmentFigures(String department, int closures, BigDecimal closureHours) {
        public String label() {
            return dk.vendepunkt.organisation.Department.label(department);
        }
    }

    public record KindCount(IncidentKind kind, int count) {}

    /** Whether an incident is a closure that effect goal 4 counts (regardless of period). */
    public static boolean countedClosure(Incident i) {
        return i.kind() == IncidentKind.CLOSURE && i.cause().unrestOrCrisis();
    }

    /** Computes the goal from the stored incidents that overlap the period. */
    public static EffectGoal4 of(IncidentStore store, LocalDate from, LocalDate to) {
        return of(from, to, store.overlapping(from.atStartOfDay(Zones.ZONE).toInstant(), to.plusDays(1).atStartOfDay(Zones.ZONE).toInstant(), null));
    }

    /** Computes the goal from the incidents given (others than those of the period are ignored). */
    public static EffectGoal4 of(LocalDate from, LocalDate to, List<Incident> incidents) {
        Instant start = from.atStartOfDay(Zones.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Zones.ZONE).toInstant();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Long> seconds = new LinkedHashMap<>();
        for (String d : Incident.DEPARTMENTS) {
            counts.put(d, new int[1]);
            seconds.put(d, 0L);
        }
        Map<IncidentKind, int[]> staff = new LinkedHashMap<>();
        for (IncidentKind k : IncidentKind.STAFF) staff.put(k, new int[1]);
        int closures = 0;
        long totalSeconds = 0;
        for (Incident i : incidents) {
            Instant s = i.startedAt().toInstant();
            if (staff.containsKey(i.kind()) && !s.isBefore(start) && s.isBefore(end)) staff.get(i.kind())[0]++;
            if (!countedClosure(i)) continue;
            Instant e = i.endedAt() == null ? end : i.endedAt().toInstant();
            if (!s.isBefore(end) || !e.isAfter(start)) continue;
            long secs = Duration.between(s.isAfter(start) ? s : start, e.isBefore(end) ? e : end).toSeconds();
            closures++;
            totalSeconds += secs;
            counts.computeIfAbsent(i.department(), d -> new int[1])[0]++;
            seconds.merge(i.department(), secs, Long::sum);
        }
        List<DepartmentFigures> byDepartment = new ArrayList<>();
        for (var d : counts.entrySet()) byDepartment.add(new DepartmentFigures(d.getKey(), d.getValue()[0], hours(seconds.get(d.getKey()))));
        List<KindCount> staffIncidents = new ArrayList<>();
        for (var k : staff.entrySet()) staffIncidents.add(new KindCount(k.getKey(), k.getValue()[0]));
        return new EffectGoal4(from, to, closures, hours(totalSeconds), byDepartment, staffIncidents, closures == 0);
    }

    /** Seconds as hours rounded to 0.1 (half up). */
    public static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
    }
}
