package org.linkdesk;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar linkdesk.jar} cannot carry JVM options, so the window starts without an archive of the app's
 * classes (class-data sharing) and with the default JIT policy: about 0.4 s slower than the installed app. Here the
 * jar's first JVM starts the window in a child JVM with the options the app image ships with, and a dynamic CDS
 * archive in the user's cache directory: the first start writes it (when that window closes, to a temporary name
 * moved into place afterwards, so a concurrent start never maps a half-written archive), later starts map it. The
 * archive's name carries the jar's and the runtime's identity, so a rebuilt jar or another JDK makes a new one.
 *
 * <p>Not used when Linkdesk runs from classes or the app image (its launcher already has the options), when
 * {@code LINKDESK_NO_RELAUNCH} is set, or when the archive directory cannot be written. No JavaFX here.
 */
final class GuiRelaunch {
    static final String RELAUNCHED_PROPERTY = "linkdesk.relaunched";
    static final String DISABLE_VARIABLE = "LINKDESK_NO_RELAUNCH";
    /** The app image's JIT and GC options (installer/common/app-image.args; docs/BENCHMARKS.md, "Start-up"). */
    private static final List<String> IMAGE_OPTIONS = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=20000", "-XX:Tier4CompileThreshold=60000",
            "-XX:Tier4BackEdgeThreshold=400000", "-XX:MaxGCPauseMillis=20");

    private GuiRelaunch() {
    }

    /** Runs the window in a child JVM and returns its exit code; empty when this JVM should run it itself. */
    static Optional<Integer> run(String[] args) {
        if (System.getProperty(RELAUNCHED_PROPERTY) != null || System.getProperty("jpackage.app-path") != null
                || System.getenv(DISABLE_VARIABLE) != null) {
            return Optional.empty();
        }
        Optional<Path> jar = launchedJar();
        Optional<List<String>> argv = ProcessHandle.current().info().arguments().map(List::of);
        Optional<String> java = ProcessHandle.current().info().command();
        Optional<Path> cache = cacheDirectory();
        if (jar.isEmpty() || argv.isEmpty() || java.isEmpty() || cache.isEmpty() || choosesOwnSharing(argv.get())) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(cache.get());
            Path archive = cache.get().resolve(archiveName(jar.get()));
            Path fresh = cache.get().resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            List<String> command = new ArrayList<>();
            command.add(java.get());
            command.addAll(IMAGE_OPTIONS);
            command.add("-Xshare:auto");
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
            boolean writing = !Files.isRegularFile(archive);
            command.add(writing ? "-XX:ArchiveClassesAtExit=" + fresh : "-XX:SharedArchiveFile=" + archive);
            command.add("-D" + RELAUNCHED_PROPERTY + "=true");
            command.addAll(argv.get());   // the user's own JVM options, -jar JAR and the arguments
            Process child = new ProcessBuilder(command).inheritIO().start();
            int code = child.waitFor();
            if (writing && Files.isRegularFile(fresh)) {
                Files.move(fresh, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                deleteOtherArchives(cache.get(), archive);
            }
            Files.deleteIfExists(fresh);
            return Optional.of(code);
        } catch (IOException | SecurityException e) {
            return Optional.empty();   // start in this JVM, as without the relaunch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /** The user's own class-data sharing options win: no relaunch then. */
    private static boolean choosesOwnSharing(List<String> argv) {
        for (String a : argv) {
            if (a.equals("-jar")) {
                return false;   // what follows the jar is the app's arguments
            }
            if (a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-XX:ArchiveClassesAtExit")
                    || a.startsWith("-Xshare")) {
                return true;
            }
        }
        return false;
    }

    /** Archives of earlier jars (each ≈ 35 MB) are not kept once the current one is written. */
    private static void deleteOtherArchives(Path cache, Path current) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(cache)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!p.equals(current) && name.startsWith("gui-") && name.endsWith(".jsa")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The jar this JVM was started with by {@code java -jar}, if that is how it started. */
    private static Optional<Path> launchedJar() {
        String command = System.getProperty("sun.java.command", "");
        String classPath = System.getProperty("java.class.path", "");
        try {
            Path self = Path.of(GuiRelaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            boolean jarLaunch = Files.isRegularFile(self) && classPath.equals(command.split(" ", 2)[0])
                    && Path.of(classPath).toAbsolutePath().normalize().equals(self.toAbsolutePath().normalize());
            return jarLaunch ? Optional.of(self) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code $XDG_CACHE_HOME/linkdesk}, else {@code ~/.cache/linkdesk} (Linux and macOS; none elsewhere). */
    private static Optional<Path> cacheDirectory() {
        if (File.separatorChar != '/') {
            return Optional.empty();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "linkdesk"));
        }
        String home = System.getenv("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return Optional.of(Path.of(home, ".cache", "linkdesk"));
    }

    /** Changes whenever the archive would no longer match: another jar (path, size, time) or another runtime. */
    private static String archiveName(Path jar) throws IOException {
        String identity = jar.toAbsolutePath().normalize() + "|" + Files.size(jar) + "|"
                + Files.getLastModifiedTime(jar).toMillis() + "|" + System.getProperty("java.home") + "|"
                + System.getProperty("java.vm.version");
        return "gui-" + Integer.toHexString(identity.hashCode()) + ".jsa";
    }
}
