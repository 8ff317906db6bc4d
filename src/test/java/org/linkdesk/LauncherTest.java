package org.linkdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void noArgumentsOrOnlyADataDirectoryOpenTheWindow() {
        assertThat(Launcher.isGuiInvocation(new String[0])).isTrue();
        assertThat(Launcher.isGuiInvocation(new String[] {"--data-dir", "/tmp/x"})).isTrue();
        assertThat(Launcher.isGuiInvocation(new String[] {"--data-dir=/tmp/x"})).isTrue();
    }

    @Test
    void anythingElseRunsTheCommandLine() {
        assertThat(Launcher.isGuiInvocation(new String[] {"presign", "s3://b/k"})).isFalse();
        assertThat(Launcher.isGuiInvocation(new String[] {"--help"})).isFalse();
        assertThat(Launcher.isGuiInvocation(new String[] {"--data-dir", "/tmp/x", "history"})).isFalse();
    }
}
