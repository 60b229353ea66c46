#!/usr/bin/env bash
# Runs the Java snippet of one upstream report against the library jars it names, e.g.
#   bash reports/upstream/run-snippet.sh reports/upstream/neuroph-1.md
#   bash reports/upstream/run-snippet.sh reports/upstream/tensorflow-java-1.md tensorflow
# The first ```java block of the report is saved under its public class name and started with the JDK's
# single-file source launcher (java File.java), with the test classpath of initcheck-cli under the given Maven
# profile (none, dl4j, tensorflow, djl or gpl). Extra JVM options can be given in SNIPPET_JAVA_OPTS.
set -euo pipefail
report=$1
profile=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 143' TERM INT
awk '/^```java$/{on=1; next} /^```$/{if(on){exit}} on' "$report" > "$work/snippet.java"
class=$(grep -m1 -o 'public class [A-Za-z0-9_]*' "$work/snippet.java" | awk '{print $3}')
mv "$work/snippet.java" "$work/$class.java"
(cd "$root" && mvn -q ${profile:+-P$profile} -pl initcheck-cli dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null)
java ${SNIPPET_JAVA_OPTS:-} -cp "$(cat "$work/cp.txt")" "$work/$class.java" &
pid=$!
status=0
wait "$pid" || status=$?
pid=
exit "$status"
