package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's entry point runs the command line in a fresh JVM without loading a single JavaFX class. */
class CliLoadsNoJavaFxTest {

    @Test
    void launcherRunsACommandWithoutJavaFx(@TempDir Path tmp) throws Exception {
        String classpath = System.getProperty("java.class.path");
        assertThat(classpath).as("JavaFX is on the classpath, so loading it would be possible").contains("javafx");
        Path classLog = tmp.resolve("classes.log");
        Path output = tmp.resolve("output.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xlog:class+load=info:file=" + classLog,
                "-cp", classpath, "org.linkdesk.Launcher", "profiles", "--data-dir", tmp.resolve("data").toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                .start();

        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(finished).as("finished").isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("No profiles yet");
        List<String> loaded = Files.readAllLines(classLog, StandardCharsets.UTF_8);
        assertThat(loaded).as("the log lists loaded classes").anyMatch(line -> line.contains(" org.linkdesk.cli.Cli "));
        assertThat(loaded).filteredOn(line -> line.contains(" javafx.") || line.contains(" com.sun.javafx."))
                .as("JavaFX classes loaded").isEmpty();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
