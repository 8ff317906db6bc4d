package org.linkdesk.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.linkdesk.wiring.Services;

/** Runs {@link Cli} in-process with a given environment and standard input, capturing what it prints. */
final class CliRunner {
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private Function<Path, Services> opener = Services::open;

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRunner env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    CliRunner stdin(String text) {
        this.stdin = text;
        return this;
    }

    CliRunner opener(Function<Path, Services> opener) {
        this.opener = opener;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, Map.copyOf(env), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), opener);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
        /** The stderr lines, for checking that an error is one line. */
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
