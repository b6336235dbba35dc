#!/usr/bin/env bash
# Lighthouse scores of the landing page (performance, accessibility, best practices, SEO), on
# desktop and mobile, against a release build serving the demo data on 127.0.0.1.
# Needs `npm install -g lighthouse` and Chromium (CHROME_PATH, default /usr/bin/chromium).
# Prints the four scores per form factor; exits non-zero when one is below 95.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18181}"
URL="http://127.0.0.1:$PORT/"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
command -v lighthouse >/dev/null || { echo "lighthouse: npm install -g lighthouse" >&2; exit 1; }

TMP="$(mktemp -d)"
SERVE_PID=""
cleanup() {
    if [ -n "$SERVE_PID" ] && kill -0 "$SERVE_PID" 2>/dev/null; then
        kill "$SERVE_PID" 2>/dev/null || true
        wait "$SERVE_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

cargo build --release -p cli --bin impact-studio
IMPACT_OUTBOX_DIR="$TMP/outbox" IMPACT_FILES_DIR="$TMP/files" \
    target/release/impact-studio serve --demo --addr "127.0.0.1:$PORT" \
    --database-url "sqlite://$TMP/site.db" >"$TMP/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -fsS "$URL" >/dev/null || { cat "$TMP/serve.log" >&2; exit 1; }

status=0
for form in desktop mobile; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    lighthouse "$URL" "${preset[@]}" --quiet \
        --chrome-flags="--headless --no-sandbox --disable-dev-shm-usage" \
        --only-categories=performance,accessibility,best-practices,seo \
        --output=json --output-path="$TMP/$form.json" >/dev/null 2>&1 || true
    [ -s "$TMP/$form.json" ] || { echo "$form: lighthouse produced no report" >&2; status=1; continue; }
    node -e '
      const r = require(process.argv[1]);
      const out = Object.values(r.categories).map(c => `${c.title} ${Math.round(c.score * 100)}`);
      console.log(process.argv[2] + ": " + out.join(", "));
      const low = Object.values(r.categories).filter(c => c.score < 0.95);
      for (const c of low) {
        for (const ref of c.auditRefs) {
          const a = r.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1) console.log("  - " + a.id + ": " + a.title + (a.displayValue ? " (" + a.displayValue + ")" : ""));
        }
      }
      process.exit(low.length ? 2 : 0);
    ' "$TMP/$form.json" "$form" || status=1
done
exit $status
