package org.linkdesk.profiles;

import java.util.Optional;

/**
 * The {@link OsKeychain}, created by name on first use: loading it pulls in java-keyring, JNA and D-Bus classes,
 * which a run that never touches the keychain should not pay for.
 */
public final class LazyOsKeychain implements SecretKeychain {
    private final String service;
    private SecretKeychain delegate;

    public LazyOsKeychain(String service) {
        this.service = service;
    }

    private synchronized SecretKeychain delegate() {
        if (delegate == null) {
            try {
                delegate = (SecretKeychain) Class.forName("org.linkdesk.profiles.OsKeychain")
                        .getConstructor(String.class).newInstance(service);
            } catch (ReflectiveOperationException | LinkageError e) {
                delegate = SecretKeychain.none("the keychain library is missing from this installation ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        return delegate;
    }

    @Override
    public boolean isAvailable() {
        return delegate().isAvailable();
    }

    @Override
    public String description() {
        return delegate().description();
    }

    @Override
    public void put(String account, String secret) {
        delegate().put(account, secret);
    }

    @Override
    public Optional<String> get(String account) {
        return delegate().get(account);
    }

    @Override
    public void delete(String account) {
        delegate().delete(account);
    }
}
