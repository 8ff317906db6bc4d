package org.linkdesk.core.threads;

/**
 * Catches slow work (H2, S3, files) started on the UI thread, where it would freeze the window. Off unless the
 * system property {@code linkdesk.uiThreadGuard} is {@code true} (the test runs set it): then the entry points that
 * block ({@code Database.read/inTransaction}, {@code S3Http}'s requests, history export and import) throw when called
 * on the JavaFX application thread. The core cannot import JavaFX, so the thread is recognised by its name.
 */
public final class UiThreadGuard {
    /** The name JavaFX gives its application thread. */
    public static final String FX_THREAD_NAME = "JavaFX Application Thread";
    private static final boolean ENABLED = Boolean.getBoolean("linkdesk.uiThreadGuard");

    private UiThreadGuard() {
    }

    /** Throws when guarding is on and this is the UI thread; {@code what} names the work ("H2 query"). */
    public static void check(String what) {
        if (ENABLED && FX_THREAD_NAME.equals(Thread.currentThread().getName())) {
            throw new IllegalStateException(what + " on the JavaFX application thread: run it through the TaskRunner");
        }
    }

    public static boolean isEnabled() {
        return ENABLED;
    }
}
