package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.casework.RiskInstruments.Band;
import dk.vendepunkt.casework.RiskInstruments.Definition;
import dk.vendepunkt.casework.RiskInstruments.Domain;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instruments as data: what a valid definition is, the pick by age, and scoring (ADR 0021). */
class InstrumentRulesTest {

    static final List<Band> BANDS = List.of(new Band("LOW", 0), new Band("MODERATE", 3), new Band("HIGH", 6), new Band("VERY_HIGH", 8));

    static Definition def(String code, Integer min, Integer max, boolean active) {
        return new Definition(code, "Redskab " + code, null, min, max,
                List.of(new Domain("PEER_RELATIONS", "Kammeratskaber", 4), new Domain("FAMILY_PARENTING", "Familie", 6)), BANDS, active, 0);
    }

    static final Definition YLS = def("YLS_CMI", 12, 17, true);
    static final Definition LSRNR = def("LS_RNR", 18, null, true);
    static final Definition GENERIC = def("GENERIC_9", null, null, true);

    static List<String> codes(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void aValidDefinitionHasNoProblems() {
        assertThat(InstrumentRules.problems(YLS, List.of(LSRNR, GENERIC))).isEmpty();
    }

    @Test
    void codeNameAndAgesAreChecked() {
        var d = new Definition("yls cmi", " ", null, 17, 12, YLS.domains(), BANDS, true, 0);
        assertThat(codes(InstrumentRules.problems(d, List.of())))
                .containsExactly("code:instrument.code.invalid", "name:instrument.name.required", "maxAge:instrument.age.order");
        assertThat(codes(InstrumentRules.problems(def("X1", null, 17, true), List.of()))).containsExactly("minAge:instrument.age.minRequired");
        assertThat(codes(InstrumentRules.problems(def("X1", -1, 121, true), List.of())))
                .containsExactly("minAge:instrument.age.range", "maxAge:instrument.age.range");
    }

    @Test
    void anActiveAgeRangeMayNotOverlapAnotherActiveOne() {
        assertThat(codes(InstrumentRules.problems(def("NEW", 16, 19, true), List.of(YLS, LSRNR)))).containsExactly("minAge:instrument.age.overlap");
        assertThat(codes(InstrumentRules.problems(def("NEW", 30, null, true), List.of(YLS, LSRNR)))).containsExactly("minAge:instrument.age.overlap");
        assertThat(InstrumentRules.problems(def("NEW", 6, 11, true), List.of(YLS, LSRNR))).isEmpty();
        assertThat(InstrumentRules.problems(def("NEW", 16, 19, false), List.of(YLS, LSRNR))).as("inactive").isEmpty();
        assertThat(InstrumentRules.problems(def("NEW", 16, 19, true), List.of(def("YLS_CMI", 12, 17, false)))).as("other inactive").isEmpty();
        assertThat(InstrumentRules.problems(YLS, List.of(YLS))).as("itself").isEmpty();
    }

    @Test
    void domainsNeedUniqueCodesNamesAndAMaximum() {
        var d = new Definition("X1", "X", null, null, null, List.of(new Domain("A1", "Et", 3), new Domain("A1", "", 0), new Domain("b", "Tre", 101)),
                BANDS.subList(0, 1), true, 0);
        assertThat(codes(InstrumentRules.problems(d, List.of()))).containsExactly("domains:instrument.domain.duplicate",
                "domains:instrument.domain.name", "domains:instrument.domain.maxScore", "domains:instrument.domain.code",
                "domains:instrument.domain.maxScore");
        var none = new Definition("X1", "X", null, null, null, List.of(), BANDS.subList(0, 1), true, 0);
        assertThat(codes(InstrumentRules.problems(none, List.of()))).containsExactly("domains:instrument.domains.required");
    }

    @Test
    void bandsStartAtZeroAndRiseWithTheLevel() {
        var notZero = new Definition("X1", "X", null, null, null, YLS.domains(), List.of(new Band("LOW", 1), new Band("HIGH", 5)), true, 0);
        assertThat(codes(InstrumentRules.problems(notZero, List.of()))).containsExactly("bandLOW:instrument.band.startAtZero");
        var falling = new Definition("X1", "X", null, null, null, YLS.domains(), List.of(new Band("LOW", 0), new Band("MODERATE", 6), new Band("HIGH", 4)), true, 0);
        assertThat(codes(InstrumentRules.problems(falling, List.of()))).containsExactly("bandHIGH:instrument.band.rising");
        var above = new Definition("X1", "X", null, null, null, YLS.domains(), List.of(new Band("LOW", 0), new Band("VERY_HIGH", 11)), true, 0);
        assertThat(codes(InstrumentRules.problems(above, List.of()))).containsExactly("bandVERY_HIGH:instrument.band.aboveMax");
        var none = new Definition("X1", "X", null, null, null, YLS.domains(), List.of(), true, 0);
        assertThat(codes(InstrumentRules.problems(none, List.of()))).containsExactly("bands:instrument.bands.required");
    }

    @Test
    void theAgePicksTheInstrument() {
        List<Definition> all = List.of(GENERIC, YLS, LSRNR);
        assertThat(InstrumentRules.forAge(all, 11)).as("none under 12").isEmpty();
        assertThat(InstrumentRules.forAge(all, 12)).contains(YLS);
        assertThat(InstrumentRules.forAge(all, 17)).contains(YLS);
        assertThat(InstrumentRules.forAge(all, 18)).contains(LSRNR);
        assertThat(InstrumentRules.forAge(all, 70)).contains(LSRNR);
        assertThat(InstrumentRules.forAge(List.of(GENERIC, def("YLS_CMI", 12, 17, false), LSRNR), 14)).as("inactive is not picked").isEmpty();
    }

    @Test
    void aScreeningIsScoredIntoTheBandReached() {
        assertThat(InstrumentRules.score(YLS, Map.of("PEER_RELATIONS", 2, "FAMILY_PARENTING", 4)).level()).isEqualTo("HIGH");
        assertThat(InstrumentRules.score(YLS, Map.of("PEER_RELATIONS", 0, "FAMILY_PARENTING", 2)).level()).isEqualTo("LOW");
        assertThat(InstrumentRules.score(YLS, Map.of("PEER_RELATIONS", 4, "FAMILY_PARENTING", 6)).total()).isEqualTo(10);
        assertThatThrownBy(() -> InstrumentRules.score(YLS, Map.of("PEER_RELATIONS", 5, "OTHER", 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(codes(e.problems())).containsExactlyInAnyOrder(
                        "domains[OTHER]:instrument.score.unknownDomain", "domains[PEER_RELATIONS]:instrument.score.range",
                        "domains[FAMILY_PARENTING]:instrument.score.required"));
    }
}
