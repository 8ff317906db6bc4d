package org.linkdesk.links;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.linkdesk.core.sign.PresignRequest;

/**
 * Expiry by file type for batches: the first rule that matches a key's extension wins, else {@code fallback}.
 */
public record ExpiryRules(List<ExpiryRule> rules, Duration fallback) {

    public ExpiryRules {
        rules = List.copyOf(rules);
        PresignRequest.requireValidExpiry(fallback);
    }

    /** {@code .pdf} 48 h, images 7 days, everything else 24 h. */
    public static ExpiryRules defaults() {
        return new ExpiryRules(List.of(new ExpiryRule(".pdf", Duration.ofHours(48)),
                new ExpiryRule("image", Duration.ofDays(7))), Duration.ofHours(24));
    }

    /** How long a link to {@code key} should live. */
    public Duration expiryFor(String key) {
        String ext = extension(key);
        for (ExpiryRule rule : rules) {
            if (rule.matches(ext)) {
                return rule.expiry();
            }
        }
        return fallback;
    }

    /** The lower-case extension of the key's last segment without the dot, or "" when it has none. */
    public static String extension(String key) {
        String name = DownloadNames.fileName(key);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
