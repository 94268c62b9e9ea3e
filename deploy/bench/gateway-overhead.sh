#!/usr/bin/env bash
# What the gateway costs: the same authenticated GET through the gateway (:8080) and directly against the service,
# with wrk (Debian package `wrk`). Start the stack so that the per-client rate limit does not throttle the run:
#   GATEWAY_RATE_LIMIT=1000000 deploy/stack up && deploy/bench/gateway-overhead.sh
# Three figures each way:
# - throughput with CONNECTIONS (16) callers on shared cores: this saturates the two cores, the gateway and the service
#   compete for them, so the ratio shows what the gateway's CPU costs;
# - the same with the cores split as a deployment splits machines: the service and PostgreSQL on core 0, the callers
#   and the gateway on core 1 (taskset), so the ratio shows whether the gateway holds the service back;
# - p50/p99 latency with one caller at a time: what the extra hop adds to a request without queueing in front of it.
set -euo pipefail
duration=${DURATION:-20s}
connections=${CONNECTIONS:-16}
path=${BENCH_PATH:-/api/filings}
direct=${DIRECT_URL:-http://localhost:8082}
gateway=${GATEWAY_URL:-http://localhost:8080}
user=${BENCH_USER:-inst-elderly}

token=$(curl -sf -d grant_type=password -d client_id=care-cli -d "username=$user" -d password=demo \
  http://localhost:8180/realms/care/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

all_cpus=0-$(( $(nproc) - 1 ))
callers_cpus=$all_cpus
run() { # url connections → "requests/s p50_ms p99_ms"
  local threads=$(( $2 < 2 ? 1 : 2 ))
  taskset -c $callers_cpus wrk -t$threads -c"$2" -d5s -H "Authorization: Bearer $token" "$1$path" > /dev/null # warm-up
  taskset -c $callers_cpus wrk -t$threads -c"$2" -d"$duration" --latency -H "Authorization: Bearer $token" "$1$path" | python3 -c '
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

listener() { # the process listening on a URL's port
  ss -Hltnp "sport = :${1##*:}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

cpu_ms() { # CPU time (user + system) a process has used so far, in ms
  awk '{print ($14 + $15) * 10}' /proc/"$1"/stat
}

gateway_pid=$(listener "$gateway"); service_pid=$(listener "$direct")
pin() { # cpus pids… (every thread of each)
  local cpus=$1; shift
  for pid in "$@"; do taskset -a -cp "$cpus" "$pid" > /dev/null; done
}
trap 'pin "$all_cpus" "$gateway_pid" "$service_pid" $(pgrep -x postgres)' EXIT

pin 0 "$service_pid" $(pgrep -x postgres); pin 1 "$gateway_pid"; callers_cpus=1
read -r ds_rps _ _ <<< "$(run "$direct" "$connections")"
read -r gs_rps _ _ <<< "$(run "$gateway" "$connections")"
pin "$all_cpus" "$gateway_pid" "$service_pid" $(pgrep -x postgres); callers_cpus=$all_cpus

read -r d_rps _ _ <<< "$(run "$direct" "$connections")"
g0=$(cpu_ms "$gateway_pid"); s0=$(cpu_ms "$service_pid"); t0=$(date +%s.%N)
read -r g_rps _ _ <<< "$(run "$gateway" "$connections")"
g1=$(cpu_ms "$gateway_pid"); s1=$(cpu_ms "$service_pid"); t1=$(date +%s.%N)
read -r _ d_p50 d_p99 <<< "$(run "$direct" 1)"
read -r _ g_p50 g_p99 <<< "$(run "$gateway" 1)"
python3 - "$connections" "$d_rps" "$d_p50" "$d_p99" "$g_rps" "$g_p50" "$g_p99" \
  "$((g1 - g0))" "$((s1 - s0))" "$t0" "$t1" "$ds_rps" "$gs_rps" <<'PY'
import sys
c = sys.argv[1]
d_rps, d_p50, d_p99, g_rps, g_p50, g_p99, g_cpu, s_cpu, t0, t1, ds_rps, gs_rps = map(float, sys.argv[2:])
requests = g_rps * (t1 - t0)  # warm-up included, at the measured rate
print(f"CPU per request through the gateway: gateway {g_cpu / requests:.3f} ms, service {s_cpu / requests:.3f} ms")
print(f"throughput ({c} connections), shared cores: direct {d_rps:.0f} req/s, gateway {g_rps:.0f} req/s = {100 * g_rps / d_rps:.0f}% of direct")
print(f"throughput ({c} connections), split cores: direct {ds_rps:.0f} req/s, gateway {gs_rps:.0f} req/s = {100 * gs_rps / ds_rps:.0f}% of direct")
print(f"latency (1 connection): direct p50 {d_p50:.2f} ms p99 {d_p99:.2f} ms; gateway p50 {g_p50:.2f} ms p99 {g_p99:.2f} ms")
print(f"the gateway adds {g_p50 - d_p50:.2f} ms at p50")
PY
