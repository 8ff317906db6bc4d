package org.linkdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.linkdesk.core.cloudfront.CloudFrontPolicy;
import org.linkdesk.core.cloudfront.CloudFrontSigner;
import org.linkdesk.core.cloudfront.RsaPemKeys;
import org.linkdesk.core.sign.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk cloudfront-sign}: a CloudFront signed URL (canned or custom policy). */
@Command(name = "cloudfront-sign", sortOptions = false,
        header = "Make a CloudFront signed URL for a file served by a distribution.",
        description = {"Without --start and --ip-range the URL uses a canned policy (Expires=…); with either, a "
                + "custom policy (Policy=…). The key is the private half of a public key in the distribution's "
                + "trusted key group, PEM (PKCS#8 'BEGIN PRIVATE KEY' or PKCS#1 'BEGIN RSA PRIVATE KEY')."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk cloudfront-sign --key-pair-id K2JCJMDEHXQW5F --private-key cf.pem --expires 1d \\",
                "      https://d111111abcdef8.cloudfront.net/reports/q1.pdf",
                "  linkdesk cloudfront-sign --key-pair-id K2JCJMDEHXQW5F --private-key cf.pem --expires 2h \\",
                "      --ip-range 192.0.2.0/24 https://cdn.example.com/video.mp4"})
final class CloudFrontSignCommand implements Callable<Integer> {

    @ParentCommand
    private LinkdeskCommand root;

    @Option(names = "--key-pair-id", required = true, paramLabel = "ID", description = "The CloudFront public key id.")
    private String keyPairId;

    @Option(names = "--private-key", required = true, paramLabel = "FILE", description = "The RSA private key (PEM).")
    private Path privateKey;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1h", converter = AnyDuration.class,
            description = "How long the URL works: 90s, 15m, 1h, 7d, 365d… (default: 1h).")
    private Duration expires;

    @Option(names = "--start", paramLabel = "TIME", description = "Custom policy: works only from this instant "
            + "(2026-12-24T08:00:00Z).")
    private String start;

    @Option(names = "--ip-range", paramLabel = "CIDR", description = "Custom policy: works only from these IPv4 "
            + "addresses (192.0.2.0/24).")
    private String ipRange;

    @Parameters(paramLabel = "URL", description = "https://DISTRIBUTION/PATH (percent-encoded).")
    private String url;

    @Override
    public Integer call() throws IOException {
        PrivateKey key = RsaPemKeys.readPrivateKey(read(privateKey));
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        CloudFrontPolicy policy = new CloudFrontPolicy(now.plus(expires), start == null ? null : parseInstant(start),
                ipRange);
        root.io().out().println(CloudFrontSigner.sign(url.strip(), policy, keyPairId.strip(), key));
        return ExitCodes.OK;
    }

    /** CloudFront URLs are not bound by SigV4's 7 days. */
    static final class AnyDuration implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration d = org.linkdesk.core.sign.Durations.parse(value);
                if (d.isNegative() || d.isZero()) {
                    throw new InvalidInputException("--expires must be positive.");
                }
                return d;
            } catch (InvalidInputException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("There is no file " + file + ".");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidInputException(file + " is not a PEM text file.");
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("--start takes a UTC time such as 2026-12-24T08:00:00Z (got " + text + ").");
        }
    }
}
