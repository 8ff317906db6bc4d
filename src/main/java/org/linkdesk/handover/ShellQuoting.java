package org.linkdesk.handover;

/** Quoting one argument so that it reaches the program unchanged when a command is pasted into a shell. */
public final class ShellQuoting {
    private ShellQuoting() {
    }

    /**
     * bash, zsh, sh: single quotes, inside which nothing is special ({@code $}, backticks, {@code !} and {@code \}
     * included); a {@code '} closes the quotes, is escaped, and they reopen.
     */
    public static String posix(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /**
     * PowerShell: a single-quoted (verbatim) string, in which only a quote is special and is doubled. PowerShell
     * also takes the typographic quotes U+2018, U+2019, U+201A and U+201B as single quotes, so those are doubled too.
     */
    public static String powerShell(String argument) {
        StringBuilder out = new StringBuilder(argument.length() + 2).append('\'');
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }
}
