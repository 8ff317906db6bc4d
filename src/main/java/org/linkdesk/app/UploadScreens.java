package org.linkdesk.app;

import javafx.beans.property.ObjectProperty;
import org.linkdesk.profiles.Profile;
import org.linkdesk.upload.ExistingKeyQuestions;
import org.linkdesk.upload.UnfinishedUploadsDialog;
import org.linkdesk.upload.UnfinishedUploadsViewModel;
import org.linkdesk.upload.UniquePrefixSetting;
import org.linkdesk.upload.UploadLinkDialog;
import org.linkdesk.upload.UploadLinkViewModel;
import org.linkdesk.upload.UploadLinks;
import org.linkdesk.upload.UploadQueueViewModel;

/**
 * The upload screens {@link GuiRoot} makes: the upload queue, the unfinished uploads of a bucket and "Upload link for
 * someone", each signing as the chosen profile.
 */
final class UploadScreens {
    private final GuiRoot gui;

    UploadScreens(GuiRoot gui) {
        this.gui = gui;
    }

    /** The upload queue, signing as the chosen profile (its credentials are read on the task runner). */
    UploadQueueViewModel uploadQueue(ObjectProperty<Profile> profile) {
        var queue = new UploadQueueViewModel(gui.services().uploads(), gui.tasks(), gui.clipboard(),
                () -> signingAs(profile), ExistingKeyQuestions.asking(gui.dialogs()));
        var copy = new org.linkdesk.store.UploadCopySetting(gui.services().database());
        queue.keepCopyLinksIn(copy::copies, copy::setCopies);
        var unique = new UniquePrefixSetting(gui.services().database());
        queue.keepUniquePrefixIn(unique::prefix, unique::setPrefix);
        return queue;
    }

    /** Shows the unfinished uploads of {@code bucket}; "Resume" hands them to {@code queue}. */
    void showUnfinishedUploads(ObjectProperty<Profile> profile, String bucket,
                               UploadQueueViewModel queue) {
        var model = new UnfinishedUploadsViewModel(gui.services().uploads(), gui.tasks(), gui.dialogs(),
                () -> signingAs(profile), queue::continueUpload);
        new UnfinishedUploadsDialog(model, gui.zone(), gui.window(), gui.scenes()).show();
        model.load(bucket);
    }

    /** Shows "Upload link for someone" for {@code bucket}, starting at {@code folder}. */
    void showUploadLink(ObjectProperty<Profile> profile, String bucket, String folder) {
        var links = new UploadLinks(gui.services().links(), gui.services()::s3, gui.services().clock());
        new UploadLinkDialog(new UploadLinkViewModel(links, gui.tasks(), gui.dialogs(), gui.clipboard(),
                () -> signingAs(profile), bucket, folder), gui.window(), gui.scenes()).show();
    }

    /** The chosen profile's identity, with its credentials (reads the vault: call on the task runner). */
    private org.linkdesk.links.SigningIdentity signingAs(ObjectProperty<Profile> profile) {
        Profile p = profile.getValue();
        if (p == null) {
            throw new org.linkdesk.core.sign.InvalidInputException("Choose or create a profile first.");
        }
        return org.linkdesk.links.SigningIdentity.of(p, gui.services().profiles().credentials(p));
    }
}
