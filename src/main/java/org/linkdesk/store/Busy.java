package org.linkdesk.store;

import java.nio.file.Path;

/** The messages for a database that stayed in use by other Linkdesk processes longer than this one would wait. */
final class Busy {
    private Busy() {
    }

    static DatabaseLockedException waitedTooLong(Path directory, long waitedMillis) {
        return new DatabaseLockedException("Another Linkdesk window or command kept the database in " + directory
                + " busy for " + Math.max(1, waitedMillis / 1000) + " seconds, so Linkdesk stopped waiting. "
                + "Nothing was changed; try again when the other one has finished.", null);
    }

    static DatabaseLockedException interrupted(Path directory, Throwable cause) {
        return new DatabaseLockedException("Linkdesk was stopped while waiting for its database in " + directory
                + ". Nothing was changed.", cause);
    }
}
