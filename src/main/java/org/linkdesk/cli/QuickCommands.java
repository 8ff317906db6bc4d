package org.linkdesk.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linkdesk.core.sign.Durations;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.PresignRequest;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.links.DownloadNames;
import org.linkdesk.links.LinkSigner;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.store.DataDirectory;
import org.linkdesk.store.NewShare;
import org.linkdesk.store.ShareJournal;

/**
 * The command line's quick path for its most frequent calls, without picocli, logging, JSON or the database:
 * {@code --version}, and {@code presign} of single objects with the environment's credentials, recorded through the
 * {@link ShareJournal} (sealed, forced to disk, then printed) and taken into the history on the next database open.
 * A call it does not fully understand — any other option, {@code --json} (which prints the history id), a new data
 * directory, invalid input, a link expiring sooner than asked — goes to {@link Cli} unchanged, so messages and
 * results are the same either way. Must not load picocli, SLF4J, Jackson or H2.
 */
public final class QuickCommands {
    /** {@link #run}'s answer when the call needs the full command line. */
    public static final int NOT_HANDLED = -1;
    private static final String DB_FILE = "linkdesk.mv.db";

    private QuickCommands() {
    }

    /** Runs {@code args} if it can; returns the exit code, or {@link #NOT_HANDLED} having printed nothing. */
    public static int run(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            PrintWriter out = writer(System.out, "sun.stdout.encoding");
            for (String line : versionLines()) {
                out.println(line);
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")) && System.console() == null) {
            return printHelp();
        }
        try {
            return presign(args, System.getenv());
        } catch (RuntimeException e) {
            // Anything unexpected: the full command line gives the usual message (nothing was printed or kept).
            return NOT_HANDLED;
        }
    }

    /**
     * The root usage written at build time by {@link HelpTextWriter} (picocli's text for output that is not a
     * terminal; on a terminal picocli fits it to the width). Not handled when the resource is missing.
     */
    private static int printHelp() {
        try (java.io.InputStream in = QuickCommands.class.getResourceAsStream(HelpTextWriter.RESOURCE)) {
            if (in == null) {
                return NOT_HANDLED;
            }
            PrintWriter out = writer(System.out, "sun.stdout.encoding");
            out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            return ExitCodes.OK;
        } catch (java.io.IOException e) {
            return NOT_HANDLED;
        }
    }

    /** {@code linkdesk --version}'s lines. */
    static String[] versionLines() {
        String version = QuickCommands.class.getPackage().getImplementationVersion();
        return new String[] {
                "linkdesk " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    private static int presign(String[] args, Map<String, String> env) {
        PresignArgs a = PresignArgs.parse(args);
        // Team mode by the environment: the full path sends the link to the team database before it ends.
        if (a == null || blank(env.get("AWS_ACCESS_KEY_ID")) || !blank(env.get("LINKDESK_DEBUG"))
                || !blank(env.get("LINKDESK_DATABASE"))) {
            return NOT_HANDLED;
        }
        Path dir = DataDirectory.resolve(a.dataDir == null ? null : Path.of(a.dataDir).toString(), env,
                System.getProperty("os.name", ""), System.getProperty("user.home"));
        Optional<byte[]> sealingKey = ShareJournal.rememberedSealingKey(dir);
        if (sealingKey.isEmpty() || !Files.isRegularFile(dir.resolve(DB_FILE))
                || ShareJournal.size(dir) >= ShareJournal.QUICK_LIMIT_BYTES || teamMode(dir, env)) {
            return NOT_HANDLED;
        }
        LinkOptions options = a.options();
        if (options == null) {
            return NOT_HANDLED;
        }
        QuickUrlHandlers.install();
        List<S3Uri> targets = new ArrayList<>();
        for (String object : a.objects) {
            targets.add(S3Uri.parse(object));
        }
        SigningIdentity identity = EnvironmentIdentity.resolve(env, a.pathStyle);
        LinkSigner signer = new LinkSigner(new SigV4Presigner(Clock.systemUTC()));
        Instant now = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        List<LinkSigner.Signed> made = new ArrayList<>();
        List<NewShare> rows = new ArrayList<>();
        for (S3Uri target : targets) {
            LinkOptions own = a.fileNames ? new LinkOptions(options.method(), options.expiresIn(),
                    DownloadNames.fileName(target.key()), options.inline(), options.responseContentType(),
                    options.cacheControl(), options.contentType()) : options;
            LinkSigner.Signed link = signer.sign(identity, target.bucket(), target.key(), own, a.note, null, now);
            if (link.expiry().isShorterThanRequested() || !link.url().signedHeaders().isEmpty()) {
                return NOT_HANDLED;   // the full path explains the shorter expiry, or the headers to send
            }
            made.add(link);
            rows.add(link.share());
        }
        ShareJournal.append(dir, rows, sealingKey.get());
        PrintWriter out = writer(System.out, "sun.stdout.encoding");
        for (LinkSigner.Signed link : made) {
            out.println(link.url().url());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Team mode (issue 16): links go through the database, which gives them their outbox rows and sends them. */
    private static boolean teamMode(Path dir, Map<String, String> env) {
        return !blank(env.get("LINKDESK_DATABASE")) || Files.exists(dir.resolve(ShareJournal.TEAM_MODE_FILE_NAME));
    }

    /** The writer {@link Cli} uses for a standard stream. */
    static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = Charset.defaultCharset();
        if (encoding != null && Charset.isSupported(encoding)) {
            charset = Charset.forName(encoding);
        }
        return new PrintWriter(new OutputStreamWriter(stream, charset), true);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The presign options the quick path knows, each at most once, as picocli would read them. */
    private static final class PresignArgs {
        String dataDir;
        String method;
        String expires;
        String downloadName;
        boolean inline;
        String responseContentType;
        String cacheControl;
        String note;
        boolean pathStyle;
        boolean fileNames;
        final List<String> objects = new ArrayList<>();

        /** Null when {@code args} holds anything else (picocli then handles it, messages included). */
        static PresignArgs parse(String[] args) {
            PresignArgs a = new PresignArgs();
            int i = 0;
            boolean seenCommand = false;
            while (i < args.length) {
                String arg = args[i];
                if (arg.startsWith("@") || arg.equals("--")) {
                    return null;   // argument files and end-of-options: picocli's rules
                }
                if (!seenCommand) {
                    if (arg.equals("presign")) {
                        seenCommand = true;
                        i++;
                        continue;
                    }
                    if (!arg.equals("--data-dir") && !arg.startsWith("--data-dir=")) {
                        return null;
                    }
                }
                if (!arg.startsWith("-")) {
                    a.objects.add(arg);
                    i++;
                    continue;
                }
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "--inline", "--path-style", "--file-names" -> {
                        if (value != null || !a.flag(name)) {
                            return null;
                        }
                        i++;
                        continue;
                    }
                    default -> {
                        // an option with a value
                    }
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        return null;
                    }
                    value = args[i + 1];
                    i += 2;
                } else {
                    i++;
                }
                if (!a.option(name, value)) {
                    return null;
                }
            }
            return seenCommand && !a.objects.isEmpty() ? a : null;
        }

        private boolean flag(String name) {
            switch (name) {
                case "--inline" -> {
                    if (inline) {
                        return false;
                    }
                    inline = true;
                }
                case "--path-style" -> {
                    if (pathStyle) {
                        return false;
                    }
                    pathStyle = true;
                }
                default -> {
                    if (fileNames) {
                        return false;
                    }
                    fileNames = true;
                }
            }
            return true;
        }

        private boolean option(String name, String value) {
            switch (name) {
                case "--data-dir" -> dataDir = once(dataDir, value);
                case "--method" -> method = once(method, value);
                case "--expires" -> expires = once(expires, value);
                case "--download-name" -> downloadName = once(downloadName, value);
                case "--response-content-type" -> responseContentType = once(responseContentType, value);
                case "--cache-control" -> cacheControl = once(cacheControl, value);
                case "--note" -> note = once(note, value);
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static String once(String current, String value) {
            if (current != null) {
                throw new IllegalArgumentException("given twice");
            }
            return value;
        }

        /** The link options as {@code PresignCommand} builds them, or null when it would refuse them. */
        LinkOptions options() {
            HttpMethod m = method == null ? HttpMethod.GET : HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
            Duration lifetime = PresignRequest.requireValidExpiry(Durations.parse(expires == null ? "1h" : expires));
            if (m != HttpMethod.GET && (downloadName != null || inline || responseContentType != null
                    || cacheControl != null)) {
                return null;
            }
            return new LinkOptions(m, lifetime, downloadName, inline, responseContentType, cacheControl, null);
        }
    }
}
