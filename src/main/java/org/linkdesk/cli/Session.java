package org.linkdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import org.linkdesk.wiring.Services;
import org.linkdesk.store.DataDirectory;
import org.linkdesk.store.Vault;

/** The services of one command-line run, opened on first use, and the master password, read once. */
final class Session implements AutoCloseable {
    static final String PASSWORD_VARIABLE = "LINKDESK_PASSWORD";

    private final CliIo io;
    private final Function<Path, Services> opener;
    private Services services;
    private char[] stdinPassword;
    private final TeamSendAfterRun teamSend = new TeamSendAfterRun();

    Session(CliIo io, Function<Path, Services> opener) {
        this.io = io;
        this.opener = opener;
    }

    /** Opens the database in {@code --data-dir}, {@code LINKDESK_HOME} or the user data directory. */
    Services services(Path dataDirOverride) {
        if (services == null) {
            Path dir = DataDirectory.resolve(dataDirOverride == null ? null : dataDirOverride.toString(), io.env(),
                    System.getProperty("os.name", ""), System.getProperty("user.home"));
            services = opener.apply(dir);
            // Issue 10: what the store had to tell the user (folder made private, damaged file salvaged).
            services.database().notices().forEach(n -> io.err().println("linkdesk: " + n));
        }
        return services;
    }

    /** After team mode was chosen for this run: watches its outbox, to send what the command records. */
    void watchTeam(Services opened) {
        teamSend.watch(opened);
    }

    /** Unlocks the vault with the given password, failing with exit code 2 when there is none. */
    void unlockVault(Path dataDirOverride, boolean passwordFromStdin) {
        Vault vault = services(dataDirOverride).vault();
        if (vault.isUnlocked()) {
            return;
        }
        if (!vault.isCreated()) {
            throw new CliException(ExitCodes.USAGE, "No master password has been set yet in this data folder: run "
                    + "'linkdesk init --password-stdin' (or open the Linkdesk window) first.");
        }
        char[] password = password(passwordFromStdin);
        if (password == null) {
            throw new CliException(ExitCodes.USAGE, "Set " + PASSWORD_VARIABLE
                    + " or pass --password-stdin to unlock your profiles.");
        }
        unlock(vault, password);
    }

    /**
     * Sets the master password of a fresh data directory ({@code linkdesk init}, or {@code profiles add} on a fresh
     * directory). Returns false when a master password was already set and {@code password} unlocks it.
     */
    boolean createVault(Path dataDirOverride, boolean passwordFromStdin) {
        Vault vault = services(dataDirOverride).vault();
        char[] password = password(passwordFromStdin);
        if (password == null) {
            throw new CliException(ExitCodes.USAGE, "Give the new master password with --password-stdin or "
                    + PASSWORD_VARIABLE + " (at least " + Vault.MIN_PASSWORD_LENGTH + " characters).");
        }
        if (vault.isCreated()) {
            unlock(vault, password);
            return false;
        }
        char[] copy = password.clone();
        try {
            vault.create(copy);
        } finally {
            Arrays.fill(copy, '\0');
        }
        return true;
    }

    /** Whether a master password was given (without reading standard input yet). */
    boolean passwordGiven(boolean passwordFromStdin) {
        String value = io.env().get(PASSWORD_VARIABLE);
        return passwordFromStdin || (value != null && !value.isEmpty());
    }

    /** Unlocks the vault when a password was given and a vault exists; returns whether it is unlocked. */
    boolean unlockVaultIfPasswordGiven(Path dataDirOverride, boolean passwordFromStdin) {
        Vault vault = services(dataDirOverride).vault();
        if (!vault.isUnlocked()) {
            char[] password = password(passwordFromStdin);
            if (password != null && vault.isCreated()) {
                unlock(vault, password);
            }
        }
        return vault.isUnlocked();
    }

    private static void unlock(Vault vault, char[] password) {
        char[] copy = password.clone();
        try {
            vault.unlock(copy);
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    /** The first line of stdin with {@code --password-stdin}, else {@code LINKDESK_PASSWORD}, else null. */
    private char[] password(boolean fromStdin) {
        if (fromStdin) {
            if (stdinPassword == null) {
                stdinPassword = readStdinLine();
            }
            return stdinPassword;
        }
        String value = io.env().get(PASSWORD_VARIABLE);
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    private char[] readStdinLine() {
        try {
            String line = io.stdin().readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--password-stdin was given but standard input has no password.");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the password from standard input.", e);
        }
    }

    @Override
    public void close() {
        if (stdinPassword != null) {
            Arrays.fill(stdinPassword, '\0');
        }
        if (services != null) {
            // Team mode (issue 16): links this command recorded go to the team database now if it answers.
            teamSend.sendIfRecorded(services, io);
            services.close();
        }
    }
}
