package org.linkdesk.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every TestFX flow test needs: wait for a condition (never a sleep), create or type the master password.
 * Start-up stays in each test's {@code @Start} (each opens its own data), using these once the window shows.
 */
public final class FxFlow {
    private FxFlow() {
    }

    /** Waits (up to 20 s, for a loaded machine) until {@code condition} holds, then for pending FX events. */
    public static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        waitUntil(20, condition);
    }

    public static void waitUntil(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** First start: creates the master password in the unlock form and waits until the window opens. */
    public static void createMasterPassword(FxRobot robot, String password) throws TimeoutException {
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isPresent());
        robot.clickOn("#masterPasswordField").write(password);
        robot.clickOn("#masterPasswordConfirmField").write(password);
        robot.clickOn("#masterPasswordSubmit");
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isEmpty());
    }

    /** Later starts: types the master password and waits until the window opens. */
    public static void unlock(FxRobot robot, String password) throws TimeoutException {
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isPresent());
        robot.clickOn("#masterPasswordField").write(password);
        robot.clickOn("#masterPasswordSubmit");
        waitUntil(() -> robot.lookup("#masterPasswordField").tryQuery().isEmpty());
    }
}
