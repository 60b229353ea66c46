#!/usr/bin/env bash
# Regenerates docs/screenshots/: the main job's report (`suite`) and the audit report of the GPT-2 fixture with planted
# bugs, as headless Chromium shows them at 1400, 800 and 420 px (JPEG, quality 70, the top 2500 px of each page),
# through the browser test's own check (browser-test/check-pages.mjs), whose verdict is printed.
# Needs JDK 17 + Maven, Node.js 20 and Debian's chromium (apt-get install -y chromium).
# Usage: scripts/screenshots.sh   (exit status: that of the check; the screenshots are written either way)
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mvn -q -DskipTests package
[ -d browser-test/node_modules/playwright-core ] \
    || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix browser-test --no-audit --no-fund --silent
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
java -jar target/initcheck.jar suite --out "$tmp/suite" >/dev/null 2>"$tmp/log" \
    || { cat "$tmp/log" >&2; echo "screenshots: the suite failed" >&2; exit 2; }
status=0
java -jar target/initcheck.jar audit src/test/resources/fixtures/audit/gpt2-buggy --preset hf \
    --report "$tmp/audit" >/dev/null 2>"$tmp/log" || status=$?
[ "$status" -eq 1 ] || { cat "$tmp/log" >&2; echo "screenshots: the buggy audit should exit 1, got $status" >&2; exit 2; }
rm -rf "$out"
mkdir -p "$out"
status=0
node browser-test/check-pages.mjs --out "$out" --format jpeg --quality 70 --max-height 2500 \
    "suite=$tmp/suite/index.html" "audit=$tmp/audit/index.html" || status=$?
rm -f "$out/summary.json" # it names the temporary directory; the verdict is printed above
du -ch "$out"/*.jpg | tail -1
exit "$status"
