package org.linkdesk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.S3Uploads;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.testing.S3ProxyExtension;
import org.linkdesk.testing.S3ProxyServer;

/**
 * The PowerShell script of {@code presign-multipart}, without PowerShell (none can be installed on this machine: no
 * Debian package, and the npm and NuGet wrappers download it at install time): its structure is checked by a small
 * tokenizer of PowerShell's quoting rules, and the requests it sends — each part's PUT with the bytes it reads, the
 * CompleteMultipartUpload POST with the XML it builds, the abort DELETE — are sent by Java in the same order, with the
 * values read back out of the script text, to S3Proxy, which must accept them.
 */
@ExtendWith(S3ProxyExtension.class)
class PowerShellScriptTest {
    private static final long MIB = 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    static SdkReader sdk;
    static SigningIdentity who;
    static String bucket;
    static MultipartPresigner presigner;

    @BeforeAll
    static void open(S3ProxyServer s3) {
        sdk = new SdkReader(s3);
        who = new SigningIdentity(null, null, s3.s3Endpoint(), S3ProxyServer.credentials());
        bucket = s3.newBucket();
        presigner = new MultipartPresigner(new S3Uploads(S3Http.createDefault()), new SigV4Presigner(),
                Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        sdk.close();
    }

    @Test
    void theScriptIsWellFormedAndCarriesEveryUrlQuoted() {
        // A key and URLs with everything that could break out of a comment or a quoted string.
        String key = "in/it's \"odd\" $HOME `x` <#not a block#>\nsecond line.bin";
        List<PresignedMultipart.PartUrl> parts = List.of(
                new PresignedMultipart.PartUrl(1, "https://h/k?partNumber=1&uploadId=a'b$c"),
                new PresignedMultipart.PartUrl(2, "https://h/k?partNumber=2&uploadId=a'b$c"));
        PresignedMultipart m = new PresignedMultipart("b", key, "a'b$c", 7 * MIB, 5 * MIB, parts,
                "https://h/k?uploadId=a'b$c&complete", "https://h/k?uploadId=a'b$c&abort", Instant.EPOCH);
        String script = MultipartScripts.powershell(m);

        Script parsed = Script.parse(script);
        assertThat(parsed.expectedSize).isEqualTo(7 * MIB);
        assertThat(parsed.partSize).isEqualTo(5 * MIB);
        assertThat(parsed.partUrls).containsExactly(parts.get(0).url(), parts.get(1).url());
        assertThat(parsed.completeUrl).isEqualTo(m.completeUrl());
        assertThat(parsed.abortUrl).isEqualTo(m.abortUrl());
        // The key's line break cannot end the comment early: every line before param() is still a comment.
        assertThat(script.lines().takeWhile(l -> !l.startsWith("param(")).toList()).allMatch(l -> l.startsWith("#"));
    }

    @Test
    void theRequestsTheScriptSendsAreAcceptedInItsOrder() throws Exception {
        Path file = dir.resolve("video.bin");
        byte[] bytes = new byte[(int) (11 * MIB + 5)];
        new Random(11).nextBytes(bytes);
        Files.write(file, bytes);
        PresignedMultipart m = presigner.start(who, bucket, "ps/it's a \"video\" $x.bin", bytes.length, 5 * MIB,
                Duration.ofHours(1), null);
        Script script = Script.parse(MultipartScripts.powershell(m));
        assertThat(script.partUrls).hasSize(3);

        // The loop of the script: read PartSize bytes at i * PartSize (the rest for the last), PUT them, keep the ETag.
        List<String> xmlParts = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            for (int i = 0; i < script.partUrls.size(); i++) {
                long offset = i * script.partSize;
                int length = (int) Math.min(script.partSize, script.expectedSize - offset);
                byte[] buffer = new byte[length];
                in.seek(offset);
                in.readFully(buffer);
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(script.partUrls.get(i)))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(buffer)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("part %d: %s", i + 1, r.body()).isEqualTo(200);
                String etag = r.headers().firstValue("ETag").orElseThrow();
                xmlParts.add("<Part><PartNumber>" + (i + 1) + "</PartNumber><ETag>" + etag + "</ETag></Part>");
            }
        }
        String xml = "<CompleteMultipartUpload>" + String.join("", xmlParts) + "</CompleteMultipartUpload>";
        HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(URI.create(script.completeUrl))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).doesNotContain("<Error>");
        assertThat(sdk.read(bucket, m.key())).isEqualTo(bytes);

        // Stop-Upload: the abort DELETE ends an upload that was started and not completed.
        PresignedMultipart other = presigner.start(who, bucket, "ps/aborted.bin", 6 * MIB, 5 * MIB,
                Duration.ofHours(1), null);
        Script abort = Script.parse(MultipartScripts.powershell(other));
        HttpResponse<String> aborted = HTTP.send(HttpRequest.newBuilder(URI.create(abort.abortUrl)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(204);
        assertThat(sdk.unfinished(bucket)).noneMatch(u -> u.uploadId().equals(other.uploadId()));
    }

    /**
     * What the script does, read out of its text: the values it assigns, after checking that its delimiters
     * balance, its line continuations work, it starts with {@code param()}, every variable it reads is assigned or
     * declared, and it sends exactly the requests the test above repeats.
     */
    private record Script(long expectedSize, long partSize, List<String> partUrls, String completeUrl,
                          String abortUrl) {
        private static final Set<String> AUTOMATIC = Set.of("_", "true", "false", "null", "erroractionpreference");
        private static final String QUOTED = "'((?:[^']|'')*)'";

        static Script parse(String text) {
            String code = blank(text, false);
            assertBalanced(code);
            assertThat(text.lines().filter(l -> l.matches(".*`[ \\t]+$")).toList())
                    .as("a backtick followed by a space does not continue the line").isEmpty();
            assertThat(code.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElseThrow())
                    .startsWith("param(");
            assertThat(code).doesNotContain("<#");
            assertVariablesAreAssigned(blank(text, true));
            for (String request : List.of("-Method Put -Body $buffer `",
                    "-ContentType 'application/octet-stream'",
                    "$etag = @($r.Headers['ETag'])[0]",
                    "$parts.Add(\"<Part><PartNumber>$($i + 1)</PartNumber><ETag>$etag</ETag></Part>\")",
                    "$xml = '<CompleteMultipartUpload>' + ($parts -join '') + '</CompleteMultipartUpload>'",
                    "-Uri $CompleteUrl -Method Post -Body $xml -ContentType 'application/xml'",
                    "-Uri $AbortUrl -Method Delete",
                    "$offset = $i * $PartSize",
                    "$length = [Math]::Min($PartSize, $ExpectedSize - $offset)",
                    "for ($i = 0; $i -lt $PartUrls.Count; $i++)")) {
                assertThat(text).as("the script sends what this test repeats").contains(request);
            }
            List<String> urls = new ArrayList<>();
            Matcher list = Pattern.compile("(?s)\\$PartUrls = @\\(\\n(.*?)\\)\\n").matcher(text);
            assertThat(list.find()).isTrue();
            String[] lines = list.group(1).split("\\n");
            for (int i = 0; i < lines.length; i++) {
                String item = lines[i].strip();
                String expected = i + 1 < lines.length ? QUOTED + "," : QUOTED;
                Matcher quoted = Pattern.compile(expected).matcher(item);
                assertThat(quoted.matches()).as("array item %d: %s", i + 1, item).isTrue();
                urls.add(quoted.group(1).replace("''", "'"));
            }
            return new Script(number(text, "ExpectedSize"), number(text, "PartSize"), urls,
                    string(text, "CompleteUrl"), string(text, "AbortUrl"));
        }

        private static long number(String text, String name) {
            Matcher m = Pattern.compile("(?m)^\\$" + name + " = \\[long\\](\\d+)$").matcher(text);
            assertThat(m.find()).as(name).isTrue();
            return Long.parseLong(m.group(1));
        }

        private static String string(String text, String name) {
            Matcher m = Pattern.compile("(?m)^\\$" + name + " = " + QUOTED + "$").matcher(text);
            assertThat(m.find()).as(name).isTrue();
            return m.group(1).replace("''", "'");
        }

        /**
         * The script with comments and single-quoted strings blanked, and double-quoted ones too unless
         * {@code keepDoubleQuoted} (their {@code $(…)} subexpressions stay code either way); a string that does not
         * end fails.
         */
        static String blank(String s, boolean keepDoubleQuoted) {
            StringBuilder out = new StringBuilder(s.length());
            Deque<int[]> subexpressions = new ArrayDeque<>();
            char state = 'c';
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                char next = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
                if (state == 'c') {
                    if (c == '#') {
                        while (i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                            i++;
                        }
                    } else if (c == '\'') {
                        state = '\'';
                        out.append(c);
                    } else if (c == '"') {
                        state = '"';
                        out.append(c);
                    } else if (c == '`') {
                        out.append(c).append(next);
                        i++;
                    } else {
                        if (!subexpressions.isEmpty() && c == '(') {
                            subexpressions.peek()[0]++;
                        } else if (!subexpressions.isEmpty() && c == ')' && --subexpressions.peek()[0] == 0) {
                            subexpressions.pop();
                            state = '"';
                        }
                        out.append(c);
                    }
                } else if (state == '\'') {
                    if (c == '\'' && next == '\'') {
                        out.append("  ");
                        i++;
                    } else if (c == '\'') {
                        state = 'c';
                        out.append(c);
                    } else {
                        out.append(c == '\n' ? '\n' : ' ');
                    }
                } else if (c == '`') {
                    out.append(keepDoubleQuoted ? "" + c + next : "  ");
                    i++;
                } else if (c == '"') {
                    state = 'c';
                    out.append(c);
                } else if (c == '$' && next == '(') {
                    subexpressions.push(new int[] {1});
                    state = 'c';
                    out.append("$(");
                    i++;
                } else {
                    out.append(keepDoubleQuoted || c == '\n' ? c : ' ');
                }
            }
            assertThat(state).as("every string ends").isEqualTo('c');
            assertThat(subexpressions).as("every $( ) ends").isEmpty();
            return out.toString();
        }

        private static void assertBalanced(String code) {
            Deque<Character> open = new ArrayDeque<>();
            int line = 1;
            for (char c : code.toCharArray()) {
                if (c == '\n') {
                    line++;
                } else if ("({[".indexOf(c) >= 0) {
                    open.push(c);
                } else if (")}]".indexOf(c) >= 0) {
                    assertThat(open).as("'%s' on line %d closes nothing", c, line).isNotEmpty();
                    assertThat("({[".indexOf(open.pop())).as("'%s' on line %d", c, line).isEqualTo(")}]".indexOf(c));
                }
            }
            assertThat(open).as("unclosed brackets").isEmpty();
        }

        private static void assertVariablesAreAssigned(String code) {
            Set<String> assigned = new HashSet<>(AUTOMATIC);
            Matcher defined = Pattern.compile("\\$(\\w+)\\s*(?:=[^=]|\\+\\+)|\\[\\w+\\]\\$(\\w+)").matcher(code);
            while (defined.find()) {
                assigned.add((defined.group(1) != null ? defined.group(1) : defined.group(2)).toLowerCase(Locale.ROOT));
            }
            Matcher used = Pattern.compile("\\$(\\w+)").matcher(code);
            while (used.find()) {
                assertThat(assigned).as("$%s is read but never assigned", used.group(1))
                        .contains(used.group(1).toLowerCase(Locale.ROOT));
            }
        }
    }
}
