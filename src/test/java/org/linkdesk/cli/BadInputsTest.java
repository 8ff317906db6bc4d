package org.linkdesk.cli;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkdesk.wiring.Services;

/**
 * Every bad file or input: one clear line on stderr naming the row, the documented exit code, no stack trace, and
 * nothing imported. One data directory for all (each import must leave it empty).
 */
class BadInputsTest {
    private static final String[] HEADER = {"createdAt", "profile", "accessKeyId", "endpoint", "region", "bucket",
        "key", "method", "expiresIn", "expiresAt", "note", "tags", "recordedEtag", "urlRedacted", "url"};
    private static final String[] VALID = {"2026-03-01T10:15:30Z", "work", "AKIAEXAMPLE", "", "eu-west-1",
        "my-bucket", "reports/q3.pdf", "GET", "PT1H", "2026-03-01T11:15:30Z", "a note", "legal",
        "etag-1", "https://my-bucket.s3.eu-west-1.amazonaws.com/reports/q3.pdf?X-Amz-Signature=REDACTED", ""};

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void freshDataDirectory() {
        data = dir.resolve("data");
        try (Services s = Services.open(data)) {
            assertThat(s.shares().count()).isZero();
        }
    }

    /** A CSV with one valid row, then a row with {@code field} set to {@code value}. */
    private static byte[] csvWith(String field, String value) {
        Map<String, String> bad = new LinkedHashMap<>();
        for (int i = 0; i < HEADER.length; i++) {
            bad.put(HEADER[i], VALID[i]);
        }
        bad.put(field, value);
        bad.put("createdAt", field.equals("createdAt") ? value : "2026-03-01T10:15:31Z");
        return (String.join(",", HEADER) + "\r\n" + row(List.of(VALID)) + row(new ArrayList<>(bad.values())))
                .getBytes(UTF_8);
    }

    private static String row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            sb.append(sb.length() == 0 ? "" : ",").append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        return sb.append("\r\n").toString();
    }

    private static String jsonRecord(String extra) {
        return "{\"createdAt\":\"2026-03-01T10:15:30Z\",\"accessKeyId\":\"AKIAEXAMPLE\",\"region\":\"eu-west-1\","
                + "\"bucket\":\"my-bucket\",\"key\":\"k\",\"method\":\"GET\",\"expiresAt\":\"2026-03-01T11:15:30Z\""
                + extra + "}";
    }

    static Stream<Arguments> badFiles() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String deepField = "[" + jsonRecord(",\"note\":" + "[".repeat(5000) + "]".repeat(5000)) + "]";
        byte[] utf16 = ("\uFEFF" + String.join(",", HEADER) + "\r\n").getBytes(UTF_16LE);
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[0] = (byte) 0xC3;
        binary[1] = (byte) 0x28;
        return Stream.of(
                Arguments.of("json nested 5000 deep", deep.getBytes(UTF_8), "Record 1 (line 1): expected an object"),
                Arguments.of("json field nested 5000 deep", deepField.getBytes(UTF_8), "field note: expected"),
                Arguments.of("year +1000000000", csvWith("createdAt", "+1000000000-01-01T00:00:00Z"),
                        "Line 3, field createdAt: is not between the years 1970 and 9999"),
                Arguments.of("expiry in year 12000", csvWith("expiresAt", "+12000-01-01T00:00:00Z"),
                        "Line 3, field expiresAt: is not between"),
                Arguments.of("profile name too long", csvWith("profile", "p".repeat(300)),
                        "Line 3, field profile: is longer than 256"),
                Arguments.of("access key too long", csvWith("accessKeyId", "A".repeat(300)),
                        "Line 3, field accessKeyId: is longer than 256"),
                Arguments.of("bucket too long", csvWith("bucket", "b".repeat(300)), "Line 3, field bucket: is invalid"),
                Arguments.of("key too long", csvWith("key", "k".repeat(1500)), "Line 3, field key: is invalid"),
                Arguments.of("etag too long", csvWith("recordedEtag", "e".repeat(300)), "field recordedEtag"),
                Arguments.of("field beyond 64 KiB", csvWith("note", "n".repeat(70_000)),
                        "Line 3: a field is longer than 65536"),
                Arguments.of("binary", binary, "is not UTF-8 text"),
                Arguments.of("UTF-16 with BOM", utf16, "is UTF-16 text"),
                Arguments.of("invalid bucket", csvWith("bucket", "Bad_Bucket"), "Line 3, field bucket: is invalid"),
                Arguments.of("NUL in a key", csvWith("key", "a\u0000b"), "Line 3, field key: contains a NUL"),
                Arguments.of("NUL in a JSON key", ("[" + jsonRecord(",\"note\":\"x\"").replace("\"k\"", "\"k\\u0000\"")
                        + "]").getBytes(UTF_8), "Record 1 (line 1), field key: contains a NUL"),
                Arguments.of("lone surrogate", ("[" + jsonRecord(",\"note\":\"x\\ud800y\"") + "]").getBytes(UTF_8),
                        "field note: contains a broken Unicode character"),
                Arguments.of("link on a foreign host", csvWith("url", "https://evil.example.com/reports/q3.pdf"),
                        "Line 3, field url: points to evil.example.com"),
                Arguments.of("redacted link on a foreign host", csvWith("urlRedacted", "https://evil.example.com/x"),
                        "Line 3, field urlRedacted: points to evil.example.com"),
                Arguments.of("link not matching the endpoint", csvWithEndpoint("http://127.0.0.1:9000",
                        "http://10.0.0.1:9000/my-bucket/k"), "points to 10.0.0.1, not to the record's endpoint"),
                Arguments.of("endpoint of 5000 characters", csvWith("endpoint", "https://" + "e".repeat(4992)),
                        "Line 3, field endpoint: is longer than 2048"),
                Arguments.of("invalid endpoint", csvWith("endpoint", "ftp://x"), "field endpoint: is not a valid"),
                Arguments.of("invalid region", csvWith("region", "EU WEST"), "Line 3, field region"),
                Arguments.of("unknown method", csvWith("method", "FETCH"), "Line 3, field method"),
                Arguments.of("expiry before creation", csvWith("expiresAt", "2026-03-01T00:00:00Z"),
                        "Line 3, field expiresAt: is before createdAt"),
                Arguments.of("duration too long", csvWith("expiresIn", "PT99999999999H"), "field expiresIn"),
                Arguments.of("tag too long", csvWith("tags", "t".repeat(100)), "Line 3, field tags"),
                Arguments.of("empty file", new byte[0], "The file is empty"),
                Arguments.of("not an export", "a,b,c\r\n1,2,3\r\n".getBytes(UTF_8), "Line 1: the header has no"),
                Arguments.of("short row", (String.join(",", HEADER) + "\r\n1,2\r\n").getBytes(UTF_8),
                        "Line 2: 2 fields, but the header has"),
                Arguments.of("unclosed quote", (String.join(",", HEADER) + "\r\n\"open").getBytes(UTF_8),
                        "Line 2: a quoted field is never closed"),
                Arguments.of("too many fields", ("a," .repeat(300) + "\r\n").getBytes(UTF_8), "more than 256 fields"),
                Arguments.of("json object, not a list", "{\"a\":1}".getBytes(UTF_8), "expected a JSON array"),
                Arguments.of("json cut short", ("[" + jsonRecord("") + ",").getBytes(UTF_8), "Line 1"),
                Arguments.of("json text after the list", ("[" + jsonRecord("") + "] x").getBytes(UTF_8),
                        "Line 1"),
                Arguments.of("json huge number", ("[" + jsonRecord(",\"note\":" + "9".repeat(500)) + "]")
                        .getBytes(UTF_8), "too long or too deeply nested"),
                Arguments.of("json record with 300 fields", ("[{" + String.join(",", java.util.stream.IntStream
                        .range(0, 300).mapToObj(i -> "\"f" + i + "\":1").toList()) + "}]").getBytes(UTF_8),
                        "more than 256 fields"));
    }

    private static byte[] csvWithEndpoint(String endpoint, String url) {
        String[] h = {"createdAt", "accessKeyId", "endpoint", "region", "bucket", "key", "method", "expiresAt",
            "url"};
        return (String.join(",", h) + "\r\n" + row(List.of("2026-03-01T10:15:30Z", "AKIAEXAMPLE", endpoint,
                "us-east-1", "my-bucket", "k", "GET", "2026-03-01T11:15:30Z", url))).getBytes(UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithOneClearLineAndNothingIsImported(String name, byte[] content, String expected)
            throws Exception {
        Path file = dir.resolve(name.replaceAll("\\W", "_") + ".txt");
        Files.write(file, content);
        CliRunner.Result r = new CliRunner().run("history", "import", "--data-dir", data.toString(),
                file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("database error");
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aValidFileStillImports() throws Exception {
        Path file = dir.resolve("valid.csv");
        Files.write(file, (String.join(",", HEADER) + "\r\n" + row(List.of(VALID))).getBytes(UTF_8));
        Path other = dir.resolve("other-data");
        CliRunner.Result r = new CliRunner().run("history", "import", "--data-dir", other.toString(), file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Imported 1 link");
    }

    static Stream<Arguments> badCommands() {
        return Stream.of(
                Arguments.of(List.of("history", "import", "DIR"), "is a folder, not an export file", 2),
                Arguments.of(List.of("history", "import", "DIR/none.csv"), "No file", 2),
                Arguments.of(List.of("profiles", "add", "x", "--aws-profile", "p".repeat(300)),
                        "The AWS CLI profile name is too long", 2),
                Arguments.of(List.of("profiles", "add", "x", "--access-key-id", "AKIAEX", "--aws-profile", "p",
                        "--endpoint", "https://" + "e".repeat(4992)), "The endpoint URL is too long", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommands")
    void aBadCommandGivesOneClearLine(List<String> args, String expected, int code) {
        List<String> full = new ArrayList<>();
        for (String a : args) {
            full.add(a.replace("DIR", dir.toString()));
        }
        full.addAll(List.of("--data-dir", data.toString()));
        CliRunner.Result r = new CliRunner().run(full.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(code);
        assertThat(r.err()).as(r.toString()).contains(expected).doesNotContain("Exception");
    }

    @Test
    void anOverlongAccessKeyFromTheEnvironmentIsRefusedBeforeSigning() {
        CliRunner.Result r = new CliRunner().env("AWS_ACCESS_KEY_ID", "A".repeat(300))
                .env("AWS_SECRET_ACCESS_KEY", "s").run("presign", "s3://my-bucket/k", "--data-dir", data.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("AWS_ACCESS_KEY_ID is not an access key id").doesNotContain("database error");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFolderInPlaceOfTheDatabaseFileIsNamed() throws Exception {
        Path broken = dir.resolve("broken-data");
        Files.createDirectories(broken.resolve("linkdesk.mv.db"));
        CliRunner.Result r = new CliRunner().run("history", "--data-dir", broken.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("linkdesk.mv.db is a folder").doesNotContain("disk full");
    }

    @AfterAll
    static void nothingWasImported() {
        try (Services s = Services.open(data)) {
            assertThat(s.shares().count()).isZero();
        }
    }
}
