package dk.vendepunkt.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Effect goal 4's overlap and counting rules (data contract, "Effect goal 4"). */
class EffectGoal4Test {

    static final LocalDate FROM = LocalDate.of(2010, 1, 1);
    static final LocalDate TO = LocalDate.of(2013, 12, 31);
    static int seq;

    static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(dk.vendepunkt.platform.Zones.ZONE).toOffsetDateTime();
    }

    static Incident incident(String start, String end, IncidentKind kind, Cause cause, String department) {
        return new Incident(++seq, "T" + seq, at(start), end == null ? null : at(end), kind, cause, department, "Klubben", null, null, "t", at(start), 0);
    }

    static EffectGoal4.DepartmentFigures dept(EffectGoal4 g, String code) {
        return g.byDepartment().stream().filter(d -> d.department().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void noIncidentsMeetsTheGoalAndListsEveryDepartmentAndStaffKindWithZeros() {
        EffectGoal4 g = EffectGoal4.of(FROM, TO, List.of());
        assertThat(g.goalMet()).isTrue();
        assertThat(g.closures()).isZero();
        assertThat(g.closureHours()).isEqualByComparingTo("0");
        assertThat(g.byDepartment()).extracting(EffectGoal4.DepartmentFigures::department)
                .containsExactly("OKF", "SOF", "BUF", "BIF", "KFF", "TMF", "SUF");
        assertThat(g.staffIncidents()).extracting(EffectGoal4.KindCount::kind)
                .containsExactly(IncidentKind.THREAT_TO_STAFF, IncidentKind.VIOLENCE_TO_STAFF, IncidentKind.HARASSMENT_OF_STAFF);
        assertThat(g.staffIncidents()).allMatch(k -> k.count() == 0);
    }

    @Test
    void closuresAcrossThePeriodsStartAndEndCountOnlyTheirOverlappingHours() {
        // 2009-12-31 22:00 → 2010-01-01 04:00: 4 h inside; 2013-12-31 20:00 → 2014-01-01 10:00: 4 h inside
        EffectGoal4 g = EffectGoal4.of(FROM, TO, List.of(
                incident("2009-12-31T22:00", "2010-01-01T04:00", IncidentKind.CLOSURE, Cause.UNREST, "BUF"),
                incident("2013-12-31T20:00", "2014-01-01T10:00", IncidentKind.CLOSURE, Cause.CRISIS, "SOF")));
        assertThat(g.closures()).isEqualTo(2);
        assertThat(g.closureHours()).isEqualByComparingTo("8.0");
        assertThat(dept(g, "BUF").closures()).isEqualTo(1);
        assertThat(dept(g, "BUF").closureHours()).isEqualByComparingTo("4.0");
        assertThat(dept(g, "SOF").closureHours()).isEqualByComparingTo("4.0");
        assertThat(dept(g, "OKF").closures()).isZero();
        assertThat(g.goalMet()).isFalse();
    }

    @Test
    void closuresTouchingThePeriodOnlyAtItsBoundsDoNotOverlap() {
        EffectGoal4 g = EffectGoal4.of(FROM, TO, List.of(
                incident("2009-12-31T20:00", "2010-01-01T00:00", IncidentKind.CLOSURE, Cause.UNREST, "BUF"),
                incident("2014-01-01T00:00", "2014-01-01T05:00", IncidentKind.CLOSURE, Cause.UNREST, "BUF")));
        assertThat(g.closures()).isZero();
        assertThat(g.goalMet()).isTrue();
    }

    @Test
    void anOngoingClosureIsOpenToThePeriodsEnd() {
        EffectGoal4 g = EffectGoal4.of(FROM, LocalDate.of(2010, 1, 2), List.of(
                incident("2010-01-02T18:00", null, IncidentKind.CLOSURE, Cause.UNREST, "KFF")));
        assertThat(g.closures()).isEqualTo(1);
        assertThat(g.closureHours()).isEqualByComparingTo("6.0");
        assertThat(dept(g, "KFF").closureHours()).isEqualByComparingTo("6.0");
    }

    @Test
    void otherCausesAndOtherKindsAreNotClosuresOfTheGoal() {
        EffectGoal4 g = EffectGoal4.of(FROM, TO, List.of(
                incident("2011-09-05T07:00", "2011-09-09T16:00", IncidentKind.CLOSURE, Cause.OTHER, "BUF"),
                incident("2011-02-18T22:00", "2011-02-19T02:00", IncidentKind.REDUCED_SERVICE, Cause.UNREST, "SUF"),
                incident("2011-02-18T21:40", "2011-02-18T22:10", IncidentKind.VANDALISM, Cause.UNREST, "SUF")));
        assertThat(g.closures()).isZero();
        assertThat(g.goalMet()).isTrue();
    }

    @Test
    void hoursAreSummedExactlyThenRoundedToOneDecimal() {
        // 20 min + 20 min = 0.67 h → 0.7 (each alone would round to 0.3)
        EffectGoal4 g = EffectGoal4.of(FROM, TO, List.of(
                incident("2012-05-01T10:00", "2012-05-01T10:20", IncidentKind.CLOSURE, Cause.UNREST, "TMF"),
                incident("2012-06-01T10:00", "2012-06-01T10:20", IncidentKind.CLOSURE, Cause.UNREST, "TMF")));
        assertThat(g.closureHours()).isEqualTo(new BigDecimal("0.7"));
        assertThat(dept(g, "TMF").closureHours()).isEqualTo(new BigDecimal("0.7"));
    }

    @Test
    void closuresAcrossTheDaylightSavingChangeCountRealHours() {
        // the night of 2012-03-25 has 23 hours in Copenhagen: 00:00 → 04:00 local is 3 hours
        EffectGoal4 g = EffectGoal4.of(FROM, TO, List.of(incident("2012-03-25T00:00", "2012-03-25T04:00", IncidentKind.CLOSURE, Cause.UNREST, "BUF")));
        assertThat(g.closureHours()).isEqualByComparingTo("3.0");
    }

    @Test
    void staffIncidentsCountByKindWhenTheyStartInThePeriod() {
        EffectGoal4 g = EffectGoal4.of(FROM, TO, List.of(
                incident("2009-12-31T23:00", "2010-01-01T01:00", IncidentKind.THREAT_TO_STAFF, Cause.OTHER, "SUF"),
                incident("2010-01-01T00:00", "2010-01-01T01:00", IncidentKind.THREAT_TO_STAFF, Cause.OTHER, "SUF"),
                incident("2013-12-31T23:59", null, IncidentKind.VIOLENCE_TO_STAFF, Cause.UNREST, "SUF"),
                incident("2012-01-01T12:00", "2012-01-01T13:00", IncidentKind.HARASSMENT_OF_STAFF, Cause.OTHER, "BUF"),
                incident("2012-01-01T12:00", "2012-01-01T13:00", IncidentKind.HARASSMENT_OF_STAFF, Cause.OTHER, "BUF"),
                incident("2012-01-01T12:00", "2012-01-01T13:00", IncidentKind.VANDALISM, Cause.OTHER, "BUF")));
        assertThat(g.staffIncidents()).extracting(EffectGoal4.KindCount::count).containsExactly(1, 1, 2);
    }
}
