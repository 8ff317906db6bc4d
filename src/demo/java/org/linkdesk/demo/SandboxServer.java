package org.linkdesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The sandbox: a real S3-compatible server (S3Proxy) on 127.0.0.1, storing its objects as plain files under
 * {@code <data directory>/sandbox/blobs}, with a demo bucket of sample files. Only the {@code demo} Maven profile
 * compiles this class; installers never contain it.
 */
final class SandboxServer implements AutoCloseable {
    static final String ACCESS_KEY_ID = "LINKDESKSANDBOX";
    /** Not a secret: the sandbox only listens on 127.0.0.1 and only holds the sample files. */
    static final String SECRET_ACCESS_KEY = "linkdesk-sandbox-not-a-secret";
    static final String REGION = "us-east-1";
    static final String BUCKET = "linkdesk-demo";
    static final int DEFAULT_PORT = 9555;

    /** Sample objects: key in the bucket, resource name, content type. */
    private static final List<String[]> SAMPLES = List.of(
            new String[] {"welcome.txt", "welcome.txt", "text/plain; charset=utf-8"},
            new String[] {"reports/2026/q3-summary.csv", "q3-summary.csv", "text/csv"},
            new String[] {"site/index.html", "index.html", "text/html; charset=utf-8"},
            new String[] {"images/linkdesk-logo.png", "linkdesk-logo.png", "image/png"},
            new String[] {"notes/read me – ünïcödé & spaces.txt", "unicode-notes.txt", "text/plain; charset=utf-8"});

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final int port;

    private SandboxServer(BlobStoreContext context, S3Proxy proxy, int port) {
        this.context = context;
        this.proxy = proxy;
        this.port = port;
    }

    static SandboxServer start(Path dataDirectory, int port) throws Exception {
        Path blobs = dataDirectory.resolve("sandbox").resolve("blobs");
        Files.createDirectories(blobs);
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", blobs.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .credentials("unused", "unused")
                .overrides(overrides)
                .buildView(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + 20_000;
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState()) || System.currentTimeMillis() > deadline) {
                    throw new BindException("The sandbox could not listen on 127.0.0.1:" + port
                            + " (is it already running?). Choose another port with -Dlinkdesk.sandbox.port=N.");
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw e;
        }
        SandboxServer server = new SandboxServer(context, proxy, port);
        server.seed();
        return server;
    }

    /** Creates the demo bucket and puts each sample that is missing (the user may have changed others). */
    private void seed() {
        BlobStore store = context.getBlobStore();
        store.createContainerInLocation(null, BUCKET);
        for (String[] sample : SAMPLES) {
            if (store.blobExists(BUCKET, sample[0])) {
                continue;
            }
            byte[] bytes = resource(sample[1]);
            store.putBlob(BUCKET, store.blobBuilder(sample[0]).payload(bytes).contentLength(bytes.length)
                    .contentType(sample[2]).build());
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = SandboxServer.class.getResourceAsStream("samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing sandbox sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    static String sampleKey() {
        return SAMPLES.get(0)[0];
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping at exit: nothing left to do with it
        } finally {
            context.close();
        }
    }
}
