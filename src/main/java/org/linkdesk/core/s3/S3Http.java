package org.linkdesk.core.s3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.HeaderSigner;
import org.linkdesk.core.sign.S3Address;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.core.sign.S3Names;
import org.linkdesk.core.sign.SigV4;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 calls Linkdesk makes itself, on {@link HttpClient} with SigV4 header signing. Every call has a connect and a
 * request timeout, so none can hang. Failures are specific {@link S3Exception}s whose message tells the user what
 * went wrong and what to check. Thread-safe.
 */
public final class S3Http {
    private static final Logger LOG = LoggerFactory.getLogger(S3Http.class);
    private static final String META_PREFIX = "x-amz-meta-";

    private final HttpClient http;
    private final Clock clock;
    private final Duration requestTimeout;
    private final AtomicReference<ServerDate> lastServerDate = new AtomicReference<>();

    /**
     * @param http           a client; give it a connect timeout and {@link HttpClient.Redirect#NEVER}
     * @param clock          the signing clock
     * @param requestTimeout the most one call may take, answer included
     */
    public S3Http(HttpClient http, Clock clock, Duration requestTimeout) {
        this.http = http;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
    }

    /** A client of its own with these timeouts and the system clock. */
    public S3Http(Duration connectTimeout, Duration requestTimeout) {
        this(HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build(),
                Clock.systemUTC(), requestTimeout);
    }

    /** A client with a 10 s connect timeout and a 30 s request timeout. */
    public static S3Http createDefault() {
        return new S3Http(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /**
     * HEAD object. Throws a specific {@link S3Exception} subclass with a plain-words message on failure.
     * The size is -1 when the server does not say; the ETag comes without its surrounding quotes; a missing storage class is {@code STANDARD}; user metadata
     * names are lower case without the {@code x-amz-meta-} prefix.
     */
    public ObjectInfo headObject(S3Endpoint endpoint, AwsCredentials credentials, String bucket, String key) {
        S3Names.requireValidBucket(bucket);
        S3Names.requireValidKey(key);
        S3Address address = endpoint.address(bucket, key);
        S3Response response = send("HEAD", address, Map.of(), Map.of(), credentials, endpoint.region());
        if (response.isSuccess()) {
            return objectInfo(bucket, key, response);
        }
        S3Errors.Call call = new S3Errors.Call(bucket, key, endpoint.region());
        if (response.status() == 404 && response.error().code() == null) {
            // HEAD has no body to say which is missing: ask about the bucket itself.
            S3Response bucketResponse = send("HEAD", endpoint.address(bucket, ""), Map.of(), Map.of(), credentials,
                    endpoint.region());
            if (bucketResponse.status() == 404) {
                throw new NoSuchBucketException(bucket);
            }
            throw new NoSuchKeyException(bucket, key);
        }
        throw S3Errors.toException(call, explained(response, address, Map.of(), Map.of("Range", "bytes=0-0"),
                credentials, endpoint.region()));
    }

    /**
     * HEAD bucket: checks that the bucket exists and these credentials may use it.
     *
     * @return the bucket's region from {@code x-amz-bucket-region}, or the endpoint's region when the server does
     *         not say
     */
    public String headBucket(S3Endpoint endpoint, AwsCredentials credentials, String bucket) {
        S3Names.requireValidBucket(bucket);
        S3Address address = endpoint.address(bucket, "");
        S3Response response = send("HEAD", address, Map.of(), Map.of(), credentials, endpoint.region());
        if (response.isSuccess()) {
            return response.header("x-amz-bucket-region").orElse(endpoint.region());
        }
        S3Errors.Call call = new S3Errors.Call(bucket, null, endpoint.region());
        if (response.status() == 404) {
            throw S3Errors.toException(call, response);
        }
        throw S3Errors.toException(call, explained(response, address, Map.of("max-keys", "0"), Map.of(),
                credentials, endpoint.region()));
    }

    /** ListBuckets: the buckets these credentials own on this endpoint. */
    public List<BucketInfo> listBuckets(S3Endpoint endpoint, AwsCredentials credentials) {
        S3Response response = send("GET", endpoint.serviceAddress(), Map.of(), Map.of(), credentials,
                endpoint.region());
        if (!response.isSuccess()) {
            throw S3Errors.toException(new S3Errors.Call(null, null, endpoint.region()), response);
        }
        return S3Xml.parseBucketList(response.body());
    }

    /**
     * ListObjectsV2: one page of the keys (and, with a delimiter, the "folders") under a prefix. Asks for
     * {@code encoding-type=url} so every key arrives exactly as stored, whatever characters it holds.
     */
    public ObjectListing listObjects(S3Endpoint endpoint, AwsCredentials credentials, ListObjectsRequest request) {
        S3Names.requireValidBucket(request.bucket());
        S3Address address = endpoint.address(request.bucket(), "");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("list-type", "2");
        query.put("encoding-type", "url");
        query.put("max-keys", Integer.toString(request.maxKeys()));
        if (!request.prefix().isEmpty()) {
            query.put("prefix", request.prefix());
        }
        if (request.delimiter() != null) {
            query.put("delimiter", request.delimiter());
        }
        if (request.continuationToken() != null) {
            query.put("continuation-token", request.continuationToken());
        }
        S3Response response = send("GET", address, query, Map.of(), credentials, endpoint.region());
        if (!response.isSuccess()) {
            throw S3Errors.toException(new S3Errors.Call(request.bucket(), null, endpoint.region()), response);
        }
        return ListingXml.parse(request.bucket(), request.prefix(), response.body());
    }

    /**
     * ListObjectVersions: one page of the versions (and delete markers) of the keys starting with {@code prefix};
     * start with null markers, then pass the previous page's next markers.
     */
    public VersionListing listObjectVersions(S3Endpoint endpoint, AwsCredentials credentials, String bucket,
                                             String prefix, String keyMarker, String versionIdMarker, int maxKeys) {
        S3Names.requireValidBucket(bucket);
        S3Address address = endpoint.address(bucket, "");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("versions", "");
        query.put("encoding-type", "url");
        query.put("max-keys", Integer.toString(Math.max(1, Math.min(1000, maxKeys))));
        if (prefix != null && !prefix.isEmpty()) {
            query.put("prefix", prefix);
        }
        if (keyMarker != null) {
            query.put("key-marker", keyMarker);
            if (versionIdMarker != null) {
                query.put("version-id-marker", versionIdMarker);
            }
        }
        S3Response response = send("GET", address, query, Map.of(), credentials, endpoint.region());
        if (!response.isSuccess()) {
            throw S3Errors.toException(new S3Errors.Call(bucket, null, endpoint.region()), response);
        }
        return VersionListingXml.parse(response.body());
    }

    /** The {@code Date} of the latest answer from any server, for warning about a wrong local clock. */
    public Optional<ServerDate> lastServerDate() {
        return Optional.ofNullable(lastServerDate.get());
    }

    /**
     * A failed HEAD carries no error document; unless its headers already explain it, repeat the request as a GET
     * to read the document (which says e.g. SignatureDoesNotMatch). The original answer stands if that fails.
     */
    private S3Response explained(S3Response headResponse, S3Address address, Map<String, String> query,
                                 Map<String, String> unsignedHeaders, AwsCredentials credentials, String region) {
        org.linkdesk.core.threads.UiThreadGuard.check("S3 request");
        if (headResponse.status() >= 500 || headResponse.error().code() != null
                || headResponse.header("x-amz-bucket-region").isPresent()) {
            return headResponse;
        }
        try {
            S3Response get = send("GET", address, query, unsignedHeaders, credentials, region);
            return get.status() == headResponse.status() && get.error().code() != null ? get : headResponse;
        } catch (S3NetworkException e) {
            return headResponse;
        }
    }

    private S3Response send(String method, S3Address address, Map<String, String> query,
                            Map<String, String> unsignedHeaders, AwsCredentials credentials, String region) {
        return send(method, address, query, Map.of(), unsignedHeaders, null, credentials, region);
    }

    /** A request with a body (which may be null) and headers to sign (e.g. Content-MD5); see {@link S3Uploads}. */
    S3Response send(String method, S3Address address, Map<String, String> query, Map<String, String> signedHeaders,
                    Map<String, String> unsignedHeaders, Body body, AwsCredentials credentials, String region) {
        String queryString = HeaderSigner.canonicalQuery(query);
        URI uri = URI.create(address.baseUrl() + (queryString.isEmpty() ? "" : "?" + queryString));
        Map<String, String> headers = new LinkedHashMap<>(HeaderSigner.sign(method, address, query, signedHeaders,
                body == null ? SigV4.EMPTY_SHA256 : body.payloadHash(), credentials, region, clock.instant()));
        headers.putAll(unsignedHeaders);
        Duration timeout = body == null ? requestTimeout : body.timeout(requestTimeout);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.publisher())
                .timeout(timeout);
        if (body != null) {
            // A body is never sent through an h2c upgrade; uploads use plain HTTP/1.1 connections (one per part).
            request.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(request::header);
        return exchange(method, address, uri, request.build(), timeout);
    }

    /**
     * A request body: its publisher, its payload hash for the signature (the SHA-256 or {@code UNSIGNED-PAYLOAD}),
     * and its length, which stretches the timeout so a slow link can still send a large part.
     */
    record Body(HttpRequest.BodyPublisher publisher, String payloadHash, long length, Duration extraTime) {
        private static final long SLOWEST_BYTES_PER_SECOND = 64 * 1024;

        Body(HttpRequest.BodyPublisher publisher, String payloadHash, long length) {
            this(publisher, payloadHash, length, Duration.ZERO);
        }

        Duration timeout(Duration base) {
            return base.plusSeconds(length / SLOWEST_BYTES_PER_SECOND).plus(extraTime);
        }
    }

    private S3Response exchange(String method, S3Address address, URI uri, HttpRequest httpRequest,
                                Duration timeout) {
        Duration requestTimeout = timeout;

        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw NetworkFailures.requestTimedOut(requestTimeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new S3NetworkException("The request was cancelled.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            LOG.debug("{} {}{} failed: {}", method, address.authority(), address.encodedPath(), cause.toString());
            throw NetworkFailures.toException(cause, uri, http.connectTimeout().orElse(null), requestTimeout);
        }
        Instant receivedAt = clock.instant();
        S3Response result = new S3Response(response.statusCode(), response.headers(), response.body(), receivedAt);
        result.serverDate().ifPresent(date -> lastServerDate.set(new ServerDate(date, receivedAt)));
        LOG.debug("{} {}{} -> {}", method, address.authority(), address.encodedPath(), response.statusCode());
        return result;
    }

    private static ObjectInfo objectInfo(String bucket, String key, S3Response response) {
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        String contentType = response.header("Content-Type").orElse(null);
        Instant lastModified = response.header("Last-Modified").map(S3Response::parseHttpDate).orElse(null);
        String etag = response.header("ETag").map(S3Http::unquote).orElse(null);
        String storageClass = response.header("x-amz-storage-class").orElse("STANDARD");
        Map<String, String> metadata = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(META_PREFIX) && !values.isEmpty()) {
                metadata.put(lower.substring(META_PREFIX.length()), String.join(",", values));
            }
        });
        return new ObjectInfo(bucket, key, size, contentType, lastModified, etag, storageClass, metadata);
    }

    private static String unquote(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }
}
