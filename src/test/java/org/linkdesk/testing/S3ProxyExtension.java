package org.linkdesk.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the JVM-wide {@link S3ProxyServer#shared()} into any {@code S3ProxyServer} parameter of a test class's
 * constructor, lifecycle or test methods:
 * <pre>{@code
 * @ExtendWith(S3ProxyExtension.class)
 * class MyTest {
 *     @Test
 *     void works(S3ProxyServer s3) { String bucket = s3.newBucket(); ... }
 * }
 * }</pre>
 */
public final class S3ProxyExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == S3ProxyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return S3ProxyServer.shared();
    }
}
