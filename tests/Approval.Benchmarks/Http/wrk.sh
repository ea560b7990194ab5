#!/usr/bin/env bash
# HTTP load on the product host against a generated PostgreSQL database (see ../EngineLoad/README.md, "Reads").
#
#   tests/Approval.Benchmarks/Http/wrk.sh "Host=127.0.0.1;Port=55500;Username=postgres;Database=approval_seed_100000_…"
#
# Starts Approval.Web in Release on that database (Development environment for the demo accounts, which it adds
# once, with the demo projects, beside the generated ones; telemetry export off, logging at Warning, the timer
# scheduler off so the data stays as generated, the tracking rate limit raised by configuration), signs in with
# bearer tokens (POST /api/auth/login) as the busiest department's approver and as the supervisor, and runs
# `wrk -t2 -c32 -d20s --latency` against tracking, one project, the to-do list and the department board. Prints req/s
# and latency percentiles per endpoint, each after an unrecorded warm-up run. Environment: PORT (5187), DURATION (20s),
# WARMUP (10s), THREADS (2), CONNECTIONS (32).
set -euo pipefail
connection=${1:?usage: wrk.sh "<Npgsql connection string of a generated database>"}
root=$(cd "$(dirname "$0")/../../.." && pwd)
port=${PORT:-5187}
duration=${DURATION:-20s}
warmup=${WARMUP:-10s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
endpoints=",${ENDPOINTS:-tracking,project,todo,board},"
base="http://127.0.0.1:$port"
here=$(cd "$(dirname "$0")" && pwd)

# libpq's form of the Npgsql string, for psql.
pg() {
  local host port user db
  host=$(sed -E 's/.*Host=([^;]*).*/\1/I' <<<"$connection")
  port=$(sed -E 's/.*Port=([^;]*).*/\1/I' <<<"$connection")
  user=$(sed -E 's/.*Username=([^;]*).*/\1/I' <<<"$connection")
  db=$(sed -E 's/.*Database=([^;]*).*/\1/I' <<<"$connection")
  psql -h "$host" -p "$port" -U "$user" -d "$db" -At -c "$1"
}

if [ "${NO_BUILD:-}" != 1 ]; then
  echo "wrk: building Approval.Web (Release)"
  dotnet build "$root/src/Approval.Web" -c Release -v q -clp:ErrorsOnly >/dev/null
fi

echo "wrk: starting the host on $base"
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" \
  Approval__Database__Provider=Postgres Approval__Database__ConnectionString="$connection" \
  Approval__Tracking__PermitsPerMinute=1000000000 Approval__Tracking__MissesPerHour=1000000 \
  Approval__Scheduler__Enabled=false Approval__Telemetry__Exporter=None \
  Logging__LogLevel__Default=Warning \
  dotnet "$root/src/Approval.Web/bin/Release/net10.0/Approval.Web.dll" --contentRoot "$root/src/Approval.Web" >/tmp/approval-wrk-host.log 2>&1 &
host=$!
trap 'kill $host 2>/dev/null || true; wait $host 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$base/health/ready" >/dev/null 2>&1 && break
  kill -0 $host 2>/dev/null || { echo "wrk: the host stopped; its log:"; cat /tmp/approval-wrk-host.log; exit 1; }
  sleep 1
done
curl -sf "$base/health/ready" >/dev/null || { echo "wrk: the host did not become ready"; exit 1; }

department=$(pg "SELECT \"DepartmentId\" FROM tasks WHERE \"Status\" IN ('Open','Suspended') AND \"DepartmentId\" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
read -r code key < <(pg "SELECT \"ProjectCode\" || ' ' || \"QueryKey\" FROM instances WHERE \"Status\" = 'Running' AND \"QueryKey\" IS NOT NULL ORDER BY \"Id\" LIMIT 1")
project=$(pg "SELECT \"Id\" FROM instances WHERE \"Status\" = 'Running' ORDER BY \"Id\" OFFSET 1 LIMIT 1")
projects=$(pg "SELECT count(*) FROM instances")
password=$(sed -nE 's/.*const string Password = "([^"]*)".*/\1/p' "$root/src/Approval.Web/Hosting/DemoData.cs")
token() {
  curl -sf -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$password\"}" "$base/api/auth/login" | jq -r .accessToken
}
approver=$(token "approver-$department")
supervisor=$(token supervisor)
echo "wrk: $projects projects; department $department; tracking $code; project $project"
echo "wrk: machine $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$threads -c$connections -d$duration --latency"

run() {
  local name=$1 url=$2 bearer=${3:-}
  # Once by hand, so a wrong answer is not measured as a fast one.
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' ${bearer:+-H "Authorization: Bearer $bearer"} "$url")
  if [ "$status" != 200 ]; then echo "wrk: $name answered $status, not 200: $url"; return; fi
  # An unrecorded run first: the host's code is still being compiled for speed (tiered JIT) in its first seconds on an
  # endpoint, and the figure wanted is the steady state.
  TOKEN="$bearer" wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/bearer.lua" "$url" >/dev/null
  local out
  out=$(TOKEN="$bearer" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/bearer.lua" "$url")
  local rps p50 p90 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p90=$(awk '$1=="90%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
  printf 'http %-40s req/s=%-10s p50=%-9s p90=%-9s p99=%-9s %s\n' "$name" "$rps" "$p50" "$p90" "$p99" "$errors"
}

wanted() { [[ $endpoints == *",$1,"* ]]; }
wanted tracking && run "GET /api/tracking" "$base/api/tracking?code=$code&key=$key"
wanted project && run "GET /api/projects/{id}" "$base/api/projects/$project" "$supervisor"
wanted todo && run "GET /api/tasks (to-do)" "$base/api/tasks" "$approver"
wanted calendar && run "GET /api/calendar/days/{date}" "$base/api/calendar/days/2024-10-08"
wanted board && run "GET /api/supervision/departments?department" "$base/api/supervision/departments?department=$department" "$supervisor"
echo "wrk: host memory at the end: $(ps -o rss= -p $host | awk '{printf "%.0f MB RSS", $1/1024}')"
