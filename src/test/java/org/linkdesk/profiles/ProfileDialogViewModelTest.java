package org.linkdesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.store.Database;
import org.linkdesk.store.Vault;
import org.linkdesk.ui.tasks.DirectTaskRunner;

class ProfileDialogViewModelTest {
    @TempDir
    Path dir;

    @Test
    void newProfileIsValidatedSavedAndEditedKeepingTheSecret() {
        try (Database db = Database.open(dir)) {
            Vault vault = new Vault(db);
            vault.create("password 123".toCharArray());
            ProfileService profiles = new ProfileService(db, vault);
            ProfileDialogViewModel vm = new ProfileDialogViewModel(profiles, new DirectTaskRunner(), null);
            assertThat(vm.problemProperty().get()).isNotNull();
            vm.nameProperty().set("minio");
            vm.accessKeyIdProperty().set("AKIAEXAMPLE");
            vm.secretAccessKeyProperty().set("s3cr3t/key");
            vm.endpointUrlProperty().set("ftp://nope");
            assertThat(vm.problemProperty().get()).contains("http");
            vm.endpointUrlProperty().set("http://127.0.0.1:9000");
            assertThat(vm.problemProperty().get()).isNull();
            List<Profile> saved = new ArrayList<>();
            vm.save(saved::add);
            assertThat(saved).hasSize(1);
            assertThat(saved.get(0).endpointUrl()).isEqualTo("http://127.0.0.1:9000");

            ProfileDialogViewModel edit = new ProfileDialogViewModel(profiles, new DirectTaskRunner(), saved.get(0));
            assertThat(edit.problemProperty().get()).isNull();
            edit.regionProperty().set("eu-west-3");
            edit.save(saved::add);
            assertThat(saved.get(1).region()).isEqualTo("eu-west-3");
            assertThat(profiles.credentials(saved.get(1)).secretAccessKey()).isEqualTo("s3cr3t/key");

            ProfileDialogViewModel clash = new ProfileDialogViewModel(profiles, new DirectTaskRunner(), null);
            clash.nameProperty().set("minio");
            clash.accessKeyIdProperty().set("AKIAOTHER");
            clash.secretAccessKeyProperty().set("x");
            clash.save(saved::add);
            assertThat(clash.errorProperty().get()).contains("already exists");
            assertThat(saved).hasSize(2);
        }
    }
}
