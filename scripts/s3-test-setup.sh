#!/usr/bin/env bash
# Prepare a local S3-compatible server for the storage tests: the `moto` server from PyPI.
#
# Idempotent: installs `moto[server]` with pip if `moto_server` is missing, starts it on
# 127.0.0.1:$PORT (default 5000) in the background unless something already answers there as
# an S3 server, waits until it is ready, and creates the bucket `impact-test` (moto accepts any
# credentials). Tests keep each app's files under a fresh key prefix of that bucket.
#
# Progress goes to stderr; the last line on stdout is the URL (endpoint then bucket), e.g.
#   export IMPACT_TEST_S3_URL="$(scripts/s3-test-setup.sh | tail -n1)"
set -euo pipefail

PORT="${IMPACT_S3_TEST_PORT:-5000}"
BUCKET=impact-test
ENDPOINT="http://127.0.0.1:$PORT"
LOG="${TMPDIR:-/tmp}/impact-moto-$PORT.log"

log() { printf '[s3-test-setup] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

answers() {
    # An S3 server lists its buckets (XML) at its root.
    curl -s --max-time 2 "$ENDPOINT/" 2>/dev/null | grep -q "ListAllMyBucketsResult"
}

# --- 1. install ---------------------------------------------------------------
if ! command -v moto_server >/dev/null 2>&1; then
    log "moto_server not found; installing moto[server] with pip"
    python3 -m pip install --quiet 'moto[server]' >&2
    hash -r
    command -v moto_server >/dev/null 2>&1 || die "moto_server still not on PATH after pip install"
fi

# --- 2. start -------------------------------------------------------------------
if answers; then
    log "an S3 server already answers on $ENDPOINT"
else
    log "starting moto_server on $ENDPOINT (log: $LOG)"
    nohup moto_server -H 127.0.0.1 -p "$PORT" >"$LOG" 2>&1 &
    # --- 3. wait until ready (bounded, ~30 s) -----------------------------------
    ready=0
    for _ in $(seq 1 60); do
        if answers; then
            ready=1
            break
        fi
        sleep 0.5
    done
    [ "$ready" -eq 1 ] || die "moto_server did not answer on $ENDPOINT within 30 s (see $LOG)"
fi

# --- 4. bucket ------------------------------------------------------------------
status="$(curl -s -o /dev/null -w '%{http_code}' -X PUT "$ENDPOINT/$BUCKET")"
case "$status" in
    200|409) log "bucket $BUCKET ready" ;;
    *) die "creating bucket $BUCKET answered HTTP $status" ;;
esac

echo "$ENDPOINT/$BUCKET"
