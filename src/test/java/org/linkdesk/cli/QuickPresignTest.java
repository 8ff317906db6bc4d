package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.wiring.Services;
import org.linkdesk.store.ShareRecord;

/**
 * The command line's quick path: a presign with environment credentials loads no picocli, H2, logging or JSON
 * classes, prints the link, and the link is in the history when the database next opens; calls it does not handle
 * (--json, invalid input) take the full path with its usual output.
 */
class QuickPresignTest {
    @TempDir
    Path tmp;
    private Path data;

    private record Result(int exit, String output, List<String> classes) {
    }

    @BeforeEach
    void dataDirectoryWithAVault() {
        data = tmp.resolve("data");
        try (Services services = Services.open(data)) {
            services.vault().create("quick-path-password".toCharArray());
        }
        Services.open(data).close();   // remembers the vault's public key for the quick path
    }

    private Result run(String... args) throws Exception {
        Path classLog = tmp.resolve("classes-" + System.nanoTime() + ".log");
        Path output = tmp.resolve("output.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + classLog, "-cp",
                System.getProperty("java.class.path"), "org.linkdesk.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("LINKDESK_"));
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIAQUICKPATH");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "quickSecret");
        builder.environment().put("AWS_REGION", "eu-west-1");
        builder.environment().put("LINKDESK_HOME", data.toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish");
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                Files.readAllLines(classLog, StandardCharsets.UTF_8));
    }

    @Test
    void aPresignTakesTheQuickPathAndIsInTheHistoryAtTheNextOpen() throws Exception {
        Result quick = run("presign", "--expires", "2h", "--note", "for Ann", "s3://quick-bucket/a b/ü.pdf");
        assertThat(quick.exit()).as(quick.output()).isZero();
        assertThat(quick.output()).startsWith("https://quick-bucket.s3.eu-west-1.amazonaws.com/a%20b/%C3%BC.pdf?")
                .contains("X-Amz-Expires=7200");
        assertThat(quick.classes()).anyMatch(l -> l.contains(" org.linkdesk.store.ShareJournal "));
        assertThat(quick.classes()).filteredOn(l -> l.contains(" picocli.") || l.contains(" org.h2.")
                || l.contains(" org.slf4j.") || l.contains(" ch.qos.logback.") || l.contains(" com.fasterxml."))
                .isEmpty();

        Result json = run("presign", "--json", "s3://quick-bucket/second.txt");
        assertThat(json.exit()).as(json.output()).isZero();
        assertThat(json.output()).contains("\"shareId\"");

        try (Services services = Services.open(data)) {
            List<ShareRecord> history = services.shares().newest(10, 0);
            assertThat(history).extracting(ShareRecord::key).containsExactlyInAnyOrder("a b/ü.pdf", "second.txt");
            ShareRecord first = history.stream().filter(r -> r.key().equals("a b/ü.pdf")).findFirst().orElseThrow();
            assertThat(first.note()).isEqualTo("for Ann");
            assertThat(first.urlKept()).isTrue();
            assertThat(first.options().expiresIn()).hasHours(2);
        }
    }

    @Test
    void whatTheQuickPathDoesNotHandleGetsTheUsualAnswer() throws Exception {
        Result invalid = run("presign", "s3://b/key");
        assertThat(invalid.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(invalid.output()).startsWith("linkdesk: 'b' in s3://b/key is not a valid bucket name.");

        Result version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.output()).startsWith("linkdesk ");
        assertThat(version.classes()).filteredOn(l -> l.contains(" picocli.")).isEmpty();

        Result help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.output()).isEqualTo(HelpTextWriter.render());
        assertThat(help.classes()).filteredOn(l -> l.contains(" picocli.")).isEmpty();
    }
}
