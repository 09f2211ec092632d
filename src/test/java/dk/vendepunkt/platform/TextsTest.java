package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The one rule for user text: control characters, lengths, excerpts, and the database's refusals. */
class TextsTest {

    @Test
    void aDanishTitleBecomesAFileNameInDanish() {
        assertThat(Texts.fileName("Nøgletal for kriminalitet 2025")).isEqualTo("noegletal-for-kriminalitet-2025");
        assertThat(Texts.fileName("Årsrapport: Sikker By – 2010 (intern)")).isEqualTo("aarsrapport-sikker-by-2010-intern");
        assertThat(Texts.fileName("Café Ægir")).isEqualTo("cafe-aegir");
        assertThat(Texts.fileName(" – ")).isEqualTo("rapport");
    }

    @Test
    void controlCharactersOtherThanTabAndLineBreaksAreRefused() {
        assertThat(Texts.hasControl("Anna Ørsted-Hansen\tnote\r\nlinje 2")).isFalse();
        assertThat(Texts.hasControl("a\u0000b")).isTrue();
        assertThat(Texts.hasControl("a\u0007b")).isTrue();
        assertThat(Texts.hasControl("\u001f")).isTrue();
        assertThat(Texts.problem("name", "a\u0000", 10).code()).isEqualTo("text.control");
    }

    @Test
    void lengthsAreCheckedAgainstTheGivenLimit() {
        assertThat(Texts.problem("name", "x".repeat(200), Texts.SHORT)).isNull();
        assertThat(Texts.problem("name", null, Texts.SHORT)).isNull();
        var tooLong = Texts.problem("name", "x".repeat(201), Texts.SHORT);
        assertThat(tooLong.code()).isEqualTo("text.tooLong");
        assertThat(tooLong.args()).containsExactly(Texts.SHORT);
        assertThatThrownBy(() -> Texts.require("q", "x".repeat(Texts.MAX_LENGTH + 1), Texts.MAX_LENGTH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("q:text.tooLong");
    }

    @Test
    void anExcerptIsAtMostSixtyCharactersAndAnEllipsisWithoutControlCharacters() {
        assertThat(Texts.excerpt("kort")).isEqualTo("kort");
        assertThat(Texts.excerpt("x".repeat(60))).isEqualTo("x".repeat(60));
        assertThat(Texts.excerpt("x".repeat(5_000_000))).isEqualTo("x".repeat(60) + "…");
        assertThat(Texts.excerpt("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(Texts.excerpt(null)).isNull();
    }

    @Test
    void theDatabaseRefusingAValueIsRecognisedByItsSqlState() {
        assertThat(Texts.refusedByDatabase(new DataIntegrityViolationException("x",
                new SQLException("value too long for type character varying(32)", "22001")))).isTrue();
        assertThat(Texts.refusedByDatabase(new DataIntegrityViolationException("x",
                new SQLException("index row requires 12345 bytes", "54000")))).isTrue();
        assertThat(Texts.refusedByDatabase(new DataIntegrityViolationException("x",
                new SQLException("Zero bytes may not occur in string parameters.", "22023")))).isTrue();
        assertThat(Texts.refusedByDatabase(new DataIntegrityViolationException("x",
                new SQLException("null value in column", "23502")))).isFalse();
        assertThat(Texts.refusedByDatabase(new IllegalStateException())).isFalse();
    }

    @Test
    void anEmptyOptionalTextIsAbsentAndAGivenOneIsStripped() {
        assertThat(Texts.blankToNull(null)).isNull();
        assertThat(Texts.blankToNull("")).isNull();
        assertThat(Texts.blankToNull(" \t\n ")).isNull();
        assertThat(Texts.blankToNull("  Aarhus  ")).isEqualTo("Aarhus");
        assertThat(Texts.blankToNull("a b")).isEqualTo("a b");
        assertThat(Texts.isBlank(" ")).isTrue();
        assertThat(Texts.isBlank(null)).isTrue();
        assertThat(Texts.isBlank(" x")).isFalse();
    }
}
