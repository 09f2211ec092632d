package dk.vendepunkt.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.platform.Texts;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    enum Colour { RED, GREEN }

    record Parsed(String ref, LocalDate date, Colour colour, BigDecimal amount, Boolean flag, OffsetDateTime at) {}

    List<Parsed> read(CsvFile f, String content) {
        List<Parsed> out = new ArrayList<>();
        f.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), r -> {
            Parsed p = new Parsed(r.required("ref"), r.date("date", true), r.enumValue("colour", Colour.class, false),
                    r.decimal("amount", false), r.bool("flag", true), r.dateTime("at", false));
            if (r.valid()) out.add(p);
        });
        return out;
    }

    CsvFile file() {
        return new CsvFile("test", List.of("ref", "date", "colour", "amount", "flag", "at"));
    }

    @Test
    void readsColumnsInAnyOrderWithBomAndQuoting() {
        CsvFile f = file();
        List<Parsed> rows = read(f, "\uFEFFflag,at,ref,date,colour,amount\r\n"
                + "true,2010-03-14T22:05,\"a,1\",2010-01-31,RED,1234.50\r\n"
                + "false,2010-03-14T22:05+02:00,\"b \"\"q\"\"\",2012-02-29,,\r\n");
        assertThat(f.errors()).isEmpty();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).ref()).isEqualTo("a,1");
        assertThat(rows.get(0).amount()).isEqualByComparingTo("1234.50");
        assertThat(rows.get(0).at().getOffset().getTotalSeconds()).isEqualTo(3600); // CET in March before DST
        assertThat(rows.get(1).ref()).isEqualTo("b \"q\"");
        assertThat(rows.get(1).colour()).isNull();
        assertThat(rows.get(1).at().getOffset().getTotalSeconds()).isEqualTo(7200);
        assertThat(f.rows()).isEqualTo(2);
    }

    @Test
    void aControlCharacterOrAnOverLongCellIsARowErrorWithAnExcerptAndTheRowIsNotRead() {
        CsvFile f = file();
        List<Parsed> rows = read(f, "ref,date,colour,amount,flag,at\n"
                + "a\u0000b,2010-01-01,,,true,\n"
                + "\"" + "x".repeat(Texts.MAX_LENGTH + 1) + "\",2010-01-01,,,true,\n"
                + "\"tab\tand\nline\",2010-01-01,,,true,\n");
        assertThat(rows).extracting(Parsed::ref).containsExactly("tab\tand\nline");
        assertThat(f.errors()).extracting(ImportError::line, ImportError::column, ImportError::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "ref", "a\uFFFDb"),
                        org.assertj.core.groups.Tuple.tuple(3L, "ref", "x".repeat(Texts.EXCERPT) + "…"));
        assertThat(f.errors().get(0).message()).contains("kontroltegn");
        assertThat(f.errors().get(1).message()).contains("højst");
    }

    @Test
    void anErrorEchoesOnlyAnExcerptOfTheValue() {
        CsvFile f = file();
        read(f, "ref,date,colour,amount,flag,at\nok," + "9".repeat(10_000) + ",,,true,\n");
        assertThat(f.errors()).singleElement().extracting(ImportError::value).isEqualTo("9".repeat(Texts.EXCERPT) + "…");
    }

    @Test
    void everyBadCellIsReportedWithLineColumnValueAndReason() {
        CsvFile f = file();
        read(f, "ref,date,colour,amount,flag,at\n"
                + ",2010-02-30,BLUE,1.234,yes,14/3/2010\n"
                + "ok,2010-01-01,RED,\"1,5\",true,\n"
                + "short,row\n");
        assertThat(f.errors()).extracting(ImportError::line, ImportError::column, ImportError::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "ref", ""),
                        org.assertj.core.groups.Tuple.tuple(2L, "date", "2010-02-30"),
                        org.assertj.core.groups.Tuple.tuple(2L, "colour", "BLUE"),
                        org.assertj.core.groups.Tuple.tuple(2L, "flag", "yes"),
                        org.assertj.core.groups.Tuple.tuple(2L, "at", "14/3/2010"),
                        org.assertj.core.groups.Tuple.tuple(3L, "amount", "1,5"),
                        org.assertj.core.groups.Tuple.tuple(4L, null, null));
        assertThat(f.errors().get(2).message()).contains("RED, GREEN");
        assertThatThrownBy(f::throwIfErrors).isInstanceOf(ImportFailedException.class);
    }

    @Test
    void headerMustHaveExactlyTheColumns() {
        CsvFile f = file();
        read(f, "ref,date,colour,amount,flag,extra\n");
        assertThat(f.errors()).extracting(ImportError::column).containsExactly("at", "extra");
        CsvFile empty = file();
        read(empty, "");
        assertThat(empty.errors()).hasSize(1);
        assertThat(empty.errors().get(0).message()).contains("tom");
    }

    @Test
    void integersHaveBounds() {
        CsvFile f = new CsvFile("t", List.of("n"));
        List<Integer> got = new ArrayList<>();
        f.read(new ByteArrayInputStream("n\n0\n120\n121\n-1\nx\n".getBytes(StandardCharsets.UTF_8)),
                r -> got.add(r.integer("n", 0, 120, true)));
        assertThat(got).containsExactly(0, 120, null, null, null);
        assertThat(f.errors()).hasSize(3);
    }

    @Test
    void optionalColumnsMayBeLeftOutAndThenReadAsEmpty() {
        List<String> seen = new ArrayList<>();
        CsvFile without = new CsvFile("test", List.of("ref"), List.of("extra"));
        without.read(new ByteArrayInputStream("ref\na\n".getBytes(StandardCharsets.UTF_8)), r -> seen.add(r.required("ref") + "|" + r.text("extra")));
        CsvFile with = new CsvFile("test", List.of("ref"), List.of("extra"));
        with.read(new ByteArrayInputStream("extra,ref\nx,b\n,c\n".getBytes(StandardCharsets.UTF_8)), r -> seen.add(r.required("ref") + "|" + r.text("extra")));
        assertThat(without.errors()).isEmpty();
        assertThat(with.errors()).isEmpty();
        assertThat(seen).containsExactly("a|null", "b|x", "c|null");
        // a required column is still required, an unknown one still rejected
        CsvFile bad = new CsvFile("test", List.of("ref"), List.of("extra"));
        bad.read(new ByteArrayInputStream("extra,other\nx,y\n".getBytes(StandardCharsets.UTF_8)), r -> {});
        assertThat(bad.errors()).extracting(ImportError::column).containsExactlyInAnyOrder("ref", "other");
    }
}
