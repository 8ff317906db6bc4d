package org.linkdesk.upload;

import java.io.IOException;
import java.net.FileNameMap;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Content-Type of a file from its name: the JDK's table, then the platform's probe, else octet-stream. */
public final class ContentTypes {
    public static final String DEFAULT = "application/octet-stream";
    private static final FileNameMap NAMES = URLConnection.getFileNameMap();

    private ContentTypes() {
    }

    public static String of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String type = NAMES.getContentTypeFor(name);
        if (type == null) {
            try {
                type = Files.probeContentType(file);
            } catch (IOException | SecurityException e) {
                type = null;
            }
        }
        return type == null || type.isBlank() ? DEFAULT : type;
    }
}
