package dk.vendepunkt.crimestats.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The import's fast paths give exactly what the general ones give. */
class ImportRulesTest {

    @Test
    void decimalsAreParsedAsDoubleParseDoubleParsesThem() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int decimals = r.nextInt(12);
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(5));
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            assertThat(ImportRules.parseDecimal(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
        for (String s : new String[] {"0", "-0", "0.0", "55.6761", "12.5683", "-180", "90.000000000000000000001", "123456789012345.6",
                "0.000000000000000000001234", "1234567890123456789012", "00012.50"}) {
            assertThat(ImportRules.parseDecimal(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
        for (String s : new String[] {"", "-", ".5", "5.", "1e5", "1,5", "--1", "1.2.3", "+1", " 1", "NaN", "Infinity", "0x1p3"}) {
            assertThat(ImportRules.parseDecimal(s)).as(s).isNaN();
        }
    }

    @Test
    void longIntMapKeepsEveryEntryAsItGrows() {
        LongIntMap m = new LongIntMap();
        Random r = new Random(3);
        long[] keys = new long[50_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = r.nextLong() & Long.MAX_VALUE;
            m.put(keys[i], i);
        }
        for (int i = 0; i < keys.length; i++) assertThat(m.get(keys[i])).isEqualTo(i);
        assertThat(m.get(-5)).isEqualTo(-1);
        m.put(keys[0], 7);
        assertThat(m.get(keys[0])).isEqualTo(7);
    }
}
