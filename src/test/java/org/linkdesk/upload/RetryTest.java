package org.linkdesk.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.s3.AccessDeniedException;
import org.linkdesk.core.s3.S3NetworkException;
import org.linkdesk.core.s3.S3ServerException;

class RetryTest {

    @Test
    void networkFailuresAnd5xxAreRetriedThenSucceed() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger rewinds = new AtomicInteger();
        String result = Retry.call("part", new UploadControl(), rewinds::incrementAndGet, () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new S3NetworkException("connection reset", null);
            }
            if (n == 2) {
                throw new S3ServerException("busy", 503, "SlowDown");
            }
            return "etag";
        });
        assertThat(result).isEqualTo("etag");
        assertThat(calls).hasValue(3);
        assertThat(rewinds).hasValue(2);
    }

    @Test
    void refusalsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Retry.call("part", new UploadControl(), () -> { }, () -> {
            calls.incrementAndGet();
            throw new AccessDeniedException("denied", 403, "AccessDenied");
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aStoppedUploadIsNotRetried() {
        UploadControl control = new UploadControl();
        control.pause();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Retry.call("part", control, () -> { }, () -> {
            calls.incrementAndGet();
            throw new S3NetworkException("cancelled", null);
        })).isInstanceOf(S3NetworkException.class);
        assertThat(calls).hasValue(1);
    }
}
