#!/usr/bin/env bash
# Checks the Linux tools that `mvn -Pinstaller package` needs besides the JDK, and says how to install what is
# missing. With INSTALL_MISSING=1 (and root), installs them with apt-get (Debian/Ubuntu).
#
#   check-tools.sh [--skip-rpm[=true|false]]
#
# --skip-rpm (Maven passes -Dinstaller.skipRpm through it) leaves out rpmbuild: only the .deb is built then.
set -euo pipefail
skip_rpm=false
for arg in "$@"; do
  case "$arg" in
    --skip-rpm|--skip-rpm=true|--skip-rpm=) skip_rpm=true ;;
    --skip-rpm=false) skip_rpm=false ;;
    *) echo "check-tools.sh: unknown argument '$arg' (expected --skip-rpm[=true|false])" >&2; exit 2 ;;
  esac
done
declare -A need=(
  [objcopy]=binutils        # jlink --strip-debug
  [fakeroot]=fakeroot       # jpackage --type deb
  [dpkg-deb]=dpkg
  [unshare]=util-linux      # class-data-sharing training at the install path
)
if [ "$skip_rpm" != true ]; then
  need[rpmbuild]=rpm        # jpackage --type rpm
fi
if [ -z "${DISPLAY:-}" ]; then
  need[xvfb-run]=xvfb       # the training run opens the window once
  need[xauth]=xauth
fi
missing=()
for tool in "${!need[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${need[$tool]}")
done
# JavaFX's GTK glass needs these libraries at run time (the training run starts the app).
# grep reads all of ldconfig's output: with -q it stops at the first match and, under pipefail, ldconfig's SIGPIPE
# would make a present library look missing.
for lib in libgtk-3.so.0 libXtst.so.6; do
  ldconfig -p 2>/dev/null | grep "$lib" >/dev/null || missing+=("$( [ "$lib" = libXtst.so.6 ] && echo libxtst6 || echo libgtk-3-0)")
done
if [ ${#missing[@]} -eq 0 ]; then
  if [ "$skip_rpm" = true ]; then
    echo "installer tools: all present (.rpm skipped)"
  else
    echo "installer tools: all present"
  fi
  exit 0
fi
pkgs=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
if [ "${INSTALL_MISSING:-0}" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installer tools: installing $pkgs"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null
  exit 0
fi
echo "installer tools missing. On Debian/Ubuntu: sudo apt-get install $pkgs" >&2
if [ "$skip_rpm" != true ] && [[ " $pkgs " == *" rpm "* ]]; then
  echo "(without rpmbuild, build only the .deb: mvn -Pinstaller package -Dinstaller.skipRpm)" >&2
fi
echo "(or run: sudo INSTALL_MISSING=1 $0)" >&2
exit 1
