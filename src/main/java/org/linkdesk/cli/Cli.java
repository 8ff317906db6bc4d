package org.linkdesk.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.linkdesk.shares.ShareIds;
import org.linkdesk.wiring.Services;
import picocli.CommandLine;

/**
 * The command line: {@code linkdesk presign | verify | history | profiles}. Never loads JavaFX. Every failure ends as
 * one {@code linkdesk: …} line on stderr and an exit code from {@link ExitCodes}.
 */
public final class Cli {
    private Cli() {
    }

    /** Runs the command line with this process's environment and standard streams; returns the exit code. */
    public static int run(String[] args) {
        PrintWriter out = writer(System.out, "sun.stdout.encoding");
        PrintWriter err = writer(System.err, "sun.stderr.encoding");
        String[] checked;
        try {
            checked = Argv.ofThisProcess(args);
        } catch (org.linkdesk.core.sign.InvalidInputException e) {
            err.println("linkdesk: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        return run(checked, System.getenv(), System.in, out, err);
    }

    /** Runs the command line with the given environment and streams; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err) {
        return run(args, env, stdin, out, err, Services::open);
    }

    /** As above, opening the data directory with {@code opener} (tests give a fixed clock or a custom S3Http). */
    public static int run(String[] args, Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err,
                          Function<Path, Services> opener) {
        CliIo io = new CliIo(env, new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), out, err);
        Session session = new Session(io, opener);
        LinkdeskCommand root = new LinkdeskCommand(io, session);
        try {
            return commandLine(root, io).execute(args);
        } finally {
            closeQuietly(session, io);
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(LinkdeskCommand root, CliIo io) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(io.out());
        commandLine.setErr(io.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Protected-link ids made before ids avoided a leading '-' are still ids, not options ("-hX…" included).
        CommandLine share = commandLine.getSubcommands().get("share");
        share.setPosixClusteredShortOptionsAllowed(false);
        share.setUnmatchedOptionsArePositionalParams(true);
        commandLine.setExitCodeExceptionMapper(ExitCodes::forException);
        commandLine.setParameterExceptionHandler((ex, args) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            boolean dashedId = java.util.Arrays.stream(args)
                    .anyMatch(a -> a.startsWith("-") && ShareIds.isWellFormed(a));
            io.error(sentence(ex.getMessage()) + (dashedId ? " Put -- before an id that starts with '-'." : "")
                    + " See '" + command + " --help'.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (root.debug()) {
                ex.printStackTrace(io.err());
            }
            io.error(message(ex));
            return ExitCodes.forException(ex);
        });
        return commandLine;
    }

    /** The one line shown for {@code ex}: its own message when we expect it, else what it was. */
    static String message(Throwable ex) {
        String text = ex.getMessage();
        if (ExitCodes.isExpected(ex) && text != null && !text.isBlank()) {
            return oneLine(text);
        }
        return "unexpected error (" + ex.getClass().getSimpleName() + (text == null ? "" : ": " + oneLine(text))
                + "). Run with --debug for the details.";
    }

    private static String sentence(String text) {
        String line = oneLine(text == null ? "invalid arguments" : text);
        return line.endsWith(".") ? line : line + ".";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void closeQuietly(Session session, CliIo io) {
        try {
            session.close();
        } catch (RuntimeException e) {
            io.warn("could not close the database cleanly: " + message(e));
        }
    }

    private static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = Charset.defaultCharset();
        if (encoding != null && Charset.isSupported(encoding)) {
            charset = Charset.forName(encoding);
        }
        return new PrintWriter(new OutputStreamWriter(stream, charset), true);
    }
}
