#!/usr/bin/env bash
# Memory under a sign-in flood: 32 concurrent clients post wrong passwords to /login on a
# release `impact-studio serve --demo`, then the server's peak RSS (VmHWM) is printed.
#
# Worst case by default: the server trusts X-Forwarded-For and every attempt comes from its own
# address for an unknown e-mail, so no rate limit answers first and every attempt costs an
# argon2 check (19 MiB); only the process-wide hashing bound keeps memory flat.
# `SAME_ADDRESS=1` sends everything from one address instead (the limiter answers 429 early).
#
# Usage: scripts/login-flood.sh [CLIENTS=32] [ATTEMPTS_PER_CLIENT=20]
# Uses $CARGO_TARGET_DIR (default target/). Only talks to 127.0.0.1; stops the server on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${1:-32}
ATTEMPTS=${2:-20}
HOST=127.0.0.1
PORT=${PORT:-18180}
URL="http://$HOST:$PORT"
TARGET=${CARGO_TARGET_DIR:-target}
BIN="$TARGET/release/impact-studio"

die() { printf 'login-flood: error: %s\n' "$*" >&2; exit 1; }

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

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release -p cli --bin impact-studio
fi
[ -x "$BIN" ] || die "$BIN not found"
if curl -s -o /dev/null --max-time 2 "$URL/healthz"; then
    die "something already listens on $URL"
fi

IMPACT_LOG=warn IMPACT_TRUST_PROXY=true "$BIN" serve --demo --addr "$HOST:$PORT" \
    --database-url "sqlite://$TMP/flood.db" >"$TMP/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 240); do
    kill -0 "$SERVE_PID" 2>/dev/null || { cat "$TMP/serve.log" >&2; die "server exited"; }
    curl -sf -o /dev/null --max-time 2 "$URL/healthz" && break
    sleep 0.5
done
curl -sf -o /dev/null "$URL/healthz" || die "server did not start"

rss() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVE_PID/status"; }
echo "idle: VmRSS $(rss VmRSS) kB, VmHWM $(rss VmHWM) kB"

# One client: its own cookie jar and CSRF token, then ATTEMPTS sign-ins in a row.
client() {
    local n=$1 jar="$TMP/jar.$1" token status forwarded
    curl -s -o /dev/null -c "$jar" "$URL/login"
    token=$(awk '$6 == "csrf" { print $7 }' "$jar")
    for a in $(seq 1 "$ATTEMPTS"); do
        if [ "${SAME_ADDRESS:-0}" = 1 ]; then
            forwarded=10.0.0.1
        else
            forwarded="10.$((n / 250)).$((n % 250)).$((a % 250 + 1))"
        fi
        status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" \
            -H "X-Forwarded-For: $forwarded" \
            --data-urlencode "email=flood$n-$a@example.test" \
            --data-urlencode "password=wrong password $a" \
            --data-urlencode "_csrf=$token" "$URL/login")
        echo "$status" >>"$TMP/status.$n"
    done
}

started=$(date +%s.%N)
for n in $(seq 1 "$CLIENTS"); do client "$n" & done
wait $(jobs -p | grep -v "^$SERVE_PID\$") 2>/dev/null || true
elapsed=$(echo "$(date +%s.%N) - $started" | bc)

echo "$CLIENTS clients x $ATTEMPTS sign-ins in ${elapsed}s; answers:"
cat "$TMP"/status.* | sort | uniq -c | sed 's/^/  /'
curl -s "$URL/metrics" | grep '^impact_password_hash' | sed 's/^/  /'
echo "peak RSS (VmHWM): $(rss VmHWM) kB; now (VmRSS): $(rss VmRSS) kB"
