package org.linkdesk.store;

/** Something the vault encrypted no longer decrypts: the stored bytes were damaged or moved. */
public class DamagedSecretException extends StoreException {
    private static final long serialVersionUID = 1L;

    public DamagedSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
