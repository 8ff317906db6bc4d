#!/usr/bin/env bash
# `java -jar target/linkdesk.jar presign` end to end, as a user runs the jar: the quick path (with the manifest's
# Add-Exports for cli.QuickUrlHandlers) prints a signed URL and the link is in the history afterwards. Run by .ci/run
# after `mvn verify` (which builds the jar); JAVA_HOME picks the JDK. Usage: jar-quick-presign.sh [JAR]
set -euo pipefail
jar=$(realpath "${1:-target/linkdesk.jar}")
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LINKDESK_HOME="$work/data" AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
    AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY AWS_REGION=eu-central-1
unset AWS_PROFILE LINKDESK_DEBUG LINKDESK_DATABASE || true
printf 'jar quick presign check\n' | "$java" -jar "$jar" init --password-stdin > /dev/null
for key in "reports/q3 budget.pdf" "photos/été.jpg"; do
  url=$("$java" -jar "$jar" presign "s3://ci-bucket/$key")
  case "$url" in
    https://ci-bucket.s3.eu-central-1.amazonaws.com/*X-Amz-Signature=*) ;;
    *) echo "jar-quick-presign: unexpected output for $key: $url" >&2; exit 1 ;;
  esac
done
# The quick path records into the journal (taken into the database by the next full command); the full path never
# writes it. An empty or missing journal here means the quick path declined.
if [ ! -s "$LINKDESK_HOME/linkdesk.journal" ]; then
  echo "jar-quick-presign: the quick path did not run (no journal in $LINKDESK_HOME)" >&2
  exit 1
fi
history=$("$java" -jar "$jar" history --json)
for key in "reports/q3 budget.pdf" "photos/été.jpg"; do
  if ! grep -qF "\"$key\"" <<< "$history"; then
    echo "jar-quick-presign: $key is not in the history" >&2
    exit 1
  fi
done
echo "jar-quick-presign: 2 links printed by java -jar presign, both in the history ($("$java" -version 2>&1 | head -1))"
