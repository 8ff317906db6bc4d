package org.linkdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.handover.PngWriter;
import org.linkdesk.handover.QrMatrix;

/** Writes QR PNGs for the CLI: whole or not at all (a temporary file renamed into place). */
final class QrFiles {
    private QrFiles() {
    }

    static void write(Path file, QrMatrix qr, int scale) throws IOException {
        if (scale < 1 || scale > 64) {
            throw new InvalidInputException("--scale takes 1 to 64 pixels per module.");
        }
        byte[] png = new PngWriter().png(qr, scale);
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new InvalidInputException(file + " is a folder; give a file name such as link.png.");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidInputException("The folder of " + file + " does not exist.");
        }
        Path temp = Files.createTempFile(parent, ".linkdesk-qr", ".png");
        try {
            Files.write(temp, png);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
