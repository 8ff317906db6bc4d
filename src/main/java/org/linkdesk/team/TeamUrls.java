package org.linkdesk.team;

import java.util.Properties;
import org.linkdesk.core.sign.InvalidInputException;

/** Reads a {@code jdbc:postgresql:} URL with the driver's own parser (hosts, ports, database, parameters). */
final class TeamUrls {
    private TeamUrls() {
    }

    /** The URL's parts under the driver's names ({@code PGHOST}, {@code PGPORT}, {@code PGDBNAME}, {@code user}). */
    static Properties parse(String jdbcUrl) {
        Properties props = new Properties();
        // A password given here keeps the driver from reading its own password file while parsing.
        props.setProperty("password", "");
        Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl, props);
        if (parsed == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidInputException("This is not a PostgreSQL URL Linkdesk can read: "
                    + TeamConnection.redact(jdbcUrl) + ". Write it as jdbc:postgresql://HOST[:PORT]/DATABASE.");
        }
        if ("".equals(parsed.getProperty("password"))) {
            parsed.remove("password");
        }
        return parsed;
    }

    static String firstHost(Properties parsed) {
        return first(parsed.getProperty("PGHOST", "localhost"));
    }

    static String firstPort(Properties parsed) {
        return first(parsed.getProperty("PGPORT", "5432"));
    }

    private static String first(String list) {
        int comma = list.indexOf(',');
        return comma < 0 ? list : list.substring(0, comma);
    }
}
