#!/usr/bin/env bash
# Runs every test of the solution. When PostgreSQL's server binaries are installed and APPROVAL_POSTGRES
# is not set, it starts a throw-away PostgreSQL on 127.0.0.1 for the PostgreSQL tests and stops it at the end.
# Prints a last line "N passed, N failed[, N skipped]" and exits non-zero when any test failed.
set -uo pipefail
cd "$(dirname "$0")"

pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT

if [ -z "${APPROVAL_POSTGRES:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]; then
    port=${APPROVAL_PG_PORT:-55432}
    # Something else may already listen there (another cluster, another run): take the next free port instead.
    for _ in $(seq 1 50); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
      echo "127.0.0.1:$port is taken; trying $((port + 1))"
      port=$((port + 1))
    done
    pg_dir=$(mktemp -d /tmp/approval-pg.XXXXXX)
    chown postgres "$pg_dir" 2>/dev/null || true
    if runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1 &&
       runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
         -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null; then
      export APPROVAL_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "PostgreSQL started on 127.0.0.1:$port for the PostgreSQL tests"
    else
      echo "Could not start PostgreSQL on 127.0.0.1:$port (see the logs below); the PostgreSQL tests will report themselves as skipped (failed under CI=true):"
      cat "$pg_dir"/*.log
    fi
  else
    echo "PostgreSQL is not installed: the PostgreSQL tests will report themselves as skipped."
  fi
fi

log=$(mktemp /tmp/approval-test.XXXXXX.log)
dotnet test Approval.sln -c "${CONFIGURATION:-Debug}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13".
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- Failed:' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build or runner failure counts as a failure
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit "$status"
