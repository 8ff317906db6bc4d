package org.linkdesk;

/**
 * The entry point of {@code linkdesk.jar}: with no arguments (or only GUI options) it opens the window, otherwise it
 * runs the command line without starting JavaFX. This class must not reference JavaFX types, so that the CLI never
 * loads the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (isGuiInvocation(args)) {
            java.util.Optional<Integer> relaunched = GuiRelaunch.run(args);
            if (relaunched.isPresent()) {
                System.exit(relaunched.get());
            }
            org.linkdesk.app.GuiMain.main(args);
        } else {
            int quick = org.linkdesk.cli.QuickCommands.run(args);
            System.exit(quick != org.linkdesk.cli.QuickCommands.NOT_HANDLED ? quick : org.linkdesk.cli.Cli.run(args));
        }
    }

    /** No arguments, or only {@code --data-dir DIR} / {@code --data-dir=DIR}. */
    static boolean isGuiInvocation(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length == 1) {
            return args[0].startsWith("--data-dir=");
        }
        return args.length == 2 && args[0].equals("--data-dir");
    }
}
