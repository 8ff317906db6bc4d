package org.linkdesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration in code (found through {@code META-INF/services}): warnings and errors to stderr, or the
 * level named by {@code LINKDESK_LOG_LEVEL}. Parsing a {@code logback.xml} cost about 0.3 s of every cold start.
 * An explicit {@code -Dlogback.configurationFile=…}, or a {@code logback-test.xml} on the class path, still wins.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    static final String LEVEL_VARIABLE = "LINKDESK_LOG_LEVEL";
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LoggingSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        install(context, System.getenv(LEVEL_VARIABLE));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Stderr at {@code levelName} (WARN when unset or unknown) as the root logger's only appender. */
    static void install(LoggerContext context, String levelName) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(levelName));
        root.addAppender(stderr);
    }

    static Level level(String name) {
        return name == null || name.isBlank() ? Level.WARN : Level.toLevel(name.strip(), Level.WARN);
    }
}
