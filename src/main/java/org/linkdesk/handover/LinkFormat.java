package org.linkdesk.handover;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.linkdesk.core.sign.InvalidInputException;

/** The forms a link can be handed over in. */
public enum LinkFormat {
    URL("url", "URL"),
    CURL("curl", "curl command"),
    WGET("wget", "wget command"),
    POWERSHELL("powershell", "PowerShell command"),
    MARKDOWN("markdown", "Markdown link"),
    HTML("html", "HTML link"),
    JSON("json", "JSON");

    private final String id;
    private final String label;

    LinkFormat(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name used on the command line and in settings. */
    public String id() {
        return id;
    }

    /** The name shown in menus. */
    public String label() {
        return label;
    }

    public static LinkFormat parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (LinkFormat f : values()) {
            if (f.id.equals(wanted)) {
                return f;
            }
        }
        throw new InvalidInputException("Unknown format '" + text + "'; choose one of "
                + Arrays.stream(values()).map(LinkFormat::id).collect(Collectors.joining(", ")) + ".");
    }

    @Override
    public String toString() {
        return label;
    }
}
