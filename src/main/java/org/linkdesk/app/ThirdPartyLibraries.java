package org.linkdesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The libraries Linkdesk bundles, with their licences, from {@code third-party.txt} (versions filled by Maven). */
public final class ThirdPartyLibraries {
    /** One bundled library. */
    public record Library(String name, String version, String licence, String homePage) {
    }

    private ThirdPartyLibraries() {
    }

    public static List<Library> all() {
        try (InputStream in = ThirdPartyLibraries.class.getResourceAsStream("third-party.txt")) {
            if (in == null) {
                return List.of();
            }
            List<Library> libraries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\\|", -1);
                if (!line.startsWith("#") && f.length == 4) {
                    libraries.add(new Library(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
                }
            }
            return libraries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
