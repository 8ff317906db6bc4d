package org.linkdesk.app;

import javafx.beans.value.ObservableValue;
import org.linkdesk.profiles.Profile;
import org.linkdesk.protectedlinks.ProtectedLinksViewModel;
import org.linkdesk.shares.GatewayProbe;
import org.linkdesk.ui.common.TaskRunner;
import org.linkdesk.ui.common.TextClipboard;

/** The "Protected links" tab's view model: owner and object sizes come from the selected profile. */
final class ProtectedLinksWiring {
    private ProtectedLinksWiring() {
    }

    static ProtectedLinksViewModel viewModel(Services services, ObservableValue<Profile> profile, TaskRunner tasks,
                                             TextClipboard clipboard) {
        GatewayProbe probe = new GatewayProbe();
        return new ProtectedLinksViewModel(services.protectedShares(), probe::problem, (bucket, key) -> {
            Profile p = profile.getValue();
            if (p == null) {
                return null;
            }
            return services.s3().headObject(p.endpoint(), services.profiles().credentials(p), bucket, key).size();
        }, () -> profile.getValue() != null ? profile.getValue().name() : System.getProperty("user.name"),
                tasks, clipboard);
    }
}
