package org.linkdesk.store;

/** A master password was to be set, but the vault already has one. Nothing was changed. */
public class VaultExistsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public VaultExistsException(String message) {
        super(message);
    }
}
