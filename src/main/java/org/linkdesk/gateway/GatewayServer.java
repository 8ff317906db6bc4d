package org.linkdesk.gateway;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.linkdesk.shares.ProtectedShareService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The share gateway on Javalin (Jetty 12): landing pages, counted downloads that redirect to short-lived presigned
 * GETs, {@code /healthz}. Stopping it waits for requests in flight (up to {@link #STOP_TIMEOUT_MILLIS}).
 */
public final class GatewayServer implements AutoCloseable {
    static final long STOP_TIMEOUT_MILLIS = 15_000;
    /**
     * Requests handled at once; more wait in Jetty's queue (not in the database pool, whose wait times out, nor in
     * dozens of parallel Argon2 checks of 19 MiB each). Includes Jetty's own acceptor and selector threads.
     */
    static final int MAX_THREADS = 32;
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final Javalin app;
    private final ProtectedShareService shares;

    private GatewayServer(Javalin app, ProtectedShareService shares) {
        this.app = app;
        this.shares = shares;
    }

    /** Starts listening on {@code config.bind()}:{@code config.port()}. */
    public static GatewayServer start(ProtectedShareService shares, DownloadSigner signer, GatewayConfig config) {
        ShareRoutes routes = new ShareRoutes(shares, signer, config);
        byte[] css = resource("gateway.css");
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
            threads.setName("linkdesk-gateway");
            cfg.jetty.threadPool = threads;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = 16 * 1024;
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            // On stop, Jetty closes the connectors and waits up to the stop timeout for requests in flight.
            cfg.jetty.modifyServletContextHandler(context -> context.insertHandler(new GracefulHandler()));
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                server.setStopAtShutdown(false);
            });
            cfg.routes.before(GatewayServer::securityHeaders);
            cfg.routes.get("/healthz", ctx -> healthz(ctx, shares));
            cfg.routes.get("/assets/gateway.css", ctx -> ctx.header("Cache-Control", "public, max-age=3600")
                    .contentType("text/css; charset=utf-8").result(css));
            cfg.routes.get("/s/{id}", routes::landing);
            cfg.routes.get("/s/{id}/download", routes::getDownload);
            cfg.routes.post("/s/{id}/download", routes::postDownload);
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    ctx.html(Pages.notFound());
                }
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("A gateway request failed ({}; cause {})", e.toString(), String.valueOf(e.getCause()));
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).html(Pages.unavailable());
            });
        });
        app.start(config.bind(), config.port());
        return new GatewayServer(app, shares);
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    private static void healthz(Context ctx, ProtectedShareService shares) {
        shares.publicUrl();
        ctx.contentType("application/json").result("{\"status\":\"ok\"}");
    }

    private static byte[] resource(String name) {
        try (InputStream in = GatewayServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return app.port();
    }

    public ProtectedShareService shares() {
        return shares;
    }

    /** Stops accepting connections and waits for requests in flight. */
    @Override
    public void close() {
        app.stop();
    }
}
