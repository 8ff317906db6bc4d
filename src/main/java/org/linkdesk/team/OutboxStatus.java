package org.linkdesk.team;

/**
 * What the outbox sender last knew: whether the team database took the last attempt, how many links wait on this
 * computer, and why the last attempt failed (a message for people, or null).
 */
public record OutboxStatus(boolean online, long waiting, String lastError) {

    /** One short line for a status bar: "offline — 3 links waiting", "2 links waiting", or "" when all is sent. */
    public String summary() {
        String links = waiting == 1 ? "1 link waiting" : waiting + " links waiting";
        if (!online) {
            return waiting == 0 ? "offline" : "offline — " + links;
        }
        return waiting == 0 ? "" : links;
    }
}
