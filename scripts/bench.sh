#!/usr/bin/env bash
# Local performance check for impact-studio against an axum hello-world baseline.
#
# Builds release binaries, starts `impact-studio serve --demo` (SQLite in a temp
# dir) and the hello_world example on 127.0.0.1, then measures throughput and
# latency with wrk, idle RSS, 1,000 idle connections, and the binary size.
# Only talks to 127.0.0.1. Both servers are stopped and the temp dir removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=127.0.0.1
SERVE_PORT=18080
HELLO_PORT=18090
SERVE_URL="http://$HOST:$SERVE_PORT"
HELLO_URL="http://$HOST:$HELLO_PORT"
DEMO_EMAIL=participant@demo.local
DEMO_PASSWORD=impact-demo
WRK_ARGS=(-t2 -c64 -d10s --latency)
IDLE_CONNS=1000

section() { printf '\n==> %s\n' "$*"; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

TMP="$(mktemp -d)"
SERVE_PID=""
HELLO_PID=""

cleanup() {
    local pid
    for pid in "$SERVE_PID" "$HELLO_PID"; do
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
        fi
    done
    for pid in "$SERVE_PID" "$HELLO_PID"; do
        [ -n "$pid" ] || continue
        for _ in $(seq 1 20); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.25
        done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------
section "Build (release)"
cargo build --release -p cli --bin impact-studio --example hello_world
SERVE_BIN=target/release/impact-studio
HELLO_BIN=target/release/examples/hello_world
[ -x "$SERVE_BIN" ] || die "$SERVE_BIN not found after build"
[ -x "$HELLO_BIN" ] || die "$HELLO_BIN not found after build"

section "Tools"
if ! command -v wrk >/dev/null 2>&1; then
    echo "installing wrk"
    if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; then
        "${SUDO[@]}" apt-get update
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk
    fi
fi
for tool in curl python3 wrk; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done
echo "wrk: $(command -v wrk)"

# Raise the fd limit before starting the servers so they inherit it too.
if ! ulimit -n 4096 2>/dev/null; then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
echo "open files limit: $(ulimit -n)"

# ---------------------------------------------------------------------------
section "Start servers"
for port in "$SERVE_PORT" "$HELLO_PORT"; do
    if curl -s -o /dev/null --max-time 2 "http://$HOST:$port/"; then
        die "something is already listening on $HOST:$port"
    fi
done

IMPACT_LOG=warn "$SERVE_BIN" serve --demo --addr "$HOST:$SERVE_PORT" \
    --database-url "sqlite://$TMP/bench.db" >"$TMP/serve.log" 2>&1 &
SERVE_PID=$!
"$HELLO_BIN" "$HOST:$HELLO_PORT" >"$TMP/hello.log" 2>&1 &
HELLO_PID=$!

# wait_http NAME PID URL: bounded wait (~60 s) for a 2xx answer.
wait_http() {
    local name=$1 pid=$2 url=$3
    for _ in $(seq 1 120); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "--- $name log ---" >&2
            cat "$TMP/$name.log" >&2 || true
            die "$name exited during startup"
        fi
        if curl -sf -o /dev/null --max-time 2 "$url"; then
            echo "$name is up ($url)"
            return 0
        fi
        sleep 0.5
    done
    echo "--- $name log ---" >&2
    cat "$TMP/$name.log" >&2 || true
    die "$name did not answer $url within 60 s"
}
wait_http serve "$SERVE_PID" "$SERVE_URL/healthz"
wait_http hello "$HELLO_PID" "$HELLO_URL/"

# ---------------------------------------------------------------------------
section "Idle RSS"
sleep 2
rss_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVE_PID/status")"
[ -n "$rss_kb" ] || die "could not read VmRSS of pid $SERVE_PID"
RSS_MB="$(awk -v kb="$rss_kb" 'BEGIN { printf "%.1f", kb / 1024 }')"
echo "impact-studio idle RSS: $RSS_MB MB"

# ---------------------------------------------------------------------------
section "Sign in as $DEMO_EMAIL"
JAR="$TMP/cookies.txt"
curl -sS --max-time 10 -c "$JAR" -b "$JAR" -D "$TMP/login-get.headers" \
    -o "$TMP/login.html" "$SERVE_URL/login"

CSRF_TOKEN="$(grep -oE 'name="_csrf"[^>]*value="[^"]*"' "$TMP/login.html" | head -n1 | sed -E 's/.*value="([^"]*)"/\1/' || true)"
if [ -z "$CSRF_TOKEN" ]; then
    CSRF_TOKEN="$(grep -oE 'value="[^"]*"[^>]*name="_csrf"' "$TMP/login.html" | head -n1 | sed -E 's/^value="([^"]*)".*/\1/' || true)"
fi
[ -n "$CSRF_TOKEN" ] || die "no _csrf hidden input found on $SERVE_URL/login"

# jar_cookie NAME...: print "name=value" of the first cookie found in the jar.
# curl writes HttpOnly cookies with a "#HttpOnly_" prefix, so those lines are kept.
jar_cookie() {
    local name
    for name in "$@"; do
        awk -F'\t' -v n="$name" '
            /^#HttpOnly_/ { sub(/^#HttpOnly_/, "") }
            /^#/ || NF < 7 { next }
            $6 == n { print $6 "=" $7; exit }
        ' "$JAR" 2>/dev/null | grep . && return 0
    done
    return 1
}
# header_cookie FILE NAME...: same, from Set-Cookie response headers (fallback for
# cookies curl refuses to store, e.g. Secure/__Host- cookies over plain http).
header_cookie() {
    local file=$1 name
    shift
    for name in "$@"; do
        awk -v n="$name" '
            { sub(/\r$/, "") }
            tolower(substr($0, 1, 11)) == "set-cookie:" {
                v = substr($0, 12); sub(/^[ \t]+/, "", v); sub(/;.*/, "", v)
                if (index(v, n "=") == 1 && length(v) > length(n) + 1) { print v; exit }
            }
        ' "$file" 2>/dev/null | grep . && return 0
    done
    return 1
}

login_args=(-sS --max-time 10 -o "$TMP/login-post.html" -w '%{http_code}'
    -c "$JAR" -b "$JAR" -D "$TMP/login-post.headers"
    --data-urlencode "email=$DEMO_EMAIL"
    --data-urlencode "password=$DEMO_PASSWORD"
    --data-urlencode "_csrf=$CSRF_TOKEN")
if ! jar_cookie csrf __Host-csrf >/dev/null; then
    csrf_cookie="$(header_cookie "$TMP/login-get.headers" csrf __Host-csrf || true)"
    [ -n "$csrf_cookie" ] || die "GET /login did not set a csrf cookie"
    login_args+=(-H "Cookie: $csrf_cookie")
fi
login_status="$(curl "${login_args[@]}" "$SERVE_URL/login")"
echo "POST /login -> HTTP $login_status"

SESSION_COOKIE="$(jar_cookie session __Host-session || header_cookie "$TMP/login-post.headers" session __Host-session || true)"
[ -n "$SESSION_COOKIE" ] || die "login did not set a session cookie (HTTP $login_status)"
echo "session cookie: ${SESSION_COOKIE%%=*}"

dash_status="$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' -H "Cookie: $SESSION_COOKIE" "$SERVE_URL/dashboard")"
[ "$dash_status" = "200" ] || die "GET /dashboard with the session cookie returned HTTP $dash_status (expected 200)"
echo "GET /dashboard -> HTTP 200"

# ---------------------------------------------------------------------------
# to_ms VALUE: convert a wrk latency (e.g. 812.00us, 1.23ms, 1.02s, 2.00m) to ms.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.2f", n
    }'
}

# run_wrk KEY URL [wrk args...]: runs wrk, sets RPS_<KEY>, P50_<KEY>, P99_<KEY> (ms).
RPS_hello="" P50_hello="" P99_hello=""
RPS_signin="" P50_signin="" P99_signin=""
RPS_dashboard="" P50_dashboard="" P99_dashboard=""
run_wrk() {
    local key=$1 url=$2 out rps p50 p99 errs
    shift 2
    out="$TMP/wrk-$key.txt"
    wrk "${WRK_ARGS[@]}" "$@" "$url" | tee "$out"
    rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
    p50="$(awk '$1 == "50%" { print $2; exit }' "$out")"
    p99="$(awk '$1 == "99%" { print $2; exit }' "$out")"
    if [ -z "$rps" ] || [ -z "$p50" ] || [ -z "$p99" ]; then
        die "could not parse wrk output for $key"
    fi
    errs="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")"
    if [ -n "$errs" ]; then
        echo "WARNING: $key: $errs non-2xx/3xx responses" >&2
    fi
    printf -v "RPS_$key" '%s' "$rps"
    printf -v "P50_$key" '%s' "$(to_ms "$p50")"
    printf -v "P99_$key" '%s' "$(to_ms "$p99")"
}

section "wrk: hello-world GET /"
run_wrk hello "$HELLO_URL/"
section "wrk: sign-in page GET /login"
run_wrk signin "$SERVE_URL/login"
section "wrk: dashboard GET /dashboard (signed in)"
run_wrk dashboard "$SERVE_URL/dashboard" -H "Cookie: $SESSION_COOKIE"

# ---------------------------------------------------------------------------
section "$IDLE_CONNS idle connections"
IDLE_RESULT="$(python3 - "$HOST" "$SERVE_PORT" "$IDLE_CONNS" <<'PY'
import socket
import subprocess
import sys
import time

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
socks = []
failed = 0
deadline = time.monotonic() + 30
for _ in range(count):
    if time.monotonic() > deadline:
        failed += 1
        continue
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(5)
    try:
        s.connect((host, port))
        s.setblocking(False)
        socks.append(s)
    except OSError:
        failed += 1
        s.close()

opened = len(socks)
time.sleep(5)

healthz = subprocess.run(
    ["curl", "-sf", "-o", "/dev/null", "--max-time", "5", f"http://{host}:{port}/healthz"],
    check=False,
).returncode == 0

still_open = 0
for s in socks:
    try:
        data = s.recv(1, socket.MSG_PEEK)
        # b"" means the server closed the connection; any data also means it
        # did not just hold the idle connection (e.g. an error response).
        if data == b"":
            continue
    except BlockingIOError:
        still_open += 1
    except OSError:
        pass

for s in socks:
    s.close()

print(f"opened={opened} failed={failed} held={still_open} healthz={'ok' if healthz else 'FAIL'}")
PY
)"
echo "$IDLE_RESULT"
IDLE_HELD="$(sed -nE 's/.*held=([0-9]+).*/\1/p' <<<"$IDLE_RESULT")"
IDLE_HEALTHZ="$(sed -nE 's/.*healthz=([A-Za-z]+).*/\1/p' <<<"$IDLE_RESULT")"
[ -n "$IDLE_HELD" ] || die "could not parse idle connection result"
kill -0 "$SERVE_PID" 2>/dev/null || die "impact-studio died during the idle connection test"

# ---------------------------------------------------------------------------
section "Binary size"
bin_bytes="$(stat -c %s "$SERVE_BIN")"
BIN_MB="$(awk -v b="$bin_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')"
echo "$SERVE_BIN: $BIN_MB MB"

# ---------------------------------------------------------------------------
# check EXPR: prints "ok" or "MISS" for an awk boolean expression.
ALL_OK=1
check() {
    if awk "BEGIN { exit !($1) }"; then
        echo ok
    else
        echo MISS
    fi
}
note() { [ "$1" = ok ] || ALL_OK=0; }

DASH_PCT="$(awk -v d="$RPS_dashboard" -v h="$RPS_hello" 'BEGIN { printf "%.1f", (h > 0 ? 100 * d / h : 0) }')"
c_pct="$(check "$DASH_PCT >= 25")"; note "$c_pct"
c_p99_signin="$(check "$P99_signin < 20")"; note "$c_p99_signin"
c_p99_dash="$(check "$P99_dashboard < 20")"; note "$c_p99_dash"
c_rss="$(check "$RSS_MB < 60")"; note "$c_rss"
c_bin="$(check "$BIN_MB < 80")"; note "$c_bin"
if [ "$IDLE_HELD" -ge "$IDLE_CONNS" ] && [ "$IDLE_HEALTHZ" = ok ]; then c_idle=ok; else c_idle=MISS; fi
note "$c_idle"

section "Summary (wrk ${WRK_ARGS[*]})"
printf '%-12s %12s %10s %10s\n' "endpoint" "req/s" "p50 ms" "p99 ms"
printf '%-12s %12s %10s %10s\n' "hello-world" "$RPS_hello" "$P50_hello" "$P99_hello"
printf '%-12s %12s %10s %10s   p99 target < 20 ms: %s\n' "sign-in" "$RPS_signin" "$P50_signin" "$P99_signin" "$c_p99_signin"
printf '%-12s %12s %10s %10s   p99 target < 20 ms: %s\n' "dashboard" "$RPS_dashboard" "$P50_dashboard" "$P99_dashboard" "$c_p99_dash"
echo
printf '%-34s %14s   %-22s %s\n' "metric" "value" "target" "result"
printf '%-34s %14s   %-22s %s\n' "dashboard / hello-world req/s" "$DASH_PCT %" ">= 25 %" "$c_pct"
printf '%-34s %14s   %-22s %s\n' "idle RSS (impact-studio)" "$RSS_MB MB" "< 60 MB" "$c_rss"
printf '%-34s %14s   %-22s %s\n' "release binary size" "$BIN_MB MB" "< 80 MB" "$c_bin"
printf '%-34s %14s   %-22s %s\n' "idle connections held (+ /healthz)" "$IDLE_HELD ($IDLE_HEALTHZ)" ">= $IDLE_CONNS, healthz ok" "$c_idle"
echo
if [ "$ALL_OK" -eq 1 ]; then
    echo "All targets met."
else
    echo "Some targets missed (see MISS above)."
fi
