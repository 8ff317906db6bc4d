package org.linkdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.sign.InvalidInputException;

/** QR codes read back: by ZXing's own reader from the PNG's pixels, and by zbarimg from the PNG file. */
public class QrRoundTripTest {
    private static final String URL = "http://127.0.0.1:9555/linkdesk-demo/r%C3%A9sum%C3%A9%20%281%29.pdf"
            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261204T120000Z&X-Amz-SignedHeaders=host"
            + "&X-Amz-Credential=AKIALINKDESKTEST0001%2F20261204%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=3600"
            + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    @TempDir
    Path dir;

    @Test
    void zxingReadsTheUrlBackFromThePngPixels() throws Exception {
        byte[] png = new PngWriter().png(QrMatrix.encode(URL), 3);
        assertThat(decode(png)).isEqualTo(URL);
    }

    @Test
    void zbarimgReadsThePngFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zbarimg")), "zbarimg is not installed");
        Path file = dir.resolve("link.png");
        Files.write(file, new PngWriter().png(QrMatrix.encode(URL), 4));
        Process p = new ProcessBuilder("/usr/bin/zbarimg", "--quiet", "--raw", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo(URL);
    }

    @Test
    void aLinkTooLongForAQrCodeIsRefusedInWords() {
        assertThatThrownBy(() -> QrMatrix.encode("x".repeat(5000))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too long for a QR code");
    }

    @Test
    void theTerminalFormHasTwoModuleRowsPerLine() {
        QrMatrix qr = QrMatrix.encode("hi");
        assertThat(new PngWriter().text(qr).lines().count()).isEqualTo((qr.size() + 1) / 2);
    }

    /** Reads our own 1-bit grayscale PNG (one IDAT, filter 0) and decodes it with ZXing core. */
    public static String decode(byte[] png) throws Exception {
        var in = new java.io.DataInputStream(new ByteArrayInputStream(png));
        in.skipNBytes(8);
        int width = 0;
        int height = 0;
        byte[] idat = null;
        while (true) {
            int length = in.readInt();
            String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            byte[] data = in.readNBytes(length);
            in.readInt();
            if (type.equals("IHDR")) {
                width = java.nio.ByteBuffer.wrap(data).getInt(0);
                height = java.nio.ByteBuffer.wrap(data).getInt(4);
                assertThat(data[8]).isEqualTo((byte) 1);
            } else if (type.equals("IDAT")) {
                idat = data;
            } else if (type.equals("IEND")) {
                break;
            }
        }
        byte[] raw = new InflaterInputStream(new ByteArrayInputStream(idat)).readAllBytes();
        int rowBytes = (width + 7) / 8;
        byte[] luminance = new byte[width * height];
        for (int y = 0; y < height; y++) {
            assertThat(raw[y * (rowBytes + 1)]).isZero();
            for (int x = 0; x < width; x++) {
                int b = raw[y * (rowBytes + 1) + 1 + (x >> 3)] >> (7 - (x & 7)) & 1;
                luminance[y * width + x] = (byte) (b == 1 ? 255 : 0);
            }
        }
        int w = width;
        int h = height;
        LuminanceSource source = new LuminanceSource(w, h) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] r = row != null && row.length >= w ? row : new byte[w];
                System.arraycopy(luminance, y * w, r, 0, w);
                return r;
            }

            @Override
            public byte[] getMatrix() {
                return luminance;
            }
        };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
