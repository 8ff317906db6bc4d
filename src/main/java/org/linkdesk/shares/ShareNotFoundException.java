package org.linkdesk.shares;

/** No protected share has this id. */
public class ShareNotFoundException extends RuntimeException {
    public ShareNotFoundException(String id) {
        super("There is no protected link with id " + id + "; 'linkdesk share list' lists them.");
    }
}
