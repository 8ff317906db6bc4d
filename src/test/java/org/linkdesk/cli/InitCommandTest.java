package org.linkdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI alone can start a data folder: init, and profiles add on a fresh folder. */
class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void initSetsTheMasterPasswordOnceAndIsIdempotentWithTheSamePassword() {
        String data = dir.resolve("d").toString();
        CliRunner.Result first = new CliRunner().stdin("correct horse\n").run("init", "--password-stdin",
                "--data-dir", data);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Set up Linkdesk in");
        CliRunner.Result again = new CliRunner().env("LINKDESK_PASSWORD", "correct horse").run("init", "--data-dir",
                data);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already set up");
        CliRunner.Result wrong = new CliRunner().env("LINKDESK_PASSWORD", "wrong horse").run("init", "--data-dir",
                data);
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRunner.Result none = new CliRunner().run("init", "--data-dir", dir.resolve("e").toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--password-stdin");
    }

    @Test
    void profilesAddOnAFreshFolderSetsTheGivenMasterPassword() {
        String data = dir.resolve("fresh").toString();
        CliRunner.Result add = new CliRunner().stdin("correct horse\nSECRETKEY\n").run("profiles", "add", "work",
                "--password-stdin", "--access-key-id", "AKIAEXAMPLE", "--region", "eu-west-1", "--secret-stdin",
                "--data-dir", data);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.err()).contains("set the master password");
        CliRunner.Result list = new CliRunner().env("LINKDESK_PASSWORD", "correct horse").run("profiles",
                "--data-dir", data);
        assertThat(list.out()).contains("work").contains("AKIAEXAMPLE");
    }

    @Test
    void withoutAPasswordProfilesAddSaysToRunInit() {
        CliRunner.Result add = new CliRunner().stdin("SECRETKEY\n").run("profiles", "add", "work", "--access-key-id",
                "AKIAEXAMPLE", "--region", "eu-west-1", "--secret-stdin", "--data-dir", dir.resolve("g").toString());
        assertThat(add.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(add.err()).contains("linkdesk init");
    }
}
