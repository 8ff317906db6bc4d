#!/usr/bin/env bash
# Smoke test of the real .deb: build it, install it with dpkg in a clean state, start the installed app under Xvfb
# and check its window, make a link with the installed command line against a local S3 server (S3Proxy's
# standalone jar from Maven Central) and download it, then uninstall. Needs root and Debian/Ubuntu (apt-get).
#
#   installer/linux/smoke-test.sh              # builds the .deb first (mvn -Pinstaller package, about 2-4 min)
#   installer/linux/smoke-test.sh --no-build   # uses target/installer/packages/linkdesk_*.deb
#
# Installs what it needs with apt-get (xvfb, xauth, x11-utils, imagemagick, curl, fakeroot, binutils, GTK 3, ...).
# Where Debian's `rpm` package is installable it also builds the .rpm and installs it with rpm (--nodeps: the
# RPM database of a Debian machine knows no GTK package), checks its files and CLI, and removes it; otherwise it
# says the .rpm was skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=1
[ "${1:-}" = --no-build ] && build=0
[ "$(id -u)" = 0 ] || { echo "smoke test: run as root (it installs a package)" >&2; exit 2; }
start=$(date +%s)
step() { echo "=== smoke [$(( $(date +%s) - start ))s] $*"; }

need=()
for t in xvfb-run:xvfb xauth:xauth xwininfo:x11-utils import:imagemagick convert:imagemagick curl:curl \
    fakeroot:fakeroot objcopy:binutils unshare:util-linux dpkg-deb:dpkg python3:python3; do
  command -v "${t%%:*}" >/dev/null || need+=("${t#*:}")
done
ldconfig -p | grep libgtk-3.so.0 >/dev/null || need+=(libgtk-3-0)
ldconfig -p | grep libXtst.so.6 >/dev/null || need+=(libxtst6)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
with_rpm=0
if command -v rpmbuild >/dev/null && command -v rpm >/dev/null; then
  with_rpm=1
elif (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rpm) >/dev/null 2>&1; then
  with_rpm=1
else
  step ".rpm skipped: Debian's rpm package is not installable here (apt-get install rpm failed)"
fi

if [ $build = 1 ]; then
  if [ $with_rpm = 1 ]; then
    step "building the .deb and the .rpm"
    mvn -B -ntp -q -Pinstaller package -DskipTests
  else
    step "building the .deb"
    mvn -B -ntp -q -Pinstaller package -DskipTests -Dinstaller.skipRpm=true
  fi
fi
deb=$(ls target/installer/packages/linkdesk_*.deb | head -1)
work=$(mktemp -d)
app_pid=""; s3_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$s3_pid" ] && kill "$s3_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "clean state, then dpkg -i $deb"
if dpkg-query -W linkdesk >/dev/null 2>&1; then dpkg -P linkdesk >/dev/null; fi
[ ! -e /opt/linkdesk ] || { echo "/opt/linkdesk exists without the package" >&2; exit 1; }
if ! dpkg -i "$deb" > "$work/dpkg.log" 2>&1; then
  # dpkg does not fetch dependencies; apt-get completes them, then configures the package.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -f >> "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; exit 1; }
fi
dpkg -s linkdesk | grep -q "Status: install ok installed"
test -x /opt/linkdesk/bin/Linkdesk && test -x /opt/linkdesk/bin/linkdesk-cli && test -L /usr/bin/linkdesk
test -f /usr/share/applications/linkdesk-Linkdesk.desktop || ls /usr/share/applications | grep -qi linkdesk
test -s /opt/linkdesk/lib/app/linkdesk.jsa
# The archives are bound to the jars' size and time: check both installed launchers really map theirs (a JVM that
# refuses an archive loads nothing from it). --version takes the quick path, so only a few classes come from it.
for launcher in linkdesk-cli Linkdesk; do
  shared=$(JAVA_TOOL_OPTIONS=-Xlog:class+load "/opt/linkdesk/bin/$launcher" --version 2>/dev/null \
    | grep -c "shared objects file (top)" || true)
  [ "$shared" -gt 0 ] || { echo "the installed $launcher does not use its class-data-sharing archive" >&2; exit 1; }
done

step "start the installed app under Xvfb"
mkdir -p "$work/home"
HOME="$work/home" LINKDESK_HOME="$work/data" LINKDESK_STARTUP_PROBE=1 \
  xvfb-run -a -s "-screen 0 1280x800x24" sh -c '/opt/linkdesk/bin/Linkdesk & echo $! > "$1/app.pid"
    for i in $(seq 1 120); do grep -q linkdesk-window-ready "$1/app.log" 2>/dev/null && break; sleep 0.5; done
    sleep 1; xwininfo -root -tree > "$1/windows.txt"; import -window root "$1/window.png"
    kill $(cat "$1/app.pid")' sh "$work" > "$work/app.log" 2>&1 || true
grep -q linkdesk-window-ready "$work/app.log" || { cat "$work/app.log"; echo "the window did not appear" >&2; exit 1; }
version=$(dpkg-query -W -f '${Version}' linkdesk | sed 's/-[0-9]*$//')
grep -q "\"Linkdesk $version" "$work/windows.txt" || { cat "$work/windows.txt"; echo "no window titled Linkdesk $version" >&2; exit 1; }
colours=$(convert "$work/window.png" -format %k info:)
[ "$colours" -gt 50 ] || { echo "the window looks blank ($colours colours)" >&2; exit 1; }
[ ! -e "$work/home/.openjfx" ] || { echo "JavaFX extracted its native libraries to the home directory" >&2; exit 1; }
mkdir -p target/installer && cp "$work/window.png" target/installer/smoke-window.png

step "local S3 server (S3Proxy standalone)"
mvn -B -ntp -q dependency:copy -Dartifact=org.gaul:s3proxy:3.0.0:jar:jar-with-dependencies -DoutputDirectory="$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/blobs/smoke-bucket"
printf 'hello from the installed linkdesk\n' > "$work/blobs/smoke-bucket/hello.txt"
cat > "$work/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=SMOKEKEY
s3proxy.credential=smoke-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/blobs
CONF
java -jar "$work"/s3proxy-3.0.0-jar-with-dependencies.jar --properties "$work/s3proxy.conf" > "$work/s3proxy.log" 2>&1 &
s3_pid=$!
for i in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.5; done

step "make a link with the installed command line, download it"
export AWS_ACCESS_KEY_ID=SMOKEKEY AWS_SECRET_ACCESS_KEY=smoke-secret AWS_REGION=us-east-1 \
  AWS_ENDPOINT_URL_S3="http://127.0.0.1:$port" LINKDESK_HOME="$work/data"
linkdesk --version
pkg_version=$(dpkg-query -W -f '${Version}' linkdesk | sed 's/-[0-9]*$//')
case "$pkg_version" in *SNAPSHOT*) echo "the package carries a development version: $pkg_version" >&2; exit 1 ;; esac
linkdesk --version | head -1 | grep -qx "linkdesk $pkg_version" \
  || { echo "linkdesk --version does not say $pkg_version" >&2; exit 1; }
url=$(linkdesk presign --expires 10m s3://smoke-bucket/hello.txt)
body=$(curl -fsS "$url")
[ "$body" = "hello from the installed linkdesk" ] || { echo "unexpected body: $body" >&2; exit 1; }
linkdesk verify s3://smoke-bucket/hello.txt

step "uninstall (dpkg -P)"
dpkg -P linkdesk > /dev/null
[ ! -e /opt/linkdesk ] && [ ! -e /usr/bin/linkdesk ] && [ ! -e /usr/share/applications/linkdesk-Linkdesk.desktop ]

rpm_file=$(ls target/installer/packages/linkdesk-*.rpm 2>/dev/null | head -1 || true)
if [ $with_rpm = 1 ] && [ -n "$rpm_file" ]; then
  step "rpm -i $rpm_file (files, launchers, CLI), then rpm -e"
  if rpm -q linkdesk >/dev/null 2>&1; then rpm -e --nodeps linkdesk >/dev/null; fi
  rpm -i --nodeps "$rpm_file"
  rpm -q linkdesk | grep -q "^linkdesk-$pkg_version-"
  test -x /opt/linkdesk/bin/Linkdesk && test -x /opt/linkdesk/bin/linkdesk-cli && test -L /usr/bin/linkdesk
  test -s /opt/linkdesk/lib/app/linkdesk.jsa
  linkdesk --version | head -1 | grep -qx "linkdesk $pkg_version" \
    || { echo "the .rpm's linkdesk --version does not say $pkg_version" >&2; exit 1; }
  url=$(linkdesk presign --expires 10m s3://smoke-bucket/hello.txt)
  [ "$(curl -fsS "$url")" = "hello from the installed linkdesk" ] || { echo "the .rpm's link does not work" >&2; exit 1; }
  rpm -e --nodeps linkdesk
  [ ! -e /opt/linkdesk ] && [ ! -e /usr/bin/linkdesk ] || { echo "rpm -e left files behind" >&2; exit 1; }
elif [ $with_rpm = 1 ]; then
  echo "no .rpm in target/installer/packages (built with --no-build and -Dinstaller.skipRpm?)" >&2; exit 1
else
  step ".rpm smoke install skipped (no rpm here)"
fi
step "smoke test passed (window screenshot: target/installer/smoke-window.png)"
