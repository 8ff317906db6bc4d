package org.linkdesk.core.sign;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.Identity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * Lets a test presign with the AWS SDK's {@code S3Presigner} at a chosen time. The 2.57.8 presigner signs with
 * {@code Instant.now()} and offers no clock option; it does load S3 execution interceptors from the class path
 * (registered in {@code software/amazon/awssdk/services/s3/execution.interceptors} under test resources). For a
 * request that carries {@link #CLOCK} in its override configuration, this interceptor wraps the auth schemes so their
 * signer runs with that clock; the rest of the presigner (marshalling, endpoint rules, SigV4 signer) is untouched.
 * Requests without the attribute, such as every ordinary S3Client call in other tests, pass through unchanged.
 */
public final class FixedSigningClockInterceptor implements ExecutionInterceptor {
    public static final ExecutionAttribute<Clock> CLOCK = new ExecutionAttribute<>("LinkdeskFixedSigningClock");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        Clock clock = context.request().overrideConfiguration()
                .map(o -> o.executionAttributes().getAttribute(CLOCK))
                .orElse(null);
        Map<String, AuthScheme<?>> schemes = executionAttributes.getAttribute(SdkInternalExecutionAttribute.AUTH_SCHEMES);
        if (clock == null || schemes == null) {
            return;
        }
        Map<String, AuthScheme<?>> clocked = new HashMap<>();
        schemes.forEach((id, scheme) -> clocked.put(id, new ClockedScheme<>(scheme, clock)));
        executionAttributes.putAttribute(SdkInternalExecutionAttribute.AUTH_SCHEMES, clocked);
    }

    private record ClockedScheme<T extends Identity>(AuthScheme<T> delegate, Clock clock) implements AuthScheme<T> {
        @Override
        public String schemeId() {
            return delegate.schemeId();
        }

        @Override
        public IdentityProvider<T> identityProvider(IdentityProviders providers) {
            return delegate.identityProvider(providers);
        }

        @Override
        public HttpSigner<T> signer() {
            return new ClockedSigner<>(delegate.signer(), clock);
        }
    }

    private record ClockedSigner<T extends Identity>(HttpSigner<T> delegate, Clock clock) implements HttpSigner<T> {
        @Override
        public SignedRequest sign(SignRequest<? extends T> request) {
            return delegate.sign(request.toBuilder().putProperty(SIGNING_CLOCK, clock).build());
        }

        @Override
        public java.util.concurrent.CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends T> request) {
            return delegate.signAsync(request.toBuilder().putProperty(SIGNING_CLOCK, clock).build());
        }
    }
}
