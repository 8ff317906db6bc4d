package org.linkdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.linkdesk.core.sign.AwsCredentials;
import org.linkdesk.core.sign.S3Endpoint;

/**
 * A real S3 server for tests: <a href="https://github.com/gaul/s3proxy">S3Proxy</a> in-process on
 * {@code 127.0.0.1} (a free port) over jclouds' in-memory {@code transient} blob store, checking SigV2/SigV4
 * signatures against {@link #ACCESS_KEY_ID} / {@link #SECRET_ACCESS_KEY}.
 *
 * <p>Starting one takes 1–3 s, so share it. Three ways to get one:
 * <ul>
 *   <li><b>Shared per JVM (preferred)</b>: {@code S3ProxyServer s3 = S3ProxyServer.shared();} — started on first
 *   use, stopped by a shutdown hook ({@link #stop()} refuses to stop it). Because other test classes use the same
 *   server, give each test its own bucket: {@link #newBucket()} creates one with a unique name.</li>
 *   <li><b>JUnit 5 extension</b>: annotate the class with {@code @ExtendWith(S3ProxyExtension.class)} and declare
 *   an {@code S3ProxyServer} parameter on a constructor, {@code @BeforeAll}/{@code @BeforeEach} or test method; it
 *   receives {@link #shared()}.</li>
 *   <li><b>Private instance</b>: {@link #start()} when a test must own the server (for example to stop it and see
 *   "connection refused"); call {@link #stop()} (or close it) in {@code @AfterAll}.</li>
 * </ul>
 *
 * <p>Example:
 * <pre>{@code
 * S3ProxyServer s3 = S3ProxyServer.shared();
 * String bucket = s3.newBucket();
 * s3.putObject(bucket, "docs/report.pdf", bytes, "application/pdf");
 * S3Endpoint endpoint = s3.s3Endpoint();              // http://127.0.0.1:PORT, us-east-1, path style
 * AwsCredentials credentials = S3ProxyServer.credentials();
 * }</pre>
 *
 * <p>Setup and checks ({@link #putObject}, {@link #getObject}, ...) go straight to the blob store, unsigned and
 * without HTTP. Keys may be anything S3 allows, including a leading {@code /} or {@code //} inside.
 * Note: Jetty rewrites {@code text/plain; charset=utf-8} to {@code text/plain;charset=utf-8} in responses.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "AKIALINKDESKTEST0001";
    public static final String SECRET_ACCESS_KEY = "linkdesk/Test+Secret/0123456789abcdefghijklmn";
    public static final String REGION = "us-east-1";

    private static final AtomicInteger BUCKET_COUNTER = new AtomicInteger();
    private static final long START_TIMEOUT_MILLIS = 20_000;
    private static S3ProxyServer sharedInstance;

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final int port;
    private volatile boolean shared;

    private S3ProxyServer(BlobStoreContext context, S3Proxy proxy, int port) {
        this.context = context;
        this.proxy = proxy;
        this.port = port;
    }

    /** The JVM-wide server, started on first call (1–3 s) and stopped when the JVM exits. Do not stop it. */
    public static synchronized S3ProxyServer shared() {
        if (sharedInstance == null) {
            S3ProxyServer server = start();
            server.shared = true;
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "s3proxy-shutdown"));
            sharedInstance = server;
        }
        return sharedInstance;
    }

    /** Starts a private server; the caller stops it. */
    public static S3ProxyServer start() {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("unused", "unused")
                .buildView(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT_MILLIS + " ms: "
                            + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("S3Proxy failed to start", e);
        }
        return new S3ProxyServer(context, proxy, proxy.getPort());
    }

    /** {@code http://127.0.0.1:PORT} */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The port it listens (or, once stopped, listened) on. */
    public int port() {
        return port;
    }

    /** The endpoint in {@link #REGION}; path style (an IP host always is). */
    public S3Endpoint s3Endpoint() {
        return S3Endpoint.custom(endpoint(), REGION, true);
    }

    /** Credentials the server accepts. */
    public static AwsCredentials credentials() {
        return AwsCredentials.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    /** The blob store behind the server, for anything the helpers here do not cover. */
    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    public void createBucket(String bucket) {
        blobStore().createContainerInLocation(null, bucket);
    }

    /** Creates a bucket with a unique, valid name ({@code test-N-xxxxxxxx}) and returns the name. */
    public String newBucket() {
        String bucket = "test-" + BUCKET_COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        createBucket(bucket);
        return bucket;
    }

    public boolean bucketExists(String bucket) {
        return blobStore().containerExists(bucket);
    }

    public void putObject(String bucket, String key, byte[] content, String contentType) {
        putObject(bucket, key, content, contentType, Map.of());
    }

    /** Stores an object with user metadata (names without the {@code x-amz-meta-} prefix). */
    public void putObject(String bucket, String key, byte[] content, String contentType, Map<String, String> userMetadata) {
        Blob blob = blobStore().blobBuilder(key)
                .payload(content)
                .contentLength(content.length)
                .contentType(contentType)
                .userMetadata(userMetadata)
                .build();
        blobStore().putBlob(bucket, blob);
    }

    /** The stored object, or empty when there is none under {@code key}. */
    public Optional<StoredObject> getObject(String bucket, String key) {
        Blob blob = blobStore().getBlob(bucket, key);
        if (blob == null) {
            return Optional.empty();
        }
        try (InputStream in = blob.getPayload().openStream()) {
            return Optional.of(new StoredObject(in.readAllBytes(),
                    blob.getMetadata().getContentMetadata().getContentType(),
                    Map.copyOf(blob.getMetadata().getUserMetadata())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean objectExists(String bucket, String key) {
        return blobStore().blobExists(bucket, key);
    }

    public void deleteObject(String bucket, String key) {
        blobStore().removeBlob(bucket, key);
    }

    /** Stops the server and drops its data. Only for servers from {@link #start()}. */
    public void stop() {
        if (shared) {
            throw new IllegalStateException("The shared S3ProxyServer is used by other tests; it stops when the JVM exits.");
        }
        shutdown();
    }

    @Override
    public void close() {
        stop();
    }

    private void shutdown() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy failed to stop", e);
        } finally {
            context.close();
        }
    }

    /** An object as the blob store holds it. */
    public record StoredObject(byte[] content, String contentType, Map<String, String> userMetadata) {
    }
}
