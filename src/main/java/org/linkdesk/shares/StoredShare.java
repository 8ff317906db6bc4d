package org.linkdesk.shares;

/** A share with its password hash (null: no password), as the store hands it to the service. */
public record StoredShare(ProtectedShare share, String passwordHash) {
    @Override
    public String toString() {
        return "StoredShare[" + share + "]";
    }
}
