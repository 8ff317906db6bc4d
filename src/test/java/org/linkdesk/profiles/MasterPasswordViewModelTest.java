package org.linkdesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;
import org.linkdesk.ui.tasks.DirectTaskRunner;

class MasterPasswordViewModelTest {
    @TempDir
    Path dir;

    @Test
    void createNeedsEightCharactersTwiceAndThenUnlocks() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            MasterPasswordViewModel create = new MasterPasswordViewModel(vault, new DirectTaskRunner(), true);
            create.passwordProperty().set("short");
            assertThat(create.problemProperty().get()).contains("at least 8");
            create.passwordProperty().set("long enough");
            create.confirmationProperty().set("long enougH");
            assertThat(create.problemProperty().get()).contains("not the same");
            create.confirmationProperty().set("long enough");
            assertThat(create.problemProperty().get()).isNull();
            boolean[] done = {false};
            create.submit(() -> done[0] = true);
            assertThat(done[0]).isTrue();
            assertThat(vault.isCreated()).isTrue();
            assertThat(vault.isUnlocked()).isTrue();
            assertThat(create.passwordProperty().get()).isEmpty();
        }
    }

    @Test
    void aWrongPasswordSaysSoAndLeavesTheVaultLocked() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create("the right one".toCharArray());
            vault.lock();
            MasterPasswordViewModel unlock = new MasterPasswordViewModel(vault, new DirectTaskRunner(), false);
            unlock.passwordProperty().set("the wrong one");
            boolean[] done = {false};
            unlock.submit(() -> done[0] = true);
            assertThat(done[0]).isFalse();
            assertThat(unlock.errorProperty().get()).contains("not correct");
            assertThat(vault.isUnlocked()).isFalse();

            unlock.passwordProperty().set("the right one");
            unlock.submit(() -> done[0] = true);
            assertThat(done[0]).isTrue();
            assertThat(vault.isUnlocked()).isTrue();
        }
    }
}
