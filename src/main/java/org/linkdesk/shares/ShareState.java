package org.linkdesk.shares;

/** Whether a protected share still lets people download. */
public enum ShareState {
    ACTIVE("active"), EXPIRED("expired"), REVOKED("revoked"), USED_UP("used up");

    private final String label;

    ShareState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
