#!/usr/bin/env bash
# shellcheck disable=SC2016
# (the checks pass values to "bash -c '...'" as positional arguments, unexpanded on purpose)
# Proves ops/nginx/kila.conf does what its comments say, on this machine's loopback only: nginx runs the
# file (addresses, ports and certificate swapped for local ones) in front of two small fake gateways,
# and curl checks the redirect, forwarded headers, body limits, /metrics access, failover, timeouts
# and the log redaction. Needs nginx, openssl, curl and python3; runs as any user, touches no system file.
# Usage: ops/nginx/test-nginx.sh        Prints "nginx: N passed, M failed"; exits 1 if M > 0.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
    if [[ -f "$work/nginx.pid" ]]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

for tool in nginx openssl curl python3; do
    command -v "$tool" >/dev/null || { echo "test-nginx: $tool is not installed" >&2; exit 2; }
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http_port=$(free_port); https_port=$(free_port); gw1_port=$(free_port); gw2_port=$(free_port)
monitor=127.0.0.3   # stands for the monitoring host; every other request comes from 127.0.0.1

# A fake gateway: answers every request with what it received, as JSON. /ussd/slow never answers in time.
cat > "$work/fake_gateway.py" <<'PY'
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
name, port = sys.argv[1], int(sys.argv[2])
class Echo(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def handle_one(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path == "/ussd/slow":
            time.sleep(12)
        out = json.dumps({"instance": name, "path": self.path, "method": self.command, "bytes": len(body),
                          "xff": self.headers.get("X-Forwarded-For"), "proto": self.headers.get("X-Forwarded-Proto"),
                          "xhost": self.headers.get("X-Forwarded-Host"), "host": self.headers.get("Host"),
                          "rid": self.headers.get("X-Request-Id")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)
    do_GET = do_POST = handle_one
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", port), Echo).serve_forever()
PY
python3 "$work/fake_gateway.py" gw1 "$gw1_port" & pids+=($!)
python3 "$work/fake_gateway.py" gw2 "$gw2_port" & pids+=($!)

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=kila.example.org \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# The file under test, with only machine-specific values swapped.
sed -e "s#10.0.0.11:8080#127.0.0.1:$gw1_port#g" -e "s#10.0.0.12:8080#127.0.0.1:$gw2_port#g" \
    -e "s#listen 80;#listen 127.0.0.1:$http_port;#" -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" \
    -e '/listen \[::\]/d' \
    -e "s#/etc/letsencrypt/live/kila.example.org/fullchain.pem#$work/cert.pem#" \
    -e "s#/etc/letsencrypt/live/kila.example.org/privkey.pem#$work/key.pem#" \
    -e "s#/var/log/nginx/#$work/#g" -e "s#192.0.2.10#$monitor#" \
    "$here/kila.conf" > "$work/kila.conf"
mkdir -p "$work/tmp"
# Started by root, nginx would run its workers as "nobody", who cannot write the private temp dir.
run_as=""; [[ $EUID -eq 0 ]] && run_as="user root;"
cat > "$work/nginx.conf" <<CONF
$run_as
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 256; }
http {
    client_body_temp_path $work/tmp/body;
    proxy_temp_path $work/tmp/proxy;
    fastcgi_temp_path $work/tmp/fastcgi;
    uwsgi_temp_path $work/tmp/uwsgi;
    scgi_temp_path $work/tmp/scgi;
    include $work/kila.conf;
}
CONF

passed=0; failed=0
check() {   # check "what a user would see" <command...>: passes when the command succeeds
    local label=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok   $label"
    else failed=$((failed + 1)); echo "FAIL $label"; fi
}

check "nginx -t accepts kila.conf" nginx -q -t -p "$work" -c "$work/nginx.conf" -e "$work/error.log"
nginx -p "$work" -c "$work/nginx.conf" -e "$work/error.log"
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$http_port/" && break; sleep 0.1; done

base="https://kila.example.org:$https_port"
c() { curl -sk --max-time 20 --resolve "kila.example.org:$https_port:127.0.0.1" "$@"; }
status() { c -o /dev/null -w '%{http_code}' "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }
blob() { head -c "$1" /dev/zero | tr '\0' 'a'; }

loc=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Host: kila.example.org' "http://127.0.0.1:$http_port/ussd/hubtel?x=1")
check "plain HTTP redirects to the HTTPS URL (got: $loc)" test "$loc" = "301 https://kila.example.org/ussd/hubtel?x=1"

reply=$(c -H 'X-Forwarded-For: 6.6.6.6' --data 'sessionId=1&text=' "$base/ussd/africastalking")
check "a USSD webhook reaches a gateway" test "$(json "['path']" <<<"$reply")" = "/ussd/africastalking"
check "X-Forwarded-For is the client's address, not a forged one" test "$(json "['xff']" <<<"$reply")" = "127.0.0.1"
check "X-Forwarded-Proto is https" test "$(json "['proto']" <<<"$reply")" = "https"
check "X-Forwarded-Host is the public host" test "$(json "['xhost']" <<<"$reply")" = "kila.example.org"
check "X-Request-Id is passed on" test -n "$(json "['rid']" <<<"$reply")"

check "a 15 KB webhook is accepted" test "$(blob 15000 | status --data-binary @- "$base/sms/twilio")" = 200
check "a 20 KB webhook is refused with 413" test "$(blob 20000 | status --data-binary @- "$base/ussd/hubtel")" = 413
check "a 4 MB upload to /api/ is accepted" test "$(blob 4000000 | status --data-binary @- "$base/api/surveys")" = 200
check "a 6 MB upload to /api/ is refused with 413" test "$(blob 6000000 | status --data-binary @- "$base/api/surveys")" = 413

check "/metrics/gw1 from the monitoring host reaches instance 1" \
    test "$(c --interface "$monitor" "$base/metrics/gw1" | json "['instance'] + d['path']")" = "gw1/metrics"
check "/metrics/gw2 from the monitoring host reaches instance 2" \
    test "$(c --interface "$monitor" "$base/metrics/gw2" | json "['instance'] + d['path']")" = "gw2/metrics"
check "/metrics/gw1 from anywhere else is 403" test "$(status "$base/metrics/gw1")" = 403
check "/metrics through the balancer is 404 even for the monitoring host" \
    test "$(status --interface "$monitor" "$base/metrics")" = 404
check "/health is public" test "$(status "$base/health")" = 200
check "an unknown path is 404" test "$(status "$base/etc/passwd")" = 404
check "/ leads to the admin page" test "$(c -o /dev/null -w '%{redirect_url}' "$base/")" = "$base/admin/"

seen=""
for _ in 1 2 3 4 5 6; do seen+=$(c --data x "$base/ussd/hubtel" | json "['instance']")" "; done
check "hops are spread over both instances ($seen)" bash -c '[[ "$1" == *gw1* && "$1" == *gw2* ]]' _ "$seen"

c --data x "$base/sms/africastalking/s3cr3t-path/delivery" >/dev/null
sleep 0.2
check "the Africa's Talking path secret is not in the access log" bash -c '! grep -q s3cr3t "$1"' _ "$work/kila.access.log"
check "the access log shows the redacted path" grep -q '/sms/africastalking/<secret>/delivery' "$work/kila.access.log"

start=$(date +%s)
slow=$(status --data x "$base/ussd/slow")
took=$(( $(date +%s) - start ))
check "a wedged gateway gets 504 after about 8 s, before the aggregator's 10 s (got $slow in ${took}s)" \
    bash -c '[[ $1 == 504 && $2 -le 9 ]]' _ "$slow" "$took"

kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
all_ok=yes
for _ in 1 2 3 4 5 6; do [[ $(status --data x "$base/ussd/hubtel") == 200 ]] || all_ok=no; done
check "with instance 2 stopped, every hop is still answered by instance 1" test "$all_ok" = yes

if [[ $failed -gt 0 ]]; then echo "--- nginx error log:"; cat "$work/kila.error.log" "$work/error.log" 2>/dev/null || true; fi
echo "nginx: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
