package org.linkdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDelivery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk profiles delivery}: a profile's public endpoint and CloudFront distribution. */
@Command(name = "delivery", sortOptions = false,
        header = "Show or set how a profile's links reach people: a public endpoint or a CloudFront distribution.",
        description = {"--public-endpoint: links are signed for this URL (an S3-compatible server's custom domain) "
                + "instead of the profile's endpoint. The server must accept presigned requests on that host "
                + "(MinIO, Ceph RGW, Garage with the domain configured); Cloudflare R2 custom domains, Backblaze B2 "
                + "friendly URLs and Amazon S3 do not, so do not use it with them.",
                "--cloudfront-domain with --cloudfront-key-pair-id and --cloudfront-private-key: GET links are "
                        + "CloudFront signed URLs for that distribution (the key is kept encrypted in the vault).",
                "An empty value ('') removes a setting. 'presign --direct' ignores these settings."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk profiles delivery work --cloudfront-domain d111111abcdef8.cloudfront.net \\",
                "      --cloudfront-key-pair-id K2JCJMDEHXQW5F --cloudfront-private-key cf.pem",
                "  linkdesk profiles delivery minio --public-endpoint https://files.example.com",
                "  linkdesk profiles delivery work"})
final class ProfileDeliveryCommand implements Callable<Integer> {

    @ParentCommand
    private ProfilesCommand parent;

    @Option(names = "--public-endpoint", paramLabel = "URL", description = "Sign links for this URL.")
    private String publicEndpoint;

    @Option(names = "--cloudfront-domain", paramLabel = "DOMAIN", description = "The distribution's domain.")
    private String domain;

    @Option(names = "--cloudfront-key-pair-id", paramLabel = "ID", description = "The CloudFront public key id.")
    private String keyPairId;

    @Option(names = "--cloudfront-private-key", paramLabel = "FILE", description = "The RSA private key (PEM).")
    private Path privateKey;

    @Parameters(paramLabel = "PROFILE", description = "The profile's name.")
    private String name;

    @Override
    public Integer call() throws IOException {
        LinkdeskCommand root = parent.root;
        Profile profile = root.services().profiles().find(name).orElseThrow(() -> new CliException(
                ExitCodes.NOT_FOUND, "There is no profile named \"" + name + "\"; 'linkdesk profiles' lists them."));
        var delivery = root.services().delivery();
        ProfileDelivery settings = delivery.settings(profile.id());
        if (publicEndpoint != null || domain != null || keyPairId != null || privateKey != null) {
            String pem = privateKey == null ? null : read(privateKey);
            if (pem != null) {
                root.unlockVault();
            }
            settings = delivery.save(profile.id(), publicEndpoint != null ? publicEndpoint : settings.publicEndpoint(),
                    domain != null ? domain : settings.cloudFrontDomain(),
                    keyPairId != null ? keyPairId : settings.keyPairId(), pem);
        }
        var out = root.io().out();
        out.println("Public endpoint:   " + orNone(settings.publicEndpoint()));
        out.println("CloudFront domain: " + orNone(settings.cloudFrontDomain()));
        out.println("Key pair id:       " + orNone(settings.keyPairId()));
        out.println("Private key:       " + (settings.hasPrivateKey() ? "in the vault" : "(none)"));
        if (settings.cloudFrontDomain() != null && !settings.usesCloudFront()) {
            root.io().warn("GET links go through CloudFront only once the domain, the key pair id and the private "
                    + "key are all set.");
        }
        return ExitCodes.OK;
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
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
}
