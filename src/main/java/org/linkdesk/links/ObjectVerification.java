package org.linkdesk.links;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.linkdesk.core.s3.ObjectInfo;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.WrongRegionException;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.profiles.BucketRegions;
import org.linkdesk.profiles.ConnectionTest;
import org.linkdesk.profiles.Profile;
import org.linkdesk.profiles.ProfileService;
import org.linkdesk.ui.common.Formats;
import org.linkdesk.ui.common.StatusMessage;
import org.linkdesk.ui.tasks.TaskHandle;
import org.linkdesk.ui.tasks.TaskRunner;

/**
 * The "Verify" action of {@link LinkFormViewModel}: asks S3 (HEAD) whether the object exists, offers the region the
 * server names for a bucket signed for the wrong one, and warns when the server's clock and ours differ.
 */
final class ObjectVerification {
    private final ProfileService profiles;
    private final Supplier<S3Http> s3;
    private final TaskRunner tasks;
    private final BucketRegions bucketRegions;
    private final StatusMessage status;
    private final ReadOnlyBooleanWrapper busy;

    private final ReadOnlyObjectWrapper<ObjectInfo> objectInfo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper regionSuggestion = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper clockWarning = new ReadOnlyStringWrapper();
    private String suggestedBucket;
    private TaskHandle check = TaskHandle.DONE;
    private String shownMessage;

    /**
     * @param bucketRegions where the regions found for buckets are remembered, or null not to remember them
     * @param status        the form's message line
     * @param busy          the form's busy flag, set while the check runs
     */
    ObjectVerification(ProfileService profiles, Supplier<S3Http> s3, TaskRunner tasks, BucketRegions bucketRegions,
                       StatusMessage status, ReadOnlyBooleanWrapper busy) {
        this.profiles = profiles;
        this.s3 = s3;
        this.tasks = tasks;
        this.bucketRegions = bucketRegions;
        this.status = status;
        this.busy = busy;
    }

    /** Checks that the object exists (HEAD) and shows what S3 says about it. */
    void verify(Profile p, String b, String k) {
        forget();
        regionSuggestion.set(null);
        busy.set(true);
        show("Checking " + b + "/" + k + "…");
        check = tasks.run(() -> s3.get().headObject(endpointFor(p, b), profiles.credentials(p), b, k)).onSuccess(info -> {
                    objectInfo.set(info);
                    show("The object exists: " + Formats.size(info.size()) + ".");
                    checkClock();
                }).onError(e -> {
                    if (e instanceof WrongRegionException wrong && wrong.bucketRegion() != null) {
                        suggestedBucket = b;
                        regionSuggestion.set(wrong.bucketRegion());
                    }
                    status.error(e);
                    shownMessage = status.textProperty().get();
                    checkClock();
                }).andFinally(() -> busy.set(false)).start();
    }

    /** The endpoint to sign for: the profile's, with the region learned for the bucket if there is one. */
    S3Endpoint endpointFor(Profile p, String b) {
        return bucketRegions == null ? p.endpoint() : bucketRegions.endpointFor(p, b);
    }

    /**
     * Remembers the suggested region for the bucket (per profile).
     *
     * @param then called with the bucket once the region is remembered
     */
    void acceptRegionSuggestion(Profile p, Consumer<String> then) {
        String region = regionSuggestion.get();
        String b = suggestedBucket;
        if (p == null || region == null || b == null || bucketRegions == null) {
            return;
        }
        regionSuggestion.set(null);
        tasks.run(() -> {
            bucketRegions.remember(p.id(), b, region);
            return region;
        }).onSuccess(r -> {
            status.info("Bucket " + b + " is in " + r + "; Linkdesk will sign for " + r + " from now on.");
            then.accept(b);
        }).onError(status::error).start();
    }

    /** Warns when the server's clock and ours differ by more than {@link ConnectionTest#SKEW_WARNING}. */
    private void checkClock() {
        clockWarning.set(s3.get().lastServerDate().map(ConnectionTest::clockWarning).orElse(null));
    }

    void clearObjectInfo() {
        objectInfo.set(null);
    }

    private void show(String text) {
        status.info(text);
        shownMessage = text;
    }

    /**
     * Forgets what the last check found, as bucket, key or profile changed: a check still under way is dropped, and
     * its line ("The object exists: 14 B", or its error) is cleared so it cannot describe the new input.
     */
    void forget() {
        check.discard();
        objectInfo.set(null);
        if (shownMessage != null && shownMessage.equals(status.textProperty().get())) {
            status.info("");
        }
        shownMessage = null;
    }

    void clearRegionSuggestion() {
        regionSuggestion.set(null);
    }

    ReadOnlyObjectProperty<ObjectInfo> objectInfoProperty() { return objectInfo.getReadOnlyProperty(); }
    ReadOnlyStringProperty regionSuggestionProperty() { return regionSuggestion.getReadOnlyProperty(); }
    ReadOnlyStringProperty clockWarningProperty() { return clockWarning.getReadOnlyProperty(); }
}
