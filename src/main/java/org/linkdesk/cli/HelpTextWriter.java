package org.linkdesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Build step (Maven's {@code process-classes}): writes {@code linkdesk --help} as picocli renders it for output that
 * is not a terminal, so that {@link QuickCommands} can print it without loading picocli and every command class.
 */
public final class HelpTextWriter {
    /** The resource {@link QuickCommands} prints, next to this class. */
    static final String RESOURCE = "linkdesk-help.txt";

    private HelpTextWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, render(), StandardCharsets.UTF_8);
    }

    /** The root usage exactly as {@code linkdesk --help} prints it through picocli. */
    static String render() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        CliIo io = new CliIo(Map.of(), new BufferedReader(new StringReader("")), outWriter, new PrintWriter(err));
        Session session = new Session(io, dir -> {
            throw new IllegalStateException("help opens no database");
        });
        Cli.commandLine(new LinkdeskCommand(io, session), io).execute("--help");
        outWriter.flush();
        return out.toString();
    }
}
