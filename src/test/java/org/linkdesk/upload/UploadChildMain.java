package org.linkdesk.upload;

import java.nio.file.Path;
import java.time.Clock;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.testing.S3ProxyServer;

/**
 * A child JVM that uploads a file with one part in flight and, once part 2 is being sent (so part 1 is recorded),
 * prints {@code PART2} and stalls that upload until it is killed. Args: dataDir endpoint file bucket key.
 */
public final class UploadChildMain {
    public static void main(String[] args) throws Exception {
        Services services = Services.open(Path.of(args[0]), Clock.systemUTC(), S3Http.createDefault());
        SigningIdentity who = new SigningIdentity(null, null, S3Endpoint.of(args[1], S3ProxyServer.REGION, true),
                S3ProxyServer.credentials());
        Path file = Path.of(args[2]);
        UploadListener stallInPartTwo = p -> {
            if (p.bytesDone() > PartPlan.MIN_PART) {
                System.out.println("PART2");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        services.uploads().upload(who, new UploadJob(file, args[3], args[4], "application/octet-stream",
                PartPlan.MIN_PART, 1, false, null), null, stallInPartTwo, new UploadControl());
        System.out.println("FINISHED");
    }
}
