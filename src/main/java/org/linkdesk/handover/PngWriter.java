package org.linkdesk.handover;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Writes a QR code as a black-and-white PNG (1 bit per pixel) without AWT. */
public final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The PNG bytes of {@code qr}, each module {@code scale} × {@code scale} pixels. */
    public byte[] png(QrMatrix qr, int scale) {
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("scale " + scale);
        }
        int side = qr.size() * scale;
        int rowBytes = (side + 7) / 8;
        ByteArrayOutputStream raw = new ByteArrayOutputStream((rowBytes + 1) * side);
        byte[] row = new byte[rowBytes];
        for (int y = 0; y < qr.size(); y++) {
            java.util.Arrays.fill(row, (byte) 0);
            for (int px = 0; px < side; px++) {
                if (!qr.isDark(px / scale, y)) {
                    row[px >> 3] |= (byte) (0x80 >>> (px & 7));
                }
            }
            for (int repeat = 0; repeat < scale; repeat++) {
                raw.write(0);
                raw.writeBytes(row);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(side);
            h.writeInt(side);
            h.writeByte(1);
            h.writeByte(0);
            h.writeByte(0);
            h.writeByte(0);
            h.writeByte(0);
            chunk(out, "IHDR", header.toByteArray());
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
                raw.writeTo(z);
            }
            chunk(out, "IDAT", compressed.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        d.writeInt((int) crc.getValue());
    }

    /** The QR code drawn with Unicode half blocks, two rows per line, for a terminal. */
    public String text(QrMatrix qr) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < qr.size(); y += 2) {
            for (int x = 0; x < qr.size(); x++) {
                boolean top = qr.isDark(x, y);
                boolean bottom = y + 1 < qr.size() && qr.isDark(x, y + 1);
                // Light modules are drawn: terminals are usually dark, and the code must be dark on light.
                out.append(!top && !bottom ? '█' : !top ? '▀' : !bottom ? '▄' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
