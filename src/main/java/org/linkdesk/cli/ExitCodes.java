package org.linkdesk.cli;

import org.linkdesk.core.s3.AccessDeniedException;
import org.linkdesk.core.s3.NoSuchBucketException;
import org.linkdesk.core.s3.NoSuchKeyException;
import org.linkdesk.core.s3.S3Exception;
import org.linkdesk.core.s3.WrongRegionException;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.profiles.ProfileNotFoundException;
import org.linkdesk.store.StoreException;
import org.linkdesk.store.VaultLockedException;
import org.linkdesk.store.WrongPasswordException;
import picocli.CommandLine;

/** The exit codes of {@code linkdesk}, and which failure gets which. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A failure nobody foresaw (a bug). */
    public static final int UNEXPECTED = 1;
    /** Bad usage or invalid input, including a wrong master password. */
    public static final int USAGE = 2;
    /** No such object, bucket or profile. */
    public static final int NOT_FOUND = 3;
    /** The server refused the credentials. */
    public static final int ACCESS_DENIED = 4;
    /** No answer, a server error, or the local database failed. */
    public static final int UNAVAILABLE = 5;

    private ExitCodes() {
    }

    public static int forException(Throwable t) {
        if (t instanceof CliException e) {
            return e.exitCode();
        }
        if (t instanceof NoSuchKeyException || t instanceof NoSuchBucketException
                || t instanceof ProfileNotFoundException || t instanceof org.linkdesk.shares.ShareNotFoundException) {
            return NOT_FOUND;
        }
        if (t instanceof InvalidInputException || t instanceof WrongPasswordException
                || t instanceof VaultLockedException || t instanceof WrongRegionException
                || t instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (t instanceof AccessDeniedException) {
            return ACCESS_DENIED;
        }
        if (t instanceof S3Exception || t instanceof StoreException) {
            return UNAVAILABLE;
        }
        return UNEXPECTED;
    }

    /** Whether {@code t} is a failure we expect and whose message is written for the user. */
    static boolean isExpected(Throwable t) {
        return forException(t) != UNEXPECTED;
    }
}
