package org.linkdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.PresignedUrl;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.testing.S3ProxyServer;

/**
 * Each command format pasted into a real shell (bash and zsh, non-interactive with {@code -c} and interactive as a
 * terminal paste, where {@code !} is history expansion; PowerShell where installed) against the in-process S3
 * server, with keys and names full of what shells treat specially.
 */
class PastedCommandsTest {
    private static final String KEY = "hand over/it's \"odd\" $HOME `id` !! ü & (1) #x;y|z*.txt";
    private static final String NAME = "report 'q1' $PATH `x` !! ü & (draft).txt";
    private static final S3ProxyServer S3 = S3ProxyServer.shared();
    private static final SigV4Presigner PRESIGNER = new SigV4Presigner();
    private final LinkFormatter formatter = new LinkFormatter();
    @TempDir
    Path dir;

    static List<Arguments> shells() {
        List<Arguments> out = new ArrayList<>();
        for (String shell : List.of("bash", "zsh", "pwsh")) {
            for (boolean interactive : new boolean[] {false, true}) {
                out.add(Arguments.of(shell, interactive));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} interactive={1}")
    @MethodSource("shells")
    void getCommandsDownloadUnderTheSafeName(String shell, boolean interactive) throws Exception {
        assumeTrue(installed(shell), shell + " is not installed");
        String bucket = S3.newBucket();
        byte[] body = "downloaded through a pasted command\n".getBytes(StandardCharsets.UTF_8);
        S3.putObject(bucket, KEY, body, "text/plain");
        PresignedUrl url = sign(HttpMethod.GET, bucket, NAME, null);
        HandoverLink link = HandoverLink.of(url, NAME, null);
        for (LinkFormat format : formatsFor(shell)) {
            Path saved = dir.resolve(link.fileName());
            Files.deleteIfExists(saved);
            Result r = run(shell, interactive, formatter.format(format, link));
            assertThat(r.code).as("%s in %s: %s", format, shell, r.output).isZero();
            assertThat(saved).as("%s in %s: %s", format, shell, r.output).hasBinaryContent(body);
        }
    }

    @ParameterizedTest(name = "{0} interactive={1}")
    @MethodSource("shells")
    void putCommandsUploadWithTheSignedContentType(String shell, boolean interactive) throws Exception {
        assumeTrue(installed(shell), shell + " is not installed");
        String bucket = S3.newBucket();
        String contentType = "text/plain; charset=utf-8";
        PresignedUrl url = sign(HttpMethod.PUT, bucket, null, contentType);
        HandoverLink link = HandoverLink.of(url, "my upload 'v2' $x.txt", null);
        for (LinkFormat format : formatsFor(shell)) {
            byte[] body = ("uploaded with " + format + " from " + shell + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(link.fileName()), body);
            Result r = run(shell, interactive, formatter.format(format, link));
            assertThat(r.code).as("%s in %s: %s", format, shell, r.output).isZero();
            S3ProxyServer.StoredObject stored = S3.getObject(bucket, KEY).orElseThrow();
            assertThat(stored.content()).as("%s in %s", format, shell).isEqualTo(body);
            assertThat(stored.contentType().replace(" ", "")).isEqualTo(contentType.replace(" ", ""));
        }
    }

    @ParameterizedTest(name = "{0} interactive={1}")
    @MethodSource("shells")
    void headCommandsSucceedAndDeletedObjectsFail(String shell, boolean interactive) throws Exception {
        assumeTrue(installed(shell), shell + " is not installed");
        String bucket = S3.newBucket();
        S3.putObject(bucket, KEY, new byte[] {1, 2, 3}, "application/octet-stream");
        HandoverLink link = HandoverLink.of(sign(HttpMethod.HEAD, bucket, null, null), null, null);
        for (LinkFormat format : formatsFor(shell)) {
            Result r = run(shell, interactive, formatter.format(format, link));
            assertThat(r.code).as("%s in %s: %s", format, shell, r.output).isZero();
        }
        S3.deleteObject(bucket, KEY);
        for (LinkFormat format : formatsFor(shell)) {
            assertThat(run(shell, interactive, formatter.format(format, link)).code).as("%s in %s", format, shell)
                    .isNotZero();
        }
    }

    private static List<LinkFormat> formatsFor(String shell) {
        return shell.equals("pwsh") ? List.of(LinkFormat.POWERSHELL) : List.of(LinkFormat.CURL, LinkFormat.WGET);
    }

    private static PresignedUrl sign(HttpMethod method, String bucket, String downloadName, String contentType) {
        LinkOptions options = new LinkOptions(method, Duration.ofMinutes(10), downloadName, false, null, null,
                contentType);
        return PRESIGNER.presign(S3.s3Endpoint(), S3ProxyServer.credentials(),
                options.toRequest(bucket, KEY, Duration.ofMinutes(10)));
    }

    private record Result(int code, String output) {
    }

    /** Runs {@code command} as if typed: with {@code -c}, or pasted into an interactive shell's input. */
    private Result run(String shell, boolean interactive, String command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(shell);
        if (shell.equals("pwsh")) {
            argv.addAll(List.of("-NoProfile", "-NonInteractive", "-Command", interactive ? "-" : command));
        } else if (interactive) {
            argv.addAll(shell.equals("bash") ? List.of("--norc", "--noprofile", "-i") : List.of("-f", "-i"));
        } else {
            argv.addAll(List.of("-c", command));
        }
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (interactive) {
                String exit = shell.equals("pwsh") ? "\nexit $LASTEXITCODE\n" : "\nexit $?\n";
                in.write((command + exit).getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
