package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.testing.KillTrials;
import org.linkdesk.testing.S3ProxyServer;

/**
 * {@code kill -9} at random moments during {@code presign --recursive} (2 pages of links) on one data directory:
 * the database always opens, every page is recorded all or nothing, every printed link is recorded, and the next
 * command is never refused. More trials: {@code org.linkdesk.bench.StorageReliabilityBench kill}.
 */
class CrashSafetyTest {
    @TempDir
    Path work;

    @Test
    void killedAtRandomMomentsTheDatabaseOpensAndHoldsEveryPrintedLink() throws Exception {
        KillTrials trials = new KillTrials(S3ProxyServer.shared(), KillTrials.PAGE * 3 / 2, work);

        KillTrials.Report report = trials.run(22, 20261204L);

        System.out.println("kill trials: " + report);
        assertThat(report.problems()).isEmpty();
        assertThat(report.killed()).isGreaterThanOrEqualTo(20);
        assertThat(report.printed()).isPositive();
        assertThat(report.recorded()).isGreaterThanOrEqualTo(report.printed());
    }
}
