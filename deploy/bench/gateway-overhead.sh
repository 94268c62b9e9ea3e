#!/usr/bin/env bash
# What the gateway costs: the same authenticated GET through the gateway (:8080) and directly against the service,
# with wrk (Debian package `wrk`). Start the stack so that the per-client rate limit does not throttle the run:
#   GATEWAY_RATE_LIMIT=1000000 deploy/stack up && deploy/bench/gateway-overhead.sh
# Two figures each way: throughput with CONNECTIONS (16) callers, which saturates these two cores (gateway and service
# then compete for them, so the ratio shows what the gateway's CPU costs), and p50/p99 latency with one caller at a
# time, which shows what the extra hop adds to a request without queueing in front of it.
set -euo pipefail
duration=${DURATION:-20s}
connections=${CONNECTIONS:-16}
path=${BENCH_PATH:-/api/filings}
direct=${DIRECT_URL:-http://localhost:8082}
user=${BENCH_USER:-inst-elderly}
service=${BENCH_SERVICE:-filing-service}

token=$(curl -sf -d grant_type=password -d client_id=care-cli -d "username=$user" -d password=demo \
  http://localhost:8180/realms/care/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

run() { # url connections → "requests/s p50_ms p99_ms"
  local threads=$(( $2 < 2 ? 1 : 2 ))
  wrk -t$threads -c"$2" -d5s -H "Authorization: Bearer $token" "$1$path" > /dev/null # warm-up
  wrk -t$threads -c"$2" -d"$duration" --latency -H "Authorization: Bearer $token" "$1$path" | python3 -c '
import re, sys
out = sys.stdin.read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)); p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
if errors: sys.exit("non-2xx answers: " + errors.group(1) + " (is the rate limit raised?)")
print(f"{rps:.0f} {p50:.3f} {p99:.3f}")'
}

cpu_ms() { # CPU time (user + system) a service's JVM has used so far, in ms
  awk '{print ($14 + $15) * 10}' /proc/"$(pgrep -f "$1/target/quarkus-app/quarkus-run.jar" | head -1)"/stat
}

read -r d_rps _ _ <<< "$(run "$direct" "$connections")"
g0=$(cpu_ms gateway); s0=$(cpu_ms "$service"); t0=$(date +%s.%N)
read -r g_rps _ _ <<< "$(run http://localhost:8080 "$connections")"
g1=$(cpu_ms gateway); s1=$(cpu_ms "$service"); t1=$(date +%s.%N)
read -r _ d_p50 d_p99 <<< "$(run "$direct" 1)"
read -r _ g_p50 g_p99 <<< "$(run http://localhost:8080 1)"
python3 - "$connections" "$d_rps" "$d_p50" "$d_p99" "$g_rps" "$g_p50" "$g_p99" \
  "$((g1 - g0))" "$((s1 - s0))" "$t0" "$t1" <<'PY'
import sys
c = sys.argv[1]
d_rps, d_p50, d_p99, g_rps, g_p50, g_p99, g_cpu, s_cpu, t0, t1 = map(float, sys.argv[2:])
requests = g_rps * (t1 - t0)  # warm-up included, at the measured rate
print(f"CPU per request through the gateway: gateway {g_cpu / requests:.3f} ms, service {s_cpu / requests:.3f} ms")
print(f"throughput ({c} connections): direct {d_rps:.0f} req/s, gateway {g_rps:.0f} req/s = {100 * g_rps / d_rps:.0f}% of direct")
print(f"latency (1 connection): direct p50 {d_p50:.2f} ms p99 {d_p99:.2f} ms; gateway p50 {g_p50:.2f} ms p99 {g_p99:.2f} ms")
print(f"the gateway adds {g_p50 - d_p50:.2f} ms at p50")
PY
