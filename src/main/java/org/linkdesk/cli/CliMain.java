package org.linkdesk.cli;

/**
 * The entry point of the installed {@code linkdesk-cli} launcher: always the command line, even without arguments
 * (where {@link org.linkdesk.Launcher} would open the window).
 */
public final class CliMain {
    private CliMain() {
    }

    public static void main(String[] args) {
        int quick = QuickCommands.run(args);
        System.exit(quick != QuickCommands.NOT_HANDLED ? quick : Cli.run(args));
    }
}
