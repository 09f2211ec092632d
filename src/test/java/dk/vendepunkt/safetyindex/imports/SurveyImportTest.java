package dk.vendepunkt.safetyindex.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dk.vendepunkt.platform.imports.ImportError;
import dk.vendepunkt.platform.imports.ImportFailedException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyImportTest {

    static final Set<String> DISTRICTS = Set.of("D01", "D02");
    static final String HEADER = "respondent_ref,year,area,weight,feels_unsafe,victimised,crime_big_problem\n";

    static List<SurveyImport.Line> parse(String csv) {
        return SurveyImport.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), DISTRICTS);
    }

    static List<ImportError> errors(String csv) {
        return catchThrowableOfType(ImportFailedException.class, () -> parse(csv)).errors();
    }

    @Test
    void validRowsWithEmptyWeightAndUnansweredQuestions() {
        var lines = parse("\uFEFF" + HEADER + "R1,2025,D01,,1,0,\nR2,2025,D02,1.25,,,1\n\"R3\",2024,D01,0.5,0,1,0\n");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).weight()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(lines.get(0).feelsUnsafe()).isEqualTo(1);
        assertThat(lines.get(0).victimised()).isEqualTo(0);
        assertThat(lines.get(0).crimeBigProblem()).isNull();
        assertThat(lines.get(1).weight()).isEqualByComparingTo("1.25");
        assertThat(lines.get(1).feelsUnsafe()).isNull();
        assertThat(lines.get(2).year()).isEqualTo(2024);
    }

    @Test
    void columnsInAnyOrder() {
        var lines = parse("area,year,respondent_ref,crime_big_problem,victimised,feels_unsafe,weight\nD02,2025,X9,1,0,1,2\n");
        assertThat(lines.getFirst().ref()).isEqualTo("X9");
        assertThat(lines.getFirst().crimeBigProblem()).isEqualTo(1);
        assertThat(lines.getFirst().weight()).isEqualByComparingTo("2");
    }

    @Test
    void everyColumnIsValidatedAndEveryErrorReported() {
        var errors = errors(HEADER
                + ",2025,D01,1,1,1,1\n"            // 2: ref missing
                + "R 2,2025,D01,1,1,1,1\n"         // 3: ref invalid
                + "R3,,D01,1,1,1,1\n"              // 4: year missing
                + "R4,20x5,D01,1,1,1,1\n"          // 5: year not a number
                + "R5,1800,D01,1,1,1,1\n"          // 6: year out of range
                + "R6,2025,,1,1,1,1\n"             // 7: area missing
                + "R7,2025,B01,1,1,1,1\n"          // 8: area unknown (e.g. a bydel)
                + "R8,2025,D01,0,1,1,1\n"          // 9: weight 0
                + "R9,2025,D01,-1,1,1,1\n"         // 10: weight negative
                + "R10,2025,D01,1,5,1,1,1\n"       // 11: weight 1,5 with a decimal comma: too many fields
                + "R11,2025,D01,abc,1,1,1\n"       // 12: weight not a number
                + "R12,2025,D01,1,2,1,1\n"         // 13: feels_unsafe 2
                + "R13,2025,D01,1,1,yes,1\n"       // 14: victimised yes
                + "R14,2025,D01,1,1,1,-1\n"        // 15: crime_big_problem -1
                + "R15,2025,D01,1,1,1,1\n"
                + "R15,2025,D02,1,1,1,1\n");       // 17: duplicate respondent and year in the file
        assertThat(errors).extracting(ImportError::line, ImportError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "respondent_ref"),
                org.assertj.core.groups.Tuple.tuple(3L, "respondent_ref"),
                org.assertj.core.groups.Tuple.tuple(4L, "year"),
                org.assertj.core.groups.Tuple.tuple(5L, "year"),
                org.assertj.core.groups.Tuple.tuple(6L, "year"),
                org.assertj.core.groups.Tuple.tuple(7L, "area"),
                org.assertj.core.groups.Tuple.tuple(8L, "area"),
                org.assertj.core.groups.Tuple.tuple(9L, "weight"),
                org.assertj.core.groups.Tuple.tuple(10L, "weight"),
                org.assertj.core.groups.Tuple.tuple(11L, null),
                org.assertj.core.groups.Tuple.tuple(12L, "weight"),
                org.assertj.core.groups.Tuple.tuple(13L, "feels_unsafe"),
                org.assertj.core.groups.Tuple.tuple(14L, "victimised"),
                org.assertj.core.groups.Tuple.tuple(15L, "crime_big_problem"),
                org.assertj.core.groups.Tuple.tuple(17L, "respondent_ref"));
        assertThat(errors.get(6).value()).isEqualTo("B01");
        assertThat(errors.get(6).message()).contains("distrikt");
    }

    @Test
    void theSameRespondentInTwoYearsIsTwoRows() {
        assertThat(parse(HEADER + "R1,2024,D01,1,1,1,1\nR1,2025,D01,1,1,1,1\n")).hasSize(2);
    }

    @Test
    void missingAndUnknownColumns() {
        var errors = errors("respondent_ref,year,area,weight,feels_unsafe,victimised,crime\nR1,2025,D01,1,1,1,1\n");
        assertThat(errors).extracting(ImportError::column).contains("crime_big_problem", "crime");
    }
}
