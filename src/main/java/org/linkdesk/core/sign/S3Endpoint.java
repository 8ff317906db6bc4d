package org.linkdesk.core.sign;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a bucket lives and how its URLs are addressed: an AWS region, or a custom S3-compatible endpoint; virtual-hosted
 * style ({@code bucket.host/key}) or path style ({@code host/bucket/key}).
 */
public final class S3Endpoint {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Longer endpoint URLs are refused (the history keeps them; real ones are far shorter). */
    public static final int MAX_ENDPOINT_CHARS = 2048;
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final String region;
    private final String scheme;
    private final String host;
    /** host[:port] as it goes into the URL and the Host header. */
    private final String authority;
    /** Base path of a custom endpoint without a trailing slash ("" for none). */
    private final String basePath;
    private final boolean custom;
    private final boolean forcePathStyle;
    /** Path style whatever the bucket: forced, or an IP address or localhost, where bucket host names cannot work. */
    private final boolean alwaysPathStyle;
    /** The last virtual host made, as most calls are for the same bucket: {bucket, bucket.authority}. */
    private volatile String[] lastVirtualHost = {"", ""};

    private S3Endpoint(String region, String scheme, String host, String authority, String basePath, boolean custom,
                       boolean forcePathStyle) {
        this.region = region;
        this.scheme = scheme;
        this.host = host;
        this.authority = authority;
        this.basePath = basePath;
        this.custom = custom;
        this.forcePathStyle = forcePathStyle;
        this.alwaysPathStyle = forcePathStyle
                || (custom && (IPV4.matcher(host).matches() || host.startsWith("[") || host.equals("localhost")));
    }

    /** Amazon S3 in {@code region}. */
    public static S3Endpoint aws(String region, boolean forcePathStyle) {
        String r = requireRegion(region);
        // Like the AWS SDK, us-east-1 uses the global host name; the signing region stays us-east-1.
        String host = r.equals("us-east-1") ? "s3.amazonaws.com" : "s3." + r + ".amazonaws.com" + (r.startsWith("cn-") ? ".cn" : "");
        return new S3Endpoint(r, "https", host, host, "", false, forcePathStyle);
    }

    /** A custom (S3-compatible) endpoint such as {@code http://127.0.0.1:9000} or {@code https://s3.example.com}. */
    public static S3Endpoint custom(String endpointUrl, String region, boolean forcePathStyle) {
        URI uri = parseEndpoint(endpointUrl);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String authority = defaultPort ? host : host + ":" + port;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new S3Endpoint(requireRegion(region), scheme, host, authority, path, true, forcePathStyle);
    }

    /** Either {@link #custom} when {@code endpointUrl} is given, or {@link #aws}. */
    public static S3Endpoint of(String endpointUrl, String region, boolean forcePathStyle) {
        return endpointUrl == null || endpointUrl.isBlank()
                ? aws(region, forcePathStyle)
                : custom(endpointUrl.strip(), region, forcePathStyle);
    }

    /** Parses and checks an endpoint URL, with a message fit to show when it is malformed. */
    public static URI parseEndpoint(String endpointUrl) {
        if (endpointUrl == null || endpointUrl.isBlank()) {
            throw new InvalidInputException("Enter an endpoint URL such as https://s3.example.com or http://127.0.0.1:9000.");
        }
        if (endpointUrl.strip().length() > MAX_ENDPOINT_CHARS) {
            throw new InvalidInputException("The endpoint URL is too long (" + endpointUrl.strip().length()
                    + " characters; at most " + MAX_ENDPOINT_CHARS + ").");
        }
        URI uri;
        try {
            uri = new URI(endpointUrl.strip());
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("The endpoint URL is not a valid URL: " + endpointUrl.strip());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new InvalidInputException("The endpoint URL must start with http:// or https:// (got " + endpointUrl.strip() + ").");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            if (uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
                throw new InvalidInputException("The endpoint URL has an invalid host name or port: " + endpointUrl.strip()
                        + " (host names use letters, digits, '-' and '.'; the port is a number).");
            }
            throw new InvalidInputException("The endpoint URL has no host name: " + endpointUrl.strip());
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new InvalidInputException("The endpoint URL has an invalid port: " + endpointUrl.strip()
                    + " (ports go from 1 to 65535).");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidInputException("The endpoint URL must not have a query, fragment or user name: " + endpointUrl.strip());
        }
        return uri;
    }

    private static String requireRegion(String region) {
        if (region == null || region.isBlank()) {
            throw new InvalidInputException("Enter a region such as us-east-1.");
        }
        String r = region.strip();
        if (!REGION.matcher(r).matches()) {
            throw new InvalidInputException("'" + r + "' is not a region name (lower-case letters, digits and '-', like eu-west-1).");
        }
        return r;
    }

    /** Whether URLs for {@code bucket} use path style on this endpoint. */
    public boolean usesPathStyle(String bucket) {
        // A dotted bucket name breaks the wildcard TLS certificate of virtual-hosted style.
        return alwaysPathStyle || (bucket.indexOf('.') >= 0 && "https".equals(scheme));
    }

    /** The request target for {@code bucket} and {@code key} ({@code key} may be empty for bucket-level calls). */
    public S3Address address(String bucket, String key) {
        boolean pathStyle = usesPathStyle(bucket);
        StringBuilder path = new StringBuilder(basePath.length() + bucket.length() + key.length() + 32);
        path.append(basePath).append('/');
        if (pathStyle) {
            UriEncoder.appendEncoded(path, bucket, true);
            path.append('/');
        }
        UriEncoder.appendEncoded(path, key, true);
        return new S3Address(scheme, pathStyle ? authority : virtualHost(bucket), path.toString());
    }

    private String virtualHost(String bucket) {
        String[] last = lastVirtualHost;
        if (last[0].equals(bucket)) {
            return last[1];
        }
        String host = bucket + "." + authority;
        lastVirtualHost = new String[] {bucket, host};
        return host;
    }

    /** The request target for the service itself (ListBuckets). */
    public S3Address serviceAddress() {
        return new S3Address(scheme, authority, basePath + "/");
    }

    public String region() {
        return region;
    }

    public boolean isCustom() {
        return custom;
    }

    public boolean forcePathStyle() {
        return forcePathStyle;
    }

    public String scheme() {
        return scheme;
    }

    public String authority() {
        return authority;
    }

    /** The same endpoint in another region (after S3 said the bucket lives there). */
    public S3Endpoint withRegion(String newRegion) {
        if (!custom) {
            return aws(newRegion, forcePathStyle);
        }
        return new S3Endpoint(requireRegion(newRegion), scheme, host, authority, basePath, true, forcePathStyle);
    }

    /** The endpoint URL as the user would type it, or {@code null} for Amazon S3. */
    public String endpointUrl() {
        return custom ? scheme + "://" + authority + basePath : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3Endpoint e && region.equals(e.region) && scheme.equals(e.scheme)
                && authority.equals(e.authority) && basePath.equals(e.basePath) && custom == e.custom
                && forcePathStyle == e.forcePathStyle;
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, scheme, authority, basePath, custom, forcePathStyle);
    }

    @Override
    public String toString() {
        return (custom ? endpointUrl() : "aws") + " (" + region + (forcePathStyle ? ", path-style" : "") + ")";
    }
}
