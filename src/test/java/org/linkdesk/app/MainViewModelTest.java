package org.linkdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.ui.tasks.ManualTaskRunner;
import org.linkdesk.wiring.Services;

/** The window-level state without a stage: unlock, profile selection, lock, and errors for the status line. */
class MainViewModelTest {
    @TempDir
    Path dir;
    private Services services;

    @BeforeEach
    void setUp() {
        services = Services.open(dir.resolve("data"));
        services.vault().create("main view model".toCharArray());
        for (String name : new String[] {"beta", "alpha"}) {
            services.profiles().create(new ProfileDraft(name, "AKIAEXAMPLE0000001", "secret", null, false,
                    "eu-west-1", null, false));
        }
    }

    @AfterEach
    void tearDown() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void unlockingLoadsTheProfilesAndKeepsOrPicksTheSelection() {
        ManualTaskRunner tasks = new ManualTaskRunner();
        MainViewModel model = new MainViewModel(services.profiles(), services.vault(), tasks);
        model.onUnlocked();
        assertThat(model.unlockedProperty().get()).isTrue();
        assertThat(model.profiles()).isEmpty(); // loaded in the background
        tasks.runPending();
        assertThat(model.profiles()).extracting(p -> p.name()).containsExactly("alpha", "beta");
        assertThat(model.selectedProfileProperty().get().name()).isEqualTo("alpha");

        model.loadProfiles("beta");
        tasks.runPending();
        assertThat(model.selectedProfileProperty().get().name()).isEqualTo("beta");
        model.loadProfiles(null);
        tasks.runPending();
        assertThat(model.selectedProfileProperty().get().name()).isEqualTo("beta");
    }

    @Test
    void lockingForgetsTheKeys() {
        MainViewModel model = new MainViewModel(services.profiles(), services.vault(), new DirectTaskRunner());
        model.onUnlocked();
        model.lock();
        assertThat(model.unlockedProperty().get()).isFalse();
        assertThat(services.vault().isUnlocked()).isFalse();
        assertThat(model.vaultExists()).isTrue();
    }

    @Test
    void aFailedLoadIsAShortMessageForTheStatusLine() {
        MainViewModel model = new MainViewModel(services.profiles(), services.vault(), new DirectTaskRunner());
        services.close();
        services = null;
        model.loadProfiles(null);
        assertThat(model.messageProperty().get()).isNotEmpty().doesNotContain("Exception").doesNotContain("\tat ");
    }
}
