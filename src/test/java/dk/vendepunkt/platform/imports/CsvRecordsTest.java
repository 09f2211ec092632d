package dk.vendepunkt.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 as imports read it: every separator, quoting, empty lines, buffer boundaries, malformed input. */
class CsvRecordsTest {

    static List<List<String>> all(Reader in) throws Exception {
        CsvRecords r = new CsvRecords(in);
        List<List<String>> out = new ArrayList<>();
        List<String> rec;
        while ((rec = r.next()) != null) {
            out.add(rec);
            assertThat(r.recordNumber()).isEqualTo(out.size());
        }
        return out;
    }

    static List<List<String>> all(String s) throws Exception {
        return all(new StringReader(s));
    }

    @Test
    void fieldsRecordsAndLineEndings() throws Exception {
        assertThat(all("a,b,c\nd,e,f")).containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"));
        assertThat(all("a,b\r\nc,d\r\n")).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(all("a,b\rc,d\r")).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(all(",a,,\n")).containsExactly(List.of("", "a", "", ""));
        assertThat(all(" a , b \n")).containsExactly(List.of(" a ", " b "));
        assertThat(all("")).isEmpty();
        assertThat(all("\n\r\n\n")).isEmpty();
        assertThat(all("a\n\n\r\nb\n")).containsExactly(List.of("a"), List.of("b"));
        assertThat(all("a,b,")).containsExactly(List.of("a", "b", ""));
    }

    @Test
    void quotedFields() throws Exception {
        assertThat(all("\"a,1\",\"b \"\"q\"\"\",\"\"\n")).containsExactly(List.of("a,1", "b \"q\"", ""));
        assertThat(all("\"two\nlines\",x\r\ny,\"z\"")).containsExactly(List.of("two\nlines", "x"), List.of("y", "z"));
        assertThat(all("\"a\"  ,b\n")).containsExactly(List.of("a", "b"));
        // a quote inside an unquoted field, or after a leading space, is an ordinary character
        assertThat(all("ab\"c, \"d\"\n")).containsExactly(List.of("ab\"c", " \"d\""));
    }

    @Test
    void malformedQuotingIsAnErrorNamingTheRecord() {
        assertThatThrownBy(() -> all("a,b\n\"open,c\n")).isInstanceOf(CsvRecords.MalformedException.class)
                .hasMessageContaining("Linje 2").hasMessageContaining("slutter inde i et felt");
        assertThatThrownBy(() -> all("\"a\"b,c\n")).isInstanceOf(CsvRecords.MalformedException.class)
                .hasMessageContaining("Linje 1").hasMessageContaining("'b'");
    }

    @Test
    void theReadersMessagesComeFromTheImportBundleInTheUsersLanguage() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThatThrownBy(() -> all("a,b\n\"open,c\n")).hasMessage("Line 2: the file ends inside a quoted field");
            assertThatThrownBy(() -> all("\"a\"b,c\n")).hasMessageStartingWith("Line 1: the character 'b' after a quoted field");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void aRecordLongerThanTheLimitIsAnErrorWithoutItsValue() {
        String big = "x".repeat(CsvRecords.MAX_RECORD + 1);
        assertThatThrownBy(() -> all("a,b\n" + big + ",c\n")).isInstanceOf(CsvRecords.MalformedException.class)
                .hasMessageContaining("Linje 2 er for lang").hasMessageNotContaining("xxxxxxxxxx");
        assertThatThrownBy(() -> all("a\n\"" + big + "\"\n")).isInstanceOf(CsvRecords.MalformedException.class)
                .hasMessageContaining("Linje 2 er for lang");
        // many fields together count too
        String half = "y".repeat(CsvRecords.MAX_RECORD / 2 + 1);
        assertThatThrownBy(() -> all(trickle(half + "," + half + "\n", 1000))).isInstanceOf(CsvRecords.MalformedException.class)
                .hasMessageContaining("Linje 1 er for lang");
    }

    @Test
    void aRecordUpToTheLimitIsRead() throws Exception {
        String max = "z".repeat(CsvRecords.MAX_RECORD - 2);
        assertThat(all(max + ",a,b\n").get(0)).containsExactly(max, "a", "b");
    }

    /** A reader handing out a few characters at a time, so that fields and line ends straddle buffer refills. */
    static Reader trickle(String s, int chunk) {
        return new Reader() {
            int pos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (pos == s.length()) return -1;
                int n = Math.min(Math.min(len, chunk), s.length() - pos);
                s.getChars(pos, pos + n, cbuf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void sameRecordsWhateverTheReadsReturn() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("R").append(i).append(",2024-01-0").append(i % 9 + 1).append("T10:00,\"x,").append(i).append("\"\"\",")
                    .append(i % 3 == 0 ? "" : "55.6").append(i % 2 == 0 ? "\r\n" : "\n");
        }
        String s = sb.toString();
        List<List<String>> whole = all(s);
        assertThat(whole).hasSize(2000);
        assertThat(whole.get(3)).containsExactly("R3", "2024-01-04T10:00", "x,3\"", "");
        for (int chunk : new int[] {1, 2, 3, 7, 64}) {
            assertThat(all(trickle(s, chunk))).as("chunk " + chunk).isEqualTo(whole);
        }
    }
}
