package org.linkdesk.store;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Sorted offsets (0..4095) within one block of share ids, as delta-encoded unsigned varints. */
final class Postings {
    static final int BLOCK_BITS = 12;
    static final int BLOCK_SIZE = 1 << BLOCK_BITS;

    private Postings() {
    }

    static int block(long id) {
        return (int) (id >>> BLOCK_BITS);
    }

    static int offset(long id) {
        return (int) (id & (BLOCK_SIZE - 1));
    }

    static long id(int block, int offset) {
        return ((long) block << BLOCK_BITS) | offset;
    }

    static byte[] encode(int[] sortedOffsets, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count + 4);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int delta = sortedOffsets[i] - previous;
            previous = sortedOffsets[i];
            while (delta >= 0x80) {
                out.write((delta & 0x7f) | 0x80);
                delta >>>= 7;
            }
            out.write(delta);
        }
        return out.toByteArray();
    }

    /** Decodes into {@code into} (at least {@link #BLOCK_SIZE} long), returning how many offsets there are. */
    static int decode(byte[] bytes, int[] into) {
        int n = 0;
        int value = -1;
        int i = 0;
        while (i < bytes.length) {
            int delta = 0;
            int shift = 0;
            int b;
            do {
                b = bytes[i++];
                delta |= (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            value += delta;
            into[n++] = value;
        }
        return n;
    }

    /** Sets a bit for each offset in {@code bytes}. */
    static void decodeInto(byte[] bytes, long[] bits) {
        int value = -1;
        int i = 0;
        while (i < bytes.length) {
            int delta = 0;
            int shift = 0;
            int b;
            do {
                b = bytes[i++];
                delta |= (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            value += delta;
            bits[value >>> 6] |= 1L << value;
        }
    }

    /** The union of encoded postings and extra offsets, encoded. */
    static byte[] merge(byte[] existing, int[] extra, int extraCount) {
        int[] all = new int[BLOCK_SIZE + extraCount];
        int n = existing == null ? 0 : decode(existing, all);
        System.arraycopy(extra, 0, all, n, extraCount);
        n += extraCount;
        Arrays.sort(all, 0, n);
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (unique == 0 || all[unique - 1] != all[i]) {
                all[unique++] = all[i];
            }
        }
        return encode(all, unique);
    }
}
