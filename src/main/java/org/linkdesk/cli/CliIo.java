package org.linkdesk.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.Map;

/** What a command-line run reads and writes: its environment, standard input, output and error. */
record CliIo(Map<String, String> env, BufferedReader stdin, PrintWriter out, PrintWriter err) {

    /** Writes {@code message} on stderr as one {@code linkdesk: …} line. */
    void error(String message) {
        err.println("linkdesk: " + message);
        err.flush();
    }

    void warn(String message) {
        err.println("linkdesk: warning: " + message);
        err.flush();
    }
}
