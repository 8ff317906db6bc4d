package org.linkdesk.store;

/** Whether a recorded link still works, as far as Linkdesk knows. */
public enum ShareStatus {
    ACTIVE("Active"),
    EXPIRING("Expiring soon"),
    EXPIRED("Expired");

    private final String label;

    ShareStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
