package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linkdesk.wiring.Services;

/** What the command line does before it needs the database or the network. */
class CliParsingTest {
    private final List<Path> opened = new ArrayList<>();

    /** An opener that records the data directory and stops the run there. */
    private Services recordAndStop(Path dir) {
        opened.add(dir);
        throw new CliException(ExitCodes.UNAVAILABLE, "stopped after opening " + dir.getFileName());
    }

    private CliRunner cli() {
        return new CliRunner().opener(this::recordAndStop);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRunner.Result r = cli().run("--help");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("presign", "verify", "history", "profiles", "--data-dir", "--password-stdin",
                "Exit codes:");
        assertThat(opened).isEmpty();
    }

    @Test
    void subcommandHelpShowsItsOptionsAndTheInheritedOnes() {
        CliRunner.Result r = cli().run("presign", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--method", "--expires", "--content-type", "--download-name", "--inline",
                "--response-content-type", "--cache-control", "--path-style", "--note", "--json", "--profile",
                "--data-dir", "--password-stdin", "s3://BUCKET/KEY", "Examples:");
        assertThat(cli().run("help", "verify").out()).contains("--profile", "--json");
    }

    @Test
    void aProtectedLinkIdStartingWithADashIsAnIdNotAnOption() {
        String dashed = "-AbCdEfGhIjKlMnOpQrStU";
        String likeHelp = "-hAbCdEfGhIjKlMnOpQrSt";
        CliRunner.Result asHelp = cli().run("share", "revoke", likeHelp);
        assertThat(asHelp.exitCode()).isEqualTo(2);
        assertThat(asHelp.errLines()).singleElement().asString().contains("Put -- before an id that starts with '-'");
        for (String[] args : new String[][] {{"share", "revoke", dashed}, {"share", "log", dashed},
            {"share", "edit", dashed, "--max-downloads", "3"}, {"share", "revoke", "--", likeHelp},
            {"share", "edit", "--max-downloads", "3", "--", likeHelp}}) {
            opened.clear();
            CliRunner.Result r = cli().run(args);
            assertThat(opened).as("%s: %s", String.join(" ", args), r).hasSize(1);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        }
        for (int i = 0; i < 5_000; i++) {
            assertThat(org.linkdesk.shares.ShareIds.next()).doesNotStartWith("-").hasSize(22);
        }
    }

    @Test
    void versionIsPrinted() {
        CliRunner.Result r = cli().run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("linkdesk ");
        assertThat(cli().run("history", "--version").out()).startsWith("linkdesk ");
    }

    @Test
    void noCommandIsBadUsage() {
        CliRunner.Result r = cli().run("--debug");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "linkdesk: choose a command: init, presign, ls, verify, history, profiles, share, serve, test, qr, cloudfront-sign, upload, uploads, post-policy or presign-multipart (see 'linkdesk --help').");
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliRunner.Result r = cli().run("presign", "--frobnicate", "s3://bucket/key");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("linkdesk: Unknown option: '--frobnicate'").contains("linkdesk presign --help");
    }

    @Test
    void missingObjectIsBadUsage() {
        CliRunner.Result r = cli().run("presign");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("Missing required parameter", "s3://BUCKET/KEY");
    }

    @Test
    void badBucketIsExitTwoBeforeAnythingIsOpened() {
        CliRunner.Result r = cli().env("AWS_ACCESS_KEY_ID", "a").env("AWS_SECRET_ACCESS_KEY", "b")
                .run("presign", "s3://Bad_Bucket/key");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "linkdesk: 'Bad_Bucket' in s3://Bad_Bucket/key is not a valid bucket name. "
                        + "A bucket name has no upper-case letters.");
        assertThat(opened).isEmpty();
    }

    @Test
    void missingKeyIsExitTwo() {
        CliRunner.Result r = cli().run("verify", "s3://bucket");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("linkdesk: s3://bucket names no object; write it as s3://bucket/KEY.\n");
    }

    @Test
    void durationsAreParsedAndLimitedToSevenDays() {
        CliRunner.Result bad = cli().run("presign", "--expires", "soon", "s3://bucket/key");
        CliRunner.Result tooLong = cli().run("presign", "--expires", "8d", "s3://bucket/key");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'soon' is not a duration; write it like 90s, 15m, 1h30m or 7d.");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("A link is valid for 1 second to 7 days");
        assertThat(new DurationConverter().convert("1h30m")).hasMinutes(90);
        assertThat(new DurationConverter().convert("7d")).hasDays(7);
    }

    @Test
    void methodIsCaseInsensitiveAndChecked() {
        CliRunner.Result bad = cli().run("presign", "--method", "POST", "s3://bucket/key");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--method", "POST", "GET, PUT, HEAD, DELETE");
        CliRunner.Result lower = cli().run("presign", "--method", "put", "--content-type", "text/plain",
                "s3://bucket/key");
        assertThat(lower.err()).as("reached the credentials check").contains("No credentials");
    }

    @Test
    void optionsThatDoNotFitTheMethodAreRefused() {
        CliRunner.Result contentTypeOnGet = cli().run("presign", "--content-type", "text/plain", "s3://bucket/key");
        CliRunner.Result downloadNameOnPut = cli().run("presign", "--method", "PUT", "--download-name", "a.txt",
                "s3://bucket/key");

        assertThat(contentTypeOnGet.exitCode()).isEqualTo(2);
        assertThat(contentTypeOnGet.err()).contains("--content-type applies to PUT links only");
        assertThat(downloadNameOnPut.exitCode()).isEqualTo(2);
        assertThat(downloadNameOnPut.err()).contains("apply to GET links only");
    }

    @Test
    void withoutProfileOrEnvironmentCredentialsItSaysWhatToSet() {
        CliRunner.Result r = cli().run("presign", "s3://bucket/key");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("linkdesk: No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "or use a saved profile with --profile NAME.\n");
    }

    @Test
    void dataDirWorksBeforeAndAfterTheSubcommand(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path before = tmp.resolve("before");
        Path after = tmp.resolve("after");
        Path equals = tmp.resolve("equals");

        CliRunner.Result r1 = cli().run("--data-dir", before.toString(), "profiles");
        CliRunner.Result r2 = cli().run("profiles", "--data-dir", after.toString());
        CliRunner.Result r3 = cli().run("history", "--json", "--data-dir=" + equals);

        assertThat(opened).containsExactly(before, after, equals);
        assertThat(r1.exitCode()).isEqualTo(5);
        assertThat(r2.err()).isEqualTo("linkdesk: stopped after opening after\n");
        assertThat(r3.exitCode()).isEqualTo(5);
    }

    @Test
    void dataDirFallsBackToLinkdeskHome(@org.junit.jupiter.api.io.TempDir Path tmp) {
        cli().env("LINKDESK_HOME", tmp.toString()).run("profiles");

        assertThat(opened).containsExactly(tmp);
    }

    @Test
    void unexpectedFailuresAreOneLineUnlessDebugging() {
        CliRunner runner = new CliRunner().opener(dir -> {
            throw new IllegalStateException("kaboom");
        });

        CliRunner.Result plain = runner.run("profiles");
        CliRunner.Result debug = runner.run("profiles", "--debug");
        CliRunner.Result debugEnv = runner.env("LINKDESK_DEBUG", "1").run("profiles");

        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.errLines()).containsExactly(
                "linkdesk: unexpected error (IllegalStateException: kaboom). Run with --debug for the details.");
        assertThat(debug.err()).contains("java.lang.IllegalStateException: kaboom", "\tat ");
        assertThat(debugEnv.err()).contains("\tat ");
    }

    @Test
    void historyLimitIsChecked() {
        CliRunner.Result r = cli().run("history", "--limit", "0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--limit takes a number from 1 to 10000 (got 0).");
        assertThat(cli().run("history", "--limit", "ten").err()).contains("'ten' is not an int");
    }
}
