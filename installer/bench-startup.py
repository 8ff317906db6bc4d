#!/usr/bin/env python3
"""Cold start to the first shown, laid-out and painted window, for a bare JavaFX window, `java -jar`, the app
image (run from target/, where its app CDS archive does not apply) and the installed package (with it).

Each run is a new process; the time is taken from spawning it to its `linkdesk-window-ready` line (printed by
StartupProbe with LINKDESK_STARTUP_PROBE=exit, which then quits). Runs are interleaved; medians are reported.
Needs: mvn -Pinstaller package (or package + test-compile), Xvfb, and for the installed variant the .deb installed.

    python3 installer/bench-startup.py [runs]
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 9
CP = os.pathsep.join([f"{ROOT}/target/classes", f"{ROOT}/target/test-classes", f"{ROOT}/target/lib/*"])
VARIANTS = {
    "bare JavaFX window (java -cp)": ["java", "-cp", CP, "org.linkdesk.bench.BareWindowStart"],
    "java -jar target/linkdesk.jar": ["java", "-jar", f"{ROOT}/target/linkdesk.jar"],
    "java -jar, no relaunch (LINKDESK_NO_RELAUNCH=1)": ["/usr/bin/env", "LINKDESK_NO_RELAUNCH=1", "java", "-jar",
                                                        f"{ROOT}/target/linkdesk.jar"],
    "app image, no app CDS (target/installer/image)": [f"{ROOT}/target/installer/image/Linkdesk/bin/Linkdesk"],
    "installed package (/opt/linkdesk, app CDS)": ["/opt/linkdesk/bin/Linkdesk"],
}


def once(cmd, env):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    ready = None
    for line in proc.stdout:
        if "linkdesk-window-ready" in line:
            ready = (time.monotonic() - start) * 1000
            break
    proc.stdout.close()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    if ready is None:
        raise SystemExit(f"no window from {cmd}")
    return ready


def main():
    variants = {k: v for k, v in VARIANTS.items() if os.path.exists(v[0]) or v[0] == "java"}
    display = ":93"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL)
    time.sleep(1)
    data = tempfile.mkdtemp(prefix="linkdesk-bench-")
    env = dict(os.environ, DISPLAY=display, LINKDESK_HOME=data, LINKDESK_STARTUP_PROBE="exit")
    try:
        for cmd in variants.values():  # first start creates the database: not measured
            once(cmd, env)
        times = {name: [] for name in variants}
        for _ in range(RUNS):
            for name, cmd in variants.items():
                times[name].append(once(cmd, env))
        load = os.getloadavg()
        bare = statistics.median(next(iter(times.values())))
        print(f"runs per variant: {RUNS}; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
        print("| variant | median | min | max | vs bare |")
        print("|---|---|---|---|---|")
        for name, t in times.items():
            m = statistics.median(t)
            print(f"| {name} | {m:.0f} ms | {min(t):.0f} ms | {max(t):.0f} ms | {m / bare:.2f}x |")
    finally:
        xvfb.terminate()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
