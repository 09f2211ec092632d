package dk.vendepunkt.crimestats.imports;

import java.util.Arrays;

/** long → non-negative int, open addressing with linear probing, grown at half load (no boxing on the hot path of imports). */
final class LongIntMap {
    private long[] keys = new long[1 << 10];
    private int[] values = new int[1 << 10];
    private int size;

    LongIntMap() {
        Arrays.fill(values, -1);
    }

    int get(long key) {
        int mask = keys.length - 1;
        for (int i = (int) (mix(key) & mask); ; i = (i + 1) & mask) {
            if (values[i] < 0) return -1;
            if (keys[i] == key) return values[i];
        }
    }

    void put(long key, int value) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (values[i] >= 0 && keys[i] != key) i = (i + 1) & mask;
        if (values[i] < 0 && ++size * 2 > keys.length) {
            grow();
            put(key, value);
            return;
        }
        keys[i] = key;
        values[i] = value;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, -1);
        size = 0;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldValues[s] >= 0) put(oldKeys[s], oldValues[s]);
        }
    }
}
