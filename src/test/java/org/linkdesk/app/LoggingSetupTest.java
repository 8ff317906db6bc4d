package org.linkdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LoggingSetupTest {

    @Test
    void warningsAndErrorsToStderrUnlessALevelIsNamed() {
        assertThat(LoggingSetup.level(null)).isEqualTo(Level.WARN);
        assertThat(LoggingSetup.level(" ")).isEqualTo(Level.WARN);
        assertThat(LoggingSetup.level("debug")).isEqualTo(Level.DEBUG);
        assertThat(LoggingSetup.level(" INFO ")).isEqualTo(Level.INFO);
        assertThat(LoggingSetup.level("chatty")).isEqualTo(Level.WARN);
    }

    @Test
    void installsOneStderrAppenderOnTheRootLogger() {
        LoggerContext context = new LoggerContext();
        LoggingSetup.install(context, "info");
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        var appender = root.getAppender("STDERR");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
        assertThat(appender.isStarted()).isTrue();
        context.stop();
    }

    @Test
    void isFoundAsAServiceAndLeavesTheTestConfigurationAlone() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LoggingSetup.class);
        LoggerContext context = new LoggerContext();
        // logback-test.xml is on the test class path: Joran must read it, so this configurator steps aside.
        assertThat(new LoggingSetup().configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        context.stop();
    }
}
