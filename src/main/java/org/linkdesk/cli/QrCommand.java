package org.linkdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linkdesk.handover.PngWriter;
import org.linkdesk.handover.QrMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk qr}: a link as a QR code, in a PNG file or on the terminal. */
@Command(name = "qr", sortOptions = false,
        header = "Make a QR code of a link: a PNG file, or drawn on the terminal.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk qr 'https://…' --out link.png",
                "  linkdesk qr 'https://…'          # draws it on the terminal"})
final class QrCommand implements Callable<Integer> {

    @ParentCommand
    private LinkdeskCommand root;

    @Option(names = "--out", paramLabel = "FILE.png", description = "Write a PNG file instead of drawing it.")
    private Path out;

    @Option(names = "--scale", paramLabel = "PIXELS", defaultValue = "8",
            description = "PNG: pixels per QR module (default: ${DEFAULT-VALUE}).")
    private int scale;

    @Parameters(paramLabel = "URL", description = "The link (quote it: it contains '&').")
    private String url;

    @Override
    public Integer call() throws IOException {
        QrMatrix qr = QrMatrix.encode(url.strip());
        if (out == null) {
            root.io().out().print(new PngWriter().text(qr));
            root.io().out().flush();
        } else {
            QrFiles.write(out, qr, scale);
            root.io().err().println("linkdesk: QR code written to " + out);
        }
        return ExitCodes.OK;
    }
}
