package org.linkdesk.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linkdesk.core.sign.HttpMethod;

/**
 * What part of the history to show, and in which order. Null fields do not filter. Date ranges are half-open:
 * {@code from} inclusive, {@code to} exclusive.
 *
 * @param search  words that must each appear in the key, bucket, note or recipient (case-insensitive substrings)
 * @param profile a profile name; {@link #ENVIRONMENT} for links signed with environment credentials
 * @param madeBy  in a team history, only the links this member made (their display name); null for everyone. A
 *                personal history has one maker and ignores it.
 */
public record HistoryQuery(String search, String profile, String bucket, HttpMethod method, ShareStatus status,
                           String tag, Instant createdFrom, Instant createdTo, Instant expiresFrom,
                           Instant expiresTo, HistorySort sort, boolean descending, String madeBy) {
    public static final String ENVIRONMENT = "environment";
    public static final HistoryQuery NEWEST_FIRST = new HistoryQuery(null, null, null, null, null, null, null, null,
            null, null, HistorySort.CREATED, true, null);

    public HistoryQuery {
        search = blankToNull(search);
        profile = blankToNull(profile);
        bucket = blankToNull(bucket);
        tag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        sort = sort == null ? HistorySort.CREATED : sort;
        madeBy = blankToNull(madeBy);
    }

    /** The same query limited to the links {@code name} made; null for everyone's. */
    public HistoryQuery withMadeBy(String name) {
        return new HistoryQuery(search, profile, bucket, method, status, tag, createdFrom, createdTo, expiresFrom,
                expiresTo, sort, descending, name);
    }

    /** The lower-cased search words. */
    public List<String> terms() {
        List<String> terms = new ArrayList<>();
        if (search != null) {
            for (String word : search.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    terms.add(TrigramIndex.lower(word));
                }
            }
        }
        return terms;
    }

    public HistoryQuery withSearch(String text) {
        return new HistoryQuery(text, profile, bucket, method, status, tag, createdFrom, createdTo, expiresFrom,
                expiresTo, sort, descending, madeBy);
    }

    public HistoryQuery withProfile(String name) {
        return new HistoryQuery(search, name, bucket, method, status, tag, createdFrom, createdTo, expiresFrom,
                expiresTo, sort, descending, madeBy);
    }

    public HistoryQuery withBucket(String name) {
        return new HistoryQuery(search, profile, name, method, status, tag, createdFrom, createdTo, expiresFrom,
                expiresTo, sort, descending, madeBy);
    }

    public HistoryQuery withMethod(HttpMethod m) {
        return new HistoryQuery(search, profile, bucket, m, status, tag, createdFrom, createdTo, expiresFrom,
                expiresTo, sort, descending, madeBy);
    }

    public HistoryQuery withStatus(ShareStatus s) {
        return new HistoryQuery(search, profile, bucket, method, s, tag, createdFrom, createdTo, expiresFrom,
                expiresTo, sort, descending, madeBy);
    }

    public HistoryQuery withTag(String t) {
        return new HistoryQuery(search, profile, bucket, method, status, t, createdFrom, createdTo, expiresFrom,
                expiresTo, sort, descending, madeBy);
    }

    public HistoryQuery withCreated(Instant from, Instant to) {
        return new HistoryQuery(search, profile, bucket, method, status, tag, from, to, expiresFrom, expiresTo, sort,
                descending, madeBy);
    }

    public HistoryQuery withExpires(Instant from, Instant to) {
        return new HistoryQuery(search, profile, bucket, method, status, tag, createdFrom, createdTo, from, to, sort,
                descending, madeBy);
    }

    public HistoryQuery sortedBy(HistorySort column, boolean desc) {
        return new HistoryQuery(search, profile, bucket, method, status, tag, createdFrom, createdTo, expiresFrom,
                expiresTo, column, desc, madeBy);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
