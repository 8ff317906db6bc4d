package org.linkdesk.store;

/** A secret was needed while the vault is locked (or not yet created). */
public class VaultLockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VaultLockedException(String message) {
        super(message);
    }
}
