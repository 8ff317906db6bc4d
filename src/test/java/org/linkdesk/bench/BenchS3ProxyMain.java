package org.linkdesk.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.linkdesk.testing.S3ProxyServer;

/**
 * S3Proxy in its own JVM with a filesystem store (the benchmark's local server). Args: basedir bucket. Prints the
 * port, then serves until stdin closes.
 */
public final class BenchS3ProxyMain {
    public static void main(String[] args) throws Exception {
        Path base = Files.createDirectories(Path.of(args[0]));
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", base.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem-nio2").credentials("unused", "unused")
                .overrides(properties).buildView(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, args[1]);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3ProxyServer.ACCESS_KEY_ID,
                        S3ProxyServer.SECRET_ACCESS_KEY)
                .endpoint(URI.create("http://127.0.0.1:0")).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        System.out.println(proxy.getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the parent closes our stdin
        }
        proxy.stop();
        context.close();
    }
}
