#!/usr/bin/env bash
# Draws the Linkdesk icon (a chain link on a blue tile) at every size the platforms need. Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert -size 512x512 gradient:'#5b95f5'-'#1d4aa0' "$tmp/grad.png"
convert -size 512x512 xc:black -fill white -draw "roundrectangle 16,16 496,496 100,100" "$tmp/mask.png"
convert "$tmp/grad.png" "$tmp/mask.png" -alpha off -compose CopyOpacity -composite \
  -stroke white -strokewidth 46 -fill none \
  -draw "translate 256,256 rotate -45 roundrectangle -160,-64 36,64 64,64" \
  -draw "translate 256,256 rotate -45 roundrectangle -36,-64 160,64 64,64" \
  linkdesk-512.png
for s in 16 24 32 48 64 128 256; do
  convert linkdesk-512.png -resize ${s}x${s} linkdesk-$s.png
done
# Windows .ico (all sizes in one file) and macOS .icns (png2icns from Debian's icnsutils).
convert linkdesk-16.png linkdesk-24.png linkdesk-32.png linkdesk-48.png linkdesk-64.png linkdesk-128.png \
  linkdesk-256.png ../installer/windows/linkdesk.ico
if command -v png2icns >/dev/null; then
  png2icns ../installer/macos/linkdesk.icns linkdesk-16.png linkdesk-32.png linkdesk-48.png linkdesk-128.png \
    linkdesk-256.png linkdesk-512.png
else
  echo "png2icns not found (apt-get install icnsutils): installer/macos/linkdesk.icns left as it is" >&2
fi
