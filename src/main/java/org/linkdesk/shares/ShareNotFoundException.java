package org.linkdesk.shares;

/** No protected share has this id. */
public class ShareNotFoundException extends org.linkdesk.store.StoreException {
    public ShareNotFoundException(String id) {
        super("There is no protected link with id " + id + "; 'linkdesk share list' lists them.");
    }
}
