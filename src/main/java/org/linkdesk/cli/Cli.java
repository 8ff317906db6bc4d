package org.linkdesk.cli;

/** The command line. */
public final class Cli {
    private Cli() {
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args) {
        System.err.println("linkdesk: the command line is not built yet");
        return 2;
    }
}
