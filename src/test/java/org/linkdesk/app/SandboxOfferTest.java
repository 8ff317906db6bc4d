package org.linkdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.ui.common.ScriptedDialogs;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.wiring.Services;

/** The sandbox offer without a stage: asked through {@code Dialogs}, saved through the task runner. */
class SandboxOfferTest {
    private static final SandboxOffer.Settings SETTINGS = new SandboxOffer.Settings("http://127.0.0.1:9555",
            "us-east-1", "LINKDESKSANDBOX", "not-a-secret", "sandbox", "welcome.txt");

    @TempDir
    Path dir;
    private Services services;
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void open() {
        services = Services.open(dir);
        services.vault().create("sandbox offer test".toCharArray());
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void offer(SandboxOffer offer, ScriptedDialogs dialogs) {
        offer.afterUnlock(services.profiles(), new DirectTaskRunner(), dialogs, name -> events.add("select " + name),
                (bucket, key) -> events.add("fill " + bucket + "/" + key), events::add);
    }

    @Test
    void yesSavesTheProfileSelectsItAndFillsTheForm() {
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(true);
        offer(SandboxOffer.of(SETTINGS), dialogs);
        assertThat(dialogs.last("confirm").text()).contains("127.0.0.1:9555", "\"sandbox\"");
        assertThat(events).containsExactly("select Sandbox", "fill sandbox/welcome.txt");
        assertThat(services.profiles().find(SandboxOffer.PROFILE_NAME)).isPresent();

        offer(SandboxOffer.of(SETTINGS), dialogs);
        assertThat(dialogs.asked()).as("not asked again once the profile exists").hasSize(1);
    }

    @Test
    void noOrNoSandboxSavesNothing() {
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(false);
        offer(SandboxOffer.of(SETTINGS), dialogs);
        offer(SandboxOffer.NONE, dialogs);
        assertThat(dialogs.asked()).hasSize(1);
        assertThat(events).isEmpty();
        assertThat(services.profiles().find(SandboxOffer.PROFILE_NAME)).isEmpty();
    }

    @Test
    void theLauncherPassesItsSettingsAsArguments() {
        List<String> args = new ArrayList<>(List.of("--data-dir=/tmp/x"));
        args.addAll(SandboxOffer.arguments(SETTINGS));
        offer(SandboxOffer.fromArguments(args), new ScriptedDialogs().answer(true));
        assertThat(services.profiles().find(SandboxOffer.PROFILE_NAME)).isPresent();
        assertThat(SandboxOffer.fromArguments(List.of("--data-dir=/tmp/x"))).isSameAs(SandboxOffer.NONE);
    }
}
