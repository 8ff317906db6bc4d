package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.s3.AccessDeniedException;
import org.linkdesk.core.s3.NoSuchBucketException;
import org.linkdesk.core.s3.NoSuchKeyException;
import org.linkdesk.core.s3.S3NetworkException;
import org.linkdesk.core.s3.S3ServerException;
import org.linkdesk.core.s3.WrongRegionException;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.profiles.ProfileNotFoundException;
import org.linkdesk.store.DatabaseLockedException;
import org.linkdesk.store.StoreException;
import org.linkdesk.store.VaultLockedException;
import org.linkdesk.store.WrongPasswordException;

class ExitCodesTest {

    @Test
    void mapsEachFailureToItsExitCode() {
        assertThat(ExitCodes.forException(new InvalidInputException("x"))).isEqualTo(2);
        assertThat(ExitCodes.forException(new WrongPasswordException())).isEqualTo(2);
        assertThat(ExitCodes.forException(new VaultLockedException("x"))).isEqualTo(2);
        assertThat(ExitCodes.forException(new WrongRegionException("b", "us-east-1", "eu-west-1", 400))).isEqualTo(2);
        assertThat(ExitCodes.forException(new NoSuchKeyException("b", "k"))).isEqualTo(3);
        assertThat(ExitCodes.forException(new NoSuchBucketException("b"))).isEqualTo(3);
        assertThat(ExitCodes.forException(new CliException(3, "no profile"))).isEqualTo(3);
        assertThat(ExitCodes.forException(new ProfileNotFoundException("gone"))).isEqualTo(3);
        assertThat(ExitCodes.forException(new DatabaseLockedException("busy", null))).isEqualTo(5);
        assertThat(ExitCodes.forException(new AccessDeniedException("denied", "AccessDenied"))).isEqualTo(4);
        assertThat(ExitCodes.forException(new S3NetworkException("refused", null))).isEqualTo(5);
        assertThat(ExitCodes.forException(new S3ServerException("boom", 500, "InternalError"))).isEqualTo(5);
        assertThat(ExitCodes.forException(new StoreException("locked", null))).isEqualTo(5);
        assertThat(ExitCodes.forException(new IllegalStateException("bug"))).isEqualTo(1);
        assertThat(ExitCodes.forException(new UncheckedIOException(new IOException("x")))).isEqualTo(1);
    }

    @Test
    void showsExpectedMessagesAsTheyAreAndNamesUnexpectedOnes() {
        assertThat(Cli.message(new NoSuchKeyException("b", "k"))).startsWith("No object \"k\" in bucket b.");
        assertThat(Cli.message(new InvalidInputException("Two\nlines."))).isEqualTo("Two lines.");
        assertThat(Cli.message(new IllegalStateException("bug")))
                .isEqualTo("unexpected error (IllegalStateException: bug). Run with --debug for the details.");
        assertThat(Cli.message(new NullPointerException()))
                .isEqualTo("unexpected error (NullPointerException). Run with --debug for the details.");
    }
}
