package org.linkdesk.handover.ui;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.handover.LinkTestResult;
import org.linkdesk.handover.LinkTester;
import org.linkdesk.ui.tasks.TaskHandle;
import org.linkdesk.ui.tasks.TaskRunner;
import org.linkdesk.ui.common.UserMessages;

/**
 * Tests a recorded link (History, batch results) in the background with the {@link LinkTester}; the link is read
 * in the same task because reading it may touch the database or the vault.
 */
public final class LinkTests {
    private final LinkTester tester;
    private final TaskRunner tasks;

    public LinkTests(LinkTester tester, TaskRunner tasks) {
        this.tester = tester;
        this.tasks = tasks;
    }

    /**
     * Reads the link with {@code url} (empty when it was not kept), tests it as a {@code method} link signed with
     * {@code contentType} (PUT, or null), and hands the result or a short error to one of the two consumers.
     */
    public TaskHandle test(Callable<Optional<String>> url, HttpMethod method, String contentType,
                           Consumer<LinkTestResult> done, Consumer<String> failed) {
        if (method == HttpMethod.DELETE) {
            failed.accept("A DELETE link cannot be tested without deleting the object.");
            return TaskHandle.DONE;
        }
        return tasks.run(() -> url.call().map(u -> tester.test(u, method, contentType))).onSuccess(result -> {
            if (result.isEmpty()) {
                failed.accept("This link was not kept (it was made before a master password was set, or imported "
                        + "without links), so it cannot be tested; renew it to get a new one.");
            } else {
                done.accept(result.get());
            }
        }).onError(e -> failed.accept("The test failed: " + UserMessages.describe(e))).start();
    }

    /** The one-line presentation of a result: what was found, then what happened and what to do. */
    public static String describe(LinkTestResult result) {
        StringBuilder text = new StringBuilder(result.diagnosis().title()).append(": ").append(result.detail());
        if (result.skewSeconds() != null && Math.abs(result.skewSeconds()) >= 60) {
            text.append(" (server clock ").append(result.skewSeconds() > 0 ? "ahead by " : "behind by ")
                    .append(Math.abs(result.skewSeconds())).append(" s)");
        }
        return text.toString();
    }
}
