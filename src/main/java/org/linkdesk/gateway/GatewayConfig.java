package org.linkdesk.gateway;

import java.time.Duration;

/**
 * How the gateway listens and limits.
 *
 * @param bind            the address to listen on (127.0.0.1 unless a reverse proxy elsewhere needs more)
 * @param port            the port, 0 for any free one
 * @param secureCookies   mark cookies Secure (the public URL is https)
 * @param trustProxy      take the client address from the last X-Forwarded-For entry (behind a reverse proxy)
 * @param limits          password and id guessing limits
 * @param redirectLifetime how long each presigned redirect works (at most 60 s)
 */
public record GatewayConfig(String bind, int port, boolean secureCookies, boolean trustProxy, RateLimits limits,
                            Duration redirectLifetime) {
    public static final Duration MAX_REDIRECT_LIFETIME = Duration.ofSeconds(60);

    public GatewayConfig {
        if (redirectLifetime == null || redirectLifetime.compareTo(MAX_REDIRECT_LIFETIME) > 0) {
            redirectLifetime = MAX_REDIRECT_LIFETIME;
        }
        if (limits == null) {
            limits = RateLimits.DEFAULT;
        }
    }

    public static GatewayConfig loopback(int port) {
        return new GatewayConfig("127.0.0.1", port, false, false, RateLimits.DEFAULT, MAX_REDIRECT_LIFETIME);
    }
}
