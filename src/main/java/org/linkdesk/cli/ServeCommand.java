package org.linkdesk.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.linkdesk.wiring.Services;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.gateway.DownloadSigner;
import org.linkdesk.gateway.GatewayConfig;
import org.linkdesk.gateway.GatewayServer;
import org.linkdesk.gateway.RateLimits;
import org.linkdesk.links.SigningIdentity;
import org.linkdesk.shares.ProtectedShareService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk serve}: runs the share gateway until stopped (Ctrl+C or SIGTERM finish requests in flight). */
@Command(name = "serve", sortOptions = false, header = "Run the share gateway that answers protected links.",
        description = {"Signs each download's 60-second redirect with the credentials given here.",
                "Put it behind a reverse proxy for TLS (see the README: Caddy and nginx).",
                "With --database (or LINKDESK_DATABASE) the protected links are the team's: any number of gateways "
                        + "may serve one database; each signs with its own machine's profile."},
        footerHeading = "%nExamples:%n",
        footer = {"  linkdesk serve --profile work --public-url https://share.example.com",
                "  linkdesk serve --port 9000 --aws-profile prod",
                "  linkdesk serve --database jdbc:postgresql://db.example.com/linkdesk --profile work \\",
                "      --bind 0.0.0.0 --trust-proxy --public-url https://share.example.com"})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    private LinkdeskCommand root;

    @Mixin
    private IdentityOptions identity;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--public-url", paramLabel = "URL", description = "The address people reach the gateway at "
            + "(links start with it); saved as the share gateway URL. Default: the saved one, else http://BIND:PORT.")
    private String publicUrl;

    @Option(names = "--trust-proxy", description = "Behind a reverse proxy: take the client address from the last "
            + "X-Forwarded-For entry (for rate limits and the download log).")
    private boolean trustProxy;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CliException(ExitCodes.USAGE, "--port takes 0 to 65535.");
        }
        SigningIdentity signer = identity.resolve(root);
        Services services = root.services();
        ProtectedShareService shares = services.protectedShares();
        String local = "http://" + displayHost(bind) + ":" + port;
        String url = publicUrl != null ? shares.setPublicUrl(publicUrl) : shares.publicUrlIfAbsent(local);
        DownloadSigner downloads = new DownloadSigner(signer.endpoint(), signer::credentials,
                new SigV4Presigner(services.clock()));
        GatewayConfig config = new GatewayConfig(bind, port, url.startsWith("https://"), trustProxy,
                RateLimits.DEFAULT, GatewayConfig.MAX_REDIRECT_LIFETIME);
        GatewayServer server = GatewayServer.start(shares, downloads, config);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
            try {
                closed.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "linkdesk-gateway-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        root.io().out().println("Linkdesk share gateway listening on http://" + displayHost(bind) + ":"
                + server.port() + " (links: " + url + "/s/…); signing as " + signer.profileName() + ". Ctrl+C stops.");
        root.io().out().flush();
        try {
            stopped.await();
        } finally {
            root.services().close();
            closed.countDown();
        }
        return ExitCodes.OK;
    }

    private static String displayHost(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            return "localhost";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
