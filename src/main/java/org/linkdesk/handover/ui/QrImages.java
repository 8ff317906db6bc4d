package org.linkdesk.handover.ui;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.linkdesk.handover.QrMatrix;

/** Draws a QR code into a JavaFX image (no AWT). */
public final class QrImages {
    private QrImages() {
    }

    public static WritableImage image(QrMatrix qr, int scale) {
        int side = qr.size() * scale;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels.setColor(x, y, qr.isDark(x / scale, y / scale) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
