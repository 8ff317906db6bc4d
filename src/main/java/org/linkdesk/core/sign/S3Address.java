package org.linkdesk.core.sign;

/**
 * A request target: scheme, authority (host[:port], the Host header) and the already encoded path, which is also
 * the SigV4 canonical URI.
 */
public record S3Address(String scheme, String authority, String encodedPath) {

    /** {@code scheme://authority/path} without a query. */
    public String baseUrl() {
        return scheme + "://" + authority + encodedPath;
    }
}
