package org.linkdesk.profiles;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory keychain that can be switched off or made to refuse writes. */
public final class FakeKeychain implements SecretKeychain {
    public final Map<String, String> entries = new ConcurrentHashMap<>();
    public volatile boolean available = true;
    volatile boolean refuseWrites;

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public String description() {
        return available ? "Fake keychain" : "the fake keychain is off";
    }

    @Override
    public void put(String account, String secret) {
        if (refuseWrites) {
            throw new KeychainException("The fake keychain refused.", null);
        }
        entries.put(account, secret);
    }

    @Override
    public Optional<String> get(String account) {
        return Optional.ofNullable(entries.get(account));
    }

    @Override
    public void delete(String account) {
        entries.remove(account);
    }
}
