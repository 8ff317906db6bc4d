package org.linkdesk.shares;

import com.password4j.Argon2Function;
import com.password4j.HashUpdate;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.CharBuffer;

/**
 * Argon2id share passwords through password4j. The hash string carries its own parameters
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), so older hashes still verify after the parameters change, and
 * a successful check re-hashes them with the current ones.
 */
public final class PasswordHasher {
    /** OWASP's first Argon2id choice: 19 MiB, 2 passes, 1 lane. */
    public static final PasswordHasher DEFAULT = new PasswordHasher(19 * 1024, 2, 1);

    private final Argon2Function current;
    /** Checked against for unknown shares, so they cost what a wrong password costs; made on first use. */
    private volatile String dummyHash;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.current = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID);
    }

    /** The result of a check: whether it matched, and the new hash to store when the parameters changed. */
    public record Check(boolean matches, String rehash) {
    }

    public String hash(char[] password) {
        return Password.hash(CharBuffer.wrap(password)).addRandomSalt(16).with(current).getResult();
    }

    public Check verify(char[] password, String hash) {
        Argon2Function stored;
        try {
            stored = Argon2Function.getInstanceFromHash(hash);
        } catch (RuntimeException e) {
            burn(password);
            return new Check(false, null);
        }
        HashUpdate update = Password.check(CharBuffer.wrap(password), hash).andUpdate().addNewRandomSalt(16)
                .with(stored, current);
        if (!update.isVerified()) {
            return new Check(false, null);
        }
        return new Check(true, update.isUpdated() ? update.getHash().getResult() : null);
    }

    /** Spends the time of one check without a real hash (an unknown share). */
    public void burn(char[] password) {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("linkdesk-dummy-password".toCharArray());
            dummyHash = dummy;
        }
        Password.check(CharBuffer.wrap(password), dummy).with(current);
    }
}
