package org.linkdesk.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ShareState;

/** The gateway's HTML: a landing page per share and short message pages. No script; one stylesheet. */
final class Pages {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Pages() {
    }

    /** The landing page: what the file is, and the Download button (with a password field when protected). */
    static String landing(ProtectedShare share, String csrf, String error, Instant now) {
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"file-icon\" aria-hidden=\"true\">").append(Html.escape(extension(share.fileName())))
                .append("</div>\n<h1 class=\"file-name\">").append(Html.escape(share.fileName())).append("</h1>\n");
        body.append("<dl class=\"facts\">\n");
        if (share.sizeBytes() != null) {
            fact(body, "Size", size(share.sizeBytes()));
        }
        fact(body, "Expires", WHEN.format(share.expiresAt()) + " (" + relative(share.expiresAt(), now) + ")");
        Integer left = share.downloadsLeft();
        fact(body, "Downloads left", left == null ? "unlimited" : left + " of " + share.maxDownloads());
        body.append("</dl>\n");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(Html.escape(error)).append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"/s/").append(Html.escape(share.id())).append("/download\">\n")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Html.escape(csrf)).append("\">\n");
        if (share.passwordProtected()) {
            body.append("<label for=\"password\">This file is protected by a password</label>\n")
                    .append("<input id=\"password\" name=\"password\" type=\"password\" required autofocus "
                            + "autocomplete=\"off\" placeholder=\"Password\"")
                    .append(error != null ? " aria-invalid=\"true\"" : "").append(">\n");
        }
        body.append("<button type=\"submit\">Download</button>\n</form>\n");
        return page(share.fileName() + " — Linkdesk", body.toString());
    }

    static String notFound() {
        return message("Link not found", "There is no file at this address. Check that the link was copied whole.");
    }

    static String gone(ShareState state) {
        return switch (state) {
            case REVOKED -> message("Link revoked", "The person who shared this file has stopped the link.");
            case USED_UP -> message("Download limit reached",
                    "This link has been used as many times as it allows. Ask the sender for a new one.");
            default -> message("Link expired", "This link has expired. Ask the sender for a new one.");
        };
    }

    static String tooManyAttempts(long seconds) {
        return message("Too many attempts", "Please wait " + seconds + (seconds == 1 ? " second" : " seconds")
                + " before trying again.");
    }

    static String staleForm() {
        return message("Please try again", "This page was open too long or cookies are blocked. Go back, reload the "
                + "page and press Download again.");
    }

    static String unavailable() {
        return message("Something went wrong", "The download could not be prepared. Please try again in a moment.");
    }

    static String message(String title, String text) {
        return page(title + " — Linkdesk", "<h1>" + Html.escape(title) + "</h1>\n<p class=\"message\">"
                + Html.escape(text) + "</p>\n");
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
                + "<meta name=\"color-scheme\" content=\"light dark\">\n"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"/assets/gateway.css\">\n</head>\n<body>\n<main class=\"card\">\n"
                + body + "</main>\n<footer>Shared with Linkdesk</footer>\n</body>\n</html>\n";
    }

    private static void fact(StringBuilder out, String name, String value) {
        out.append("<div><dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value))
                .append("</dd></div>\n");
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ENGLISH, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    static String relative(Instant when, Instant now) {
        Duration d = Duration.between(now, when);
        if (d.isNegative()) {
            return "expired";
        }
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "in less than a minute";
        }
        if (minutes < 60) {
            return "in " + plural(minutes, "minute");
        }
        long hours = d.toHours();
        if (hours < 48) {
            return "in " + plural(hours, "hour");
        }
        return "in " + plural(d.toDays(), "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot > 0 && dot < fileName.length() - 1 ? fileName.substring(dot + 1) : "file";
        return ext.length() > 4 ? ext.substring(0, 4).toUpperCase(Locale.ROOT) : ext.toUpperCase(Locale.ROOT);
    }
}
