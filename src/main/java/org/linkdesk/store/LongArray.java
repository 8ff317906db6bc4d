package org.linkdesk.store;

import java.util.Arrays;

/** A growable array of longs, without boxing each value. */
final class LongArray {
    private long[] values = new long[64];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
