package org.linkdesk.handover;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import org.linkdesk.core.sign.InvalidInputException;

/** A QR code as a square of dark and light modules, quiet zone included; drawn by the PNG writer and the app. */
public final class QrMatrix {
    /** The quiet zone the QR specification asks for, in modules. */
    public static final int QUIET_ZONE = 4;

    private final BitMatrix bits;

    private QrMatrix(BitMatrix bits) {
        this.bits = bits;
    }

    /** The QR code of {@code text} (UTF-8, error correction M: readable with 15 % of it damaged). */
    public static QrMatrix encode(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("There is nothing to put in a QR code.");
        }
        try {
            // Size 0 asks ZXing for one pixel per module: scaling is the caller's business.
            return new QrMatrix(new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8",
                            EncodeHintType.MARGIN, QUIET_ZONE)));
        } catch (WriterException | IllegalArgumentException e) {
            throw new InvalidInputException("This link is too long for a QR code (" + text.length() + " characters; "
                    + "a QR code holds about 2 300). Use a shorter link, or hand it over in another form.");
        }
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return bits.getWidth();
    }

    public boolean isDark(int x, int y) {
        return bits.get(x, y);
    }
}
