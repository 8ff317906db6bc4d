package org.linkdesk.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** installer/linux/check-tools.sh follows -Dinstaller.skipRpm: rpmbuild is needed only when the .rpm is built. */
class CheckToolsScriptTest {
    private static final List<String> TOOLS = List.of("objcopy", "fakeroot", "dpkg-deb", "unshare", "xvfb-run",
            "xauth", "bash", "env", "grep", "sort", "tr", "printf", "ldconfig", "id");

    /** Not a @TempDir: JUnit warns about every link pointing outside it. */
    private Path bin;

    @BeforeEach
    void makeBin() throws IOException {
        bin = Files.createTempDirectory("check-tools");
    }

    @AfterEach
    void removeBin() throws IOException {
        try (var links = Files.list(bin)) {
            for (Path link : links.toList()) {
                Files.delete(link);
            }
        }
        Files.delete(bin);
    }

    private record Run(int code, String output) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", "installer/linux/check-tools.sh"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        pb.environment().remove("INSTALL_MISSING");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    /** A PATH holding the real tools, without rpmbuild unless asked; skips where a tool is not installed. */
    private void linkTools(boolean withRpmbuild) throws IOException {
        List<String> tools = new ArrayList<>(TOOLS);
        if (withRpmbuild) {
            tools.add("rpmbuild");
        }
        for (String tool : tools) {
            Path real = find(tool);
            assumeTrue(real != null, tool + " is not installed");
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        assumeTrue(System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isEmpty());
    }

    private static Path find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void withoutRpmbuildOnlyTheSkippedRpmPasses() throws Exception {
        linkTools(false);
        Run needed = run("--skip-rpm=false");
        assertThat(needed.code()).isEqualTo(1);
        assertThat(needed.output()).contains("apt-get install rpm").contains("-Dinstaller.skipRpm");
        Run skipped = run("--skip-rpm=true");
        assumeTrue(!skipped.output().contains("libgtk") && !skipped.output().contains("libxtst"),
                "GTK 3 or libXtst missing here");
        assertThat(skipped.code()).isZero();
        assertThat(skipped.output()).contains("all present (.rpm skipped)");
        assertThat(run("--skip-rpm").code()).isZero();
        assertThat(run().code()).isEqualTo(1);
    }

    @Test
    void withRpmbuildTheRpmIsChecked() throws Exception {
        linkTools(true);
        Run r = run("--skip-rpm=false");
        assumeTrue(!r.output().contains("libgtk") && !r.output().contains("libxtst"), "GTK 3 or libXtst missing");
        assertThat(r.code()).isZero();
        assertThat(r.output()).contains("installer tools: all present");
    }

    @Test
    void anUnknownArgumentIsRefused() throws Exception {
        linkTools(false);
        Run r = run("--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.output()).contains("unknown argument");
    }
}
