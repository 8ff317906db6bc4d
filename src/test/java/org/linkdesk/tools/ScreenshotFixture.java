package org.linkdesk.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.linkdesk.wiring.Services;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.testing.S3ProxyServer;

/**
 * Prepares a data directory and a local S3 server for taking the README screenshots by hand (see
 * docs/SCREENSHOTS.md): a vault with password {@code args[1]}, a profile "Studio storage" pointing at an in-process
 * S3Proxy with a few files, then keeps the server running until killed. Writes the endpoint to {@code args[2]}.
 */
public final class ScreenshotFixture {
    private ScreenshotFixture() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String password = args[1];
        S3ProxyServer s3 = S3ProxyServer.start();
        s3.createBucket("team-share");
        s3.putObject("team-share", "reports/2026/Q3 report.pdf", pdfLikeBytes(), "application/pdf");
        s3.putObject("team-share", "photos/launch party/DSC_0042.jpg", new byte[734_003], "image/jpeg");
        try (Services services = Services.open(dataDir)) {
            if (!services.vault().isCreated()) {
                services.vault().create(password.toCharArray());
            } else {
                services.vault().unlock(password.toCharArray());
            }
            services.profiles().create(new ProfileDraft("Studio storage", S3ProxyServer.ACCESS_KEY_ID,
                    S3ProxyServer.SECRET_ACCESS_KEY, null, false, "us-east-1", s3.endpoint(), true));
        }
        Files.writeString(Path.of(args[2]), s3.endpoint());
        System.out.println("S3 at " + s3.endpoint() + "; data in " + dataDir);
        Thread.currentThread().join();
    }

    private static byte[] pdfLikeBytes() {
        byte[] body = new byte[1_284_512];
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        return body;
    }
}
