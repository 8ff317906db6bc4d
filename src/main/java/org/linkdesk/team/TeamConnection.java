package org.linkdesk.team;

import java.util.Objects;

/**
 * Where the team database is and who logs in. {@code password} may be null: the PostgreSQL driver then looks in
 * {@code ~/.pgpass} ({@code PGPASSFILE}). Never printed: {@link #toString()} leaves the password out.
 *
 * @param url  a {@code jdbc:postgresql://HOST[:PORT]/DB} URL
 * @param user the database user, or null for the URL's {@code user} parameter / the driver's default
 */
public record TeamConnection(String url, String user, String password) {
    public TeamConnection {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("A team database is a PostgreSQL URL such as "
                    + "jdbc:postgresql://db.example.com/linkdesk (given: " + redact(url) + ").");
        }
    }

    /** The URL without any password parameter, fit for messages and logs. */
    public String safeUrl() {
        return redact(url);
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "TeamConnection[" + safeUrl() + ", user=" + user + "]";
    }
}
