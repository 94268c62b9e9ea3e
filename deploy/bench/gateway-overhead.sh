#!/usr/bin/env bash
# What the gateway costs: the same authenticated GET through the gateway (:8080) and directly against the service,
# with wrk (Debian package `wrk`). Start the stack so that the per-client rate limit does not throttle the run:
#   GATEWAY_RATE_LIMIT=1000000 deploy/stack up && deploy/bench/gateway-overhead.sh
# Prints requests/s and p50/p99 for both, the throughput ratio and the p50 the gateway adds.
set -euo pipefail
duration=${DURATION:-20s}
connections=${CONNECTIONS:-16}
path=${BENCH_PATH:-/api/filings}
direct=${DIRECT_URL:-http://localhost:8082}
user=${BENCH_USER:-inst-elderly}

token=$(curl -sf -d grant_type=password -d client_id=care-cli -d "username=$user" -d password=demo \
  http://localhost:8180/realms/care/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

run() { # url → "requests/s p50_ms p99_ms"
  wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $token" "$1$path" > /dev/null # warm-up
  wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$1$path" | python3 -c '
import re, sys
out = sys.stdin.read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"50%\s+(\S+)", out).group(1)); p99 = ms(re.search(r"99%\s+(\S+)", out).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
if errors: sys.exit("non-2xx answers: " + errors.group(1) + " (is the rate limit raised?)")
print(f"{rps:.0f} {p50:.3f} {p99:.3f}")'
}

read -r d_rps d_p50 d_p99 <<< "$(run "$direct")"
read -r g_rps g_p50 g_p99 <<< "$(run http://localhost:8080)"
python3 - "$d_rps" "$d_p50" "$d_p99" "$g_rps" "$g_p50" "$g_p99" <<'PY'
import sys
d_rps, d_p50, d_p99, g_rps, g_p50, g_p99 = map(float, sys.argv[1:])
print(f"direct : {d_rps:8.0f} req/s  p50 {d_p50:6.2f} ms  p99 {d_p99:6.2f} ms")
print(f"gateway: {g_rps:8.0f} req/s  p50 {g_p50:6.2f} ms  p99 {g_p99:6.2f} ms")
print(f"gateway throughput = {100 * g_rps / d_rps:.0f}% of direct; added p50 = {g_p50 - d_p50:.2f} ms")
PY
