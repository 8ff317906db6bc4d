package org.linkdesk.gateway;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Optional;
import org.linkdesk.shares.DownloadOutcome;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.shares.ProtectedShareService;
import org.linkdesk.shares.ShareIds;
import org.linkdesk.shares.ShareState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The share pages: the landing page, and the download that counts and redirects to a fresh presigned GET. */
final class ShareRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ShareRoutes.class);

    private final ProtectedShareService shares;
    private final DownloadSigner signer;
    private final GatewayConfig config;
    private final AttemptLimiter limiter;
    private final CsrfTokens csrf = new CsrfTokens();

    ShareRoutes(ProtectedShareService shares, DownloadSigner signer, GatewayConfig config) {
        this.shares = shares;
        this.signer = signer;
        this.config = config;
        this.limiter = new AttemptLimiter(config.limits());
    }

    /** {@code GET /s/{id}}: never counts, so link previews in chat apps use no downloads. */
    void landing(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<ProtectedShare> share = shares.find(id);
        if (share.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.notFound());
            return;
        }
        ShareState state = share.get().state(shares.clock().instant());
        if (state != ShareState.ACTIVE) {
            ctx.status(HttpStatus.GONE).html(Pages.gone(state));
            return;
        }
        showLanding(ctx, share.get(), null, HttpStatus.OK);
    }

    /** {@code POST /s/{id}/download}: the landing page's form. */
    void postDownload(Context ctx) {
        if (!CsrfTokens.matches(ctx.cookie(CsrfTokens.COOKIE), ctx.formParam("csrf"))) {
            ctx.status(HttpStatus.FORBIDDEN).html(Pages.staleForm());
            return;
        }
        String password = ctx.formParam("password");
        download(ctx, password == null ? new char[0] : password.toCharArray());
    }

    /** {@code GET /s/{id}/download}: shares without a password download directly ({@code curl -L} works). */
    void getDownload(Context ctx) {
        download(ctx, new char[0]);
    }

    private void download(Context ctx, char[] password) {
        String id = ctx.pathParam("id");
        String client = clientAddress(ctx);
        Optional<ProtectedShare> known = shares.find(id);
        boolean guess = known.isEmpty() || known.get().passwordProtected();
        String[] keys = known.isEmpty() ? new String[] {"ip:" + client}
                : new String[] {"ip:" + client, "share:" + id};
        try {
            if (guess) {
                long wait = limiter.tryAcquire(keys);
                if (wait > 0) {
                    ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(wait))
                            .html(Pages.tooManyAttempts(wait));
                    return;
                }
            }
            DownloadOutcome outcome = shares.download(id, password, client, ctx.userAgent());
            if (outcome instanceof DownloadOutcome.Granted granted) {
                if (guess) {
                    limiter.giveBack(keys);
                }
                ProtectedShare s = granted.share();
                String url = signer.sign(s.bucket(), s.key(), s.fileName(), config.redirectLifetime());
                LOG.info("Download {} of share {}…", s.downloads(), abbreviated(id));
                ctx.redirect(url, HttpStatus.SEE_OTHER);
            } else if (outcome instanceof DownloadOutcome.WrongPassword wrong) {
                ProtectedShare s = known.orElseThrow();
                showLanding(ctx, s, wrong.given() ? "That password is not right. Please try again."
                        : "Enter the password to download this file.", HttpStatus.UNAUTHORIZED);
            } else if (outcome instanceof DownloadOutcome.Gone gone) {
                ctx.status(HttpStatus.GONE).html(Pages.gone(gone.state()));
            } else {
                ctx.status(HttpStatus.NOT_FOUND).html(Pages.notFound());
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void showLanding(Context ctx, ProtectedShare share, String error, HttpStatus status) {
        String token = csrf.tokenFor(ctx.cookie(CsrfTokens.COOKIE));
        ctx.header("Set-Cookie", CsrfTokens.setCookie(token, config.secureCookies()));
        ctx.status(status).html(Pages.landing(share, token, error, shares.clock().instant()));
    }

    /** The peer address, or behind a trusted reverse proxy the address it appended to X-Forwarded-For. */
    private String clientAddress(Context ctx) {
        if (config.trustProxy()) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return ctx.ip();
    }

    /** Enough of an id to tell shares apart in a log, not enough to use it. */
    static String abbreviated(String id) {
        return ShareIds.isWellFormed(id) ? id.substring(0, 6) : "?";
    }
}
