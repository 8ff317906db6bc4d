#!/usr/bin/env bash
# Writes the app's class-data-sharing archive (lib/app/linkdesk.jsa) into a jpackage app image by starting it once
# until its window is shown (LINKDESK_STARTUP_PROBE=exit), with -XX:ArchiveClassesAtExit.
#
# JDK 17 binds such an archive to the absolute class path it was made with, so the run happens with the image
# mounted at the path the .deb/.rpm install it to (/opt/linkdesk), in a private mount namespace (unshare: root or
# unprivileged user namespaces). The launchers then get -XX:SharedArchiveFile; run from anywhere else, the JVM
# quietly ignores the archive (and still uses the runtime's own archive of JDK classes).
#
# Usage: cds-train.sh IMAGE_DIR [INSTALL_DIR]
set -euo pipefail
image=$(cd "$1" && pwd)
install_dir=${2:-/opt/linkdesk}
app="$image/lib/app"
archive="$app/linkdesk.jsa"
rm -f "$archive"
cfgs=("$app"/*.cfg)
for cfg in "${cfgs[@]}"; do
  cp "$cfg" "$cfg.orig"
done
restore() { for cfg in "${cfgs[@]}"; do mv -f "$cfg.orig" "$cfg"; done; }
trap restore EXIT
echo 'java-options=-XX:ArchiveClassesAtExit=$APPDIR/linkdesk.jsa' >> "$app/Linkdesk.cfg"
# The command line gets its own, smaller archive, trained on its quick presign path (QuickCommands): the window's
# archive would map thousands of GUI classes a CLI call never uses (docs/BENCHMARKS.md, "Command line").
cli_archive="$app/linkdesk-cli.jsa"
rm -f "$cli_archive"
echo 'java-options=-XX:ArchiveClassesAtExit=$APPDIR/linkdesk-cli.jsa' >> "$app/linkdesk-cli.cfg"
# JDK 17 also binds the archive to each jar's size and modification time, and jpackage copies the image (new times)
# into the packages. So the jars get one fixed time here, and the .deb's postinst and the .rpm's spec set it again.
# Keep JAR_TIME the same in installer/linux/resources/postinst and linkdesk.spec.
JAR_TIME=@1577836800
find "$app" -name '*.jar' -exec touch -d "$JAR_TIME" {} +

home=$(mktemp -d)
# A data directory the quick path accepts: a database file and a remembered vault key (a throwaway X25519 key).
cli_home="$home/cli"
mkdir -p "$cli_home"
: > "$cli_home/linkdesk.mv.db"
openssl genpkey -algorithm X25519 | openssl pkey -pubout -outform DER > "$cli_home/linkdesk.seal-key"
x=()
[ -z "${DISPLAY:-}" ] && x=(xvfb-run -a -s "-screen 0 1280x800x24")
if [ "$(id -u)" = 0 ]; then ns=(unshare --mount --propagation private); else ns=(unshare --user --map-root-user --mount); fi
parent=$(dirname "$install_dir")
# In the namespace: an empty tmpfs over the parent directory, the image bound at the install path.
LINKDESK_HOME="$home" LINKDESK_STARTUP_PROBE=exit timeout 120 "${x[@]}" "${ns[@]}" sh -c '
  mount -t tmpfs tmpfs "$1" && mkdir -p "$2" && mount --bind "$3" "$2" && "$2/bin/Linkdesk" &&
  LINKDESK_HOME="$4" AWS_ACCESS_KEY_ID=AKIATRAINING AWS_SECRET_ACCESS_KEY=training AWS_REGION=eu-central-1 \
    exec "$2/bin/linkdesk-cli" presign "s3://linkdesk-training/reports/q3.pdf"' \
  sh "$parent" "$install_dir" "$image" "$cli_home" > "$home/train.log" 2>&1 || { cat "$home/train.log" >&2; exit 1; }
grep -q X-Amz-Signature= "$home/train.log" || { cat "$home/train.log" >&2; echo "no CLI link" >&2; exit 1; }
[ -s "$cli_archive" ] || { cat "$home/train.log" >&2; echo "no CLI archive written" >&2; exit 1; }
grep -q linkdesk-window-ready "$home/train.log" || { cat "$home/train.log" >&2; echo "no window" >&2; exit 1; }
[ -s "$archive" ] || { cat "$home/train.log" >&2; echo "no archive written" >&2; exit 1; }
rm -rf "$home"
trap - EXIT
restore
# Use the archive; stay silent where it does not match (the image run from elsewhere than the install path).
for cfg in "${cfgs[@]}"; do
  jsa=linkdesk.jsa
  [ "$(basename "$cfg")" = linkdesk-cli.cfg ] && jsa=linkdesk-cli.jsa
  sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/'"$jsa"'\njava-options=-Xlog:cds=off\njava-options=-Xlog:cds+dynamic=off' "$cfg"
done
echo "class-data-sharing archives: $archive ($(du -h "$archive" | cut -f1)), $cli_archive ($(du -h "$cli_archive" | cut -f1)) for $install_dir"
