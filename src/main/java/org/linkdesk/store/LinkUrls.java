package org.linkdesk.store;

import java.util.Optional;

/**
 * The full signed URL of a history row, for copying, testing or exporting it: a bearer token, kept sealed to the
 * maker's vault key and opened only on request. {@link ShareStore} opens the personal history's rows; the team
 * history opens only the rows this member made (a teammate's row fails with a message saying who made it).
 */
@FunctionalInterface
public interface LinkUrls {

    /** The URL of row {@code id}; needs the vault unlocked; empty when it was not kept (or the row is gone). */
    Optional<String> url(long id);
}
