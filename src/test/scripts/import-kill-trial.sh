#!/bin/bash
# One kill trial of a history import (docs/RELIABILITY.md, "A kill inside H2's commit of a large import").
# Needs: mvn -o -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
# CSV = absolute path of a large export (e.g. 20 000 rows from ImportBench), SMALL = a small one (absolute too),
# imported afterwards to show that writes work.
# $1 = kill when the import's second read of the CSV reaches this fraction of the file (then after $3 s, default 0)
# $2 = delay to kill the next open too ("-" = don't)
cd "$(dirname "$0")/../../.." && CP=target/classes:$(cat target/cp.txt)
CSV=${CSV:?set CSV}; SMALL=${SMALL:?set SMALL}
H2=~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar
d=${WORK:-/tmp/import-kill}/data; mkdir -p "$(dirname $d)"; rm -rf $d $d.c
q() { rm -rf $d.c; cp -r $d $d.c; timeout 120 java -cp $H2 org.h2.tools.Shell -url "jdbc:h2:file:$d.c/linkdesk;LOCK_TIMEOUT=5000" -user linkdesk -password "" -sql "SELECT (SELECT COUNT(*) FROM share) || ' rows, tally ' || (SELECT COALESCE(SUM(n),0) FROM share_tally) || ', pending ' || (SELECT COUNT(*) FROM import_pending) || ', paused ' || (SELECT COUNT(*) FROM paused_index); $1" 2>&1 | grep "rows," | sed 's/.*(SELECT//' | tr -d '\n'; echo " (shell rc=${PIPESTATUS[0]})"; }
java -Xmx256m -cp $CP org.linkdesk.cli.CliMain history import --data-dir $d "$CSV" > $d.out 2>&1 &
pid=$!
size=$(stat -c %s "$CSV"); at=$(python3 -c "print(int($size*$1))"); opens=0; last=""; k="finished ($(head -1 $d.out))"
while kill -0 $pid 2>/dev/null; do
  fd=$(ls -l /proc/$pid/fd 2>/dev/null | grep -F "$(basename "$CSV")" | awk '{print $9}' | head -1)
  if [ -n "$fd" ]; then
    pos=$(grep pos /proc/$pid/fdinfo/$fd 2>/dev/null | awk '{print $2}')
    if [ "$fd" != "$last" ] || { [ -n "$pos" ] && [ "$pos" -lt "${prev:-0}" ]; }; then opens=$((opens+1)); last=$fd; fi
    prev=${pos:-0}
    if [ "$opens" -ge 2 ] && [ -n "$pos" ] && [ "$pos" -ge "$at" ]; then sleep ${3:-0}; kill -9 $pid 2>/dev/null && k="killed at $pos of $size bytes (+${3:-0} s)"; break; fi
  else last=""; fi
  sleep 0.05
done
wait $pid 2>/dev/null
[[ "$k" == finished* ]] && k="finished ($(head -1 $d.out))"
echo "f=$1: $k; file as left: $(q "")"
if [ "$2" != "-" ]; then
  java -cp $CP org.linkdesk.cli.CliMain history --data-dir $d > /dev/null 2>&1 & p2=$!; sleep $2; kill -9 $p2 2>/dev/null && k2=killed || k2=finished; wait $p2 2>/dev/null
  echo "  next open killed at $2 s: $k2; left: $(q "")"
fi
timeout 120 java -cp $CP org.linkdesk.cli.CliMain history --data-dir $d > $d.h 2>&1; echo "  next open rc=$?; after it: $(q "SET AUTOCOMMIT OFF; UPDATE store_integrity SET commits = commits + 1 WHERE id = 1; ROLLBACK")"
echo "  then a 200-row import: $(timeout 120 java -cp $CP org.linkdesk.cli.CliMain history import --data-dir $d "$SMALL" 2>&1 | tail -1) rc=$?; $(q "")"
