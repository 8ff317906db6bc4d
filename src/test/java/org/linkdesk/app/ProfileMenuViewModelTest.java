package org.linkdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileDraft;
import org.linkdesk.store.ThemeSetting;
import org.linkdesk.ui.common.ScriptedDialogs;
import org.linkdesk.ui.tasks.DirectTaskRunner;
import org.linkdesk.wiring.Services;

/** The "More" profile menu without a stage: duplicate, delete, auto-lock and theme through ScriptedDialogs. */
class ProfileMenuViewModelTest {
    @TempDir
    Path dir;
    private Services services;
    private MainViewModel main;
    private ProfileMenuViewModel menu;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> status = new ArrayList<>();

    @BeforeEach
    void setUp() {
        services = Services.open(dir.resolve("data"));
        services.vault().create("profile menu".toCharArray());
        services.profiles().create(new ProfileDraft("studio", "AKIAEXAMPLE0000001", "secret", null, false,
                "eu-west-1", null, false));
        DirectTaskRunner tasks = new DirectTaskRunner();
        main = new MainViewModel(services.profiles(), services.vault(), tasks);
        main.onUnlocked();
        menu = new ProfileMenuViewModel(services.profiles(), services.autoLock(), services.theme(), tasks, dialogs,
                main, status::add);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void duplicatingSuggestsAFreeNameAndSelectsTheCopy() {
        dialogs.answer("studio copy");
        menu.duplicate();
        assertThat(dialogs.last("textInput").text()).endsWith("[studio copy]");
        assertThat(services.profiles().list()).extracting(Profile::name).containsExactly("studio", "studio copy");
        assertThat(main.selectedProfileProperty().get().name()).isEqualTo("studio copy");
        assertThat(status).containsExactly("Duplicated studio as studio copy.");
    }

    @Test
    void deletingAsksAndKeepsTheProfileWhenTheAnswerIsNo() {
        dialogs.answer(false);
        menu.delete();
        assertThat(services.profiles().list()).hasSize(1);
        dialogs.answer(true);
        menu.delete();
        assertThat(services.profiles().list()).isEmpty();
        assertThat(status).containsExactly("Deleted profile studio; its links stay in the history.");
    }

    @Test
    void autoLockAndThemeAreStored() {
        boolean[] changed = {false};
        dialogs.answer(30);
        menu.autoLock(() -> changed[0] = true);
        assertThat(services.autoLock().minutes()).isEqualTo(30);
        assertThat(changed[0]).isTrue();
        assertThat(status).containsExactly("Linkdesk locks after 30 minutes idle.");

        List<ThemeSetting.Choice> applied = new ArrayList<>();
        dialogs.answer(ThemeSetting.Choice.DARK);
        menu.theme(applied::add);
        assertThat(applied).containsExactly(ThemeSetting.Choice.DARK);
        assertThat(ProfileMenuViewModel.label(240)).isEqualTo("4 hours");
    }
}
