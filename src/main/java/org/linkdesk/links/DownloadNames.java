package org.linkdesk.links;

/** The file name a downloaded object is saved as, unless the user gives another. */
public final class DownloadNames {
    private DownloadNames() {
    }

    /** The last segment of the key ({@code reports/q1.pdf} → {@code q1.pdf}); the whole key when that is empty. */
    public static String fileName(String key) {
        String k = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        int slash = k.lastIndexOf('/');
        String name = slash < 0 ? k : k.substring(slash + 1);
        return name.isEmpty() ? key : name;
    }
}
